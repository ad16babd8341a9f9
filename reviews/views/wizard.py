"""The submission wizard (DESIGN §10): /submissions/new/ and the steps of /submissions/<uuid>/edit/.

The owner fills in the metadata step by step, attaches files and links, and reviews what is
missing before submitting; each save goes through `reviews.services` via `common.perform`.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from .. import anonymity, permissions, services
from ..choices import SubmissionState
from ..forms import contributor as forms
from ..models import Submission, SubmissionFile
from . import common

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.forms import BaseForm
    from django.http import HttpResponse
    from django.http.response import HttpResponseBase

    from .common import AuthenticatedHttpRequest

S = SubmissionState
MATERIALS = forms.STEPS_BY_SLUG["materials"]
REVIEW = forms.STEPS_BY_SLUG["review"]


def owned_submission(request: AuthenticatedHttpRequest, uuid: UUID) -> Submission:
    """A submission this user may change: 404 if they may not see it, 403 if not the owner."""
    submission = common.visible_submission(request, uuid)
    if not permissions.can_edit_submission(submission, request.user):
        raise PermissionDenied("Only the submitting author can change this submission.")
    return submission


def step_url(submission: Submission, step: forms.Step | str) -> str:
    slug = step if isinstance(step, str) else step.slug
    return reverse("reviews:submission-edit", args=[submission.uuid, slug])


def _after_save(request: AuthenticatedHttpRequest, submission: Submission, step: forms.Step) -> str:
    """Save and continue goes to the next step; Save draft stays on this one; Save and
    leave goes to the submission's page (the step is saved first, like the others)."""
    go = request.POST.get("go")
    if go == "leave":
        return submission.get_absolute_url()
    target = forms.next_step(step) if go == "next" else step
    return step_url(submission, target)


def _steps_nav(
    submission: Submission | None, current: forms.Step, missing: list[dict]
) -> list[dict]:
    counts: dict[str, int] = {}
    for item in missing:
        counts[item["step"].slug] = counts.get(item["step"].slug, 0) + 1
    rows = []
    for step in forms.STEPS:
        if submission is not None:
            url = step_url(submission, step)
        else:  # until the first save, only step 1 exists
            url = reverse("reviews:submission-new") if step.number == 1 else ""
        rows.append(
            {
                "step": step,
                "url": url,
                "current": step == current,
                "missing": counts.get(step.slug, 0),
            }
        )
    return rows


def render_step(
    request: AuthenticatedHttpRequest,
    submission: Submission | None,
    step: forms.Step,
    *,
    status: int = 200,
    **bound: Any,
) -> HttpResponse:
    """One page of the wizard; `bound` holds the forms as posted, to show them again."""
    user = request.user
    context: dict[str, Any] = {"submission": submission, "step": step, "has_errors": status == 400}
    if submission is not None:
        submission = Submission.objects.get(pk=submission.pk)
        context["submission"] = submission
        context["revising"] = submission.state == S.REVISIONS_REQUESTED
        context["action"] = step_url(submission, step)
        missing = forms.missing_items(submission)
    else:
        context["action"] = reverse("reviews:submission-new")
        missing = []
    context["steps"] = _steps_nav(submission, step, missing)

    def posted(name: str, blank: type[BaseForm] | Callable[[], Any]) -> Any:
        return bound[name] if bound.get(name) is not None else blank()

    if step.slug == "about":
        form = posted("form", lambda: forms.AboutForm(instance=submission or Submission()))
        authors = posted("authors", lambda: forms.author_formset(submission, owner=user))
        context.update(form=form, authors=authors, summary=forms.ErrorSummary(form, authors))
    elif step.slug in forms.STEP_FORMS:
        context["form"] = posted("form", lambda: forms.STEP_FORMS[step.slug](instance=submission))
    elif step.slug == "materials":
        # only "about" renders before the draft exists, so submission is set here
        version = submission.current_version  # type: ignore[union-attr]
        viewer = anonymity.Viewer(user, submission)  # type: ignore[arg-type]
        context.update(
            files=anonymity.files_for(viewer, version) if version else [],
            upload_form=posted("upload_form", forms.UploadForm),
            link_form=posted("link_form", forms.LinkForm),
        )
    else:
        # only "about" renders before the draft exists, so submission is set here
        version = submission.current_version  # type: ignore[union-attr]
        viewer = anonymity.Viewer(user, submission)  # type: ignore[arg-type]
        context.update(
            missing=missing,
            metadata=anonymity.metadata_for(viewer),
            files=anonymity.files_for(viewer, version) if version else [],
            submit_form=posted("submit_form", forms.SubmitForm),
            resubmit_form=posted("resubmit_form", forms.ResubmitForm),
            decisions=anonymity.decisions_for(viewer),
        )
    return render(request, "reviews/submission_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def submission_new(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Step 1 of a new submission; its first save creates the draft."""
    step = forms.STEPS_BY_SLUG["about"]
    if request.method == "GET":
        return render_step(request, None, step)
    form = forms.AboutForm(request.POST, instance=Submission(owner=request.user))
    authors = forms.author_formset(owner=request.user, data=request.POST)

    def again(status: int) -> HttpResponse:
        return render_step(request, None, step, status=status, form=form, authors=authors)

    if not all([form.is_valid(), authors.is_valid()]):
        return again(400)

    def create() -> Submission:
        with transaction.atomic():
            draft = services.create_draft(request.user, **form.metadata())
            services.set_authors(draft, request.user, authors.authors())
        return draft

    return common.perform(
        request,
        create,
        success="Draft saved. You can leave and come back to it at any time.",
        redirect_to=lambda draft: _after_save(request, draft, step),
        render=again,
        form=form,
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_edit(request: AuthenticatedHttpRequest, uuid: UUID, step: Any) -> HttpResponseBase:
    """A step of the wizard for a draft, or for a submission whose revision was requested."""
    step = forms.STEPS_BY_SLUG.get(step)  # the URL's slug (so `step: Any`) becomes its Step
    if step is None:
        raise Http404
    submission = owned_submission(request, uuid)
    if request.method == "GET":
        if submission.state not in services.EDITABLE_STATES:
            messages.info(
                request,
                f"This submission is “{submission.get_state_display()}” and can no longer "
                "be changed.",
            )
            return redirect(submission.get_absolute_url())
        return render_step(request, submission, step)
    if step.slug not in forms.STEP_FORMS:  # materials and review post to their own URLs
        return HttpResponseNotAllowed(["GET"])
    # The form works on a copy, so the page's header keeps the saved title on an error.
    form = forms.STEP_FORMS[step.slug](request.POST, instance=copy.copy(submission))
    authors = forms.author_formset(submission, data=request.POST) if step.slug == "about" else None
    bound = {"form": form} if authors is None else {"form": form, "authors": authors}

    def again(status: int) -> HttpResponse:
        return render_step(request, submission, step, status=status, **bound)

    if not all([form.is_valid()] + ([authors.is_valid()] if authors else [])):
        return again(400)

    def save() -> None:
        with transaction.atomic():
            services.update_draft(submission, request.user, **form.metadata())
            if authors is not None:
                services.set_authors(submission, request.user, authors.authors())

    return common.perform(
        request,
        save,
        success="Draft saved.",
        redirect_to=_after_save(request, submission, step),
        render=again,
        form=form,
    )


# --- files and links ------------------------------------------------------------------------


@login_required
@require_POST
def file_add(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Upload a file to the working version; a refusal is shown next to the file field."""
    submission = owned_submission(request, uuid)
    form = forms.UploadForm(request.POST, request.FILES)

    def again(status: int) -> HttpResponse:
        return render_step(request, submission, MATERIALS, status=status, upload_form=form)

    def data(name: str) -> Any:
        return form.cleaned_data[name]

    return common.perform(
        request,
        lambda: services.add_file(submission, request.user, data("file"), data("label")),
        success=lambda: f"Added “{data('label') or data('file').name}”.",
        redirect_to=step_url(submission, MATERIALS),
        render=again,
        form=form,
    )


@login_required
@require_POST
def link_add(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Add an external link (a video host, a web module) to the working version."""
    submission = owned_submission(request, uuid)
    form = forms.LinkForm(request.POST)

    def again(status: int) -> HttpResponse:
        return render_step(request, submission, MATERIALS, status=status, link_form=form)

    def data(name: str) -> Any:
        return form.cleaned_data[name]

    return common.perform(
        request,
        lambda: services.add_link(submission, request.user, data("url"), data("label")),
        success=lambda: f"Added the link “{data('label') or data('url')}”.",
        redirect_to=step_url(submission, MATERIALS),
        render=again,
        form=form,
    )


@login_required
@require_POST
def file_remove(request: AuthenticatedHttpRequest, uuid: UUID, file_uuid: UUID) -> HttpResponseBase:
    """Remove a file or link from the working version."""
    submission = owned_submission(request, uuid)
    item = get_object_or_404(
        SubmissionFile.objects.select_related("version__submission"),
        uuid=file_uuid,
        version__submission=submission,
    )
    return common.perform(
        request,
        lambda: services.remove_file(item, request.user),
        success=f"Removed “{item}”.",
        redirect_to=step_url(submission, MATERIALS),
        render=lambda status: render_step(request, submission, MATERIALS, status=status),
    )
