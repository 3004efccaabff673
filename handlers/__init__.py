"""Conversation handlers, framework-free: each module is one feature with its own Router."""

from __future__ import annotations

from bot.chat.router import Router
from handlers import fallback, groups, help, propose, rules, settings, start, votes

FEATURES = (start, propose, votes, rules, settings, help, groups, fallback)


def build_router() -> Router:
    """Every feature's routes in one router (the order of FEATURES is the order of the menus)."""
    root = Router()
    for feature in FEATURES:
        root.include(feature.router)
    return root
