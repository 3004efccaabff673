"""Untrusted text (docs/SECURITY.md): names and titles people chose reach others exactly as written, as
text. Never as a link or formatting in the bot's own messages, never breaking a message, and never as
HTML escapes in pop-ups and buttons. On both transports, in Welsh and English."""

from datetime import timedelta

import pytest

from bot.store.meetups import Attendance, Meetup
from tests.e2e.meetup_steps import GOING, everyone_started, new_meetup

LINK = '<a href="https://example.org/login">Dafydd</a>'
BROKEN = "Siân <b>&amp; Co"  # unescaped, Telegram refuses the whole message ("can't parse entities")


def _message(world, phone):
    return world.emulator.bot_messages(phone.id)[-1]


@pytest.mark.typed_text(BROKEN)
async def test_the_meetup_roster_shows_hostile_names_as_written_and_links_nowhere(world, clock):
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    world.emulator.rename_user(alys.id, LINK)  # Telegram lets anyone call themself anything
    world.emulator.rename_user(ben.id, BROKEN)
    await everyone_started(world)
    async with world.criw.uow() as uow:
        group = await uow.groups.by_chat(world.group["id"])
        members = [await uow.people.by_telegram_id(phone.id) for phone in (alys, ben)]
        meetup = Meetup(group_id=group.id, title="Taith <i>gerdded</i>", organiser_id=members[0].id,
                        starts_at=clock.now() - timedelta(days=2))
        uow.meetups.add(meetup)
        await uow.flush()
        for person in members:
            uow.meetups.add(Attendance(meetup_id=meetup.id, person_id=person.id, marked_at=clock.now()))
        await uow.commit()
    await dafydd.send("/log")
    await dafydd.tap("Everyone at a meet-up")
    await dafydd.tap("Taith <i>gerdded</i>")
    roster = _message(world, dafydd)
    assert roster["text"].startswith("👥 Taith <i>gerdded</i>: who gave time")
    assert f"✅ {LINK} · Organising · 3 hours" in roster["text"]
    assert f"✅ {BROKEN} · Peer support · 2 hours" in roster["text"]
    assert [entity for entity in roster.get("entities", []) if entity["type"] in ("text_link", "bold", "italic")] == []
    assert f"✅ {LINK}" in dafydd.buttons() and f"✅ {BROKEN}" in dafydd.buttons()  # labels as written
    await dafydd.tap("Log for 2 people")
    logged = _message(world, dafydd)["text"]
    assert f"• {LINK}" in logged and f"• {BROKEN}" in logged


@pytest.mark.parametrize(("name", "words"), [("Alys", "Rydych chi'n mynd: Tom & Jerry <3"),
                                               ("Ben", "You're going to Tom & Jerry <3")])
async def test_an_rsvp_popup_shows_the_title_as_written_not_its_escapes(world, name, words):
    await everyone_started(world)
    post = await new_meetup(world, title="Tom & Jerry <3")
    assert post["text"].startswith("📅 Cyfarfod: Tom & Jerry <3")  # the group post (bilingual, Welsh first)
    phone = world.people[name]
    await phone.tap(GOING, chat=world.group)
    assert words in phone.popups[-1] and "&amp;" not in phone.popups[-1]
