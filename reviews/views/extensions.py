"""More time for a review, on the pages: what the reviewer's assignment page and the editor's
submission page show of the requests (the POSTs are in extension_actions). What each side
sees of the other comes from reviews.anonymity: editors see who asks, authors nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import anonymity
from ..choices import AssignmentState
from ..forms.extensions import ExtensionForm, RefuseExtensionForm
from ..models import ExtensionRequest

if TYPE_CHECKING:
    from typing import Any

    from ..models import ReviewAssignment, Submission


def reviewer_context(
    assignment: ReviewAssignment, form: ExtensionForm | None = None
) -> dict[str, Any]:
    """The assignment page's "Need more time?": the request waiting, else the form and the
    answer to the last one."""
    requests = list(assignment.extension_requests.all())
    pending = next((r for r in requests if r.is_pending), None)
    last = requests[-1] if requests and pending is None else None
    return {
        "pending_extension": pending,
        "last_extension": last,
        "last_extension_note": anonymity.extension_note_for(None, last) if last else "",
        "extension_form": None
        if pending
        else form or ExtensionForm(assignment=assignment, prefix="extension"),
    }


def editor_context(submission: Submission, viewer: anonymity.Viewer, bound: dict) -> dict:
    """The submission page's "More time asked": requests waiting for an answer (each with its
    refusal form, as typed after a refused POST) and those answered, with who asked."""
    rows = []
    extensions = ExtensionRequest.objects.filter(
        assignment__round__submission=submission
    ).select_related("assignment__reviewer", "assignment__round", "answered_by")
    for extension in extensions.order_by("-requested_at", "-pk"):
        assignment = extension.assignment
        awaiting = extension.is_pending and assignment.state == AssignmentState.ACCEPTED
        refuse_form = bound.get(refuse_key(extension)) or RefuseExtensionForm(extension=extension)
        rows.append(
            {
                "extension": extension,
                "reviewer": anonymity.reviewer_name_for(viewer, assignment),
                "awaiting": awaiting,
                "refuse_form": refuse_form if awaiting else None,
            }
        )
    return {
        "awaiting": [r for r in rows if r["awaiting"]],
        "answered": [r for r in rows if not r["awaiting"]],
    }


def refuse_key(extension: ExtensionRequest) -> str:
    """The key of a refusal form among the editor page's bound forms."""
    return f"refuse-extension:{extension.uuid}"
