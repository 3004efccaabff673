"""`Tr`: gettext bound to one language, giving Markup with placeholder values escaped (bot/i18n/markup.py).

Handlers receive render functions `(tr) -> str` so the same code can speak Welsh, English or both.
Marker methods `_`, `n_` and `p_` are what `pybabel extract` looks for (see babel.cfg).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_decimal

from bot.i18n.catalogs import translations
from bot.i18n.markup import Markup, plain


def _fill(template: str, values: Mapping[str, object]) -> Markup:
    """The catalog's template is ours (trusted markup); markupsafe escapes every value put into it."""
    return Markup(template) % dict(values) if values else Markup(template)


@dataclass(frozen=True)
class Tr:
    """Translate and format for one language ("cy" or "en")."""

    language: str

    def _(self, msgid: str, **values: object) -> Markup:
        return _fill(translations(self.language).gettext(msgid), values)

    def n_(self, singular: str, plural: str, n: int, **values: object) -> Markup:
        return _fill(translations(self.language).ngettext(singular, plural, n), {"n": n, **values})

    def p_(self, context: str, msgid: str, **values: object) -> Markup:
        return _fill(translations(self.language).pgettext(context, msgid), values)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.language)

    def when(self, moment: datetime, zone: ZoneInfo, pattern: str = "EEEE d MMMM, HH:mm") -> str:
        """A moment in the group's time zone, e.g. "Dydd Sadwrn 5 Rhagfyr, 14:30"."""
        return format_datetime(moment.astimezone(zone), pattern, locale=self.language)


Render = Callable[[Tr], Markup]  # a message: Telegram HTML
Label = Callable[[Tr], str]  # a button label or pop-up: plain text (Markup given here is unescaped)

WELSH = Tr("cy")
ENGLISH = Tr("en")


def render_in(languages: tuple[str, ...], render: Render) -> Markup:
    """Render in one language, or bilingually: the Welsh block first, then the English block."""
    return Markup("\n\n").join(render(Tr(language)) for language in languages)


def label_in(languages: tuple[str, ...], render: Label) -> str:
    """A button label (plain text) in one language, or both joined (Welsh first) where a group reads both."""
    return " / ".join(dict.fromkeys(plain(render(Tr(language))) for language in languages))
