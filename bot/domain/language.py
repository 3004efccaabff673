"""Which language(s) Criw speaks where. Welsh first, always."""

from __future__ import annotations

WELSH, ENGLISH = "cy", "en"
BOTH = (WELSH, ENGLISH)
GROUP_MODES = {"bilingual": BOTH, "cy": (WELSH,), "en": (ENGLISH,)}


def for_person(chosen: str | None) -> tuple[str, ...]:
    """A person's chosen language; until they choose, both (Telegram's language_code is only a hint)."""
    return (chosen,) if chosen in BOTH else BOTH


def for_group(mode: str | None) -> tuple[str, ...]:
    """A shared chat speaks the group's language mode; bilingual unless the group chose one."""
    return GROUP_MODES.get(mode or "bilingual", BOTH)


def suggested(hint: str | None) -> str | None:
    """The language a Telegram client hints at, if it is one of ours."""
    if not hint:
        return None
    code = hint.split("-", 1)[0].lower()
    return code if code in BOTH else None
