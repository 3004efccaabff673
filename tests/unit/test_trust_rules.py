"""Small rules that keep Criw trustworthy: Telegram outages retried only when safe, forged numbers refused,
secrets blanked in library logs, helpline settings checked at start."""

import logging

import pytest

from bot.chat.callbacks import decode, encode
from bot.domain.helplines import read_helplines
from bot.settings import SettingsError, load_settings
from bot.transports.redact import HIDDEN, redact
from bot.transports.sender import SERVER_WAITS, TelegramDown, with_retry_after


class Flaky:
    def __init__(self, failures):
        self.failures, self.calls = list(failures), 0

    async def __call__(self):
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "sent"


async def no_sleep(_seconds):
    return None


async def test_a_telegram_server_error_is_tried_again_a_little_later():
    call = Flaky([TelegramDown("502"), TelegramDown("502")])
    assert await with_retry_after(call, sleep=no_sleep) == "sent"
    assert call.calls == 3


async def test_a_telegram_outage_longer_than_the_waits_is_given_up():
    call = Flaky([TelegramDown("502")] * (len(SERVER_WAITS) + 1))
    with pytest.raises(TelegramDown):
        await with_retry_after(call, sleep=no_sleep)
    assert call.calls == len(SERVER_WAITS) + 1


async def test_a_call_that_may_have_been_carried_out_is_never_repeated():
    call = Flaky([TelegramDown("timed out", maybe_done=True)])
    with pytest.raises(TelegramDown):
        await with_retry_after(call, sleep=no_sleep)
    assert call.calls == 1  # a second sendMessage could deliver the message twice


def test_a_forged_button_with_a_number_too_big_for_any_id_is_not_ours():
    assert decode("1|v|99999999999999999999|0|y") is None
    assert decode("1|v|9223372036854775808|0|y") is None
    assert decode(encode("v", 123456789012, 0, "y")) is not None
    assert decode("1|v|42|0|y").int_arg(0) == 42


def test_secrets_are_blanked_in_a_library_loggers_records(caplog):
    redact(("some.library",), "123:secret-token")
    with caplog.at_level(logging.DEBUG, logger="some.library"):
        logging.getLogger("some.library").debug("Set URL: %s", "https://api/bot123:secret-token/x")
    assert "secret-token" not in caplog.text and HIDDEN in caplog.text


def test_an_organisation_adds_helplines_in_welsh_and_english():
    lines = read_helplines('[{"name": "Ffôn", "contact": "0800 1", "cy": "Bob dydd.", "en": "Every day."}]')
    assert lines[0].about_in("cy") == "Bob dydd." and lines[0].about_in("en") == "Every day."
    assert read_helplines("") == ()


@pytest.mark.parametrize("setting", ["not json", "{}", "[]", '[{"name": "x"}]',
                                     '[{"name": "x", "contact": "1", "cy": "", "en": "y"}]'])
def test_a_wrong_helpline_setting_stops_start_up_with_one_line(setting):
    with pytest.raises(SettingsError, match=r"^CRIW_HELPLINES: "):
        load_settings(helplines=setting)
