"""The scripted tour (`criw demo --tour`, and the web page's "play the tour"): one chapter per
feature, each a short scene in the demo group and the members' private chats."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from babel.dates import format_date

from bot.playground.demo import DemoWorld
from bot.playground.tour_credits import credits
from bot.playground.tour_easy_read import easy_read as easy_read_chapter
from bot.playground.tour_meetups import meetups
from bot.playground.tour_requests import requests
from bot.playground.tour_trust import trust
from bot.playground.transcript import Narrator, StepHook

Chapter = Callable[[Narrator, DemoWorld], Awaitable[None]]


async def welcome(tour: Narrator, world: DemoWorld) -> None:
    """The group adds the bot; members start it in Welsh and English; /help in both."""
    emulator, group, people = world.emulator, world.group, world.people
    dafydd, alys, ben, ceri = (people[name] for name in ("Dafydd", "Alys", "Ben", "Ceri"))

    async def add_bot() -> None:
        emulator.add_bot_to_group(group["id"], dafydd.id)
        await emulator.settle()

    await tour.step(group["id"], "Dafydd adds Criw to the group", add_bot())
    for phone, language, easy_read, reminders in (
        (alys, "Cymraeg", "Dim diolch", "Hoffwn"),
        (ben, "English", "No, thanks", "Yes, please"),
        (ceri, "Cymraeg", "Hoffwn", "Hoffwn"),
    ):
        await tour.step(phone.id, f"{phone.name}: /start", phone.send("/start"))
        for label in (language, easy_read, reminders):
            await tour.step(phone.id, f"{phone.name} taps [{label}]", phone.tap(label))
    await tour.step(group["id"], "Dafydd: /help", dafydd.send("/help", chat=group))
    await tour.step(alys.id, "Alys: /cymorth", alys.send("/cymorth"))
    await tour.step(ben.id, "Ben: /settings", ben.send("/settings"))


async def proposal(tour: Narrator, world: DemoWorld) -> None:
    """Alys proposes a walk in Welsh; Ben, Ceri and Dafydd vote, then Alys: everyone the bot knows has
    voted and the result can't change, so it is decided at once and becomes a meet-up."""
    group, people = world.group, world.people
    alys = people["Alys"]
    in_two_weeks = world.criw.clock.now() + timedelta(days=14)
    when = format_date(in_two_weeks, "d MMMM", locale="cy") + " 11:00"
    await tour.step(group["id"], "Alys: /cynnig", alys.send("/cynnig", chat=group))
    await tour.step(alys.id, "Alys follows the link to a private chat", alys.start(f"p{group['id']}"))
    for action, run in (
        ("Alys: Taith gerdded ar Lwybr Taf", alys.send("Taith gerdded ar Lwybr Taf")),
        ("Alys taps [Symud ymlaen]", alys.tap("Symud ymlaen")),
        (f"Alys: {when}", alys.send(when)),
        ("Alys taps [Yn eich blaen]", alys.tap("Yn eich blaen")),
        ("Alys: Parc Bute, Caerdydd", alys.send("Parc Bute, Caerdydd")),
        ("Alys taps [Trafnidiaeth]", alys.tap("Trafnidiaeth")),
        ("Alys taps [8]", alys.tap("8")),
        ("Alys taps [Wedi gorffen]", alys.tap("Wedi gorffen")),
        ("Alys taps [3 diwrnod]", alys.tap("3 diwrnod")),
        ("Alys taps [Ei bostio i'r grŵp]", alys.tap("Ei bostio")),
    ):
        await tour.step(alys.id, action, run)
    await tour.step(alys.id, "Alys: /pleidleisiau", alys.send("/pleidleisiau"))
    for name, label in (("Ben", "Yes"), ("Ceri", "Ie"), ("Dafydd", "Yes"), ("Alys", "Ie")):
        phone = people[name]
        await tour.step(group["id"], f"{name} taps [{label}] on the group post", phone.tap(label, chat=group))


CHAPTERS: list[Chapter] = [welcome, proposal, meetups, credits, requests, easy_read_chapter, trust]


async def play_tour(world: DemoWorld, on_step: StepHook | None = None) -> str:
    """Play every chapter and return the transcript. `on_step` hears about each step before it runs
    (the web page follows the tour with it)."""
    group, people = world.group, world.people
    chats = {group["id"]: f"{group['title']} (group)"}
    chats |= {phone.id: f"{phone.name} ↔ Criw (private)" for phone in people.values()}
    tour = Narrator(world.emulator, chats, on_step)
    for chapter in CHAPTERS:
        await chapter(tour, world)
    await world.criw.dispatcher.group_edits.flush()
    return tour.text()
