""""What mattered" stories: the tags people tap, and what they agree a report may do with their story."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

ASK_KIND = "story_ask"  # the reminder kind that asks, and the switch a group can turn off
USEFUL_FOR = timedelta(days=3)  # after that the meet-up is too far back to ask about


class Tag(StrEnum):
    MET_PEOPLE = "met"
    CONFIDENT = "confident"
    HEALTHIER = "healthier"
    LEARNT = "learnt"
    GAVE_BACK = "gave"
    FUN = "fun"


class Consent(StrEnum):
    NAMED = "name"  # in reports with their first name
    ANONYMOUS = "anon"  # in reports without a name
    PRIVATE = "private"  # not in reports: counted in no table, kept for them only


IN_REPORTS = frozenset({Consent.NAMED, Consent.ANONYMOUS})


def first_name(display_name: str) -> str:
    """The name a report may print: the first word of what they are called."""
    return display_name.split()[0] if display_name.split() else ""


def read_tags(values: list[str]) -> list[str]:
    """Known tags, once each, in the order they are offered."""
    chosen = set(values)
    return [tag.value for tag in Tag if tag.value in chosen]
