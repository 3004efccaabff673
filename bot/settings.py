"""Settings from the environment (prefix CRIW_) and an optional .env file.

A bad setting stops start-up with one clear line naming it (SettingsError), never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain.helplines import read_helplines
from bot.voice.synth import Voice

TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def _ids(value: str) -> frozenset[int]:
    """Telegram ids separated by commas (spaces allowed): "123, -100456"."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not all(re.fullmatch(r"-?[1-9][0-9]{0,18}", part) for part in parts):
        raise ValueError("must be Telegram ids separated by commas, e.g. 123456789,987654321")
    return frozenset(int(part) for part in parts)


class SettingsError(Exception):
    """A setting is missing or wrong; the message is one line meant for the person starting Criw."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRIW_", env_file=".env", extra="ignore")

    bot_token: str = ""
    database_url: str = Field(default_factory=lambda: f"sqlite+aiosqlite:///{Path.cwd() / 'criw.db'}")
    telegram_api: str = "https://api.telegram.org"
    transport: Literal["aiogram", "ptb"] = "aiogram"
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listen: str = "127.0.0.1:8080"
    web_listen: str = "127.0.0.1:8080"  # the bot's own web server (calendar feeds, /healthz) without a webhook
    public_url: str = ""  # where phones reach that server, e.g. https://criw.example.org (calendar links)
    timezone: str = "Europe/London"
    default_language: Literal["cy", "en"] = "cy"
    organisation_name: str = "Criw"
    # Telegram user ids (comma-separated) who coordinate the organisation from the start: shared rooms,
    # vehicles, budgets, every group's requests, and admitting new groups (bot/services/admission.py).
    organisation_coordinators: str = ""
    admitted_groups: str = ""  # Telegram chat ids (comma-separated) admitted as soon as the bot is added
    group_edit_seconds: float = Field(default=3.5, ge=0, le=60)  # least time between edits of one group post
    job_seconds: float = Field(default=10, gt=0, le=3600)  # how often due reminders are looked for
    database_wait_seconds: float = Field(default=15, gt=0, le=300)  # SQLite: how long a write waits for a lock
    telegram_timeout: float = Field(default=30, gt=0, le=300)  # how long to wait for Telegram to answer a call
    retention_days: int = Field(default=90, ge=2, le=3650)  # then audit details and old records are cleared
    helplines: str = ""  # the organisation's own helplines for /support, as JSON (bot/domain/helplines.py)
    helplines_builtin: bool = True  # also list Samaritans, C.A.L.L., Meic and the others
    voice: bool = True  # 🔊 voice notes (needs espeak-ng and opusenc; without them no Listen button is shown)
    voice_cache_dir: str = ""  # where voice notes are kept ("" = criw-voice in the temporary folder)
    espeak: str = "espeak-ng"  # the speech synthesiser (Debian: espeak-ng)
    opusenc: str = "opusenc"  # the OGG/Opus encoder (Debian: opus-tools)

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: str) -> str:
        if value and not TOKEN_SHAPE.match(value):
            raise ValueError("must look like 123456:ABC-def (the token BotFather gave you)")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (try Europe/London)") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("helplines")
    @classmethod
    def _helplines_shape(cls, value: str) -> str:
        read_helplines(value)
        return value

    @field_validator("organisation_coordinators", "admitted_groups")
    @classmethod
    def _id_list_shape(cls, value: str) -> str:
        _ids(value)
        return value

    @property
    def organisation_coordinator_ids(self) -> frozenset[int]:
        return _ids(self.organisation_coordinators)

    @property
    def admitted_chat_ids(self) -> frozenset[int]:
        return _ids(self.admitted_groups)

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: str) -> str:
        if value and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
            raise ValueError("may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url_shape(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
            raise ValueError("must be an http:// or https:// address, e.g. https://criw.example.org")
        return value.rstrip("/")

    @property
    def public_base_url(self) -> str:
        """Where people's calendars fetch feeds: CRIW_PUBLIC_URL, else the webhook's site, else the local server."""
        if self.public_url:
            return self.public_url
        if self.webhook_url:
            parts = urlsplit(self.webhook_url)
            return f"{parts.scheme}://{parts.netloc}"
        return f"http://{self.web_listen}"

    @property
    def voice_notes(self) -> Voice:
        """How 🔊 voice notes are made and cached here."""
        return Voice.at(self.voice_cache_dir, enabled=self.voice, espeak=self.espeak, encoder=self.opusenc)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def require_token(self) -> str:
        if not self.bot_token:
            raise SettingsError("CRIW_BOT_TOKEN is not set: ask @BotFather for a token and set it")
        return self.bot_token

    def __repr__(self) -> str:  # never leak the token or secret into logs
        return f"Settings(transport={self.transport!r}, timezone={self.timezone!r})"

    __str__ = __repr__


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning the first validation problem into one SettingsError line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = "CRIW_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name}: {message}") from None
