"""How the evidence report reads, in one language: label-and-value lines (so a Welsh value never follows a
mutating word), pages for the whole and for each group, the tables behind the CSV files, and what the
report leaves out and why, and the stories their tellers agreed to share. Plain text throughout (names and
typed words unescaped): it goes only into the PDF, which escapes it for reportlab, and the CSV files, whose
cells are made formula-safe (bot/reports/spreadsheet.py); none of it is sent as a Telegram message.

Organisation-wide, counts of 1 to 4 read "fewer than 5" (bot/domain/evidence.hidden), and a share is only
given when what it shares out is at least 5.
"""

from __future__ import annotations

from bot.domain.evidence import SMALL, hidden, share
from bot.i18n.durations import hours_decimal
from bot.i18n.translator import Tr
from bot.reports.evidence_document import Page, Section, Table, Worded
from bot.reports.labels import day_label, month_label, plain
from bot.services.evidence_report import Evidence, Figures
from bot.services.stories import ReportStory
from handlers.resource_text import money
from handlers.stories import tag_words


def worded(tr: Tr, evidence: Evidence) -> Worded:
    hide = evidence.organisation
    if evidence.organisation:
        title = plain(tr._("Evidence report: every group"))
    else:
        # Translators: group is the group's name (label-and-value, so it is never mutated).
        title = plain(tr._("Evidence report: %(group)s", group=evidence.groups[0].group.title))
    # Translators: start and end are dates such as "1 April 2026".
    period = plain(tr._("Period: %(start)s to %(end)s", start=day_label(tr, evidence.start),
                        end=day_label(tr, evidence.end)))
    headline = Page(plain(tr._("Headline figures")) if hide else title, sections(tr, evidence.total, hide))
    groups = [Page(found.group.title, sections(tr, found.figures, hide)) for found in evidence.groups] if hide else []
    chart = []
    for year, month in evidence.months:
        count = evidence.total.by_month.get((year, month), 0)
        chart.append((month_label(tr, year, month), 0 if hide and hidden(count) else count, _count(tr, count, hide)))
    told = [_story(tr, story) for story in evidence.stories]
    return Worded(tr.language, title, period, headline, groups, plain(tr._("People at meet-ups, by month")), chart,
                  [*tables(tr, evidence), _stories_table(tr, evidence.stories)],
                  plain(tr._("What mattered to people, in their words")), told,
                  plain(tr._("What this report leaves out, and why")), left_out(tr, evidence))


def _story(tr: Tr, story: ReportStory) -> str:
    """E.g. "12 April 2026 · Walkers · Alys: I met people; I had fun. “It was lovely.”" """
    who = story.name or plain(tr._("Someone who came"))
    said = "; ".join(tag_words(tr, tag) for tag in story.tags)
    line = f"{day_label(tr, story.day)} · {story.group} · {who}: {said}."
    return f"{line} “{story.words}”" if story.words else line


def _stories_table(tr: Tr, told: list[ReportStory]) -> Table:
    rows = [[plain(tr._("Date")), plain(tr._("Group")), plain(tr._("Name")), plain(tr._("What mattered")),
             plain(tr._("In their words"))]]
    rows += [[story.day.isoformat(), story.group, story.name or "", "; ".join(tag_words(tr, t) for t in story.tags),
              story.words] for story in told]
    return Table(plain(tr._("stories")), rows)


def _count(tr: Tr, count: int, hide: bool) -> str:
    # Translators: shown instead of a count of 1 to 4 in organisation-wide reports.
    return plain(tr._("fewer than %(n)s", n=SMALL)) if hide and hidden(count) else tr.number(count)


def _share(tr: Tr, part: int, whole: int, hide: bool) -> str:
    value = share(part, whole)
    if value is None or (hide and whole < SMALL):
        return plain(tr._("not shown"))
    return f"{tr.number(value)}%"


def sections(tr: Tr, figures: Figures, hide: bool) -> list[Section]:
    def count(n: int) -> str:
        return _count(tr, n, hide)

    return [
        Section(plain(tr._("What happened")), [
            (plain(tr._("Meet-ups held")), count(figures.meetups)),
            (plain(tr._("People who came")), count(figures.came)),
            (plain(tr._("People who came for the first time")), count(figures.new)),
            (plain(tr._("People who came back")), count(figures.returning)),
            (plain(tr._("Places taken at meet-ups")), count(figures.attendances)),
        ]),
        Section(plain(tr._("Led by members")), [
            (plain(tr._("Proposals made")), count(figures.proposals)),
            (plain(tr._("Proposals made by members")), _share(tr, figures.by_members, figures.proposals, hide)),
            (plain(tr._("Proposals made by coordinators")),
             _share(tr, figures.by_coordinators, figures.proposals, hide)),
            (plain(tr._("Proposals passed")), count(figures.passed)),
            (plain(tr._("Members who voted, on average")), _share(tr, figures.votes_cast, figures.could_vote, hide)),
        ]),
        Section(plain(tr._("Support used")), [
            (plain(tr._("Rooms booked")), count(figures.rooms)),
            (plain(tr._("Hours of room time")), hours_decimal(figures.room_minutes // 15)),
            (plain(tr._("Journeys booked")), count(figures.journeys)),
            (plain(tr._("Seats booked")), count(figures.seats)),
            (plain(tr._("Wheelchair places booked")), count(figures.wheelchair_places)),
            (plain(tr._("Money approved")), money(tr, figures.money_approved)),
            (plain(tr._("Budget for the period")), money(tr, figures.budget)),
        ]),
        Section(plain(tr._("Time given")), [
            (plain(tr._("Hours confirmed")), hours_decimal(figures.quarters_confirmed)),
            (plain(tr._("People who gave time")), count(figures.givers)),
            (plain(tr._("Time credits earned (hours)")), hours_decimal(figures.earned)),
            (plain(tr._("Time credits given to others (hours)")), hours_decimal(figures.gifted)),
            (plain(tr._("Time credits spent (hours)")), hours_decimal(figures.spent)),
        ]),
    ]


def tables(tr: Tr, evidence: Evidence) -> list[Table]:
    """The figures with a column per group and the total, and people at meet-ups per month likewise."""
    hide = evidence.organisation
    names = [found.group.title for found in evidence.groups]
    header = [plain(tr._("Figure")), *(names if hide else []), plain(tr._("Total"))]
    columns = [*(sections(tr, found.figures, hide) for found in evidence.groups if hide),
               sections(tr, evidence.total, hide)]
    figures = [header]
    for index, section in enumerate(columns[-1]):
        for line, (label, _) in enumerate(section.lines):
            figures.append([f"{section.heading}: {label}", *(column[index].lines[line][1] for column in columns)])
    monthly = [[plain(tr._("Month")), *(names if hide else []), plain(tr._("Total"))]]
    for year, month in evidence.months:
        counts = [found.figures.by_month.get((year, month), 0) for found in evidence.groups] if hide else []
        monthly.append([month_label(tr, year, month), *(_count(tr, n, hide) for n in counts),
                        _count(tr, evidence.total.by_month.get((year, month), 0), hide)])
    return [Table(plain(tr._("figures")), figures), Table(plain(tr._("by-month")), monthly)]


def left_out(tr: Tr, evidence: Evidence) -> list[str]:
    """What the report leaves out, and why: said in the report itself."""
    notes = [
        plain(tr._("Figures name no one: they count people, and only numbers leave each group.")),
        plain(tr._("Meet-ups count once they have started; cancelled ones do not count.")),
        plain(tr._("The share who voted counts today's members of each group, on proposals that were decided.")),
        plain(tr._("Money spent is not shown: Criw records the money coordinators approve, not receipts.")),
        plain(tr._("Stories appear only as each person chose: with their first name, without a name, or not at "
                   "all. Stories kept out of reports are not counted either.")),
    ]
    if evidence.organisation:
        notes.insert(1, plain(tr._("Counts from 1 to 4 show as \"fewer than 5\", and shares of fewer than 5 are "
                                   "not shown, so that no one can be picked out.")))
    return notes
