"""What the contributor, reviewer and editor pages share: lookups, POST actions, downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET

from toolkit.errors import Conflict

from .. import anonymity
from ..downloads import file_response
from ..models import ReviewAssignment, Submission, SubmissionFile

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.forms import BaseForm
    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase

    from toolkit.accounts.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        """A request past @login_required (django-stubs' documented way): a real user."""

        user: User


def signed_in(request: HttpRequest) -> TypeGuard[AuthenticatedHttpRequest]:
    """request.user.is_authenticated, narrowing the request for the type checker."""
    return request.user.is_authenticated


def visible_submission(request: HttpRequest, uuid: UUID) -> Submission:
    """The submission if this user may see it, else 404 (never reveal that it exists)."""
    return get_object_or_404(Submission.objects.visible_to(request.user), uuid=uuid)


def visible_assignment(request: HttpRequest, uuid: UUID) -> ReviewAssignment:
    return get_object_or_404(
        ReviewAssignment.objects.visible_to(request.user).select_related(
            "round__submission", "round__version", "reviewer"
        ),
        uuid=uuid,
    )


def add_errors(form: BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError onto a bound form, by field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def perform(
    request: HttpRequest,
    call: Callable[[], Any],
    *,
    success: str | Callable[[], str],
    redirect_to: str | Callable[[Any], str],
    render: Callable[..., HttpResponse],
    form: BaseForm | None = None,
) -> HttpResponse:
    """Run one service call for a POST, after validating `form` (a bound form) if given.

    Success: a message and a redirect. Bad input (the form's or the service's): the
    page again with the form's errors and status 400 (the form keeps what was typed).
    Wrong state: the page again with the reason and status 409. PermissionDenied and
    Http404 propagate. `success` may be a callable, run after the call (it may read the
    form's cleaned data); `redirect_to` may be a callable taking the call's result
    (e.g. a new object's page).
    """
    if form is not None and not form.is_valid():
        return render(status=400)
    try:
        result = call()
    except ValidationError as error:
        if form is not None:
            add_errors(form, error)
        else:
            messages.error(request, " ".join(error.messages))
        return render(status=400)
    except Conflict as error:
        messages.error(request, error.detail)
        return render(status=409)
    messages.success(request, success() if callable(success) else success)
    return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)


@login_required
@require_GET
def download(request: HttpRequest, uuid: UUID, file_uuid: UUID) -> HttpResponseBase:
    """A submission file for this viewer: sanitized and renamed for reviewers (404 otherwise)."""
    submission = visible_submission(request, uuid)
    item = get_object_or_404(
        SubmissionFile.objects.select_related("version__submission"),
        uuid=file_uuid,
        version__submission=submission,
    )
    return file_response(anonymity.Viewer(request.user, submission), item)
