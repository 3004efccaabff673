"""Guided private conversations (log time, gift credits, get a report): one question at a time, kept in
the database, with Back and Cancel on every question.

A feature describes its steps (the question, its buttons, whether typing is read) and two callbacks: one
for a pressed button, one for typed text. A step's buttons carry the step's own name, so a button pressed
on an earlier question is recognised as stale and changes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.chat.callbacks import TOKEN, WORD, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.i18n.easy import Readable, both, easy_form
from bot.i18n.markup import Markup, plain
from bot.i18n.translator import Render, Tr, label_in
from bot.services import conversations

Data = dict[str, Any]
Rows = list[list[tuple[str, str]]]  # (label, value) per button, rows of them
TRAIL = "_trail"
EASY = "_easy"  # set (never stored) in the data a buttons function sees when Easy Read is on


Prompt = Callable[[Tr, Data], Markup]


@dataclass(frozen=True)
class Step:
    name: str
    prompt: Prompt
    easy: Prompt  # the same question in Easy Read (its own catalog entry, msgctxt "easy")
    buttons: Callable[[Tr, Data], Rows] | None = None
    typed: bool = False  # whether a typed answer is read (otherwise: "please use the buttons")
    skippable: bool = False
    stays: bool = False  # its buttons change the question in place (ticks), so they are not taken away


def steps(*each: Step) -> dict[str, Step]:
    """A flow's steps by name, in order."""
    return {step.name: step for step in each}


def question(step: Step, data: Data, problem: Render | None = None) -> Readable:
    """A step's question in both forms, after what was wrong with the last answer (if anything)."""

    def standard(tr: Tr) -> Markup:
        asked = step.prompt(tr, data)
        return Markup("\n\n").join([problem(tr), asked]) if problem else asked

    def easy(tr: Tr) -> Markup:
        asked = step.easy(tr, data)
        return Markup("\n\n").join([easy_form(problem)(tr), asked]) if problem else asked

    return both(standard, easy)


Handler = Callable[[Context, str, str, Data], Awaitable[None]]  # (ctx, step, value or text, data)


@dataclass(frozen=True)
class Guide:
    flow: str
    button: str  # callback prefix of the steps' buttons
    steps: dict[str, Step]
    on_button: Handler
    expired: Render  # what a press on a finished conversation says (give both forms)
    on_text: Handler | None = None  # needed when a step is typed

    def register(self, router: Router) -> None:
        router.callback(self.button, (WORD, TOKEN))(self._pressed)
        for name, step in self.steps.items():
            router.step(self.flow, name)(self._typed_handler(name, step))

    def _typed_handler(self, name: str, step: Step) -> Callable[[Context], Awaitable[None]]:
        async def typed(ctx: Context) -> None:
            """Read a typed answer to this question (or point to the buttons)."""
            if not step.typed or self.on_text is None:
                await self.ask(ctx, name, data_of(ctx), both(
                    lambda tr: tr._("Please use the buttons below."),
                    lambda tr: tr.p_("easy", "👆 Please press a button.")))
                return
            await self.on_text(ctx, name, ctx.event.text.strip(), data_of(ctx))

        return typed

    async def _pressed(self, ctx: Context) -> None:
        assert ctx.callback is not None
        step, value = ((*ctx.callback.args, "", ""))[:2]
        if ctx.conversation is None or ctx.conversation.flow != self.flow or not ctx.event.is_private:
            await ctx.answer(self.expired, alert=True)  # the expired message has its Easy Read form
            return
        if step != ctx.conversation.step:
            await ctx.answer(both(lambda tr: tr._("That button is from an earlier question."),
                                  lambda tr: tr.p_("easy", "↩️ That button is old.\n"
                                                           "👆 Please use the newest question.")))
            return
        await ctx.answer()
        if not self.steps[step].stays or value in ("cancel", "back"):
            await ctx.edit_keyboard_away()
        data = data_of(ctx)
        if value == "cancel":
            await self.end(ctx)
            await ctx.reply(both(lambda tr: tr._("✖️ Cancelled. Nothing was saved."),
                                 lambda tr: tr.p_("easy", "✖️ Stopped.\n📝 Nothing was saved.")))
        elif value == "back":
            trail = list(data.get(TRAIL, []))
            await self.go(ctx, trail.pop() if trail else step, {**data, TRAIL: trail}, remember=False)
        else:
            await self.on_button(ctx, step, value, data)

    async def begin(self, ctx: Context, step: str, data: Data) -> None:
        """Start the conversation (replacing any other one in progress) at `step`."""
        await self._save(ctx, step, {**data, TRAIL: []})
        await self.ask(ctx, step, data_of(ctx))

    async def go(self, ctx: Context, step: str, data: Data, *, remember: bool = True,
                 problem: Render | None = None) -> None:
        """Keep `data`, move to `step` (remembering the way back), and ask its question."""
        assert ctx.conversation is not None
        trail = list(data.get(TRAIL, []))
        if remember and step != ctx.conversation.step:
            trail.append(ctx.conversation.step)
        await self._save(ctx, step, {**data, TRAIL: trail})
        await self.ask(ctx, step, data_of(ctx), problem)

    async def refresh(self, ctx: Context, data: Data) -> None:
        """Keep `data` and redraw the current question in place (a tick added or taken away)."""
        assert ctx.conversation is not None
        step = ctx.conversation.step
        await self._save(ctx, step, data)
        await ctx.edit(question(self.steps[step], data), self.keyboard(ctx.languages, step, data, ctx.easy_read))

    async def ask(self, ctx: Context, step: str, data: Data, problem: Render | None = None) -> None:
        """Send the step's question (after what was wrong with the last answer, if anything)."""
        await ctx.reply(question(self.steps[step], data, problem),
                        self.keyboard(ctx.languages, step, data, ctx.easy_read))

    def keyboard(self, languages: tuple[str, ...], step: str, data: Data, easy: bool = False) -> Keyboard:
        """The step's buttons in the chat's language(s), then Skip, Back and Cancel. A buttons function sees
        `data[EASY]` true when the reader has Easy Read on (day buttons spell the day out)."""
        spec = self.steps[step]
        shown = {**data, EASY: True} if easy else data
        layouts = [spec.buttons(Tr(language), shown) for language in languages] if spec.buttons else []
        rows = [[Button(" / ".join(dict.fromkeys(plain(layout[r][c][0]) for layout in layouts)),
                        encode(self.button, step, value)) for c, (_, value) in enumerate(row)]
                for r, row in enumerate(layouts[0] if layouts else [])]
        navigation = []
        if spec.skippable:
            navigation.append(Button(label_in(languages, lambda tr: tr._("⏭ Skip")), encode(self.button, step, "skip")))
        if data.get(TRAIL):
            navigation.append(Button(label_in(languages, lambda tr: tr._("⬅️ Back")), encode(self.button, step, "back")))
        navigation.append(Button(label_in(languages, lambda tr: tr._("✖️ Cancel")), encode(self.button, step, "cancel")))
        return Keyboard.of(*rows, navigation)

    async def end(self, ctx: Context) -> None:
        assert ctx.person is not None and ctx.person.id is not None
        async with ctx.uow() as uow:
            await conversations.end(uow, ctx.person.id)
        ctx.conversation = None

    async def _save(self, ctx: Context, step: str, data: Data) -> None:
        assert ctx.person is not None and ctx.person.id is not None
        async with ctx.uow() as uow:
            await conversations.save(uow, ctx.clock, ctx.person.id, self.flow, step, data)
            ctx.conversation = await uow.conversations.get(ctx.person.id)


def data_of(ctx: Context) -> Data:
    return dict(ctx.conversation.data) if ctx.conversation is not None else {}
