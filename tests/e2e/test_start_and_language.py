"""A person starts the bot and chooses a language; everything after speaks it."""



async def choose(phone, language, easy_read, reminders):
    await phone.send("/start")
    await phone.tap(language)
    await phone.tap(easy_read)
    await phone.tap(reminders)


async def test_a_person_whose_telegram_says_en_and_who_chooses_cymraeg_gets_every_later_message_in_welsh(people):
    alys = people["Alys"]
    assert alys.user["language_code"] == "en"
    await choose(alys, "Cymraeg", "Dim diolch", "Hoffwn")
    assert "Popeth yn barod" in alys.last()
    for command in ("/help", "/settings", "/iaith", "/nonsense", "just some words"):
        await alys.send(command)
    replies = [(m["text"]) for m in alys.inbox()[-5:]]
    assert replies[0].startswith("ℹ️ Mae Criw yn helpu")
    assert replies[1].startswith("⚙️ Eich gosodiadau")
    assert replies[2].startswith("🗣 Pa iaith")
    assert replies[3].startswith("Mae'n ddrwg gen i, dydw i ddim yn adnabod y gorchymyn")
    assert replies[4].startswith("💬 Diolch am eich neges.")  # never "I didn't understand" alone: the home screen


async def test_a_person_who_chooses_english_gets_english_only(people):
    ben = people["Ben"]
    await choose(ben, "English", "No, thanks", "Yes, please")
    await ben.send("/cymorth")
    reply = (ben.last())
    assert reply.startswith("ℹ️ Criw helps your group")
    assert "Mae Criw" not in reply


async def test_before_choosing_the_welcome_is_bilingual_with_welsh_first(people):
    ceri = people["Ceri"]
    await ceri.send("/start")
    welcome = (ceri.last())
    assert welcome.index("Croeso i Criw") < welcome.index("Welcome to Criw")
    assert ceri.buttons() == ["Cymraeg", "English"]


async def test_choices_are_stored_and_shown_in_settings(people, world):
    ceri = people["Ceri"]
    await choose(ceri, "Cymraeg", "Hoffwn", "Dim diolch")
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(ceri.id)
    assert (person.language, person.easy_read, person.reminders) == ("cy", True, False)
    await ceri.send("/gosodiadau")
    summary = (ceri.last())  # Ceri chose Easy Read: short lines, in Welsh only
    assert "🗣 Rydw i'n ysgrifennu yn Gymraeg." in summary
    assert "📖 Mae'r fersiwn Hawdd ei Ddeall ymlaen." in summary
    assert "⏰ Mae nodiadau atgoffa i ffwrdd." in summary
    assert "English" not in summary


async def test_changing_language_from_settings_switches_at_once(people):
    alys = people["Alys"]
    await choose(alys, "Cymraeg", "Dim diolch", "Hoffwn")
    await alys.send("/gosodiadau")
    await alys.tap("Newid iaith")
    await alys.tap("English")
    assert (alys.last()).startswith("⚙️ Your settings")
    await alys.send("/language")
    assert (alys.last()).startswith("🗣 Which language")


async def test_settings_toggles_change_only_that_setting(people, world):
    ben = people["Ben"]
    await choose(ben, "English", "No, thanks", "Yes, please")
    await ben.send("/settings")
    await ben.tap("Turn Easy Read on")
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(ben.id)
    assert (person.language, person.easy_read, person.reminders) == ("en", True, True)
    assert "📖 Easy Read is on." in (ben.last())  # the settings, now in Easy Read
