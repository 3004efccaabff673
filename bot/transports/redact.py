"""Keep secrets out of the logs of the libraries under the transports.

python-telegram-bot logs the Bot API address at DEBUG, and that address holds the bot token. A filter on
the loggers that do so blanks every secret in their records, whatever handlers and levels are in use.
"""

from __future__ import annotations

import logging

HIDDEN = "<hidden>"


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, HIDDEN)
            record.msg, record.args = message, None
        return True


def redact(logger_names: tuple[str, ...], *secrets: str) -> None:
    """Blank `secrets` in everything these loggers log (once per logger and set of secrets)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) and f.secrets == list(secrets) for f in logger.filters):
            logger.addFilter(RedactSecrets(list(secrets)))
