"""Roles: which process takes updates and which runs the scheduled work, and bad set-ups stopped early."""

import pytest

from bot.cli import _parser
from bot.runner import _check_role, runs_scheduled_work
from bot.settings import SettingsError, load_settings

TOKEN = "123456:ABC-def"


def test_a_worker_without_a_webhook_address_stops_with_one_line_naming_the_setting():
    with pytest.raises(SettingsError, match=r"^CRIW_WEBHOOK_URL: a worker takes its updates by webhook"):
        _check_role(load_settings(bot_token=TOKEN, webhook_url=""), "worker")


def test_a_webhook_needs_a_secret_but_a_scheduler_which_takes_no_updates_does_not():
    settings = load_settings(bot_token=TOKEN, webhook_url="https://criw.example/telegram", webhook_secret="")
    for role in ("worker", "all"):
        with pytest.raises(SettingsError, match=r"^CRIW_WEBHOOK_SECRET"):
            _check_role(settings, role)
    _check_role(settings, "scheduler")


def test_only_workers_leave_the_scheduled_work_to_the_one_scheduler():
    assert [role for role in ("all", "worker", "scheduler") if runs_scheduled_work(role)] == ["all", "scheduler"]


def test_the_command_line_knows_the_three_roles_and_defaults_to_all():
    assert _parser().parse_args(["run"]).role == "all"
    assert _parser().parse_args(["run", "--role", "scheduler"]).role == "scheduler"
    with pytest.raises(SystemExit):
        _parser().parse_args(["run", "--role", "boss"])
