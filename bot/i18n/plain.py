"""`PlainTr`: gettext for plain-text sinks (paper, files), where a value goes in exactly as typed.

`Tr` escapes placeholder values for Telegram HTML; a page printed with Pillow is not HTML, so there
`Caffi <Llaeth> & Siwgr` must stay itself rather than print as `Caffi &lt;Llaeth&gt; &amp; Siwgr`. The
marker methods have the same names as `Tr`'s, so `pybabel extract` finds their strings as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.i18n.catalogs import translations
from bot.i18n.translator import Tr


def _fill(template: str, values: Mapping[str, object]) -> str:
    return template % dict(values) if values else template


@dataclass(frozen=True)
class PlainTr:
    """Translate for one language ("cy" or "en") into plain text: nothing escaped, no markup."""

    language: str

    def _(self, msgid: str, **values: object) -> str:
        return _fill(translations(self.language).gettext(msgid), values)

    def n_(self, singular: str, plural: str, n: int, **values: object) -> str:
        return _fill(translations(self.language).ngettext(singular, plural, n), {"n": n, **values})

    def p_(self, context: str, msgid: str, **values: object) -> str:
        return _fill(translations(self.language).pgettext(context, msgid), values)

    def when(self, moment: datetime, zone: ZoneInfo, pattern: str = "EEEE d MMMM, HH:mm") -> str:
        return Tr(self.language).when(moment, zone, pattern)


PlainRender = Callable[[PlainTr], str]
