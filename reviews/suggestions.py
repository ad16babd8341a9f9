"""Reviewer suggestions for the editor: expertise match first, then current load."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from toolkit.accounts.models import User
from toolkit.accounts.permissions import REVIEWER

from . import permissions
from .choices import OPEN_ASSIGNMENT_STATES

if TYPE_CHECKING:
    from catalog.models import LearnerLevel, Topic

    from .models import Submission


@dataclass(frozen=True)
class Suggestion:
    """One candidate reviewer: what of their expertise matches, how busy they are, and,
    for someone who may not be invited, why not."""

    reviewer: User
    levels: tuple[
        LearnerLevel, ...
    ] = ()  # the submission's learner levels this reviewer can review for
    topics: tuple[Topic, ...] = ()  # the submission's topics this reviewer can review
    load: int = 0  # open assignments (invited or accepted) on any submission
    conflict: str = ""  # permissions.conflict_reason, or "" when the person may be invited

    @property
    def match(self) -> int:
        return len(self.levels) + len(self.topics)


def reviewer_pool() -> QuerySet[User]:
    """Active people in the reviewer role group, by name."""
    members = get_user_model().objects.filter(groups__name=REVIEWER, is_active=True)
    return (
        get_user_model()
        .objects.filter(pk__in=members.values("pk"))
        .order_by("display_name", "username")
    )


IN_ROUND_REASONS = {
    "invited": "invited to this round, no answer yet",
    "accepted": "reviewing this round",
    "completed": "has reviewed this round",
    "declined": "declined this round",
    "cancelled": "cancelled in this round",
    "closed": "assigned in this round",
}


def not_offered(
    submission: Submission, suggestions: list[Suggestion] | None = None
) -> list[tuple[User, str]]:
    """Reviewers the invite menu leaves out for the open round, each with why, by name.

    Anyone with an assignment in the open round (a reviewer who declined or was cancelled
    is not asked again in the same round), and authors and declared conflicts, whom the
    service would refuse anyway: the conflicts `suggest_reviewers` found (pass its answer
    when you have it, so that nobody is checked twice).
    """
    review_round = submission.open_round
    assignments = (
        review_round.assignments.select_related("reviewer").order_by("invited_at")
        if review_round
        else []
    )
    left_out = {a.reviewer_id: (a.reviewer, IN_ROUND_REASONS[a.state]) for a in assignments}
    if suggestions is None:
        suggestions = suggest_reviewers(submission)
    for s in suggestions:
        if s.conflict:
            left_out[s.reviewer.pk] = (s.reviewer, s.conflict.rstrip("."))
    return sorted(
        left_out.values(), key=lambda item: (item[0].display_name or item[0].username).lower()
    )


def suggest_reviewers(submission: Submission, *, limit: int = 10) -> list[Suggestion]:
    """Reviewers for the submission's open round, best first.

    Ranked by expertise overlap (the submission's learner levels and topics that
    the reviewer lists), then by fewest open assignments, then by name. People
    with any assignment in the open round are left out; authors and declared
    conflicts follow the ranked ones, each with the reason, and may not be invited.
    """
    levels = {level.pk: level for level in submission.learner_levels.all()}
    topics = {topic.pk: topic for topic in submission.topics.all()}
    review_round = submission.open_round
    in_round = (
        set(review_round.assignments.values_list("reviewer_id", flat=True))
        if review_round
        else set()
    )
    eligible: list[Suggestion] = []
    conflicted: list[Suggestion] = []
    candidates = (
        reviewer_pool()
        .exclude(pk__in=in_round)
        .annotate(
            load=Count("assignments", filter=Q(assignments__state__in=OPEN_ASSIGNMENT_STATES))
        )
        .prefetch_related("expertise_levels", "expertise_topics")
    )
    for person in candidates:
        suggestion = Suggestion(
            reviewer=person,
            levels=tuple(levels[x.pk] for x in person.expertise_levels.all() if x.pk in levels),
            topics=tuple(topics[x.pk] for x in person.expertise_topics.all() if x.pk in topics),
            load=person.load,
            conflict=permissions.conflict_reason(person, submission) or "",
        )
        (conflicted if suggestion.conflict else eligible).append(suggestion)

    def rank(s: Suggestion) -> tuple[int, int, str]:
        return (-s.match, s.load, (s.reviewer.display_name or s.reviewer.username).lower())

    return sorted(eligible, key=rank)[:limit] + sorted(conflicted, key=rank)
