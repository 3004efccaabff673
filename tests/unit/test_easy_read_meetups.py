"""The meet-up messages one person reads privately: an Easy Read form one idea a line with its emoji first,
in one language, and spoken words with the date and time said as people say them (not "14:30")."""

from datetime import UTC, datetime

from bot.domain.meetups import Counts
from bot.i18n.easy import Subject, easy_form, speech_form, subject_of
from bot.i18n.translator import Tr
from bot.services.meetup_changes import MeetupChanged
from bot.services.meetups import MeetupView, MyMeetup
from bot.store.meetups import Meetup
from bot.store.models import Group
from bot.voice.words import speakable
from handlers import meetup_text as text

SATURDAY = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)  # 14:30 in Cardiff too (GMT in December)


def view(**changes) -> MeetupView:
    meetup = Meetup(id=7, group_id=1, title="Taith gerdded", starts_at=SATURDAY, place="Parc Bute",
                    transport="Bws mini o'r llyfrgell", **changes)
    group = Group(id=1, organisation_id=1, chat_id=-100, title="Cerddwyr Caerdydd")
    return MeetupView(meetup, group, Counts(going=3), [], [], False, None, None)


def moved() -> MeetupChanged:
    return MeetupChanged(view(), cancelled=False, changed=("time", "place"), before_start=datetime(2026, 12, 4, 18, 0,
                         tzinfo=UTC), before_place="Y Neuadd")


def test_a_change_notice_in_easy_read_welsh_is_short_one_idea_a_line_and_welsh_only():
    easy = easy_form(text.change_notice(moved()))(Tr("cy"))
    lines = easy.splitlines()
    assert lines == ["✏️ Mae cyfarfod wedi newid.", "📝 Beth: <b>Taith gerdded</b>",
                     "📅 Amser newydd: Dydd Sadwrn 5 Rhagfyr, 14:30", "📍 Lle newydd: Parc Bute",
                     "👆 Ydych chi'n dal i fynd? Pwyswch fotwm."]
    assert all(not line[0].isalnum() for line in lines)  # an emoji first, every line


def test_the_spoken_change_notice_says_the_day_and_time_in_words():
    spoken = speakable(speech_form(text.change_notice(moved()))(Tr("cy")), "cy")
    assert "dydd Sadwrn y pumed o Ragfyr, hanner awr wedi dau" in spoken
    assert not any(ch.isdigit() for ch in spoken)
    english = speakable(speech_form(text.change_notice(moved()))(Tr("en")), "en")
    assert "Saturday the fifth of December, half past two" in english


def test_a_cancellation_says_when_it_was_and_is_about_the_meetup():
    cancelled = MeetupChanged(view(status="cancelled"), cancelled=True, changed=(), before_start=SATURDAY,
                              before_place="Parc Bute")
    notice = text.change_notice(cancelled)
    assert easy_form(notice)(Tr("en")).splitlines()[:3] == [
        "❌ A meet-up is cancelled.", "📝 What: <b>Taith gerdded</b>",
        "📅 It was going to be: Saturday 5 December, 14:30"]
    assert subject_of(notice) == Subject("m", 7)  # "I need help" under it names the meet-up
    assert "half past two" in speakable(speech_form(notice)(Tr("en")), "en")


def test_the_private_card_gives_your_answer_and_lift_in_words_and_the_standard_form_is_unchanged():
    mine = MyMeetup(view(), "going", needs_lift=True, pickup="Tu allan i Tesco", manages=False)
    card = text.private_card(mine, next_one=True)
    # The typed transport arrives escaped (o&#39;r): Telegram shows "o'r".
    assert easy_form(card)(Tr("cy")).splitlines() == [
        "⏭ Dyma'r cyfarfod nesaf.", "📝 Beth: <b>Taith gerdded</b>", "📅 Pryd: Dydd Sadwrn 5 Rhagfyr, 14:30",
        "📍 Lle: Parc Bute", "🚌 Teithio: Bws mini o&#39;r llyfrgell", "👥 Yn mynd: 3", "✅ Rydych chi'n mynd.",
        "🚗 Gofynnoch chi am lifft.", "📍 Man codi: Tu allan i Tesco", "👆 Ydych chi'n mynd? Pwyswch fotwm."]
    assert card(Tr("en")) == text.next_card(Tr("en"), mine.view, mine)  # the standard form, as before
    assert "Saturday the fifth of December" in speakable(speech_form(card)(Tr("en")), "en")


def test_the_private_listing_says_each_meetup_with_its_day_in_words():
    mine = [MyMeetup(view(), None, needs_lift=False, pickup="", manages=False)]
    listing = text.private_listing([mine[0].view], mine)
    assert "❓ You have not answered yet." in easy_form(listing)(Tr("en"))
    spoken = speakable(speech_form(listing)(Tr("cy")), "cy")
    assert "Taith gerdded" in spoken and "dydd Sadwrn y pumed o Ragfyr" in spoken
