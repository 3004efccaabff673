"""The safety net: private words that read as someone having a hard time get a kind reply, where to get
help now (/support's helplines) and a button that asks a coordinator to get in touch.

The phrases live in the catalogs (context "distress"), so translators review them in each language; both
languages' lists are checked whatever language the person chose. No diagnosis, nothing stored.
"""

from __future__ import annotations

from functools import cache

from bot.chat.context import Context
from bot.domain.distress import phrases_in, reads_as_distress
from bot.i18n.easy import both
from bot.i18n.translator import Tr
from handlers.home import get_help


def _listed(tr: Tr) -> str:
    # Translators: never shown. Words and phrases that suggest someone is having a hard time, ONE A LINE, as
    # people would type them in this catalog's language (informal spellings welcome). A message containing one
    # (as whole words) gets a kind reply with helplines and a way to reach a coordinator. Keep each specific
    # enough not to match everyday chat; add more lines freely.
    return tr.p_("distress", "struggling\nstruggle\nhard time\nhaving a hard time\ndon't know what to do\n"
                             "dont know what to do\ncan't cope\ncant cope\ncannot cope\nnot coping\n"
                             "feeling low\nfeel low\nfeeling down\nfeel down\ndepressed\nanxious\npanic\n"
                             "panicking\nlonely\nso alone\nall alone\nscared\nfrightened\nhopeless\n"
                             "worthless\nsuicidal\nkill myself\nend it all\nhurt myself\nhurting myself\n"
                             "self harm\nwant to die\nrelapse\nrelapsed\nusing again\ndrinking again\ncraving\n"
                             "cravings\ncrisis\ncrying\noverwhelmed\nnot ok\nnot okay\nhelp me\nbad day\n"
                             "can't go on\ncant go on\nfalling apart\nbreaking down")


@cache
def _phrases() -> tuple[str, ...]:
    """Every language's phrases: someone who chose English may still write in Welsh, and the other way."""
    return tuple({phrase for language in ("cy", "en") for phrase in phrases_in(_listed(Tr(language)))})


def reads_as_distress_here(text: str) -> bool:
    return reads_as_distress(text, _phrases())


_kind_words = both(
    lambda tr: tr._("💛 I'm sorry things are hard right now. You don't have to face it alone: here are people "
                    "you can talk to now, free."),
    lambda tr: tr.p_("easy", "💛 I am sorry things are hard.\n🤝 You are not alone.\n"
                           "📞 You can talk to these people now. It is free."),
)


async def answer_distress(ctx: Context) -> None:
    """Kind words, where to get help now, and the button that reaches a coordinator."""
    await ctx.reply(_kind_words)
    await get_help(ctx)
