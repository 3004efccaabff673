"""Errors the services raise; handlers/errors.py turns each into a friendly message."""

from __future__ import annotations


class CriwError(Exception):
    """A request we refuse on purpose; nothing was changed."""


class NotAMember(CriwError):
    """The person is not a member of the group the request is about."""


class NotACoordinator(CriwError):
    """Only coordinators may do this."""


class NotAnOrganisationCoordinator(NotACoordinator):
    """Only the organisation's coordinators may do this (shared rooms, vehicles, budgets, every group's queue,
    admitting groups); coordinating a group is not enough."""


class NotFound(CriwError):
    """The thing the request names does not exist (or not where the person can see it)."""


class AlreadyDone(CriwError):
    """Nothing to change: it is already so."""


class VotingClosed(CriwError):
    """The vote has closed (or the proposal was withdrawn); nothing more can be cast."""


class BotNotInGroup(CriwError):
    """The bot was removed from the group: nothing can be posted there until someone adds it back."""


class InvalidProposal(CriwError):
    """The proposal can't be posted as it is; `problem` says why (a code the handler explains)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class MeetupNotOpen(CriwError):
    """The meet-up was cancelled or has already happened; `reason` is a bot/domain/meetups.Refusal."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidMeetup(CriwError):
    """The meet-up (or an answer about it) can't be stored as it is; `problem` says why."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class InvalidContribution(CriwError):
    """The contribution (or gift, spend, adjustment) can't be recorded as it is; `problem` says why (a code
    from bot/domain/hours.HoursProblem or contributions.DayProblem, or "category", "note", "meetup",
    "confirmer", "day_full", "amount")."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class NotEnoughCredits(CriwError):
    """A gift or spend would take the balance below zero (or below the organisation's overdraft)."""

    def __init__(self, available: int) -> None:
        super().__init__(available)
        self.available = available  # quarters that could be given or spent


class MayNotConfirm(CriwError):
    """Nobody confirms their own time, and only the chosen member who was there, or a coordinator, may."""


class InvalidRequest(CriwError):
    """A resource, budget or request can't be stored as it is; `problem` says why (a code
    handlers/request_problems.py explains: "gone", "kind", "meetup", "past", "end_before_start",
    "too_long", "people", "seats", "wheelchair", "amount", "note", "name", "hours", ...)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class CannotApprove(CriwError):
    """The booking can't be made: "clash" (the room or vehicle is booked then), "budget" (not enough left),
    "gone" (it was removed), "choose" (no room or vehicle chosen yet) or "past"."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class RequestDecided(CriwError):
    """Someone else has already decided the request (or the member took it back); `state` is where it is."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


class MayNotActFor(CriwError):
    """Only a coordinator of the member's group, or a supporter the member named, may answer for them."""
