"""What a transport assumes when an optional lookup's answer can't be read.

A member's Telegram status (getChatMember) only refines the picture: whether someone new is in the group,
and whether a group's first administrator becomes its coordinator. When the Bot API answers in a shape the
library can't decode (a different server, a newer Telegram), failing the whole update would answer every
group command with "Sorry"; instead the answer counts as Telegram not confirming them, which grants nothing.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
UNCONFIRMED = "left"  # not recorded as in the group, never made coordinator: the safe default


def unreadable_member(chat_id: int, telegram_id: int, error: Exception) -> str:
    log.warning("getChatMember for %s in %s: answer unreadable (%s), taken as not confirmed",
                telegram_id, chat_id, type(error).__name__)
    return UNCONFIRMED
