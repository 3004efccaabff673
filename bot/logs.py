"""What Criw's log may hold, at every level: ids, counts and reasons, never people's names or what they wrote.

The libraries under Criw log what passes through them when asked for DEBUG: PTB every Bot API call's
parameters and answer (messages, names), aiosqlite every statement with its parameters, SQLAlchemy the rows
it reads (SQL parameters are hidden by the engine itself: bot/store/database.py). Filters on exactly those
loggers drop the values and keep the rest. (The scheduler's own quiet is bot/schedule/ticker.py's.)
"""

from __future__ import annotations

import logging

HIDDEN = "<not logged: may hold personal data>"
_PTB_CALLS = ("telegram.Bot", "telegram.ext.ExtBot")
_PTB_DUMPS = ("Calling Bot API endpoint", "Call to Bot API endpoint")  # "...`%s` with parameters `%s`" etc.


class WithoutValues(logging.Filter):
    """Keep a record's first argument (the endpoint, the operation) and hide the others (its data)."""

    def __init__(self, carries_data: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.carries_data = carries_data

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str) or not record.args:
            return True
        if self.carries_data and not record.msg.startswith(self.carries_data):
            return True
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        record.args = (args[0], *(HIDDEN for _ in args[1:])) if len(args) > 1 else (HIDDEN,)
        return True


class DropRows(logging.Filter):
    """SQLAlchemy logs each row it reads at DEBUG ("Row (...)"): names, notes, whatever the row holds."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Row "))


def _add_once(name: str, made: logging.Filter) -> None:
    logger = logging.getLogger(name)
    if not any(type(existing) is type(made) for existing in logger.filters):
        logger.addFilter(made)


def keep_personal_data_out() -> None:
    """Install the filters and levels above (idempotent; Criw's composition root calls it)."""
    for name in _PTB_CALLS:
        _add_once(name, WithoutValues(_PTB_DUMPS))
    _add_once("telegram.request.BaseRequest", WithoutValues(("Can not load invalid JSON data",)))
    _add_once("aiosqlite", WithoutValues())  # "executing functools.partial(<execute>, 'SQL', (parameters))"
    _add_once("sqlalchemy.engine.Engine", DropRows())
