"""Taking back a /log entry before it is confirmed, or correcting it: over real HTTP on both transports, in
Welsh (standard) and English (Easy Read). The confirmer is told, their buttons do nothing any more, and
nothing is earned."""

from bot.i18n.translator import Tr
from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, start_in
from tests.e2e.test_credits import alys_logs_driving, ledger_sum

ALYS = FULL_NAME["Alys"]  # a hostile name: shown exactly as written


async def started(world, *, ben_easy=False):
    people, group = world.people, world.group
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=group)
    await start_in(people["Ben"], ENGLISH, easy_read=ben_easy, group=group)
    await start_in(people["Dafydd"], ENGLISH, group=group)


async def test_a_member_takes_an_entry_back_and_the_confirmer_is_told_and_cannot_confirm_it(world):
    await started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world)
    assert alys.buttons()[:2] == ["✏️ Ei gywiro", "↩️ Ei dynnu'n ôl"]
    await alys.tap("↩️ Ei dynnu'n ôl")
    assert alys.last() == Tr("cy")._("↩️ Taken back. Nobody will confirm it now, and I've told whoever I'd asked.")
    note = ben.last()
    assert note.startswith(f"↩️ {ALYS} took this back, so there's nothing to confirm:")
    assert "⏱ How long: 2½ hours" in note
    await ben.tap("Yes, confirm", message=[m for m in ben.inbox() if "🙋 Alys" in m.get("text", "")][-1])
    assert await ledger_sum(world, alys.id) == 0  # the old Yes button earns nothing
    saved = [m for m in alys.inbox() if m.get("text", "").startswith("📨")][-1]
    assert not saved.get("reply_markup", {}).get("inline_keyboard")  # the buttons went with the entry


async def test_correcting_takes_the_entry_back_and_starts_again_and_the_new_one_is_confirmed(world):
    await started(world, ben_easy=True)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world, hours="awr")
    await alys.tap("✏️ Ei gywiro")
    assert Tr("cy")._("✏️ Let's write it again.") in [m.get("text") for m in alys.inbox()[-3:]]
    assert ben.last() == f"↩️ {ALYS} took this back.\n✅ You do not need to check it now."  # Easy Read
    await alys.tap("Gyrru")  # the /log questions again, from the start
    await alys.send("Mynd â thri pherson i Barc Bute")
    await alys.tap("Ddoe")
    await alys.send("dwy awr")
    await alys.tap("Ben")
    await alys.tap("Ei anfon i'w gadarnhau")
    await ben.tap("Yes")
    assert await ledger_sum(world, alys.id) == 8  # two hours, in quarters: only the corrected entry
