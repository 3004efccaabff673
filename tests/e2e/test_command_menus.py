"""The command menu people see in Telegram: each command once, and in the language they chose in Criw,
whatever language their Telegram app is set to (a menu of their own: BotCommandScopeChat)."""

from bot.playground.emulator_admin import menu_in_private_chat
from tests.e2e.conftest import ENGLISH, WELSH, start_in


def commands_seen(world, phone, app_language="en"):
    return [command["command"] for command in menu_in_private_chat(world.emulator.world, phone.id, app_language)]


async def test_the_default_menu_lists_each_command_once(emulator):
    default = [command["command"] for command in emulator.commands()]
    assert "start" in default
    assert len(default) == len(set(default))


async def test_a_welsh_speaker_whose_phone_is_in_english_sees_the_welsh_menu(world):
    alys = world.people["Alys"]  # her Telegram app says "en"
    assert "help" in commands_seen(world, alys) and "cymorth" not in commands_seen(world, alys)  # her app's
    await start_in(alys, WELSH)
    menu = commands_seen(world, alys)
    assert "cymorth" in menu and "gosodiadau" in menu
    assert "help" not in menu and "settings" not in menu
    assert commands_seen(world, alys, "cy") == menu  # the same whatever her app's language


async def test_changing_language_in_criw_changes_the_menu_and_leaves_everyone_elses(world):
    ceri, ben = world.people["Ceri"], world.people["Ben"]  # Ceri's phone says "cy"
    await start_in(ceri, ENGLISH)
    assert "help" in commands_seen(world, ceri, "cy") and "cymorth" not in commands_seen(world, ceri, "cy")
    await ceri.send("/iaith")
    await ceri.tap(WELSH["language"])
    assert "cymorth" in commands_seen(world, ceri, "cy") and "help" not in commands_seen(world, ceri, "cy")
    assert "help" in commands_seen(world, ben) and "cymorth" not in commands_seen(world, ben)  # still his app's
