"""The evidence report over real HTTP on both transports: a coordinator asks with /adroddiad or /report
and gets the PDF as a document, whose text (read by pypdf) holds the group's figures in Welsh or English."""

import io
from datetime import timedelta

from pypdf import PdfReader

from bot.store.meetups import Attendance, Meetup
from tests.e2e.test_credits import documents, everyone_started


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


async def a_walk_two_people_came_to(world, clock):
    async with world.criw.uow() as uow:
        group = await uow.groups.by_chat(world.group["id"])
        came = [await uow.people.by_telegram_id(world.people[name].id) for name in ("Alys", "Ben")]
        meetup = Meetup(group_id=group.id, title="Taith gerdded", starts_at=clock.now() - timedelta(days=2))
        uow.meetups.add(meetup)
        await uow.flush()
        for person in came:
            uow.meetups.add(Attendance(meetup_id=meetup.id, person_id=person.id, marked_at=clock.now()))
        await uow.commit()


async def test_a_coordinator_gets_the_evidence_pdf_in_welsh_and_in_english(world, clock):
    await everyone_started(world)
    await a_walk_two_people_came_to(world, clock)
    dafydd = world.people["Dafydd"]
    await dafydd.send("/adroddiad")
    await dafydd.tap("This month")
    await dafydd.tap("Cymraeg")
    pdfs = [(name, content, caption) for name, content, caption in documents(dafydd) if name.endswith(".pdf")]
    name, content, caption = pdfs[-1]
    assert name == "criw-group-2026-11-01-2026-11-21-cy.pdf" and caption.startswith("📕 Yr adroddiad tystiolaeth")
    welsh = pdf_text(content)
    assert "Adroddiad tystiolaeth: Cerddwyr Caerdydd" in welsh and "Cyfarfodydd a gynhaliwyd 1" in welsh
    assert "Pobl a ddaeth 2" in welsh and "Pobl a ddaeth am y tro cyntaf 2" in welsh
    stem = "criw-group-2026-11-01-2026-11-21-cy"
    assert [n for n, _, _ in documents(dafydd)][-5:] == [
        f"{stem}-ffigurau.csv", f"{stem}-fesul-mis.csv", f"{stem}-straeon.csv",
        "criw-2026-11-01-2026-11-21-cy.csv", "criw-2026-11-01-2026-11-21-cy.png"]

    await dafydd.send("/report")
    await dafydd.tap("This month")
    await dafydd.tap("English")
    name, content, _ = [d for d in documents(dafydd) if d[0].endswith(".pdf")][-1]
    english = pdf_text(content)
    assert name.endswith("-en.pdf") and "Evidence report: Cerddwyr Caerdydd" in english
    assert "Meet-ups held 1" in english and "People who came 2" in english and "Figures name no one" in english


async def test_a_coordinator_of_two_groups_gets_every_groups_report_with_small_counts_hidden(world, clock):
    await everyone_started(world)
    await a_walk_two_people_came_to(world, clock)
    emulator, dafydd = world.emulator, world.people["Dafydd"]
    cooks = emulator.create_group("Cogyddion", members=[dafydd.id], admins=[dafydd.id], creator=dafydd.id)
    emulator.add_bot_to_group(cooks["id"], dafydd.id)  # Dafydd coordinates a second group too
    await emulator.settle()
    await dafydd.send("/report")
    await dafydd.tap("🌐 All our groups")
    await dafydd.tap("This month")
    await dafydd.tap("English")
    names = [name for name, _, _ in documents(dafydd)][-4:]
    stem = "criw-evidence-2026-11-01-2026-11-21-en"
    assert names == [f"{stem}.pdf", f"{stem}-figures.csv", f"{stem}-by-month.csv", f"{stem}-stories.csv"]
    text = pdf_text(documents(dafydd)[-4][1])
    assert "Evidence report: every group" in text and "Headline figures" in text
    assert "People who came fewer than 5" in text and "Cerddwyr Caerdydd" in text and "Cogyddion" in text
    assert "Counts from 1 to 4 show as \"fewer than 5\"" in text
    assert any(m.get("text") == "📊 The report for all your groups is below." for m in dafydd.inbox())
