"""Failures the dispatcher reports to the error handler (handlers/errors.py) when an update could not be
handled normally. Each says truthfully what happened to the person's request."""

from __future__ import annotations


class DatabaseUnavailable(Exception):
    """The database stayed unreachable or locked while the update was tried again: nothing was changed."""


class Unfinished(Exception):
    """Handling stopped after a change was saved (a crash, or a failure sending the reply). What was saved
    stays and is not done twice; the person is told so."""


class TryLater(Exception):
    """Another worker has had this update in hand for a while and hasn't finished it: it may be dead. The
    webhook answers with an error, so Telegram delivers the update again later, when the claim can be taken
    over; acknowledging it now could lose it."""
