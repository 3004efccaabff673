"""/supporter /cefnogwr: a member names someone who may answer for them (RSVP, vote, log time) when they
phone in or ask in person, or takes that back. Naming someone is the member's recorded consent.

```mermaid
stateDiagram-v2
    [*] --> list: /supporter (private)
    list --> group: Name a supporter (several groups)
    list --> person: Name a supporter (one group)
    group --> person
    person --> consent: a member of that group
    consent --> [*]: Yes, I agree (both are told) / No
    list --> [*]: Remove (the supporter is told)
```
"""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import Readable, both
from bot.i18n.translator import Render
from bot.services import supporters
from bot.services.errors import NotFound
from bot.store.models import Group, Person
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)
SUPPORT = "sup"


@router.command("supporter", "cefnogwr", menu=CommandInfo(
    "cefnogwr", "supporter", lambda tr: tr._("Name someone who may answer for you when you phone in")))
async def supporter(ctx: Context) -> None:
    """Show the member's supporters, with Remove buttons and a button to name one."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("Your supporters are private. Please open a private chat with me."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        named = await supporters.mine(uow, ctx.person.telegram_id)
    rows = [[Button(ctx.label(_remove_label(person.display_name)), encode(SUPPORT, "x", row.id))]
            for row, person, _ in named]
    rows.append([Button(ctx.label(lambda tr: tr._("➕ Name a supporter")), encode(SUPPORT, "g"))])
    names = ", ".join(person.display_name for _, person, _ in named)
    await ctx.reply(_listing(names), Keyboard.of(*rows))


def _remove_label(name: str) -> Render:
    # Translators: a button; name is a supporter's name.
    return lambda tr: tr._("🗑 Remove %(name)s", name=name)


def _listing(names: str) -> Readable:
    if not names:
        return both(
            lambda tr: tr._("🤝 A supporter can answer for you when you phone in or ask in person: say if you're "
                            "going to a meet-up, vote, or log your time. You haven't named anyone yet."),
            lambda tr: tr.p_("easy", "🤝 A supporter can answer for you.\n📞 For when you phone or ask in person.\n"
                                   "👤 You have no supporter yet."))
    return both(
        # Translators: names is a list of people's names.
        lambda tr: tr._("🤝 Your supporters: %(names)s. They can answer for you when you phone in or ask in person. "
                        "I tell you each time.", names=names),
        # Translators: Easy Read. names is a list of people's names.
        lambda tr: tr.p_("easy", "🤝 Your supporters: %(names)s\n📞 They can answer for you.\n💬 I tell you each time.",
                         names=names))


@router.callback(SUPPORT, (one_of("g", "n"),), (one_of("p", "x"), ID), (one_of("c", "y"), ID, ID))
async def pressed(ctx: Context) -> None:
    """A step of naming or removing a supporter; every step is checked again by the service."""
    assert ctx.callback is not None and ctx.person is not None
    step, numbers = (ctx.callback.args[:1] or ("",))[0], [ctx.callback.int_arg(i) for i in (1, 2)]
    if not ctx.event.is_private:
        raise NotFound(ctx.callback)
    await ctx.answer(message=False)
    await ctx.edit_keyboard_away()
    if step == "g":
        await _pick_group(ctx)
    elif step == "p" and numbers[0] is not None:
        await _pick_person(ctx, numbers[0])
    elif step == "c" and numbers[0] is not None and numbers[1] is not None:
        await _ask_consent(ctx, numbers[0], numbers[1])
    elif step == "y" and numbers[0] is not None and numbers[1] is not None:
        await _consent(ctx, numbers[0], numbers[1])
    elif step == "x" and numbers[0] is not None:
        await _remove(ctx, numbers[0])
    elif step == "n":
        await ctx.reply(both(lambda tr: tr._("👍 Fine: nobody was named."),
                             lambda tr: tr.p_("easy", "👍 OK. Nobody was named.")))
    else:
        raise NotFound(ctx.callback)


async def _pick_group(ctx: Context) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        groups = await uow.memberships.groups_of(ctx.person.id)
    if len(groups) == 1 and groups[0].id is not None:
        await _pick_person(ctx, groups[0].id)
        return
    rows = [[Button(group.title or str(group.chat_id), encode(SUPPORT, "p", group.id))] for group in groups]
    await ctx.reply(both(lambda tr: tr._("👥 In which group?"), lambda tr: tr.p_("easy", "👥 Which group?")),
                    Keyboard.of(*rows) if rows else None)


async def _pick_person(ctx: Context, group_id: int) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        people = await supporters.choices_for_member(uow, ctx.person.telegram_id, group_id)
    rows = [[Button(f"👤 {person.display_name}", encode(SUPPORT, "c", group_id, person.id))] for person in people[:20]]
    await ctx.reply(both(
        lambda tr: tr._("👤 Who would you like as your supporter? (Only people I have met in your group are listed.)"),
        lambda tr: tr.p_("easy", "👤 Who do you want as your supporter?\n👆 Press their name.")),
        Keyboard.of(*rows) if rows else None)


async def _ask_consent(ctx: Context, group_id: int, person_id: int) -> None:
    async with ctx.uow() as uow:
        person = await uow.session.get(Person, person_id)
    if person is None:
        raise NotFound(person_id)
    who = person.display_name
    keyboard = Keyboard.of([
        Button(ctx.label(lambda tr: tr._("✅ Yes, I agree")), encode(SUPPORT, "y", group_id, person_id)),
        Button(ctx.label(lambda tr: tr._("❌ No, I don't agree")), encode(SUPPORT, "n")),
    ])
    await ctx.reply(both(
        # Translators: name is the person who would become the member's supporter.
        lambda tr: tr._("🤝 %(name)s will be able to say if you're going to meet-ups, vote and log your time for you, "
                        "when you phone in or ask in person. I'll tell you each time. Do you agree?", name=who),
        # Translators: Easy Read. name is the person who would become the member's supporter.
        lambda tr: tr.p_("easy", "🤝 %(name)s can answer for you.\n📅 Meet-ups, votes and your time.\n"
                               "💬 I will tell you each time.\n✅ Do you agree?", name=who)), keyboard)


async def _consent(ctx: Context, group_id: int, person_id: int) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        member, chosen, group = await supporters.name(uow, ctx.clock, ctx.person.telegram_id, group_id, person_id)
    await ctx.reply(both(
        # Translators: name is the member's new supporter.
        lambda tr: tr._("✅ %(name)s is your supporter now. Use /supporter to change this.", name=chosen.display_name),
        # Translators: Easy Read. name is the member's new supporter.
        lambda tr: tr.p_("easy", "✅ %(name)s is your supporter now.\n⚙️ To change it, send /supporter.",
                         name=chosen.display_name)))
    if chosen.can_dm:
        await ctx.send_private(chosen, _told_supporter(member, group))


def _told_supporter(member: Person, group: Group) -> Readable:
    return both(
        # Translators: name is a member's name; group is the group's name.
        lambda tr: tr._("🤝 %(name)s (%(group)s) named you as their supporter. When they phone or ask you, use "
                        "/onbehalf to answer for them.", name=member.display_name, group=group.title),
        # Translators: Easy Read. name is a member's name.
        lambda tr: tr.p_("easy", "🤝 %(name)s chose you as their supporter.\n✍️ To answer for them, send /onbehalf.",
                         name=member.display_name))


async def _remove(ctx: Context, row_id: int) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        removed = await supporters.revoke(uow, ctx.clock, ctx.person.telegram_id, row_id)
    who = removed.display_name
    await ctx.reply(both(
        # Translators: name is the supporter who was removed.
        lambda tr: tr._("🗑 %(name)s can no longer answer for you.", name=who),
        # Translators: Easy Read. name is the supporter who was removed.
        lambda tr: tr.p_("easy", "🗑 %(name)s can't answer for you now.", name=who)))
    member = ctx.person.display_name
    if removed.can_dm:
        await ctx.send_private(removed, both(
            # Translators: name is a member's name.
            lambda tr: tr._("🤝 %(name)s has taken back their consent: you can no longer answer for them.",
                            name=member),
            # Translators: Easy Read. name is a member's name.
            lambda tr: tr.p_("easy", "🤝 %(name)s changed their mind.\n❌ You can't answer for them now.",
                             name=member)))
