"""Which service functions take an actor, and why the ones outside the authorization matrix are outside it.

A service takes an actor when one of its parameters names a Telegram account (`telegram_id`,
`actor_telegram_id`, `proposer_telegram_id`, ...) or the acting person (`actor`).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import bot.services

SELF_ONLY = "acts only on the person's own record, found by their own Telegram id: no one else's to reach"
A_CHECK = "the check itself, called by the services in the matrix (so refused there for every actor kind)"
TELEGRAMS_WORD = "driven by what Telegram reports (an update about the person), not by someone's request"
NEEDS_STATE = ("needs a request, series or tie in another state than the shared world has: its check is the "
               "one `approve`/`decline` use (resources.coordinator) or the requester's own, proven in the matrix "
               "and in tests/integration/test_requests.py")

NOT_IN_THE_MATRIX = {
    "admission.arrive": TELEGRAMS_WORD + " (the bot was added; the adder is Telegram's `from`)",
    "admission.is_organisation_coordinator": A_CHECK,
    "calendar_feeds.token_for": SELF_ONLY,
    "contributions.candidates": "lists who may confirm for the person's own log; the group is checked by log",
    "contributions.may_decide": A_CHECK,
    "credit_reports.my_record": SELF_ONLY,
    "credits.available": SELF_ONLY,
    "credits.earn": "called inside contributions.confirm (in the matrix) with the confirmer already checked",
    "credits.group_member": A_CHECK,
    "credits.groups_of": SELF_ONLY,
    "credits.set_public_thanks": SELF_ONLY,
    "credits.statement": SELF_ONLY,
    "data_rights.my_data": SELF_ONLY,
    "groups.as_coordinator": A_CHECK,
    "groups.recognise": TELEGRAMS_WORD + " (getChatMember says the person is in the group)",
    "meetup_changes.stop_series": NEEDS_STATE,
    "meetup_log.log_for_meetup": "meetup_log.roster's check (in the matrix) runs first in the same service",
    "meetups.groups_coordinated": SELF_ONLY,
    "meetups.manager": A_CHECK,
    "meetups.member": A_CHECK,
    "meetups.mine": "a member's own view of a meet-up; the group is checked as by rsvp.respond (in the matrix)",
    "meetups.upcoming_for_person": SELF_ONLY,
    "people.choose_language": SELF_ONLY,
    "people.meet": TELEGRAMS_WORD,
    "people.set_easy_read": SELF_ONLY,
    "people.set_quiet_hours": SELF_ONLY,
    "people.set_reachable": TELEGRAMS_WORD + " (the person blocked or unblocked the bot)",
    "people.set_reminders": SELF_ONLY,
    "proposals.member_of": A_CHECK,
    "proposals.open_for_person": SELF_ONLY,
    "request_decisions.accept_offer": NEEDS_STATE,
    "request_decisions.answer": NEEDS_STATE,
    "request_decisions.offer": NEEDS_STATE,
    "request_decisions.refuse_offer": NEEDS_STATE,
    "requests.is_coordinator": A_CHECK,
    "requests.mine": SELF_ONLY,
    "requests.of_my_groups": "lists only the groups the person coordinates (nothing for anyone else), read-only: "
                             "tests/e2e/test_admission.py",
    "resources.access_needs": SELF_ONLY,
    "resources.add_vehicle": "the same check as resources.add_room (in the matrix): resources.coordinator",
    "resources.coordinator": A_CHECK,
    "resources.toggle_access_need": SELF_ONLY,
    "schedule.groups_of": SELF_ONLY,
    "series.start": "meetups.create's check (in the matrix): a coordinator of the group",
    "support.ask_for_help": "tells the person's own group's coordinators; the group is checked as membership",
    "supporters.authorise": A_CHECK,
    "supporters.check": A_CHECK,
    "supporters.choices_for_member": "lists the person's own group; checked by supporters.name (in the matrix)",
    "supporters.mine": SELF_ONLY,
    "supporters.people_i_support": SELF_ONLY,
    "voice.set_listen": SELF_ONLY,
    "voice.to_listen": "the words of a 🔊 button, for the person they were sent to only (test_easy_read_services)",
    "voting.decide_tie": NEEDS_STATE + " (a tie the coordinators decide: tests/integration/test_voting.py)",
    "request_decisions.approve_over_limit": NEEDS_STATE + " (and over a limit: test_request_releases.py)",
    "request_releases.revoke": NEEDS_STATE + " (an approved one: tests/integration/test_request_releases.py)",
    "request_releases.close_for_meetup": "called inside meetup_changes.cancel (in the matrix), actor checked",
    "request_releases.follow_move": "called inside meetup_changes.change (in the matrix), actor checked",
    "request_releases.read_back": "reads back what meetup_changes.cancel (in the matrix) just closed",
    "request_releases.read_moved": "reads back what meetup_changes.change (in the matrix) just moved",
    "meetup_changes.cancel_series": "meetup_changes.cancel's check (in the matrix): meetups.manager",
    "rules.of_person": SELF_ONLY,
    "stories.answer": SELF_ONLY + " (the story is found through stories.mine)",
    "stories.mine": SELF_ONLY,
    "stories.set_asking": SELF_ONLY,
}


def actor_taking_services() -> set[str]:
    """Every public async function in bot/services with a parameter naming a Telegram account or the actor."""
    found = set()
    for module_info in pkgutil.iter_modules(bot.services.__path__):
        module = importlib.import_module(f"bot.services.{module_info.name}")
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.iscoroutinefunction(function):
                continue
            if function.__module__ != module.__name__:
                continue
            parameters = inspect.signature(function).parameters
            if any(p == "actor" or (p.endswith("telegram_id") and p != "target_telegram_id") for p in parameters):
                found.add(f"{module_info.name}.{name}")
    return found
