"""Meet-ups in the phone's calendar: a private iCalendar feed per person, and a one-off .ics file."""

import re
from datetime import UTC, datetime

import aiohttp
import icalendar

from tests.e2e.meetup_steps import ADD, everyone_started, new_meetup


def _feed_url(text):
    return re.search(r"(http://\S+/calendar/\S+\.ics)", text).group(1)


async def _get(url):
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, response.headers.get("Content-Type", ""), await response.read()


def _events(body):
    return {str(event["summary"]): event for event in icalendar.Calendar.from_ical(body).walk("VEVENT")}


async def test_the_feed_parses_and_keeps_wall_clock_times_across_the_march_clock_change(world):
    await everyone_started(world)
    await new_meetup(world, title="Before the change", when="23 March 2027 18:00", place="Y Neuadd")
    await new_meetup(world, title="After the change", when="30 March 2027 18:00", place="Y Neuadd")
    alys = world.people["Alys"]
    await alys.send("/calendr")
    assert "📅 Dolen breifat eich calendr:" in alys.last()
    status, kind, body = await _get(_feed_url(alys.last()))
    assert status == 200 and kind.startswith("text/calendar")
    events = _events(body)
    before, after = events["Before the change"], events["After the change"]
    assert before.decoded("dtstart").astimezone(UTC) == datetime(2027, 3, 23, 18, 0, tzinfo=UTC)  # GMT
    assert after.decoded("dtstart").astimezone(UTC) == datetime(2027, 3, 30, 17, 0, tzinfo=UTC)  # BST
    assert str(after.decoded("dtstart").tzinfo) == "Europe/London"
    assert after.decoded("dtstart").hour == 18 and after.decoded("dtend").hour == 20
    assert str(after["location"]) == "Y Neuadd"
    description = str(after["description"])
    assert description.index("Pryd: Dydd Mawrth 30 Mawrth, 18:00–20:00") < description.index(
        "When: Tuesday 30 March, 18:00–20:00")
    assert "<" not in description and "&amp;" not in description
    calendar = icalendar.Calendar.from_ical(body)
    assert any(str(tz["tzid"]) == "Europe/London" for tz in calendar.walk("VTIMEZONE"))


async def test_a_reset_or_wrong_token_gets_404_and_reveals_nothing(world):
    await everyone_started(world)
    await new_meetup(world, title="Secret walk")
    ben = world.people["Ben"]
    await ben.send("/calendar")
    old_url = _feed_url(ben.last())
    token = old_url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43  # 256 random bits, base64
    assert (await _get(old_url))[0] == 200
    await ben.tap("Make a new link")
    new_url = _feed_url(ben.last())
    assert new_url != old_url
    base = old_url.rsplit("/", 1)[0]
    refused = [await _get(url) for url in (old_url, f"{base}/{'A' * 43}.ics", f"{base}/x.ics",
                                            f"{base}/{token[:-1]}.ics", f"{base}/{'é' * 10}.ics")]
    assert {(status, body) for status, _, body in refused} == {(404, b"Not found")}
    assert b"Secret walk" in (await _get(new_url))[2]


async def test_a_person_in_no_group_gets_an_empty_but_valid_feed(world):
    stranger = world.emulator.add_user("Stranger", language_code="en")
    world.emulator.user_sends(stranger["id"], "/calendar")
    await world.emulator.settle()
    status, _, body = await _get(_feed_url(world.emulator.last_bot_message(stranger["id"])["text"]))
    assert status == 200 and _events(body) == {}


async def test_add_to_calendar_sends_a_one_off_ics_file_privately(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world, title="Picnic", when="5 December 12:00", place="Parc y Rhath")
    await people["Ceri"].tap(ADD, chat=group)
    assert "📅 Rydw i wedi anfon y ffeil galendr atoch chi" in people["Ceri"].popups[-1]
    sent = next(message for message in reversed(people["Ceri"].inbox()) if message.get("document"))
    assert sent["document"]["file_name"] == "criw-1.ics"
    assert "📅 Agorwch y ffeil hon" in sent["caption"]
    content = world.emulator.files[sent["document"]["file_id"]].data
    event = _events(content)["Picnic"]
    assert event.decoded("dtstart").astimezone(UTC) == datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    assert str(event["location"]) == "Parc y Rhath"
    assert [m for m in world.emulator.chat_messages(group["id"]) if m.get("document")] == []
