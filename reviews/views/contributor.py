"""Contributor pages (DESIGN §10): my submissions, one submission, and its transitions.

Thin views: find the submission the user may see (404) and may act on (403),
call one service through `common.perform`, show the result. What an author may
see of reviews, decisions and the log comes from `reviews.anonymity`. The wizard that
edits a draft is in reviews.views.wizard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from catalog import usage

from .. import anonymity, permissions, services
from ..choices import SubmissionState
from ..forms import contributor as forms
from ..models import Submission
from . import common
from .wizard import REVIEW, render_step, step_url

if TYPE_CHECKING:
    from uuid import UUID

    from django.http import HttpResponse
    from django.http.response import HttpResponseBase

    from toolkit.accounts.permissions import Person

    from .common import AuthenticatedHttpRequest

S = SubmissionState
OWNER_TRANSITIONS = ("submit", "resubmit", "withdraw", "appeal")

# My submissions, grouped by what they need from me; each state says what to do next.
GROUPS = (
    ("drafts", "Drafts", (S.DRAFT,)),
    ("revisions", "Revisions requested", (S.REVISIONS_REQUESTED,)),
    ("with-editors", "With the editors", (S.SUBMITTED, S.IN_REVIEW, S.APPEALED)),
    ("decided", "Accepted and published", (S.ACCEPTED, S.PUBLISHED)),
    ("closed", "Closed", (S.REJECTED, S.WITHDRAWN, S.RETIRED)),
)
NEEDS = {
    S.DRAFT: ("Finish and submit", "review"),
    S.REVISIONS_REQUESTED: ("Revise and resubmit", "about"),
    S.SUBMITTED: ("Nothing to do — with the editors", None),
    S.IN_REVIEW: ("Nothing to do — with the editors and reviewers", None),
    S.ACCEPTED: ("Nothing to do — accepted; the editors will publish it", None),
    S.PUBLISHED: ("Published — you can start a new version at any time", None),
    S.REJECTED: ("Closed — not accepted", None),
    S.APPEALED: ("Nothing to do — your appeal is with an editor who did not decide", None),
    S.WITHDRAWN: ("Closed — withdrawn", None),
    S.RETIRED: ("Closed — retired from the catalog", None),
}


# --- lookups and links ----------------------------------------------------------------------


def _author_submission(request: AuthenticatedHttpRequest, uuid: UUID) -> Submission:
    """A submission this user authored: 404 if they may not see it, 403 if not an author."""
    submission = common.visible_submission(request, uuid)
    if not permissions.is_author(request.user, submission):
        raise PermissionDenied("This page is for the authors of the submission.")
    return submission


def detail_url(submission: Submission) -> str:
    return submission.get_absolute_url()


def _need(submission: Submission) -> dict:
    text, step = NEEDS[submission.state]
    url = step_url(submission, step) if step else ""
    return {"text": text, "url": url, "is_action": bool(step)}


def _actions(submission: Submission, user: Person) -> list[str]:
    """What the owner may do now: the allowed transitions, plus edit, delete and new version."""
    allowed = set(services.available_transitions(submission, user))
    owner = permissions.can_edit_submission(submission, user)
    actions = []
    if owner and submission.state in services.EDITABLE_STATES:
        actions.append("edit")
    actions += [name for name in OWNER_TRANSITIONS if name in allowed]
    if owner and submission.state == S.DRAFT:
        # One way to discard a draft: delete it (withdrawing one would keep it for nothing).
        actions = [name for name in actions if name != "withdraw"] + ["delete"]
    if owner and submission.state == S.PUBLISHED:
        actions.append("new_version")
    return actions


# --- pages ----------------------------------------------------------------------------------


@login_required
@require_GET
def submission_list(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """My submissions, grouped by state, each with what it needs from me."""
    mine = list(
        Submission.objects.visible_to(request.user)
        .filter(owner=request.user)
        .select_related("resource")
        .order_by("-updated_at")
    )
    groups = []
    for key, title, states in GROUPS:
        items = [{"submission": s, "need": _need(s)} for s in mine if s.state in states]
        if items:
            groups.append({"key": key, "title": title, "items": items})
    return render(request, "reviews/submission_list.html", {"groups": groups, "count": len(mine)})


@login_required
@require_GET
def submission_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """The timeline, versions and files, decision letters, anonymous reviews and the actions."""
    submission = common.visible_submission(request, uuid)
    if not permissions.is_author(request.user, submission):
        if permissions.can_decide(submission, request.user):
            return redirect(submission.get_editor_url())
        raise PermissionDenied("This page is for the authors of the submission.")
    return _render_detail(request, submission)


@login_required
@require_GET
def submission_usage_csv(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """The published resource's monthly page views and downloads, for the authors and
    editors (a promotion dossier's figures); 404 for others and before publication."""
    submission = common.visible_submission(request, uuid)
    resource = Submission.objects.select_related("resource").get(pk=submission.pk).resource
    allowed = permissions.is_author(request.user, submission) or permissions.can_decide(
        submission, request.user
    )
    if resource is None or not allowed:
        raise Http404("No usage figures here.")
    response = HttpResponse(usage.monthly_csv(resource), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{resource.slug}-usage.csv"'
    return response


def _render_detail(
    request: AuthenticatedHttpRequest,
    submission: Submission,
    *,
    status: int = 200,
    withdraw_form: forms.WithdrawForm | None = None,
    resubmit_form: forms.ResubmitForm | None = None,
    appeal_form: forms.AppealForm | None = None,
) -> HttpResponse:
    user = request.user
    submission = Submission.objects.select_related("resource").get(pk=submission.pk)
    viewer = anonymity.Viewer(user, submission)
    versions = [
        {"version": v, "files": anonymity.files_for(viewer, v)}
        for v in submission.versions.order_by("-number")
    ]
    editable = submission.state in services.EDITABLE_STATES
    context: dict[str, Any] = {
        "submission": submission,
        "need": _need(submission),
        "actions": _actions(submission, user),
        "viewer": viewer,
        "metadata": anonymity.metadata_for(viewer),
        "versions": versions,
        "decisions": anonymity.decisions_for(viewer),
        "reviews": anonymity.reviews_for(viewer),
        "timeline": anonymity.log_for(viewer),
        "appeal": anonymity.appeal_for(viewer),
        "appeal_form": appeal_form or forms.AppealForm(),
        "missing": forms.missing_items(submission) if editable else [],
        "withdraw_form": withdraw_form or forms.WithdrawForm(),
        "resubmit_form": resubmit_form or forms.ResubmitForm(),
        "has_errors": status == 400,
        "usage": usage.monthly(submission.resource) if submission.resource else [],
    }
    return render(request, "reviews/submission_detail.html", context, status=status)


# --- transitions ----------------------------------------------------------------------------


@login_required
@require_POST
def submit(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Send a complete draft to the editors; an incomplete one shows what is missing."""
    submission = _author_submission(request, uuid)
    form = forms.SubmitForm(request.POST)

    def again(status: int) -> HttpResponse:
        if status == 400 and submission.state in services.EDITABLE_STATES:
            return render_step(request, submission, REVIEW, status=status, submit_form=form)
        return _render_detail(request, submission, status=status)

    return common.perform(
        request,
        lambda: services.submit(submission, request.user),
        success="Submitted. The editors have it now; we will e-mail you at each step.",
        redirect_to=detail_url(submission),
        render=again,
        form=form,
    )


@login_required
@require_POST
def resubmit(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Answer a revision request: the new version is frozen with the response letter."""
    submission = _author_submission(request, uuid)
    form = forms.ResubmitForm(request.POST)

    def again(status: int) -> HttpResponse:
        if status == 400 and submission.state in services.EDITABLE_STATES:
            return render_step(request, submission, REVIEW, status=status, resubmit_form=form)
        return _render_detail(request, submission, status=status)

    return common.perform(
        request,
        lambda: services.resubmit(
            submission, request.user, response_letter=form.cleaned_data["response_letter"]
        ),
        success="Resubmitted. The new version is with the editors.",
        redirect_to=detail_url(submission),
        render=again,
        form=form,
    )


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Withdraw before publication, with a reason, after a confirmation step."""
    submission = _author_submission(request, uuid)
    form = forms.WithdrawForm(request.POST)

    def again(status: int) -> HttpResponse:
        return _render_detail(request, submission, status=status, withdraw_form=form)

    return common.perform(
        request,
        lambda: services.withdraw(submission, request.user, reason=form.cleaned_data["reason"]),
        success="Withdrawn. The editors have been told.",
        redirect_to=detail_url(submission),
        render=again,
        form=form,
    )


@login_required
@require_POST
def appeal(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Appeal a rejection, once, within the window, with reasons."""
    submission = _author_submission(request, uuid)
    form = forms.AppealForm(request.POST)
    return common.perform(
        request,
        lambda: services.appeal(submission, request.user, reasons=form.cleaned_data["reasons"]),
        success="Your appeal has been sent. An editor who did not decide will answer.",
        redirect_to=detail_url(submission),
        render=lambda status: _render_detail(request, submission, status=status, appeal_form=form),
        form=form,
    )


@login_required
@require_POST
def delete(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Delete a draft that was never submitted, after a confirmation step."""
    submission = _author_submission(request, uuid)
    title = str(submission)
    return common.perform(
        request,
        lambda: services.delete_draft(submission, request.user),
        success=f"Deleted the draft “{title}”.",
        redirect_to=reverse("reviews:submission-list"),
        render=lambda status: _render_detail(request, submission, status=status),
    )


@login_required
@require_POST
def new_version(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Start a new draft of a published resource; it replaces it once published."""
    submission = _author_submission(request, uuid)
    return common.perform(
        request,
        lambda: services.start_new_version(submission, request.user),
        success="A new version was started as a draft, with the published content and files.",
        redirect_to=lambda draft: step_url(draft, "about"),
        render=lambda status: _render_detail(request, submission, status=status),
    )
