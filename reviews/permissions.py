"""Who may do what in the workflow. Views, API, services and FSM transitions ask here."""

from toolkit.accounts.permissions import is_contributor, is_editor, is_reviewer

__all__ = [
    "can_decide",
    "can_edit_submission",
    "can_view_submission",
    "conflict_reason",
    "is_assignee",
    "is_author",
    "is_contributor",
    "is_editor",
    "is_reviewer",
]


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_author(user, submission) -> bool:
    """The owner, or a co-author linked to this account."""
    if not _signed_in(user):
        return False
    if submission.owner_id == user.pk:
        return True
    return submission.authors.filter(user=user).exists()


def can_edit_submission(user, submission) -> bool:
    """Only the owner edits, submits, resubmits and withdraws."""
    return _signed_in(user) and submission.owner_id == user.pk


def can_decide(user, submission) -> bool:
    """Editors decide, invite and publish, but never on their own work."""
    return is_editor(user) and not is_author(user, submission)


def is_assignee(user, assignment) -> bool:
    """The reviewer an assignment belongs to."""
    return _signed_in(user) and assignment.reviewer_id == user.pk


def can_view_submission(user, submission) -> bool:
    """Same rule as Submission.objects.visible_to, for one object already loaded."""
    from .models import Submission

    return Submission.objects.visible_to(user).filter(pk=submission.pk).exists()


def conflict_reason(reviewer, submission) -> str | None:
    """Why this person may not review this submission, or None.

    Refused: an author; someone who declared a conflict with an author's name,
    e-mail or institution; someone an author declared a conflict with.
    """
    if is_author(reviewer, submission):
        return "This person is an author of the submission."
    institutions, people = reviewer.conflict_lines()
    for author in submission.authors.select_related("user"):
        names = {author.name.strip().lower(), (author.email or "").strip().lower()} - {""}
        if names & set(people):
            return "This reviewer declared a conflict of interest with an author."
        affiliation = (author.affiliation or "").strip().lower()
        if affiliation and affiliation in institutions:
            return "This reviewer declared a conflict with an author's institution."
        if author.user is not None:
            _, author_people = author.user.conflict_lines()
            if {reviewer.display_name.lower(), reviewer.email.lower()} & set(author_people):
                return "An author declared a conflict of interest with this reviewer."
    return None
