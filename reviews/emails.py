"""Workflow e-mails: one message per event per recipient, anonymised per recipient.

Each function takes the log entry of the event and runs inside the action's transaction:
its messages are written to the outbox (toolkit.mail) and delivered after the commit.
Every message carries the `X-Toolkit-Event` header (the log entry id).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.urls import reverse

from toolkit.accounts.models import User as Account
from toolkit.accounts.permissions import EDITOR
from toolkit.emails import send_email

from . import anonymity
from .choices import AssignmentState, DecisionKind
from .letters import quote_review
from .models import ExtensionRequest, ReviewAssignment, Submission, TransitionLog

User = get_user_model()
Context = dict[str, Any]


def _send(name: str, person: Account, entry: TransitionLog, **context: Any) -> None:
    if not person.email:
        return
    send_email(
        name,
        person.email,
        {"person": person, "entry": entry, **context},
        headers={"X-Toolkit-Event": str(entry.pk)},
    )


def editors_of(submission: Submission) -> QuerySet[Account]:
    """Active editors who are not authors of this submission."""
    return (
        User.objects.filter(Q(groups__name=EDITOR) | Q(is_superuser=True), is_active=True)
        .exclude(pk=submission.owner_id)
        .exclude(authorships__submission=submission)
        .distinct()
    )


def _assignment(entry: TransitionLog) -> ReviewAssignment:
    """The assignment of an assignment event (each such log entry names one)."""
    if entry.assignment is None:
        raise ValueError(f"Log entry {entry.pk} ({entry.transition}) names no assignment")
    return entry.assignment


def _author_context(submission: Submission) -> Context:
    return {"submission": submission, "author_url": submission.get_absolute_url()}


def _reviewer_context(assignment: ReviewAssignment) -> Context:
    return {
        "assignment": assignment,
        **anonymity.invitation_for(assignment),  # title, summary and the editor's note, redacted
        "label": anonymity.reviewer_label(assignment),
        "review_url": assignment.get_absolute_url(),
    }


def _editor_context(submission: Submission) -> Context:
    return {"submission": submission, "editor_url": submission.get_editor_url()}


def submitted(entry: TransitionLog) -> None:
    """Editors learn of a new submission; the owner gets a receipt."""
    submission = entry.submission
    for editor in editors_of(submission):
        _send("submitted_editor", editor, entry, **_editor_context(submission))
    _send("submitted_author", submission.owner, entry, **_author_context(submission))


def resubmitted(entry: TransitionLog) -> None:
    submission = entry.submission
    for editor in editors_of(submission):
        _send("resubmitted_editor", editor, entry, **_editor_context(submission))
    _send("resubmitted_author", submission.owner, entry, **_author_context(submission))


def withdrawn(entry: TransitionLog) -> None:
    """Editors, and reviewers whose open assignments were closed, learn of a withdrawal."""
    submission = entry.submission
    for editor in editors_of(submission):
        _send("withdrawn_editor", editor, entry, **_editor_context(submission))
    for assignment in _closed_by(entry):
        _send("withdrawn_reviewer", assignment.reviewer, entry, **_reviewer_context(assignment))


def _closed_by(entry: TransitionLog) -> QuerySet[ReviewAssignment] | list[ReviewAssignment]:
    last_round = entry.submission.rounds.order_by("-number").first()
    if last_round is None:
        return []
    return last_round.assignments.filter(state=AssignmentState.CLOSED).select_related(
        "reviewer", "round__version", "round__submission"
    )


def decided(entry: TransitionLog) -> None:
    """The owner gets the decision letter; each reviewer who completed a review of the round
    gets thanks, the outcome and the round's other reviews as "Reviewer N" (anonymity.
    other_reviews_for): once, as the decision is written in one locked transaction."""
    submission = entry.submission
    decision = submission.decisions.order_by("-created_at", "-pk").first()
    if decision is None:
        raise ValueError(f"Log entry {entry.pk} announces a decision that was not recorded")
    identities = anonymity.Identities(submission)
    letter = anonymity.redact(decision.letter, identities.reviewers)
    _send(
        "decision_author",
        submission.owner,
        entry,
        decision=decision,
        letter=letter,
        **_author_context(submission),
    )
    if decision.kind == DecisionKind.DESK_REJECT or decision.round is None:
        return
    for assignment in decision.round.assignments.filter(
        state=AssignmentState.COMPLETED
    ).select_related("reviewer", "round__version", "round__submission"):
        _send(
            "decision_reviewer",
            assignment.reviewer,
            entry,
            decision=decision,
            other_reviews=[
                quote_review(row["reviewer"], row["comments_to_authors"], row["answers"])
                for row in anonymity.other_reviews_for(assignment, identities)
            ],
            history_url=reverse("reviews:reviewer-history"),
            **_reviewer_context(assignment),
        )


def appealed(entry: TransitionLog) -> None:
    """Editors (but the one who decided) learn of an appeal; the authors get a receipt."""
    submission = entry.submission
    decision = submission.appealed_decision()
    for editor in editors_of(submission):
        if decision is None or editor.pk != decision.editor_id:
            _send("appealed_editor", editor, entry, **_editor_context(submission))
    _send("appealed_author", submission.owner, entry, **_author_context(submission))


def appeal_answered(entry: TransitionLog) -> None:
    """The authors get the outcome of their appeal and the editor's letter."""
    submission = entry.submission
    appeal = submission.appeal_record
    letter = anonymity.redact(appeal.letter, anonymity.Identities(submission).reviewers)
    _send(
        "appeal_answered_author",
        submission.owner,
        entry,
        appeal=appeal,
        letter=letter,
        **_author_context(submission),
    )


def published(entry: TransitionLog) -> None:
    submission = entry.submission
    _send(
        "published_author",
        submission.owner,
        entry,
        resource_url=submission.resource.get_absolute_url() if submission.resource else "",
        **_author_context(submission),
    )


def retired(entry: TransitionLog) -> None:
    _send("retired_author", entry.submission.owner, entry, **_author_context(entry.submission))


def invited(entry: TransitionLog) -> None:
    assignment = _assignment(entry)
    _send("invited_reviewer", assignment.reviewer, entry, **_reviewer_context(assignment))


def invitation_answered(entry: TransitionLog) -> None:
    """The inviting editor learns that the reviewer accepted or declined."""
    assignment = _assignment(entry)
    _send(
        "answered_editor",
        assignment.invited_by,
        entry,
        reviewer=assignment.reviewer,
        accepted=assignment.state == AssignmentState.ACCEPTED,
        **_reviewer_context(assignment),
        **_editor_context(assignment.round.submission),
    )


def cancelled(entry: TransitionLog) -> None:
    assignment = _assignment(entry)
    _send("cancelled_reviewer", assignment.reviewer, entry, **_reviewer_context(assignment))


def review_completed(entry: TransitionLog) -> None:
    assignment = _assignment(entry)
    _send(
        "review_completed_editor",
        assignment.invited_by,
        entry,
        reviewer=assignment.reviewer,
        **_reviewer_context(assignment),
        **_editor_context(assignment.round.submission),
    )


def reminder(entry: TransitionLog, kind: str = "manual") -> None:
    """A reviewer is reminded of an invitation or a review that is due."""
    assignment = _assignment(entry)
    _send(
        "reminder_reviewer", assignment.reviewer, entry, kind=kind, **_reviewer_context(assignment)
    )


def overdue(entry: TransitionLog) -> None:
    """The inviting editor learns that an assignment is overdue."""
    assignment = _assignment(entry)
    _send(
        "overdue_editor",
        assignment.invited_by,
        entry,
        reviewer=assignment.reviewer,
        **_reviewer_context(assignment),
        **_editor_context(assignment.round.submission),
    )


def _editor_of(assignment: ReviewAssignment) -> Context:
    return {
        "reviewer": assignment.reviewer,
        **_reviewer_context(assignment),
        **_editor_context(assignment.round.submission),
    }


def _tell_inviting_editor(name: str, entry: TransitionLog, extension: ExtensionRequest) -> None:
    assignment = _assignment(entry)
    _send(name, assignment.invited_by, entry, extension=extension, **_editor_of(assignment))


def extension_requested(entry: TransitionLog, extension: ExtensionRequest) -> None:
    """The inviting editor learns who asks for more time, until when and why."""
    _tell_inviting_editor("extension_requested_editor", entry, extension)


def extension_withdrawn(entry: TransitionLog, extension: ExtensionRequest) -> None:
    """The inviting editor learns that the reviewer no longer asks for more time."""
    _tell_inviting_editor("extension_withdrawn_editor", entry, extension)


def extension_answered(entry: TransitionLog, extension: ExtensionRequest) -> None:
    """The reviewer learns whether they have more time (the title redacted, as always)."""
    assignment = _assignment(entry)
    _send(
        "extension_answered_reviewer",
        assignment.reviewer,
        entry,
        extension=extension,
        editor_note=anonymity.extension_note_for(None, extension),
        **_reviewer_context(assignment),
    )


# --- currency re-review (reviews.services.currency) -------------------------------------


def currency_invited(entry: TransitionLog, review: Any) -> None:
    """The invited reviewer: the resource as reviewers see it (no author identities)."""
    if review.reviewer is None:
        return
    _send(
        "currency_invited_reviewer",
        review.reviewer,
        entry,
        review=review,
        review_url=review.get_absolute_url(),
        **anonymity.currency_invitation_for(review),
    )


def currency_answered(entry: TransitionLog, review: Any) -> None:
    """The editor who opened it: the reviewer accepted or declined."""
    _send(
        "currency_answered_editor",
        review.opened_by,
        entry,
        review=review,
        accepted=entry.transition == "currency_accept",
        editor_url=review.get_editor_url(),
    )


def currency_submitted(entry: TransitionLog, review: Any) -> None:
    _send(
        "currency_submitted_editor",
        review.opened_by,
        entry,
        review=review,
        editor_url=review.get_editor_url(),
    )


def currency_decided(entry: TransitionLog, review: Any) -> None:
    """The owner: re-certified, or asked for an update (with the editor's letter)."""
    submission = review.submission
    _send(
        "currency_decided_author",
        submission.owner,
        entry,
        review=review,
        recertified=entry.transition == "currency_recertify",
        resource_url=review.resource.get_absolute_url(),
        update_url=review.update_submission.get_absolute_url() if review.update_submission else "",
        **_author_context(submission),
    )
