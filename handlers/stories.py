""""What mattered to you?": asked privately, once, after a meet-up someone was ticked as having come to.

```mermaid
stateDiagram-v2
    [*] --> asked: the reminder kind story_ask (once the meet-up is over)
    asked --> tags: Yes
    asked --> [*]: No, thanks / Don't ask me again
    tags --> words: Done (one or more tags ticked)
    words --> consent: a sentence typed (a supporter may type it), or Skip
    consent --> [*]: with my first name / without my name / not in reports
```
"""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.domain import language
from bot.domain.reminders import ReminderState
from bot.domain.stories import ASK_KIND, Consent, Tag
from bot.i18n.easy import Readable, both
from bot.i18n.markup import bold
from bot.i18n.translator import Tr, label_in
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler, Send
from bot.services import stories
from bot.services.errors import AlreadyDone, NotFound
from bot.store.reminders import Reminder
from bot.store.stories import WORDS_MAX
from handlers.guided import Data, Guide, Rows, Step, steps

router = Router(name=__name__)
ASKED = "sty"  # the first question's buttons: story id, then y (yes), n (no, thanks) or off


EMOJI = {Tag.MET_PEOPLE: "🤝", Tag.CONFIDENT: "💪", Tag.HEALTHIER: "🌿", Tag.LEARNT: "💡", Tag.GAVE_BACK: "🎁",
         Tag.FUN: "😊"}


def tag_words(tr: Tr, tag: str) -> str:
    """A tag in words (reports print these: the PDF's font has no emoji)."""
    return {
        Tag.MET_PEOPLE: tr._("I met people"), Tag.CONFIDENT: tr._("I felt more confident"),
        Tag.HEALTHIER: tr._("I felt healthier"), Tag.LEARNT: tr._("I learnt something"),
        Tag.GAVE_BACK: tr._("I gave something back"), Tag.FUN: tr._("I had fun"),
    }[Tag(tag)]


def tag_label(tr: Tr, tag: str) -> str:
    return f"{EMOJI[Tag(tag)]} {tag_words(tr, tag)}"


def _question(title: str) -> Readable:
    return both(
        # Translators: title is the meet-up's title.
        lambda tr: tr._("💬 Thank you for coming to %(title)s. What mattered to you today? It's up to you: you "
                        "can answer or not, and you choose whether a report may use it.", title=bold(title)),
        # Translators: Easy Read. title is the meet-up's title.
        lambda tr: tr.p_("easy", "💬 You came to %(title)s.\nWhat was good for you?\n👆 You can tell me, or not.",
                         title=bold(title)))


def _question_keyboard(languages: tuple[str, ...], story_id: int) -> Keyboard:
    return Keyboard.column(
        Button(label_in(languages, lambda tr: tr._("💬 Yes, I'll tell you")), encode(ASKED, story_id, "y")),
        Button(label_in(languages, lambda tr: tr._("No, thanks")), encode(ASKED, story_id, "n")),
        Button(label_in(languages, lambda tr: tr._("🔕 Don't ask me again")), encode(ASKED, story_id, "off")))


async def ask(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Once the meet-up is over: the question, unless it was switched off or they were unticked."""
    assert reminder.subject_id is not None and reminder.person_id is not None
    async with context.uow() as uow:
        found = await stories.open_question(uow, context.clock, reminder.subject_id, reminder.person_id)
    if isinstance(found, str):
        return Done(ReminderState.SKIPPED, found)
    keyboard = _question_keyboard(language.for_person(found.person.language), found.story_id)
    return Send(await context.outbound.private_message(found.person, _question(found.meetup.title), keyboard))


KINDS: dict[str, KindHandler] = {ASK_KIND: ask}

ANSWERED = both(lambda tr: tr._("That question has been answered already. Thank you!"),
                lambda tr: tr.p_("easy", "✅ You answered this already.\n🙏 Thank you!"))


@router.callback(ASKED, (ID, one_of("y", "n", "off")))
async def asked(ctx: Context) -> None:
    """Yes (start the questions), No thanks, or Don't ask me again."""
    assert ctx.callback is not None and ctx.person is not None
    story_id, action = (*ctx.callback.args, "", "")[:2]
    try:
        async with ctx.uow() as uow:
            _, meetup = await stories.mine(uow, ctx.person.telegram_id, int(story_id))
    except (NotFound, AlreadyDone, ValueError):
        await ctx.answer(ANSWERED)
        await ctx.edit_keyboard_away()
        return
    await ctx.answer()
    await ctx.edit_keyboard_away()
    if action == "y":
        await GUIDE.begin(ctx, "tags", {"story": int(story_id), "title": meetup.title, "tags": []})
    elif action == "off":
        async with ctx.uow() as uow:
            ctx.person = await stories.set_asking(uow, ctx.person.telegram_id, False)
        await ctx.reply(both(
            lambda tr: tr._("🔕 I won't ask again. You can turn the question back on in /settings."),
            lambda tr: tr.p_("easy", "🔕 I will not ask you again.\n⚙️ You can change this in /settings.")))
    else:
        await ctx.reply(both(lambda tr: tr._("All right. Thank you for coming!"),
                             lambda tr: tr.p_("easy", "👍 OK.\n🙏 Thank you for coming!")))


def _tag_buttons(tr: Tr, data: Data) -> Rows:
    chosen = set(data.get("tags", []))
    rows: Rows = [[(("✅ " if tag.value in chosen else "") + tag_label(tr, tag), tag.value)] for tag in Tag]
    return [*rows, [(tr._("➡️ Done"), "done")]]


def _consent_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("With my first name"), Consent.NAMED.value)], [(tr._("Without my name"), Consent.ANONYMOUS.value)],
            [(tr._("Not in reports"), Consent.PRIVATE.value)]]


STEPS = steps(
    Step("tags", lambda tr, d: tr._("💬 What mattered to you at %(title)s? Press all that fit, then ➡️ Done.",
                                    title=bold(d["title"])),
         # Translators: Easy Read. title is the meet-up's title.
         lambda tr, d: tr.p_("easy", "💬 What was good at %(title)s?\n👆 Press all that are true.\n"
                                     "➡️ Then press Done.", title=bold(d["title"])),
         _tag_buttons, stays=True),
    Step("words", lambda tr, d: tr._("✍️ Would you like to say it in a sentence? Type it here (a supporter can type "
                                     "it for you), or press Skip."),
         lambda tr, d: tr.p_("easy", "✍️ Do you want to say more?\n⌨️ Type it here. Someone can help you.\n"
                                     "⏭ Or press Skip."), typed=True, skippable=True),
    Step("consent", lambda tr, d: tr._("📊 Reports for funders show what members say mattered. May they use your "
                                       "story?"),
         lambda tr, d: tr.p_("easy", "📊 Reports show people what members say.\nCan a report show what you said?\n"
                                     "👆 Press one."), _consent_buttons),
)


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A tag ticked or unticked, Done, Skip, or a consent chosen."""
    if step == "tags" and value in {tag.value for tag in Tag}:
        chosen = set(data.get("tags", [])) ^ {value}
        await GUIDE.refresh(ctx, {**data, "tags": [tag.value for tag in Tag if tag.value in chosen]})
    elif step == "tags" and value == "done":
        if not data.get("tags"):
            await GUIDE.ask(ctx, "tags", data, both(
                lambda tr: tr._("Please press at least one, or Cancel."),
                lambda tr: tr.p_("easy", "👆 Please press one or more.")))
            return
        await ctx.edit_keyboard_away()
        await GUIDE.go(ctx, "words", data)
    elif step == "words" and value == "skip":
        await GUIDE.go(ctx, "consent", {**data, "words": ""})
    elif step == "consent" and value in {consent.value for consent in Consent}:
        await _save(ctx, data, value)


async def _typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    """The sentence (a supporter may type it, or a voice note's words)."""
    if len(typed) > WORDS_MAX:
        await GUIDE.ask(ctx, step, data, both(
            lambda tr: tr._("✍️ That's a little long. Please keep it under %(n)s characters.", n=WORDS_MAX),
            lambda tr: tr.p_("easy", "✍️ That is too long.\n⌨️ Please write less.")))
        return
    await GUIDE.go(ctx, "consent", {**data, "words": typed})


async def _save(ctx: Context, data: Data, consent: str) -> None:
    assert ctx.person is not None
    await GUIDE.end(ctx)
    try:
        async with ctx.uow() as uow:
            await stories.answer(uow, ctx.clock, ctx.person.telegram_id, int(data["story"]), data.get("tags", []),
                                 data.get("words", ""), consent)
    except (NotFound, AlreadyDone):
        await ctx.reply(ANSWERED)
        return
    if consent == Consent.PRIVATE:
        await ctx.reply(both(lambda tr: tr._("🙏 Thank you. Your story is kept for you only: no report will show it."),
                             lambda tr: tr.p_("easy", "🙏 Thank you.\n🔒 No report will show it.")))
    elif consent == Consent.NAMED:
        await ctx.reply(both(lambda tr: tr._("🙏 Thank you. Reports may show your story with your first name."),
                             lambda tr: tr.p_("easy", "🙏 Thank you.\n📊 Reports can show it with your first name.")))
    else:
        await ctx.reply(both(lambda tr: tr._("🙏 Thank you. Reports may show your story, without your name."),
                             lambda tr: tr.p_("easy", "🙏 Thank you.\n📊 Reports can show it, with no name.")))


GUIDE = Guide("story", "stq", STEPS, _pressed, on_text=_typed,
              expired=both(lambda tr: tr._("This question has finished. Thank you!"),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n🙏 Thank you!")))
GUIDE.register(router)
