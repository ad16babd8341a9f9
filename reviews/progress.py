"""What a submission needs now, in a line or two: the top of the editor's submission page.

"2 of 2 reviews in; review due 12 Dec (Rosa Reviewer)". The counts follow the acceptance rule
(completed reviews across rounds against TOOLKIT_REVIEWS_REQUIRED); the dates are those
the open round's assignments wait for (an answer, or a review), the earliest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date

from .choices import AssignmentState, SubmissionState

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .models import ReviewAssignment, Submission

S = SubmissionState


@dataclass(frozen=True)
class NeededNow:
    """`headline`: the state in words and what to do; `waiting`: who owes what, by when."""

    headline: str
    waiting: list[str] = field(default_factory=list)
    overdue: int = 0


def _day(day: date) -> str:
    return format_date(day, "j M")


def _due(assignment: ReviewAssignment) -> date:
    """What the assignment waits for next: the answer to the invitation, or the review."""
    if assignment.state == AssignmentState.INVITED:
        return assignment.response_due
    return assignment.review_due


def _waiting_on(assignment: ReviewAssignment, today: date) -> str:
    late = " (overdue)" if assignment.is_overdue(today) else ""
    who = assignment.reviewer.display_name  # this panel is the editors': they know the names
    if assignment.state == AssignmentState.INVITED:
        due = _day(assignment.response_due)
        return f"{who} has not answered the invitation; answer due {due}{late}"
    return f"{who}: review due {_day(assignment.review_due)}{late}"


PENDING = (AssignmentState.INVITED, AssignmentState.ACCEPTED)


def _in_review(
    submission: Submission,
    today: date,
    done: int | None,
    assignments: Iterable[ReviewAssignment] | None,
) -> NeededNow:
    required = settings.TOOLKIT_REVIEWS_REQUIRED
    if done is None:
        done = submission.completed_review_count()
    if assignments is None:
        review_round = submission.open_round
        assignments = review_round.assignments.select_related("reviewer") if review_round else []
    pending = sorted(
        (a for a in assignments if a.state in PENDING),
        key=lambda a: (_due(a), a.pk),  # numbers come only with acceptance
    )
    waiting = [_waiting_on(a, today) for a in pending]
    counted = f"{done} of {required} review{'s' if required != 1 else ''} in"
    if done >= required:
        todo = "enough to decide"
    elif done + len(pending) < required:
        missing = required - done - len(pending)
        todo = f"invite {missing} more reviewer{'s' if missing != 1 else ''}"
    else:
        todo = "waiting for the reviewers"
    overdue = sum(1 for a in pending if a.is_overdue(today))
    return NeededNow(f"{counted}; {todo}.", waiting, overdue)


def needed_now(
    submission: Submission,
    today: date | None = None,
    *,
    completed: int | None = None,
    assignments: Iterable[ReviewAssignment] | None = None,
) -> NeededNow:
    """What the editors should do next on `submission`, or what they are waiting for.

    A page that has them already passes the completed review count and the assignments
    of the open round; else they are read here."""
    today = today or timezone.localdate()
    state = submission.state
    if state == S.IN_REVIEW:
        return _in_review(submission, today, completed, assignments)
    if state == S.SUBMITTED:
        if submission.rounds.exists():
            return NeededNow(
                "Resubmitted: send the new version to review, or decide on the reviews in."
            )
        return NeededNow("Needs triage: send to review, or desk reject.")
    if state == S.REVISIONS_REQUESTED:
        return NeededNow("Waiting for the authors to revise and resubmit.")
    if state == S.ACCEPTED:
        return NeededNow("Accepted: preview the public page, then publish it.")
    if state == S.PUBLISHED:
        return NeededNow("Published in the catalog.")
    return NeededNow(f"{submission.get_state_display()}: nothing more to do.")
