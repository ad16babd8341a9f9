"""What each signed-in person has waiting, for the navigation badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .choices import AssignmentState, SubmissionState
from .models import ReviewAssignment, Submission
from .permissions import is_editor, is_reviewer

if TYPE_CHECKING:
    from toolkit.accounts.models import User

NEEDS_AUTHOR = [SubmissionState.DRAFT, SubmissionState.REVISIONS_REQUESTED]
NEEDS_EDITOR = [SubmissionState.SUBMITTED, SubmissionState.ACCEPTED]


def counts(user: User) -> dict[str, int]:
    """{"submissions": drafts and revision requests, "reviews": open assignments,
    "editor": submissions waiting for triage or publication}."""
    result = {"submissions": Submission.objects.filter(owner=user, state__in=NEEDS_AUTHOR).count()}
    if is_reviewer(user):
        result["reviews"] = ReviewAssignment.objects.filter(
            reviewer=user, state__in=[AssignmentState.INVITED, AssignmentState.ACCEPTED]
        ).count()
    if is_editor(user):
        result["editor"] = (
            Submission.objects.on_desk_of(user).filter(state__in=NEEDS_EDITOR).count()
        )
    return result
