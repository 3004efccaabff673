"""Every button kind declares the exact shapes of its fields, and the router refuses any other payload
(an extra field, a missing one, a number written "00" or "07") before a handler could read it leniently."""

import pytest

from bot.chat.callbacks import CHAT_ID, ID, decode, encode, example
from bot.chat.router import Router
from handlers import build_router

ROUTER = build_router()
CASES = [(prefix, shape) for prefix, shapes in sorted(ROUTER.shapes.items()) for shape in shapes]


def test_every_routed_button_kind_declares_its_shapes():
    assert set(ROUTER.shapes) == set(ROUTER.callbacks)
    assert len(ROUTER.callbacks) >= 60


def test_a_button_kind_without_shapes_cannot_be_routed():
    with pytest.raises(ValueError, match="must declare"):
        Router().callback("new")


@pytest.mark.parametrize(("prefix", "shape"), CASES)
def test_a_payload_of_the_declared_shape_is_accepted_and_any_other_is_refused(prefix, shape):
    args = example(shape)
    pressed = decode(encode(prefix, *args))
    assert pressed is not None and ROUTER.accepts(pressed.prefix, pressed.args)
    assert not ROUTER.accepts(prefix, (*args, "extra"))
    assert not ROUTER.accepts(prefix, (*args, "extra", "more"))
    for index, part in enumerate(shape):
        unusual = {ID: "0" + args[index], CHAT_ID: "-0" + args[index].lstrip("-")}.get(part)
        if unusual is not None:
            assert not ROUTER.accepts(prefix, (*args[:index], unusual, *args[index + 1:])), unusual


@pytest.mark.parametrize("payload", ["1|v|2|0|y|extra|more", "1|v|2|00|y", "1|v|02|0|y", "1|v|2|0", "1|v|2|+0|y",
                                     "1|v|2|-0|y", "1|v|2|0|yes"])
def test_the_vote_payloads_once_counted_are_refused(payload):
    pressed = decode(payload)
    assert pressed is None or not ROUTER.accepts(pressed.prefix, pressed.args)
    assert ROUTER.accepts("v", ("2", "0", "y"))
