"""Assignments and reviews: invitations, the reviewer's answers, drafts and submitted reviews."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from toolkit.errors import Conflict

from .. import emails, permissions
from ..choices import OPEN_ASSIGNMENT_STATES, AssignmentState, DeclineReason, Recommendation
from ..choices import SubmissionState as S
from ..models import Review, ReviewAssignment, ReviewRound, SentReminder
from ..rubric import clean_answers, missing_answers
from .core import after_commit, lock_assignment, lock_submission, log, require, run_assignment

if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from reviews.models import Submission
    from toolkit.accounts.models import User

A = AssignmentState

# --- assignments -------------------------------------------------------------------


MAX_DUE_DAYS = 365  # the latest answer date an invitation may set, from today


def _due_dates(response_due: date | None, review_due: date | None) -> tuple[date, date]:
    """The invitation's dates, defaulted from the settings; 400 unless in order and in reach."""
    today = timezone.localdate()
    response_due = response_due or today + timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS)
    latest = today + timedelta(days=MAX_DUE_DAYS)
    if not today <= response_due <= latest:
        raise ValidationError(
            {"response_due": [f"Choose a date from today to {latest:%-d %B %Y}."]}
        )
    review_due = review_due or response_due + timedelta(days=settings.TOOLKIT_REVIEW_DUE_DAYS)
    latest_review = response_due + timedelta(days=MAX_DUE_DAYS)
    if not response_due <= review_due <= latest_review:
        raise ValidationError(
            {
                "review_due": [
                    "Choose a date on or after the answer date, "
                    f"and no later than {latest_review:%-d %B %Y}."
                ]
            }
        )
    return response_due, review_due


def invite(
    submission: Submission,
    actor: User,
    *,
    reviewer: User,
    response_due: date | None = None,
    review_due: date | None = None,
    message: str = "",
) -> ReviewAssignment:
    """An editor invites a reviewer to the open round (409 for an author or a conflict)."""
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        review_round = _open_round_for_invitations(locked, actor)
        if reviewer is None or not permissions.is_reviewer(reviewer):
            raise ValidationError({"reviewer": ["Choose a person who holds the reviewer role."]})
        response_due, review_due = _due_dates(response_due, review_due)
        _check_invitable(locked, review_round, reviewer)
        try:
            with transaction.atomic():
                assignment = ReviewAssignment.objects.create(
                    round=review_round,
                    reviewer=reviewer,
                    invited_by=actor,
                    response_due=response_due,
                    review_due=review_due,
                    message=(message or "").strip(),
                )
        except IntegrityError:
            raise _already_invited(locked) from None
        entry = log(locked, actor, "invite", "", A.INVITED, message, assignment)
        after_commit(emails.invited, entry)
    return assignment


def _open_round_for_invitations(submission: Submission, actor: User) -> ReviewRound:
    """The round reviewers are invited to: 403 unless the actor decides, 409 unless in review."""
    if not permissions.can_decide(submission, actor):
        raise PermissionDenied("Only an editor who is not an author can invite reviewers.")
    review_round = submission.open_round
    if submission.state != S.IN_REVIEW or review_round is None:
        raise Conflict("Reviewers can be invited only while in review.", state=submission.state)
    return review_round


def _already_invited(submission: Submission) -> Conflict:
    return Conflict(
        "This reviewer already has an assignment in this round.",
        state=submission.state,
        code="already_invited",
    )


def _check_invitable(submission: Submission, review_round: ReviewRound, reviewer: User) -> None:
    """409 for an author, a declared conflict, or someone already invited to the round."""
    reason = permissions.conflict_reason(reviewer, submission)
    if reason:
        raise Conflict(reason, state=submission.state, code="conflict_of_interest")
    if review_round.assignments.filter(
        reviewer=reviewer, state__in=[A.INVITED, A.ACCEPTED, A.COMPLETED]
    ).exists():
        raise _already_invited(submission)


def reviewer_number(submission: Submission, reviewer: User) -> int:
    """The reviewer's "Reviewer N" on accepting, stable across rounds: the number of their
    earlier acceptance in this submission, or the next one. Only accepted invitations are
    numbered, so the numbers authors see run 1, 2, 3 in the order reviewers accepted.
    Called under the submission's row lock (lock_assignment), so two acceptances at once
    never take the same number."""
    numbered = ReviewAssignment.objects.filter(
        round__submission=submission, reviewer_number__isnull=False
    )
    earlier = numbered.filter(reviewer=reviewer).values_list("reviewer_number", flat=True)
    return earlier.first() or (numbered.aggregate(m=Max("reviewer_number"))["m"] or 0) + 1


def accept_invitation(
    assignment: ReviewAssignment, actor: User, *, coi_declaration: str = ""
) -> ReviewAssignment:
    """The invited reviewer accepts, declaring conflicts of interest (or “None”)."""

    def update(locked: ReviewAssignment) -> None:
        locked.coi_declaration = coi_declaration.strip()
        locked.reviewer_number = reviewer_number(locked.round.submission, locked.reviewer)

    def effects(locked: ReviewAssignment) -> None:
        Review.objects.get_or_create(assignment=locked)

    return run_assignment(
        assignment,
        actor,
        "accept",
        validate=lambda: require(coi_declaration=coi_declaration),
        update=update,
        effects=effects,
        notify=emails.invitation_answered,
    )


def decline_invitation(
    assignment: ReviewAssignment,
    actor: User,
    *,
    reason: str = "",
    note: str = "",
    suggestion: str = "",
) -> ReviewAssignment:
    """The invited reviewer declines with a reason code (a note is required for “other”)."""

    def validate() -> None:
        if reason not in DeclineReason.values:
            choices = ", ".join(DeclineReason.values)
            raise ValidationError({"reason": [f"Choose one of: {choices}."]})
        if reason == DeclineReason.OTHER:
            require(note=note)

    def update(locked: ReviewAssignment) -> None:
        locked.decline_reason = reason
        locked.decline_note = (note or "").strip()
        locked.suggested_reviewer = (suggestion or "").strip()[:300]

    return run_assignment(
        assignment,
        actor,
        "decline",
        reason=reason,
        validate=validate,
        update=update,
        notify=emails.invitation_answered,
    )


def cancel_assignment(
    assignment: ReviewAssignment, actor: User, *, reason: str = ""
) -> ReviewAssignment:
    """An editor cancels an invitation or an accepted assignment."""
    return run_assignment(
        assignment, actor, "cancel", reason=(reason or "").strip(), notify=emails.cancelled
    )


def ensure_review_writable(assignment: ReviewAssignment, actor: User) -> None:
    """403 unless the actor is the assigned reviewer; 409 unless the review is open for writing."""
    if not permissions.is_assignee(assignment, actor):
        raise PermissionDenied("Only the assigned reviewer can write this review.")
    if assignment.state != A.ACCEPTED:
        raise Conflict(
            "A review can be written only after accepting, and until it is submitted.",
            state=assignment.state,
        )


STALE_DRAFT = "stale_draft"


def _stale_draft(review: Review) -> Conflict:
    saved = timezone.localtime(review.updated_at)
    return Conflict(
        f"This review was changed in another tab or window at {saved:%H:%M}, after the "
        "text you sent was loaded, so your text was not saved.",
        state=A.ACCEPTED,
        code=STALE_DRAFT,
        version=review.version,
        updated_at=saved.isoformat(),
        saved_at=f"{saved:%H:%M}",
    )


def _merge_answers(saved: dict, given: dict, cleaned: dict) -> dict:
    """The saved answers with the criteria named in `given` replaced (or removed if empty)."""
    return {**{k: v for k, v in saved.items() if k not in given}, **cleaned}


def save_review_draft(
    assignment: ReviewAssignment,
    actor: User,
    *,
    version: int | None = None,
    merge_answers: bool = False,
    **data: Any,
) -> Review:
    """The assigned reviewer saves a draft: only the fields given change (400 if invalid).

    `version` is the draft version the text was based on: a save based on another one (a
    stale tab) is refused with 409 "stale_draft" and the current version, never applied.
    Pages and the API always pass it; None (internal callers only) skips the check.
    `answers` replace the saved answers, or with `merge_answers` only the criteria named.
    """
    with transaction.atomic():
        locked = lock_assignment(assignment, actor)
        ensure_review_writable(locked, actor)
        answers, errors = clean_answers(data["answers"]) if "answers" in data else (None, {})
        recommendation = data.get("recommendation") or ""
        if recommendation and recommendation not in Recommendation.values:
            errors["recommendation"] = [f"Choose one of: {', '.join(Recommendation.values)}."]
        if errors:
            raise ValidationError(errors)
        review, _ = Review.objects.select_for_update().get_or_create(assignment=locked)
        if version is not None and version != review.version:
            raise _stale_draft(review)
        if answers is not None:
            merge = merge_answers and isinstance(data["answers"], dict)
            review.answers = (
                _merge_answers(review.answers, data["answers"], answers) if merge else answers
            )
        if "recommendation" in data:
            review.recommendation = recommendation
        for name in ("comments_to_authors", "confidential_comments"):
            if name in data:
                setattr(review, name, data[name] or "")
        review.version += 1
        review.save()
    return review


def complete_review(assignment: ReviewAssignment, actor: User) -> ReviewAssignment:
    """The reviewer submits the saved review; every required answer must be there (400)."""

    def update(locked: ReviewAssignment) -> None:
        review, _ = Review.objects.select_for_update().get_or_create(assignment=locked)
        errors = missing_answers(review.answers)
        if not review.recommendation:
            errors["recommendation"] = ["Choose a recommendation."]
        if not review.comments_to_authors.strip():
            errors["comments_to_authors"] = ["Write your comments to the authors."]
        if errors:
            raise ValidationError(errors)
        review.submitted_at = timezone.now()
        review.save(update_fields=["submitted_at", "updated_at"])

    return run_assignment(
        assignment, actor, "complete", update=update, notify=emails.review_completed
    )


def remind(assignment: ReviewAssignment, actor: User) -> ReviewAssignment:
    """An editor sends a reminder now, at most once a day per assignment."""
    with transaction.atomic():
        locked = lock_assignment(assignment, actor)
        if not permissions.can_decide(locked.round.submission, actor):
            raise PermissionDenied("Only an editor can send reminders.")
        if locked.state not in OPEN_ASSIGNMENT_STATES:
            raise Conflict("Only open assignments can be reminded.", state=locked.state)
        _, created = SentReminder.objects.get_or_create(
            assignment=locked, kind=f"manual:{timezone.localdate().isoformat()}"
        )
        if not created:
            raise Conflict(
                "A reminder was already sent today.", state=locked.state, code="already_reminded"
            )
        entry = log(
            locked.round.submission, actor, "remind", locked.state, locked.state, "", locked
        )
        after_commit(emails.reminder, entry)
    return locked
