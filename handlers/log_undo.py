"""Taking back a /log entry before anyone has confirmed it: ↩️ Take it back, or ✏️ Correct it (taken back,
then /log again). Whoever was asked to confirm it is told, so nobody confirms something that's gone.
The entry stays in the record, marked as taken back; nothing is earned or counted."""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Tr
from bot.services import contributions
from bot.services.contributions import ContributionView
from handlers import credit_text as text

TAKE_BACK = "logundo"
FIX = "fix"


def undo_keyboard(ctx: Context, contribution_id: int) -> Keyboard:
    return Keyboard.of(
        [Button(ctx.label(lambda tr: tr._("✏️ Correct it")), encode(TAKE_BACK, contribution_id, FIX)),
         Button(ctx.label(lambda tr: tr._("↩️ Take it back")), encode(TAKE_BACK, contribution_id))],
    )


async def take_back(ctx: Context, contribution_id: int) -> None:
    """Withdraw the entry (checked again in the service), tell whoever was asked, and say so."""
    assert ctx.person is not None
    async with ctx.uow() as uow:
        view, asked = await contributions.withdraw(uow, ctx.clock, contribution_id, ctx.person.telegram_id)
    await ctx.answer(message=False)
    await ctx.edit_keyboard_away()
    for person in asked:
        await ctx.send_private(person, _withdrawn_note(view))
    await ctx.reply(_taken_back)


def _withdrawn_note(view: ContributionView) -> Readable:
    name = view.person.display_name

    def standard(tr: Tr) -> Markup:
        # Translators: name is the member who logged the time and has now taken it back.
        return one_per_line([tr._("↩️ %(name)s took this back, so there's nothing to confirm:", name=name), BLANK,
                             *text.details(tr, view)])

    def easy(tr: Tr) -> Markup:
        # Translators: Easy Read. name is the member who took their logged time back.
        return tr.p_("easy", "↩️ %(name)s took this back.\n✅ You do not need to check it now.", name=name)

    return both(standard, easy)


_taken_back = both(
    lambda tr: tr._("↩️ Taken back. Nobody will confirm it now, and I've told whoever I'd asked."),
    lambda tr: tr.p_("easy", "↩️ You took it back.\n📨 I told the person I asked."),
)
WRITE_AGAIN = both(
    lambda tr: tr._("✏️ Let's write it again."),
    lambda tr: tr.p_("easy", "✏️ Let us write it again."),
)
