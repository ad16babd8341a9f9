"""Reminders: the daily sweep that nudges reviewers before and after their due dates."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from .. import emails
from ..choices import OPEN_ASSIGNMENT_STATES, AssignmentState
from ..models import ReviewAssignment, SentReminder
from .core import after_commit, locked_assignment, log

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

A = AssignmentState

# --- reminders ---------------------------------------------------------------------

REMIND_BEFORE_DAYS = {A.INVITED: 2, A.ACCEPTED: 3}


def _due_reminders(
    assignment: ReviewAssignment, today: date
) -> list[tuple[str, Callable[..., object]]]:
    """(kind, notify) pairs due today for one open assignment; kinds carry the due date."""
    due = assignment.response_due if assignment.state == A.INVITED else assignment.review_due
    stem = "response" if assignment.state == A.INVITED else "review"
    if today > due:
        return [
            (f"{stem}_overdue:{due.isoformat()}", partial(emails.reminder, kind="overdue")),
            (f"{stem}_overdue_editor:{due.isoformat()}", emails.overdue),
        ]
    if today >= due - timedelta(days=REMIND_BEFORE_DAYS[assignment.state]):
        return [(f"{stem}_soon:{due.isoformat()}", partial(emails.reminder, kind="soon"))]
    return []


def _remind_if_due(pk: int, today: date) -> int:
    """Send the reminders due today for one assignment, if it is still open (0 otherwise).

    Under its row lock: a sweep never reminds an assignment cancelled or answered since the
    sweep listed it, and simultaneous sweeps send each reminder once.
    """
    sent = 0
    with transaction.atomic():
        assignment = locked_assignment(pk, state__in=OPEN_ASSIGNMENT_STATES)
        if assignment is None:
            return 0
        for kind, notify in _due_reminders(assignment, today):
            _, created = SentReminder.objects.get_or_create(assignment=assignment, kind=kind)
            if not created:
                continue
            entry = log(
                assignment.round.submission,
                None,
                f"remind:{kind.split(':')[0]}",
                assignment.state,
                assignment.state,
                "",
                assignment,
            )
            after_commit(notify, entry)
            sent += 1
    return sent


def send_due_reminders(today: date | None = None) -> int:
    """Remind reviewers before and after due dates and tell editors of overdue work.

    Idempotent and safe to run concurrently: a SentReminder row per (assignment, kind),
    written under the assignment's row lock.
    """
    today = today or timezone.localdate()
    return sum(
        _remind_if_due(pk, today)
        for pk in ReviewAssignment.objects.open().values_list("pk", flat=True)
    )
