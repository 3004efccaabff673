"""The home screen: big buttons for what this person can do now, in private.

Shown by /start once set up, by a typed "menu", "dewislen", "help" or "helo", and under the reply to any
private message Criw can't act on, so nobody is left at a wall of commands. Each button runs the same
handler as its command (what's on, votes, suggest, my time, settings), so the two can't drift apart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.chat.callbacks import encode, one_of
from bot.chat.context import Context
from bot.chat.easy_read import help_button
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import meetups as meetup_service
from bot.services.errors import NotFound
from handlers import credits, helplines, meetups, propose, votes
from handlers.help_text import coordinator_help_text, easy_coordinator_help_text
from handlers.settings import show_settings

router = Router(name=__name__)
_GENERAL = Subject("-")  # "I need help" about nothing in particular: every group's coordinators hear

HOME = "home"
# What people type when they are looking for the way in (lower case, without punctuation).
MENU_WORDS = frozenset({"menu", "dewislen", "help", "helo", "hello", "hi", "hia", "shwmae", "sumae", "home",
                        "adref", "cymorth", "start", "dechrau"})

_question = both(lambda tr: tr._("🏠 What would you like to do?"),
                 lambda tr: tr.p_("easy", "🏠 What do you want to do?\n👆 Press a button."))


def _labels() -> dict[str, Render]:
    return {
        "on": lambda tr: tr._("📅 What's on"),
        "votes": lambda tr: tr._("🗳️ Open votes"),
        "propose": lambda tr: tr._("✍️ Suggest something"),
        "time": lambda tr: tr._("⏱ My time"),
        "help": lambda tr: tr._("🆘 Get help"),
        "settings": lambda tr: tr._("⚙️ Settings"),
        "coord": lambda tr: tr._("🧭 Coordinators"),
    }


def home_keyboard(ctx: Context, *, coordinator: bool) -> Keyboard:
    """Two big buttons a row; a coordinator's own button last, on a row of its own."""
    labels = _labels()

    def button(target: str) -> Button:
        return Button(ctx.label(labels[target]), encode(HOME, target))

    rows = [[button("on"), button("votes")], [button("propose"), button("time")],
            [button("help"), button("settings")]]
    if coordinator:
        rows.append([button("coord")])
    return Keyboard.of(*rows)


def home_button(ctx: Context) -> Button:
    return Button(ctx.label(lambda tr: tr._("🏠 Menu")), encode(HOME, "menu"))


async def _coordinates(ctx: Context) -> bool:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        return bool(await meetup_service.groups_coordinated(uow, ctx.person.telegram_id))


async def show_home(ctx: Context, before: Readable | None = None) -> None:
    """The home screen, after a line of its own when there is something to say first."""
    question = _question
    if before is not None:
        first = before

        def standard(tr: Tr) -> Markup:
            return one_per_line([first.standard(tr), BLANK, _question.standard(tr)])

        def easy(tr: Tr) -> Markup:
            return one_per_line([first.easy(tr), BLANK, _question.easy(tr)])

        question = both(standard, easy)
    await ctx.reply(question, home_keyboard(ctx, coordinator=await _coordinates(ctx)))


async def get_help(ctx: Context) -> None:
    """Where to get help now, then a way to reach a coordinator (an Easy Read reader has it under every message)."""
    await helplines.support(ctx)
    keyboard = Keyboard.of([home_button(ctx)]) if ctx.easy_read else Keyboard.of(
        [help_button(ctx.tr, _GENERAL)], [home_button(ctx)])
    await ctx.reply(_reach_someone, keyboard)


_reach_someone = both(
    lambda tr: tr._("🤝 Would you like someone from your group to get in touch? Press I need help and I'll tell "
                    "your coordinators."),
    lambda tr: tr.p_("easy", "🤝 Do you want to talk to someone from your group?\n🆘 Press I need help.\n"
                           "👤 I will tell your coordinators."),
)


async def _coordinators(ctx: Context) -> None:
    if not await _coordinates(ctx):
        raise NotFound(HOME)
    await ctx.reply(both(coordinator_help_text, easy_coordinator_help_text), Keyboard.of([home_button(ctx)]))


async def _menu(ctx: Context) -> None:
    await show_home(ctx)


_TARGETS: dict[str, Callable[[Context], Awaitable[None]]] = {
    "on": meetups.upcoming, "votes": votes.open_votes, "propose": propose.propose, "time": credits.show_credits,
    "help": get_help, "settings": show_settings, "coord": _coordinators, "menu": _menu,
}


@router.callback(HOME, (one_of(*_TARGETS),))
async def pressed(ctx: Context) -> None:
    """A home screen button: do what its command does."""
    assert ctx.callback is not None
    target = _TARGETS.get(ctx.callback.args[0] if ctx.callback.args else "")
    if target is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    await ctx.answer(message=False)
    await target(ctx)


def asks_for_home(text: str) -> bool:
    """"menu", "Helo!", "dewislen" ...: someone looking for the way in."""
    return "".join(ch for ch in text.casefold() if ch.isalnum()) in MENU_WORDS

