"""Meet-ups in Easy Read, over real HTTP on both transports: what's on, answering (a lift and its pickup
place, the waiting list), change and cancel notices, setting one up and ticking who came, the calendar link
and access needs. Ceri reads Easy Read Welsh and Ben Easy Read English; Alys (Welsh) and Dafydd (English,
the coordinator) read the standard form."""

from datetime import timedelta

from bot.i18n.translator import Tr
from tests.e2e.conftest import ENGLISH, WELSH, add_bot, start_in
from tests.e2e.meetup_steps import GOING, new_meetup, settled
from tests.e2e.meetup_steps import manage as manage_menu

EASY_HELP = {"cy": "🆘 Angen help", "en": "🆘 I need help"}


async def started(world, *, easy_coordinator=False):
    """Everyone presses Start from the group; Ben and Ceri choose Easy Read (and Dafydd, when asked)."""
    people = world.people
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, easy_read=True, group=world.group)
    await start_in(people["Ceri"], WELSH, easy_read=True, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, easy_read=easy_coordinator, group=world.group)


def standard(language, msgid, **values):
    return str(Tr(language)._(msgid, **values))


async def test_whats_on_reads_easy_in_each_persons_language_and_standard_for_the_others(world):
    await started(world)
    people = world.people
    ceri, ben, alys, dafydd = people["Ceri"], people["Ben"], people["Alys"], people["Dafydd"]
    await new_meetup(world, title="Paned a sgwrs", place="Canolfan y Dref")

    await ceri.send("/i_ddod")
    listing = ceri.last()
    assert listing.startswith("📅 Cyfarfodydd i ddod:\n\n📝 Beth: Paned a sgwrs\n"
                              "📅 Pryd: Dydd Mawrth 1 Rhagfyr, 18:00\n📍 Lle: Canolfan y Dref\n"
                              "❓ Dydych chi ddim wedi ateb eto.")
    assert listing.endswith("👆 Pwyswch gyfarfod i weld mwy.")
    assert "Meet-up" not in listing and "Going" not in listing  # one language only
    assert EASY_HELP["cy"] in ceri.buttons()

    await ben.send("/upcoming")
    assert ben.last().startswith("📅 Meet-ups coming up:\n\n📝 What: Paned a sgwrs\n📅 When: Tuesday 1 December, 18:00")
    await alys.send("/i_ddod")
    assert alys.last().startswith(standard("cy", "📅 Coming up:"))  # the standard form, for Alys
    assert "🙂 " in alys.last() and EASY_HELP["cy"] not in alys.buttons()

    await ceri.send("/nesaf")
    card = ceri.last()
    assert card.startswith("⏭ Dyma'r cyfarfod nesaf.\n📝 Beth: Paned a sgwrs\n📅 Pryd: Dydd Mawrth 1 Rhagfyr, 18:00")
    assert card.endswith("👥 Yn mynd: 0\n❓ Dydych chi ddim wedi ateb eto.\n👆 Ydych chi'n mynd? Pwyswch fotwm.")
    assert {"✅ Yn mynd", "🤔 Ddim yn siŵr", EASY_HELP["cy"]} <= set(ceri.buttons())
    await ben.send("/next")
    assert ben.last().startswith("⏭ This is the next meet-up.\n📝 What: Paned a sgwrs")
    await dafydd.send("/next")
    assert dafydd.last().startswith(standard("en", "⏭ Next meet-up: %(title)s", title="Paned a sgwrs"))

    await ceri.send("/i_ddod")
    await ceri.tap("Paned a sgwrs")
    assert ceri.last().startswith("📝 Beth: Paned a sgwrs\n📅 Pryd:")  # the card opened from the list


async def test_going_with_a_lift_and_a_pickup_place_in_easy_read_welsh(world):
    await started(world)
    ceri, alys = world.people["Ceri"], world.people["Alys"]
    await new_meetup(world, title="Paned a sgwrs")
    await ceri.send("/nesaf")
    await ceri.tap("✅ Yn mynd")
    # confirmed by a message, not only a pop-up
    assert ceri.last() == "✅ Rydych chi'n mynd.\n👋 Welwn ni chi yno!\n📝 Beth: Paned a sgwrs"
    await ceri.tap("Mae angen lifft arna i")
    assert ceri.last() == ("🚗 Gofynnoch chi am lifft.\n📝 Beth: Paned a sgwrs\n📍 Ble gall y gyrrwr eich codi chi?\n"
                           "✍️ Ysgrifennwch y lle.\n⏭ Neu bwyswch Dim man codi.\n"
                           "📎 Neu rannwch ble rydych chi: pwyswch 📎, yna Lleoliad (Location).")
    assert "⏭ Dim man codi" in ceri.buttons()
    await ceri.send("Tu allan i'r llyfrgell")
    assert ceri.last() == ("🚗 Mae eich man codi wedi'i gadw.\n📍 Man codi: Tu allan i'r llyfrgell\n"
                           "👤 Bydd y trefnydd yn cysylltu â chi am eich lifft.")
    await ceri.send("/nesaf")
    assert "✅ Rydych chi'n mynd.\n🚗 Gofynnoch chi am lifft.\n📍 Man codi: Tu allan i'r llyfrgell" in ceri.last()

    await alys.send("/nesaf")  # the same steps in the standard form
    await alys.tap("Mae angen lifft arna i")
    await alys.send("Wrth yr orsaf")
    assert alys.last() == standard("cy", "🚗 Pickup point saved: %(pickup)s. The organiser will be in touch about "
                                         "your lift.", pickup="Wrth yr orsaf")


async def test_the_waiting_list_and_a_place_coming_free_in_easy_read_english(world):
    await started(world)
    people, group = world.people, world.group
    ben, ceri, alys = people["Ben"], people["Ceri"], people["Alys"]
    await new_meetup(world, title="Coffee and a chat", capacity="1")
    await ceri.tap(GOING, chat=group)
    await ben.send("/next")
    await ben.tap("✅ Going")
    assert ben.last() == ("🎟 The meet-up is full.\n⏳ Your place on the waiting list: 1\n"
                          "💬 I will tell you if a place is free.\n📝 What: Coffee and a chat")
    inbox_before = len(alys.inbox())
    await alys.tap(GOING, chat=group)
    assert "rhif 2 ar y rhestr aros" in alys.popups[-1] and len(alys.inbox()) == inbox_before  # standard: a pop-up
    await ceri.send("/nesaf")
    await ceri.tap("Ddim yn mynd")
    assert ceri.last() == "❌ Dydych chi ddim yn mynd.\n📝 Beth: Coffee and a chat"
    assert ben.last().startswith("🎉 Good news: a place is free.\n✅ You are going now.\n📝 What: Coffee and a chat\n"
                                 "📅 When: Tuesday 1 December, 18:00")
    assert "lle wedi dod yn rhydd" not in (alys.last() or "")
    await ben.tap("I need a lift")
    await ben.tap("No pickup point")
    assert ben.last() == "🚗 OK, no pickup place.\n👤 The organiser will get in touch about your lift."
    await settled(world)


async def test_change_and_cancel_notices_reach_each_member_in_their_own_form(world):
    await started(world)
    people, group = world.people, world.group
    ceri, ben, alys, dafydd = people["Ceri"], people["Ben"], people["Alys"], people["Dafydd"]
    await new_meetup(world, title="Coffee and a chat")
    for phone in (ceri, ben, alys):
        await phone.tap(GOING, chat=group)

    async def manage(*taps, text=None):
        await manage_menu(world)
        for label in taps:
            await dafydd.tap(label)
        if text is not None:
            await dafydd.send(text)

    await manage("Change the place", text="Parc Bute")
    assert ceri.last() == ("✏️ Mae cyfarfod wedi newid.\n📝 Beth: Coffee and a chat\n📍 Lle newydd: Parc Bute\n"
                           "👆 Ydych chi'n dal i fynd? Pwyswch fotwm.")
    assert {"✅ Yn mynd", "❌ Ddim yn mynd", EASY_HELP["cy"]} <= set(ceri.buttons())
    assert ben.last().startswith("✏️ A meet-up has changed.\n📝 What: Coffee and a chat\n📍 New place: Parc Bute")
    assert alys.last().startswith(standard("cy", "✏️ Changed: %(title)s", title="Coffee and a chat"))
    assert dafydd.last().startswith(standard("en", "✏️ Changed."))  # the organiser's own confirmation

    await manage("Change the time", text="2 December 18:00")
    await dafydd.tap("Yes, move it")
    assert "📅 Amser newydd: Dydd Mercher 2 Rhagfyr, 18:00" in ceri.last()
    assert "📅 New time: Wednesday 2 December, 18:00" in ben.last()

    await manage("Cancel the meet-up", "Yes, cancel it")
    assert ceri.last() == ("❌ Mae cyfarfod wedi'i ganslo.\n📝 Beth: Coffee and a chat\n"
                           "📅 Roedd e i fod: Dydd Mercher 2 Rhagfyr, 18:00\n"
                           "👤 Gofynnwch i'r trefnydd os oes gennych chi gwestiwn.")
    assert ben.last().startswith("❌ A meet-up is cancelled.\n📝 What: Coffee and a chat")
    assert alys.last().startswith(standard("cy", "❌ Cancelled: %(title)s", title="Coffee and a chat"))
    await settled(world)


async def test_an_easy_read_coordinator_sets_up_a_meetup_and_ticks_who_came(world, clock):
    await started(world, easy_coordinator=True)
    dafydd, ben, group = world.people["Dafydd"], world.people["Ben"], world.group
    await dafydd.send("/newmeetup")
    assert dafydd.last().startswith("✍️ What is the meet-up?\n📝 Write a short name for it.")
    await dafydd.send("Coffee and a chat")
    assert dafydd.last() == "📅 Which day?\n👆 Press a day."
    days = [label for label in dafydd.buttons() if label.split()[-1] in ("November", "December")]
    assert len(days) > 3 and all(label.split()[0].endswith("day") for label in days)  # "Tuesday 1 December"
    await dafydd.send("1 December 18:00")
    await dafydd.send("Canolfan y Dref")
    assert dafydd.last() == "🔁 Will it happen again?\n👆 Press how often."
    await dafydd.tap("Just once")
    await dafydd.send("lots")
    assert dafydd.last().startswith("🔢 Please write a number from 1 to 500.\n\n🎟 How many people can come?")
    await dafydd.tap("No limit")
    assert dafydd.last() == ("👀 This is your meet-up:\n📝 What: Coffee and a chat\n"
                             "📅 When: Tuesday 1 December, 18:00\n📍 Where: Canolfan y Dref\n"
                             "🔁 How often: just once\n🎟 Places: no limit\n📣 Send it to the group?")
    await dafydd.tap("Post it")
    assert dafydd.last() == ("📣 Your meet-up is in the group now.\n📅 Dates posted: 1\n"
                             "🙋 People can say if they are going.")
    await ben.tap(GOING, chat=group)
    clock.advance(timedelta(days=10, hours=12))  # 1 December 22:00: it is over
    await world.tick()
    assert dafydd.last() == ("📋 Who came to the meet-up?\n📝 What: Coffee and a chat\n👆 Tap each person who came.\n"
                             "✅ Then tap Done.\n☑️ Ticked so far: 0")
    await dafydd.tap("Ben")
    assert dafydd.last().endswith("☑️ Ticked so far: 1")
    await dafydd.tap("Done")
    assert dafydd.last() == "✅ Saved. Thank you!\n📝 What: Coffee and a chat\n👥 People who came: 1"


async def test_the_calendar_link_file_and_access_needs_in_easy_read(world):
    await started(world)
    ceri, alys = world.people["Ceri"], world.people["Alys"]
    await new_meetup(world, title="Paned a sgwrs")
    await ceri.send("/calendr")
    link = ceri.last()
    assert link.startswith("📅 Dyma ddolen eich calendr chi:\n") and "/calendar/" in link
    assert link.endswith("📱 Ychwanegwch hi at y calendr ar eich ffôn.\n"
                         "🔒 Cadwch hi i chi'ch hun. Peidiwch â'i rhannu.")
    await ceri.tap("Gwneud dolen newydd")
    assert ceri.last().startswith("🔄 Wedi'i wneud. Dydy eich hen ddolen ddim yn gweithio nawr.\n"
                                  "📅 Dyma ddolen eich calendr")
    await ceri.send("/nesaf")
    await ceri.tap("Ychwanegu at y calendr")
    assert ceri.last() == "📅 Agorwch y ffeil hon.\n📲 Mae'n rhoi Paned a sgwrs yn eich calendr."  # the file's caption
    await alys.send("/nesaf")
    await alys.tap("Ychwanegu at y calendr")
    assert alys.last() == standard("cy", "📅 Open this file to add %(title)s to your calendar.", title="Paned a sgwrs")

    await ceri.send("/mynediad")
    assert ceri.last().startswith("♿ Beth sydd ei angen arnoch chi mewn ystafell neu gerbyd?\n👆 Tapiwch")
    first_need = ceri.buttons()[0]
    await ceri.tap(first_need)
    assert ceri.last().startswith("☑️ Mae angen hyn arnoch chi: ")  # a message a screen reader hears
    needs = [m for m in ceri.inbox() if m.get("text", "").startswith("♿ Beth sydd ei angen")][-1]
    assert needs["reply_markup"]["inline_keyboard"][0][0]["text"].startswith("☑️ ")  # the list, redrawn
