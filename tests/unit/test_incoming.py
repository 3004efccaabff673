"""What the transports check before a library reads an update, and what a skipped update's log line may say."""

from __future__ import annotations

import pytest
from aiogram.types import Update as AiogramUpdate
from pydantic import ValidationError
from telegram import Update as PtbUpdate

from bot.transports.incoming import NotAnUpdate, last_id, readable, update_from_body, why

NAME = "Zebedee Quillfeather"
UNREADABLE = {"update_id": 7, "message": {"message_id": 1, "date": 1, "chat": {"id": 5, "type": "private"},
                                           "from": {"id": 5, "first_name": NAME}, "text": "secret words"}}


def test_a_body_is_one_update_or_refused_with_a_reason_that_quotes_nothing():
    assert update_from_body(b'{"update_id": 3}') == {"update_id": 3}
    for body in (b"{", b"[]", b'"x"', b"null", b'{"update_id": "Zebedee"}', b'{"update_id": 1.5}', b"\xff",
                 b"[" * 50_000 + b"]" * 50_000):
        with pytest.raises(NotAnUpdate) as refused:
            update_from_body(body)
        assert "Zebedee" not in str(refused.value)


def test_why_names_the_field_at_fault_on_both_libraries_and_never_a_value():
    with pytest.raises(ValidationError) as aiogram_error:
        AiogramUpdate.model_validate(UNREADABLE)
    with pytest.raises(TypeError) as ptb_error:
        PtbUpdate.de_json(UNREADABLE, None)
    for error in (aiogram_error.value, ptb_error.value):
        assert "is_bot" in why(error)
        assert NAME not in why(error) and "secret" not in why(error)
    assert why(ValueError(f"invalid literal for int(): '{NAME}'")) == "ValueError"


def test_a_batch_keeps_what_can_be_read_and_confirms_past_all_of_it():
    batch = [{"update_id": 5}, "junk", UNREADABLE, {"update_id": 8}]
    assert readable(batch, lambda raw: raw["update_id"]) == [5, 7, 8]
    assert readable(batch, lambda raw: AiogramUpdate.model_validate(raw).update_id) == [5, 8]
    assert last_id(batch) == 8
    assert last_id(["junk"]) is None
