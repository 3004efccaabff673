"""Every message that has a standard form in a private-message path has an Easy Read form (its own catalog
entry, msgctxt "easy") in Welsh and English; the exceptions are listed here, each with its reason.

How it is checked, per handler module (by reading the code, not running it): a translatable string
(`tr._`, `tr.n_`) is fine when it is
- the standard form given to `both(standard, easy)` (or a `Step(name, prompt, easy)` of a guided flow), or
  inside a function such a form calls;
- a button label (inside `Button(...)`, `ctx.label(...)`, `label_in(...)`, a `*button*`/`*keyboard*`
  function or call): buttons keep their words, Easy Read or not; or a command's menu entry;
- a pop-up only (`ctx.answer(..., message=False)`);
- listed below for that module, with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.i18n.catalogs import po_path

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = ROOT / "handlers"

# Modules whose private messages all have Easy Read forms (the foundation, proposals and votes, and this
# feature's own).
COVERED = {
    "start", "settings", "help", "errors", "fallback", "propose", "propose_steps", "propose_problems", "votes",
    "proposal_reminders", "proposal_post", "easy_read", "supporters", "on_behalf", "on_behalf_text", "schedule",
    "data_rights", "data_rights_text", "helplines", "group_reminders", "rules", "groups", "admission", "home",
    "safety_net", "old_button", "log_undo",
}

GROUP_ONLY = "said in a group chat only (group posts stay standard: everyone reads them)"
SHARED_LINE = "a label: value line shared by both forms (one idea, an emoji first: Easy Read already)"
EXCEPTIONS: dict[str, dict[str, str]] = {
    "start": {"Please press Start in a private chat with me.": GROUP_ONLY},
    "settings": {"Your settings are private. Please open a private chat with me.": GROUP_ONLY},
    "help": {
        "Criw helps member-led peer-support groups decide what to do together: suggest activities, vote, and get "
        "reminders. Cymraeg and English.": "the bot's description in Telegram's profile, not a message",
        "Your group decides together, in Welsh or English.": "the bot's short description, not a message",
    },
    "propose": {"✍️ Let's write it together in a private chat, so the group stays tidy.": GROUP_ONLY},
    "votes": {
        "🗑 %(name)s has withdrawn the proposal: %(title)s": GROUP_ONLY,
        "🗑 Withdraw: %(title)s": "a button label (built by _titled, passed to ctx.label)",
        "🛑 Close now: %(title)s": "a button label (built by _titled, passed to ctx.label)",
    },
    "supporters": {"Your supporters are private. Please open a private chat with me.": GROUP_ONLY},
    "data_rights_text": {
        "📎 Your data from Criw, in full (a JSON file: any text editor opens it).": "a file's caption",
    },
    "helplines": {**dict.fromkeys([
        "Free, any time, day or night. Talk about anything that's troubling you. Welsh-language line: "
        "0808 164 0123 (7pm–11pm every day).",
        "The Community Advice and Listening Line: free mental health support in Wales, any time. Or text "
        "\"help\" to 81066.",
        "The Wales drug and alcohol helpline: free, any time. Or text DAN to 81066.",
        "For children and young people in Wales up to 25: free and confidential, 8am to midnight every day. "
        "Or text 84001.",
        "Press 2 for urgent mental health help in Wales, any time.",
    ], "the whole helpline list goes to everyone, numbers and hours uncut; an Easy Read summary follows it"),
        **dict.fromkeys(["Samaritans", "C.A.L.L.", "DAN 24/7", "Meic", "NHS 111 Wales"], "a helpline's name")},
    "group_reminders": dict.fromkeys([
        "Meet-up reminder in the group, a day before", "Private reminder to people going, 2 hours before",
        "Weekly list of the coming week's meet-ups",
        "Private nudge before a vote closes, to people who haven't voted", "⏰ Reminders in this group:",
        "Private question after a meet-up: what mattered to you?",
        "🗓 When the weekly list goes: %(weekday)s, %(time)s", "Saved",
        "🗓 %(weekday)s: at what time (the group's time)?", "🗓 Which day should the weekly list of meet-ups go?",
    ], GROUP_ONLY + ": the coordinators' /reminders panel in the group"),
    "rules": dict.fromkeys(["Saved"], GROUP_ONLY + ": the coordinators' buttons under /rules in the group"),
    "admission": {
        **dict.fromkeys([
            "👋 Hello, I'm Criw. I help this group suggest activities, vote on them and plan meet-ups.\nPlease "
            "each press Start once, so I can send you reminders and ask you things privately.",
            "⏳ Hello, I'm Criw. This group isn't part of the organisation yet: I've asked its coordinators to "
            "admit it. Until they do, I won't do anything here.",
            "Make %(name)s an organisation coordinator? They will manage rooms, vehicles and budgets and see "
            "every group's requests.",
            "✅ %(name)s is now an organisation coordinator.", "Done",
        ], GROUP_ONLY + ": the bot's welcome or waiting message, and naming an organisation coordinator"),
        "✅ Admitted: %(title)s": SHARED_LINE,
    },
    "groups": dict.fromkeys([
        "Make %(name)s a coordinator of this group?", "Done", "✅ %(name)s is now a coordinator of this group.",
        "Reply to a message from the person you want to make a coordinator.",
    ], GROUP_ONLY + ": the bot's welcome, and appointing a coordinator, happen in the group"),
    "on_behalf_text": {
        "🗳️ Vote: %(choice)s\n📝 %(title)s": SHARED_LINE,
        "🗳️ Date ticked: %(when)s\n📝 %(title)s": SHARED_LINE,
        "🗳️ Tick taken away: %(when)s\n📝 %(title)s": SHARED_LINE,
        "📅 Answer: %(answer)s\n📝 %(title)s": SHARED_LINE,
        "⏱ Time given today: %(hours)s (%(category)s)\n⏳ Waiting to be confirmed": SHARED_LINE,
    },
}

# Meet-ups: what's on, answering (lifts, the waiting list), change notices, setting up, managing, attendance,
# the calendar and access needs.
COVERED |= {
    "meetups", "meetup_text", "meetup_easy", "meetup_post", "rsvp", "meetup_manage", "meetup_problems",
    "newmeetup", "newmeetup_steps", "attendance", "calendar", "meetup_jobs", "access",
}
ICS_FILE = "inside the .ics calendar file (read in a calendar app, in Welsh and English), not a message"
EXCEPTIONS |= {
    "newmeetup": {"📅 Let's set it up in a private chat, so the group stays tidy.": GROUP_ONLY},
    "calendar": {
        "Your calendar link is private. Please open a private chat with me.": GROUP_ONLY,
        "👥 Group: %(group)s": ICS_FILE,
        "📝 Notes: %(notes)s": ICS_FILE,
        "Criw meet-ups": "the calendar's name in the phone's calendar app, not a message",
    },
    "access": {"♿ Your access needs are private. Please open a chat with me and use /access.": GROUP_ONLY},
}

# Time credits (log, confirm, /credits, gifts, reports) and rooms, transport and money requests, coordinators'
# screens included (a coordinator can choose Easy Read too). The guided engine gives every question both forms.
COVERED |= {
    "guided", "log_time", "log_steps", "log_problems", "confirmations", "meetup_log", "credits", "credit_text",
    "transfers", "reports", "requests", "request_new", "request_steps", "request_text", "request_decide",
    "request_post", "request_problems", "request_reminders", "resources", "resource_steps", "resource_text",
    "stories",
}
FILE_CAPTION = "a file's caption (the file itself is the message)"
EXCEPTIONS |= {
    "log_time": {"🕒 Time you gave is logged privately. Please open a private chat with me and use /log.": GROUP_ONLY},
    "transfers": {"💳 Time credits are private. Please open a private chat with me.": GROUP_ONLY},
    "credits": {
        **dict.fromkeys([
            "🙌 No time given has been confirmed since %(since)s yet. Use /log in a private chat to record yours.",
            "🙌 Since %(since)s, %(members)s gave %(hours)s across %(activities)s.", "%(n)s member",
            "%(n)s activity", "Thank you, %(names)s, and everyone else who gave their time!",
            "Thank you to everyone who gave their time!"], GROUP_ONLY),
        "📄 Your record: everything you've logged, given and received.": FILE_CAPTION,
    },
    "reports": {
        "📊 Reports are made in a private chat. Please open one with me and use /report.": GROUP_ONLY,
        "📄 Confirmed contributions, one a row. Names only for members who agreed.": FILE_CAPTION,
        "📊 Hours given per month, by what people did.": FILE_CAPTION,
        "📕 The evidence report: what members did, decided, used and gave. Numbers only; it says what it leaves "
        "out.": FILE_CAPTION,
        "📄 One of the report's tables.": FILE_CAPTION,
    },
    "requests": {
        "🧾 Requests for rooms, transport and money are made in a private chat. Please open one with me and use "
        "/requests.": GROUP_ONLY,
    },
    "resources": {
        "🏠 Rooms, vehicles and budgets are managed in a private chat. Please open one with me and use /resources.":
            GROUP_ONLY,
    },
    "request_text": dict.fromkeys([
        "✖️ Request withdrawn: %(kind)s", "↩️ Approval taken back: %(kind)s", "✅ Room booked: %(name)s",
        "❌ Room request: not approved",
        "✅ Transport booked: %(name)s", "❌ Transport request: not approved", "✅ Money approved: %(amount)s",
        "❌ Money request: not approved"], "the line under the meet-up's group post: " + GROUP_ONLY),
}

# Meet-up reminders: the private one two hours before has both forms; the day-before reminder and the weekly
# list are group posts.
COVERED |= {"meetup_reminders"}
EXCEPTIONS |= {
    "meetup_reminders": dict.fromkeys([
        "⏰ Tomorrow: %(title)s", "Tap below to say if you're coming.", "🗓 The coming week's meet-ups:",
        "Say if you're coming on each meet-up's post in this chat, or privately with /next."], GROUP_ONLY),
}

# Modules not covered yet, named honestly with the reason. A new handler module must be put in one list.
NOT_YET = {
    "proposal_text": "group post rendering; its one private use (the review summary) has its own Easy Read "
                     "form, proposal_text.easy_draft_summary",
    "removed_words": "one short phrase set inside other messages' lines (their Easy Read forms included)",
    "choices": "keyboards only (button labels)",
    "links": "keyboards only (button labels)",
    "evidence_text": "the words inside the evidence report's PDF and CSV files, for funders, not messages",
    "__init__": "no strings",
    "rules_text": "the /rules text: a group post in the group; in private rules.py pairs describe with its Easy "
                  "Read form, easy_describe",
    "propose_deadlines": "the review step's deadline notes; propose_steps pairs deadline_notes with its Easy Read "
                         "form, easy_deadline_notes",
    "help_text": "help's texts, paired where they are sent (help.py, home.py: both(standard, easy))",
}

PAIRING = {"both": 0, "Step": 1}  # constructor -> index of its standard-form argument
LABEL_CALLS = {"Button", "label", "label_in", "CommandInfo"}  # buttons, and the command menus (not messages)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _msgid(node: ast.Call) -> tuple[str | None, str] | None:
    """(context, msgid) of a translation call with literal strings."""
    name = _call_name(node)
    args = node.args
    if name in ("_", "n_") and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
        return None, args[0].value
    if name == "p_" and len(args) > 1 and all(isinstance(a, ast.Constant) for a in args[:2]):
        return str(args[0].value), str(args[1].value)  # type: ignore[attr-defined]
    return None


class _Walker(ast.NodeVisitor):
    """Find each standard msgid and whether it sits in a paired, label or pop-up region."""

    def __init__(self, tree: ast.Module) -> None:
        self.defs: dict[str, list[ast.AST]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.defs.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.defs.setdefault(target.id, []).append(node.value)
        self.paired: set[int] = set()
        self.exempt: set[int] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name in PAIRING and len(node.args) > PAIRING[name]:
                self._mark(node.args[PAIRING[name]], self.paired)
                if len(node.args) > PAIRING[name] + 1:  # words (Yes, No) put into the Easy Read form itself
                    self._mark(node.args[PAIRING[name] + 1], self.exempt)
            if name in LABEL_CALLS or "button" in name or name.endswith("_label"):
                self._mark(node, self.exempt)
            if name == "answer" and any(k.arg == "message" for k in node.keywords):
                self._mark(node, self.exempt)
        for name, nodes in self.defs.items():
            if "button" in name or "keyboard" in name or name.endswith("_label"):
                for node in nodes:
                    self._mark(node, self.exempt)

    def _mark(self, region: ast.AST, into: set[int], seen: set[int] | None = None) -> None:
        """Mark the region, and every function of this module it names or calls, transitively."""
        seen = seen if seen is not None else set()
        if id(region) in seen:
            return
        seen.add(id(region))
        for node in ast.walk(region):
            into.add(id(node))
            if isinstance(node, ast.Name) and node.id in self.defs:
                for target in self.defs[node.id]:
                    self._mark(target, into, seen)
            if isinstance(node, ast.Attribute) and node.attr in self.defs:
                for target in self.defs[node.attr]:
                    self._mark(target, into, seen)


def _unpaired(module: str) -> list[str]:
    tree = ast.parse((HANDLERS / f"{module}.py").read_text("utf-8"))
    walker = _Walker(tree)
    allowed = EXCEPTIONS.get(module, {})
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (ids := _msgid(node)) and ids[0] is None \
                and id(node) not in walker.paired | walker.exempt and ids[1] not in allowed:
            found.append(ids[1])
    return found


def _handler_modules() -> set[str]:
    return {path.stem for path in HANDLERS.glob("*.py")}


@pytest.mark.parametrize("module", sorted(COVERED))
def test_every_private_message_of_a_covered_module_has_an_easy_read_form(module):
    assert _unpaired(module) == [], f"handlers/{module}.py: give these an Easy Read form with both(), or list them"


def test_every_handler_module_is_either_covered_or_listed_with_a_reason():
    unplaced = _handler_modules() - COVERED - set(NOT_YET)
    assert unplaced == set(), "add to COVERED (with Easy Read forms) or NOT_YET (with the reason)"
    assert COVERED.isdisjoint(NOT_YET)
    assert all(reason.strip() for reason in NOT_YET.values())


def test_the_exceptions_name_strings_that_still_exist():
    for module, allowed in EXCEPTIONS.items():
        tree = ast.parse((HANDLERS / f"{module}.py").read_text("utf-8"))
        used = {ids[1] for node in ast.walk(tree) if isinstance(node, ast.Call) and (ids := _msgid(node))}
        assert set(allowed) <= used, (module, set(allowed) - used)


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_easy_read_form_is_its_own_entry_in_both_catalogs(language):
    with po_path(language).open("rb") as source:
        catalog = read_po(source, locale=language)
    easy = [m for m in catalog if m.id and m.context == "easy"]
    assert len(easy) >= 80
    if language == "cy":  # Welsh Easy Read is written in Welsh, not left as the English text
        same = [m.id for m in easy if m.string == m.id and any(c.isalpha() for c in str(m.id))]
        assert same == []


def test_easy_read_forms_name_their_context_literally_so_extraction_finds_them():
    """`tr.p_(EASY, ...)` would extract without its context and silently show English."""
    offenders = [str(path.relative_to(ROOT)) for folder in ("handlers", "bot") for path in (ROOT / folder).rglob("*.py")
                 if "p_(EASY" in path.read_text("utf-8")]
    assert offenders == []


def test_the_checker_notices_a_private_message_without_an_easy_read_form(tmp_path, monkeypatch):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "async def go(ctx):\n"
        "    await ctx.reply(lambda tr: tr._('No easy form'))\n"
        "    await ctx.reply(both(lambda tr: tr._('Paired'), lambda tr: tr.p_('easy', 'Easy')))\n"
        "    Button(ctx.label(lambda tr: tr._('A label')), 'x')\n"
    )
    monkeypatch.setattr(f"{__name__}.HANDLERS", tmp_path)
    assert _unpaired("sample") == ["No easy form"]
