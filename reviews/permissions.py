"""Who may do what in the workflow. Views, API, services and FSM transitions ask here.

The predicates a transition names (`permission=`) take `(obj, user)`, the order django-fsm
calls them in: can_edit_submission, can_decide, can_cancel_assignment, is_assignee. The
others ask about a person first: is_author(user, submission), conflict_reason(reviewer, …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from toolkit.accounts.permissions import is_contributor, is_editor, is_reviewer
from toolkit.accounts.validators import email_key

from .choices import ACTIVE_ASSIGNMENT_STATES, AssignmentState, SubmissionState
from .identity import fold

if TYPE_CHECKING:
    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

    from .models import CurrencyReview, ReviewAssignment, Submission

__all__ = [
    "can_cancel_assignment",
    "can_decide",
    "can_decide_currency",
    "can_edit_submission",
    "can_view_submission",
    "conflict_reason",
    "is_assignee",
    "is_author",
    "is_currency_reviewer",
    "is_contributor",
    "is_editor",
    "is_reviewer",
]


def _signed_in(user: Person | None) -> TypeGuard[User]:
    return is_contributor(user)


def is_author(user: Person | None, submission: Submission) -> bool:
    """The owner, or a co-author linked to this account by e-mail (reviews.authorship).

    An author may not review the submission, nor handle it as an editor: it leaves their
    desk (Submission.objects.on_desk_of) and they follow it as an author only.
    """
    if not _signed_in(user):
        return False
    if submission.owner_id == user.pk:
        return True
    return submission.authors.filter(user=user).exists()


def can_edit_submission(submission: Submission, user: Person | None) -> bool:
    """Only the owner edits, submits, resubmits and withdraws."""
    return _signed_in(user) and submission.owner_id == user.pk


def can_decide(submission: Submission, user: Person | None) -> bool:
    """Editors decide, invite and publish, but never on their own work."""
    return is_editor(user) and not is_author(user, submission)


def can_appeal(submission: Submission, user: Person | None) -> bool:
    """The authors may appeal a rejection (the transition's conditions say when)."""
    return is_author(user, submission)


def can_handle_appeal(submission: Submission, user: Person | None) -> bool:
    """An editor of the submission other than the one whose decision is appealed."""
    if not can_decide(submission, user):
        return False
    if submission.state != SubmissionState.APPEALED:  # no appeal to answer: no query
        return True
    decision = submission.appealed_decision()
    return decision is None or decision.editor_id != getattr(user, "pk", None)


def can_cancel_assignment(assignment: ReviewAssignment, user: Person | None) -> bool:
    """An editor who may decide on the submission cancels its assignments."""
    return can_decide(assignment.round.submission, user)


def is_assignee(assignment: ReviewAssignment, user: Person | None) -> bool:
    """The reviewer an assignment belongs to."""
    return _signed_in(user) and assignment.reviewer_id == user.pk


def can_decide_currency(review: CurrencyReview, user: Person | None) -> bool:
    """Editors handle currency reviews, never of their own work."""
    return can_decide(review.submission, user)


def is_currency_reviewer(review: CurrencyReview, user: Person | None) -> bool:
    """The reviewer invited to a currency review."""
    return _signed_in(user) and review.reviewer_id == user.pk


def can_view_submission(user: Person | None, submission: Submission) -> bool:
    """Same rule as Submission.objects.visible_to, for one object already loaded: its owner,
    editors once it is submitted, and reviewers with an assignment that shows it to them."""
    from .models import ReviewAssignment

    if not _signed_in(user):
        return False
    if submission.owner_id == user.pk:
        return True
    if is_editor(user):
        return submission.state != SubmissionState.DRAFT
    return ReviewAssignment.objects.filter(
        round__submission=submission,
        reviewer=user,
        state__in=[*ACTIVE_ASSIGNMENT_STATES, AssignmentState.CLOSED],
    ).exists()


def _key(value: str) -> str:
    """A name, institution or e-mail address as compared: see reviews.identity, email_key."""
    return email_key(value) if "@" in (value or "") else " ".join(fold(value or "").split())


def conflict_reason(reviewer: User, submission: Submission) -> str | None:
    """Why this person may not review this submission, or None.

    Refused: an author (the owner, or a co-author linked by e-mail); someone who declared
    a conflict with an author's name, e-mail or institution; someone an author (or the
    owner) declared a conflict with. Names and addresses match in any case and accents.
    """
    if is_author(reviewer, submission):
        return "This person is an author of the submission."
    institutions, people = ({_key(line) for line in lines} for lines in reviewer.conflict_lines())
    them = {_key(reviewer.display_name), _key(reviewer.email)} - {""}
    accounts: set[User] = {submission.owner}
    for author in submission.authors.select_related("user"):
        if ({_key(author.name), _key(author.email)} - {""}) & people:
            return "This reviewer declared a conflict of interest with an author."
        if author.affiliation.strip() and _key(author.affiliation) in institutions:
            return "This reviewer declared a conflict with an author's institution."
        if author.user is not None:
            accounts.add(author.user)
    for account in accounts:
        if them & {_key(line) for line in account.conflict_lines()[1]}:
            return "An author declared a conflict of interest with this reviewer."
    return None
