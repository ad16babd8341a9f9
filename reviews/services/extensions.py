"""More time for a review: the reviewer asks (a new date and why), the editor approves (the
review's due date moves, and the reminders follow it) or refuses; the reviewer may withdraw
the request while it waits. One pending request per assignment.

Each action locks the submission's row, then the assignment's (as every assignment action
does: core.locked_assignment), then the request's; logs one row on the submission's
timeline (editors and the reviewer see it, authors never do: reviews.anonymity.log_for) and
e-mails the other party through the outbox.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from toolkit.errors import Conflict

from .. import emails, permissions
from ..choices import AssignmentState, ExtensionState
from ..models import ExtensionRequest, ReviewAssignment
from ..rubric import NUL_MESSAGE
from .core import after_commit, lock_assignment, log, require

if TYPE_CHECKING:
    from toolkit.accounts.models import User

A = AssignmentState
E = ExtensionState
PENDING = "extension_pending"
REASON_LIMIT = 2000
NOTE_LIMIT = 2000


def latest_date(assignment: ReviewAssignment) -> date:
    """The latest date a reviewer may ask for: the setting's days past the current due date."""
    return assignment.review_due + timedelta(days=settings.TOOLKIT_EXTENSION_MAX_DAYS)


def _still_writing(assignment: ReviewAssignment) -> None:
    """409 unless the review is still being written (accepted, not submitted or ended)."""
    if assignment.state != A.ACCEPTED:
        raise Conflict(
            "More time can be asked for and given only while the review is being written.",
            state=assignment.state,
            code="not_in_progress",
        )


def _check_text(name: str, value: str, limit: int) -> None:
    """400 for a text too long, or holding a NUL character (PostgreSQL cannot store one)."""
    if "\x00" in value:
        raise ValidationError({name: [NUL_MESSAGE]})
    if len(value) > limit:
        raise ValidationError({name: [f"Keep it to {limit} characters."]})


def _check_request(assignment: ReviewAssignment, requested_due: object, reason: str) -> date:
    """400 for a missing reason, or a date not after the due date or too far past it."""
    require(reason=reason)
    _check_text("reason", reason, REASON_LIMIT)
    latest = latest_date(assignment)
    if not isinstance(requested_due, date):
        raise ValidationError({"requested_due": ["Give the new date you need."]})
    if not assignment.review_due < requested_due <= latest:
        raise ValidationError(
            {
                "requested_due": [
                    f"Choose a date after {assignment.review_due:%-d %B %Y} "
                    f"and no later than {latest:%-d %B %Y}."
                ]
            }
        )
    return requested_due


def _pending(assignment: ReviewAssignment) -> Conflict:
    return Conflict(
        "A request for more time is already waiting for the editor's answer.",
        state=assignment.state,
        code=PENDING,
    )


def check_may_ask(assignment: ReviewAssignment, actor: User) -> None:
    """403 unless the actor is the assigned reviewer; 409 unless the review is being written
    and no request already waits. (The API asks first, so that these come before a 400.)"""
    if not permissions.is_assignee(assignment, actor):
        raise PermissionDenied("Only the assigned reviewer can ask for more time.")
    _still_writing(assignment)
    if assignment.extension_requests.filter(state=E.PENDING).exists():
        raise _pending(assignment)


def request_extension(
    assignment: ReviewAssignment, actor: User, *, requested_due: object = None, reason: str = ""
) -> ExtensionRequest:
    """The reviewer asks for more time: 403 for anyone else, 409 unless the review is being
    written or when a request already waits, 400 for the date or the reason."""
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = lock_assignment(assignment, actor)
        check_may_ask(locked, actor)
        new_date = _check_request(locked, requested_due, reason)
        try:
            with transaction.atomic():
                extension = ExtensionRequest.objects.create(
                    assignment=locked,
                    due_before=locked.review_due,
                    requested_due=new_date,
                    reason=reason,
                )
        except IntegrityError:  # the unique pending request, should the check above miss it
            raise _pending(locked) from None
        entry = log(
            locked.round.submission,
            actor,
            "request_extension",
            locked.state,
            locked.state,
            f"Asked to move the review's due date from {locked.review_due:%-d %B %Y} "
            f"to {new_date:%-d %B %Y}: {reason}",
            locked,
        )
        after_commit(emails.extension_requested, entry, extension)
    return extension


def _locked_request(
    extension: ExtensionRequest, actor: User
) -> tuple[ReviewAssignment, ExtensionRequest]:
    """The request's assignment (submission first) and the request, locked; 404 if gone."""
    assignment = lock_assignment(extension.assignment, actor)
    locked = ExtensionRequest.objects.select_for_update().filter(pk=extension.pk).first()
    if locked is None:
        raise Http404
    locked.assignment = assignment
    return assignment, locked


def _still_pending(extension: ExtensionRequest) -> None:
    if not extension.is_pending:
        raise Conflict(
            f"This request was already answered: {extension.get_state_display().lower()}.",
            state=extension.state,
            code="extension_answered",
        )


def _answer(
    extension: ExtensionRequest, actor: User, state: str, *, note: str = ""
) -> ExtensionRequest:
    """An editor who may decide on the submission approves or refuses a pending request."""
    note = (note or "").strip()
    with transaction.atomic():
        assignment, locked = _locked_request(extension, actor)
        if not permissions.can_decide(assignment.round.submission, actor):
            raise PermissionDenied("Only an editor can answer a request for more time.")
        _still_writing(assignment)
        _still_pending(locked)
        _check_text("note", note, NOTE_LIMIT)
        locked.state, locked.note = state, note
        locked.answered_by, locked.answered_at = actor, timezone.now()
        locked.save()
        if state == E.APPROVED:
            assignment.review_due = locked.requested_due
            assignment.save(update_fields=["review_due"])
            reason = f"The review is now due by {locked.requested_due:%-d %B %Y}."
        else:
            reason = note
        name = "approve_extension" if state == E.APPROVED else "refuse_extension"
        entry = log(
            assignment.round.submission,
            actor,
            name,
            assignment.state,
            assignment.state,
            reason,
            assignment,
        )
        after_commit(emails.extension_answered, entry, locked)
    return locked


def approve_extension(extension: ExtensionRequest, actor: User) -> ExtensionRequest:
    """The editor gives the time asked: the review's due date becomes the date asked for."""
    return _answer(extension, actor, E.APPROVED)


def refuse_extension(
    extension: ExtensionRequest, actor: User, *, note: str = ""
) -> ExtensionRequest:
    """The editor refuses, with an optional note to the reviewer; the due date stays."""
    return _answer(extension, actor, E.REFUSED, note=note)


def withdraw_extension(extension: ExtensionRequest, actor: User) -> ExtensionRequest:
    """The reviewer withdraws a request still waiting for an answer (the editor is told)."""
    with transaction.atomic():
        assignment, locked = _locked_request(extension, actor)
        if not permissions.is_assignee(assignment, actor):
            raise PermissionDenied("Only the reviewer who asked can withdraw the request.")
        _still_pending(locked)
        locked.state = E.WITHDRAWN
        locked.answered_at = timezone.now()
        locked.save(update_fields=["state", "answered_at"])
        entry = log(
            assignment.round.submission,
            actor,
            "withdraw_extension",
            assignment.state,
            assignment.state,
            "",
            assignment,
        )
        after_commit(emails.extension_withdrawn, entry, locked)
    return locked


def pending_extension(assignment: ReviewAssignment) -> ExtensionRequest | None:
    """The request waiting for an answer on this assignment, if any."""
    return assignment.extension_requests.filter(state=E.PENDING).first()
