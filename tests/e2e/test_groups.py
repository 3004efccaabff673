"""The bot in a group: the welcome, bilingual help, menus, coordinators."""

from tests.e2e.conftest import FULL_NAME, reply_in_group

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written


async def add_bot(emulator, group, by):
    emulator.add_bot_to_group(group["id"], by.id)
    await emulator.settle()


async def test_added_to_a_group_the_bot_welcomes_everyone_welsh_first_with_a_start_link(emulator, group, people):
    await add_bot(emulator, group, people["Dafydd"])
    welcome = emulator.last_bot_message(group["id"])
    text = (welcome["text"])
    assert text.index("Helo, Criw ydw i") < text.index("Hello, I'm Criw")
    button = welcome["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"] == "Pwyswch Start / Press Start"
    assert button["url"] == f"https://t.me/criw_demo_bot?start=g{group['id']}"


async def test_help_in_a_group_is_bilingual_with_welsh_first(emulator, group, people):
    await add_bot(emulator, group, people["Dafydd"])
    await people["Ben"].send("/help", chat=group)
    text = (people["Ben"].last(group))
    assert text.index("Mae Criw yn helpu") < text.index("Criw helps your group")
    assert "/cymorth" in text and "/help" in text


async def test_help_addressed_to_the_bot_by_name_works_in_a_group(emulator, group, people):
    await add_bot(emulator, group, people["Dafydd"])
    await people["Ben"].send("/cymorth@criw_demo_bot", chat=group)
    assert "Mae Criw yn helpu" in (people["Ben"].last(group))


async def test_command_menus_are_published_in_welsh_english_and_bilingual_default(emulator):
    welsh = {c["command"]: c["description"] for c in emulator.commands(language_code="cy")}
    english = {c["command"]: c["description"] for c in emulator.commands(language_code="en")}
    default = [c["command"] for c in emulator.commands()]
    assert welsh["cymorth"] == "Beth alla i ei wneud"
    assert welsh["gosodiadau"] and welsh["iaith"] and welsh["cydlynydd"]
    assert english["help"] == "What I can do"
    assert default.index("cymorth") < default.index("help")
    assert set(emulator.descriptions["description"]) >= {"", "cy", "en"}
    assert emulator.descriptions["description"]["cy"].startswith("Mae Criw yn helpu")


async def test_the_telegram_admin_who_adds_the_bot_becomes_its_first_coordinator(emulator, group, people, world):
    await add_bot(emulator, group, people["Dafydd"])
    async with world.criw.uow() as uow:
        criw_group = await uow.groups.by_chat(group["id"])
        dafydd = await uow.people.by_telegram_id(people["Dafydd"].id)
        membership = await uow.memberships.find(dafydd.id, criw_group.id)
        audit = await uow.audit.for_group(criw_group.id)
    assert membership.role == "coordinator"
    assert [entry.action for entry in audit] == ["coordinator.first", "group.admit"]


async def test_a_coordinator_makes_a_member_a_coordinator_by_replying(emulator, group, people, world):
    dafydd, alys = people["Dafydd"], people["Alys"]
    await add_bot(emulator, group, dafydd)
    await alys.start()
    await alys.tap("Cymraeg")
    await reply_in_group(emulator, group, alys, "Helo pawb", dafydd, "/coordinator")
    assert f"Make {ALYS} a coordinator" in dafydd.buttons(group)[0]
    await dafydd.tap("Alys", chat=group)
    assert f"Mae {ALYS} nawr yn gydlynydd" in (dafydd.last(group))
    assert "Rydych chi nawr yn gydlynydd" in (alys.last())
    async with world.criw.uow() as uow:
        criw_group = await uow.groups.by_chat(group["id"])
        actions = [entry.action for entry in await uow.audit.for_group(criw_group.id)]
    assert actions == ["coordinator.first", "group.admit", "coordinator.appoint"]


async def test_a_member_who_is_not_a_coordinator_is_refused_politely(emulator, group, people):
    dafydd, ben = people["Dafydd"], people["Ben"]
    await add_bot(emulator, group, dafydd)
    await reply_in_group(emulator, group, dafydd, "Hello all", ben, "/coordinator")
    assert "only the group's coordinators can do that" in (ben.last(group))
