import subprocess
import sys

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path):
    for name in ("CRIW_BOT_TOKEN", "CRIW_TIMEZONE", "CRIW_DATABASE_URL", "CRIW_TRANSPORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_are_welsh_first_and_london_time():
    settings = load_settings()
    assert settings.default_language == "cy"
    assert settings.timezone == "Europe/London"
    assert settings.database_url.startswith("sqlite+aiosqlite:///")


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("CRIW_BOT_TOKEN", "not a token", "CRIW_BOT_TOKEN"),
        ("CRIW_TIMEZONE", "Mars/Olympus", "CRIW_TIMEZONE"),
        ("CRIW_TRANSPORT", "carrier-pigeon", "CRIW_TRANSPORT"),
        ("CRIW_DATABASE_URL", "mysql://x", "CRIW_DATABASE_URL"),
        ("CRIW_ORGANISATION_COORDINATORS", "@dafydd", "CRIW_ORGANISATION_COORDINATORS"),
        ("CRIW_ADMITTED_GROUPS", "-100, 007", "CRIW_ADMITTED_GROUPS"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(monkeypatch, name, value, named):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as problem:
        load_settings()
    assert str(problem.value).startswith(named + ":")
    assert "\n" not in str(problem.value)


def test_organisation_coordinators_and_admitted_groups_are_lists_of_telegram_ids(monkeypatch):
    monkeypatch.setenv("CRIW_ORGANISATION_COORDINATORS", "123456789, 987654321")
    monkeypatch.setenv("CRIW_ADMITTED_GROUPS", "-1001234567890")
    settings = load_settings()
    assert settings.organisation_coordinator_ids == {123456789, 987654321}
    assert settings.admitted_chat_ids == {-1001234567890}


def test_settings_are_read_from_a_dotenv_file(tmp_path):
    (tmp_path / ".env").write_text("CRIW_TIMEZONE=Europe/Dublin\n")
    assert load_settings().timezone == "Europe/Dublin"


def test_the_token_never_appears_in_the_settings_repr(monkeypatch):
    monkeypatch.setenv("CRIW_BOT_TOKEN", "123456:secret-token-value")
    assert "secret-token-value" not in repr(load_settings())


def test_starting_with_a_bad_setting_prints_one_line_and_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env={"CRIW_TIMEZONE": "Nowhere/At_All", "PATH": "", "PYTHONPATH": str(_root())},
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "criw: CRIW_TIMEZONE: unknown time zone 'Nowhere/At_All' (try Europe/London)"
    ]


def test_running_without_a_token_says_which_setting_is_missing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], env={"PATH": "", "PYTHONPATH": str(_root())},
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 2
    assert "CRIW_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]
