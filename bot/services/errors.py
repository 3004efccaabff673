"""Errors the services raise; handlers/errors.py turns each into a friendly message."""

from __future__ import annotations


class CriwError(Exception):
    """A request we refuse on purpose; nothing was changed."""


class NotAMember(CriwError):
    """The person is not a member of the group the request is about."""


class NotACoordinator(CriwError):
    """Only coordinators may do this."""


class NotFound(CriwError):
    """The thing the request names does not exist (or not where the person can see it)."""


class AlreadyDone(CriwError):
    """Nothing to change: it is already so."""


class VotingClosed(CriwError):
    """The vote has closed (or the proposal was withdrawn); nothing more can be cast."""


class InvalidProposal(CriwError):
    """The proposal can't be posted as it is; `problem` says why (a code the handler explains)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
