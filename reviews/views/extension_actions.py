"""More time for a review, the POSTs: the reviewer asks or withdraws (their assignment's page),
an editor approves or refuses (the submission's page, #extensions). Each is one call to
reviews.services.extensions, which checks who may (403) and when (409)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING
from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from ..forms.extensions import ExtensionForm, RefuseExtensionForm
from ..models import ExtensionRequest
from ..services import extensions as services
from . import editor, reviewer
from .common import perform
from .extensions import refuse_key

if TYPE_CHECKING:
    from django.http.response import HttpResponseBase

    from ..models import ReviewAssignment, Submission
    from .common import AuthenticatedHttpRequest

# --- the reviewer ----------------------------------------------------------------------


@reviewer.reviewer_post
def ask(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """Ask for more time: a new date within the bounds and a reason (400 keeps both)."""
    form = ExtensionForm(request.POST, assignment=assignment, prefix="extension")
    return perform(
        request,
        lambda: services.request_extension(assignment, request.user, **form.cleaned_data),
        success="Your request for more time was sent to the editors.",
        redirect_to=reviewer.detail_url(assignment, "more-time"),
        render=partial(reviewer.render_page, request, assignment, extension_form=form),
        form=form,
    )


@reviewer.reviewer_post
def withdraw(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """Withdraw the request still waiting (409 once the editor has answered it)."""
    try:
        extension_uuid = UUID(str(request.POST.get("extension") or ""))
    except ValueError:
        raise Http404 from None
    extension = get_object_or_404(ExtensionRequest, assignment=assignment, uuid=extension_uuid)
    return perform(
        request,
        lambda: services.withdraw_extension(extension, request.user),
        success="Your request for more time was withdrawn.",
        redirect_to=reviewer.detail_url(assignment, "more-time"),
        render=partial(reviewer.render_page, request, assignment),
    )


# --- the editor --------------------------------------------------------------------------


def _extension_of(submission: Submission, extension_uuid: UUID) -> ExtensionRequest:
    return get_object_or_404(
        ExtensionRequest.objects.select_related("assignment"),
        uuid=extension_uuid,
        assignment__round__submission=submission,
    )


@editor.editor_required
@require_POST
def approve(
    request: AuthenticatedHttpRequest, uuid: UUID, extension_uuid: UUID
) -> HttpResponseBase:
    """Give the time asked: the review's due date moves to the date asked for."""
    submission = editor.desk_submission(request, uuid)
    extension = _extension_of(submission, extension_uuid)
    return perform(
        request,
        lambda: services.approve_extension(extension, request.user),
        success=f"The review is now due by {extension.requested_due:%-d %B %Y}; "
        "the reviewer has been told.",
        redirect_to=editor.submission_url(submission, "#extensions"),
        render=lambda status: editor.render_detail(request, submission, status=status),
    )


@editor.editor_required
@require_POST
def refuse(request: AuthenticatedHttpRequest, uuid: UUID, extension_uuid: UUID) -> HttpResponseBase:
    """Refuse, with an optional note to the reviewer; the due date stays."""
    submission = editor.desk_submission(request, uuid)
    extension = _extension_of(submission, extension_uuid)
    form = RefuseExtensionForm(request.POST, extension=extension)
    return perform(
        request,
        lambda: services.refuse_extension(extension, request.user, **form.cleaned_data),
        success="The request was refused; the reviewer has been told.",
        redirect_to=editor.submission_url(submission, "#extensions"),
        render=lambda status: editor.render_detail(
            request, submission, bound={refuse_key(extension): form}, status=status
        ),
        form=form,
    )
