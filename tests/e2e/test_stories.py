""""What mattered" stories over real HTTP on both transports: a meet-up ends, the organiser ticks who came,
each person is asked once in their language, answers with tags and a consent, and the coordinator's
evidence report shows each story only as its teller agreed."""

import io
from datetime import timedelta

from pypdf import PdfReader

from tests.e2e.meetup_steps import GOING, everyone_started, new_meetup


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def last_pdf(phone) -> str:
    document = [m["document"] for m in phone.inbox() if m.get("document", {}).get("file_name", "").endswith(".pdf")][-1]
    return pdf_text(phone.emu.files[document["file_id"]].data)


async def test_attendees_say_what_mattered_and_the_report_shows_it_only_as_agreed(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    alys, ben, ceri, dafydd = people["Alys"], people["Ben"], people["Ceri"], people["Dafydd"]
    await new_meetup(world)
    for person in (alys, ben, ceri):
        await person.tap(GOING, chat=group)
    clock.advance(timedelta(days=10, hours=12))  # 1 December 22:00: it is over
    await world.tick()
    for name in ("Alys", "Ben"):  # Ceri didn't come after all
        await dafydd.tap(name)
    await dafydd.tap("Done")
    await world.tick()
    assert "Diolch am ddod" not in (alys.last() or "")  # 22:00 is in quiet hours: the question waits
    clock.advance(timedelta(hours=11))  # 2 December, 09:00
    await world.tick()
    assert "💬 Diolch am ddod. Cyfarfod: Coffee and a chat." in alys.last()
    assert "💬 Thank you for coming to Coffee and a chat. What mattered to you today?" in ben.last()
    assert "What mattered" not in (ceri.last() or "") and "Beth oedd yn bwysig" not in (ceri.last() or "")

    await alys.tap("💬 Iawn, fe wna i ddweud")
    await alys.tap("Fe wnes i gwrdd â phobl")
    await alys.tap("Ces i hwyl")
    assert "✅ 🤝 Fe wnes i gwrdd â phobl" in str(alys.inbox()[-1].get("reply_markup"))
    await alys.tap("➡️ Wedi gorffen")
    await alys.send("Roedd yn braf cerdded a siarad gyda'n gilydd.")
    await alys.tap("Gyda fy enw cyntaf")
    assert "🙏 Diolch. Mae adroddiadau'n cael dangos eich stori gyda'ch enw cyntaf." in alys.last()

    await ben.tap("💬 Yes, I'll tell you")
    await ben.tap("I learnt something")
    await ben.tap("➡️ Done")
    await ben.tap("⏭ Skip")
    await ben.tap("Not in reports")
    assert "no report will show it" in ben.last()
    await world.tick()
    assert "What mattered to you today" not in ben.last()  # asked once

    await dafydd.send("/report")
    await dafydd.tap("This month")
    await dafydd.tap("English")
    english = last_pdf(dafydd)
    assert "What mattered to people, in their words" in english
    assert "Alys: I met people; I had fun. “Roedd yn braf cerdded a siarad gyda'n gilydd.”" in english
    assert "I learnt something" not in english and "Ben" not in english
    await dafydd.send("/adroddiad")
    await dafydd.tap("This month")
    await dafydd.tap("Cymraeg")
    welsh = last_pdf(dafydd)
    assert "Alys: Fe wnes i gwrdd â phobl; Ces i hwyl." in welsh and "Beth oedd yn bwysig i bobl" in welsh
    await ben.send("/mydata")
    assert any("💬 What mattered to you, after meet-ups: 1" in (m.get("text") or "") for m in ben.inbox()[-3:])
    mine = [m["document"] for m in ben.inbox() if m.get("document")][-1]
    data = ben.emu.files[mine["file_id"]].data.decode()
    assert '"learnt"' in data and '"private"' in data  # his story, kept out of reports, is in his own file


async def test_someone_who_switched_the_question_off_is_not_asked(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    ben, dafydd = people["Ben"], people["Dafydd"]
    await ben.send("/settings")
    await ben.tap("💬 Stop asking what mattered")
    assert "💬 What mattered, after meet-ups: not asked" in ben.last()
    await new_meetup(world)
    await ben.tap(GOING, chat=group)
    clock.advance(timedelta(days=10, hours=12))
    await world.tick()
    await dafydd.tap("Ben")
    await dafydd.tap("Done")
    clock.advance(timedelta(hours=11))
    await world.tick()
    assert not any("What mattered to you today" in (m.get("text") or "") for m in ben.inbox())
