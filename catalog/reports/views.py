"""The report pages. Thin: every change is a call to catalog.reports.services.

- /catalog/<slug>/reports/new/  post a report (the resource page holds the same form);
- /reports/                     the signed-in person's reports, in every state;
- /reports/<uuid>/              one report, with what the viewer may do to it: the reporter
                                edits or withdraws, an editor approves, rejects or hides, an
                                author of the resource answers;
- /reports/<uuid>/<action>/     the POST-only actions.

Bad input re-renders the page with what was typed and 400; a throttled post 429 with the
text kept; a wrong state 409 with the reason; a report one may not see 404; an action one's
role does not allow 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalog.models import Resource
from toolkit.errors import Conflict

from . import permissions, services
from .forms import AnswerForm, ReasonForm, ReportForm
from .models import ImplementationReport, ReportState

if TYPE_CHECKING:
    from uuid import UUID

    from toolkit.accounts.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        user: User


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _run(
    request: HttpRequest,
    call: Callable[[], Any],
    *,
    success: str,
    redirect_to: Callable[[Any], str],
    again: Callable[[int], HttpResponse],
    form: BaseForm | None = None,
) -> HttpResponse:
    """One service call for a POST: a message and a redirect; bad input the page again with
    400, nothing typed lost; a throttled post 429; a wrong state 409, with the reason."""
    if form is not None and not form.is_valid():
        return again(400)
    try:
        result = call()
    except ValidationError as error:
        if form is not None:
            _add_errors(form, error)
        else:
            messages.error(request, " ".join(error.messages))
        return again(400)
    except services.TooManyReports as error:
        messages.error(request, error.detail)
        return again(429)
    except Conflict as error:
        messages.error(request, error.detail)
        return again(409)
    messages.success(request, success)
    return redirect(redirect_to(result))


def _visible(request: HttpRequest, uuid: UUID) -> ImplementationReport:
    report = get_object_or_404(
        ImplementationReport.objects.select_related(
            "resource", "reporter", "learner_level", "answered_by", "moderated_by"
        ),
        uuid=uuid,
    )
    if not permissions.can_view(report, request.user):
        raise Http404("No such report.")
    return report


# --- posting ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The form to post a report on a published resource (403 for its own authors)."""
    resource = get_object_or_404(
        Resource.objects.only("pk", "slug", "title", "retired_at"), slug=slug
    )
    form = ReportForm(request.POST if request.method == "POST" else None)
    try:
        services.check_may_post(request.user, resource)
    except Conflict as error:
        return render(
            request,
            "reports/report_form.html",
            {"resource": resource, "blocked": error.detail},
            status=409,
        )

    def page(status: int = 200) -> HttpResponse:
        context = {
            "resource": resource,
            "form": form,
            "pending": services.pending_report(request.user, resource),
        }
        return render(request, "reports/report_form.html", context, status=status)

    if request.method != "POST":
        return page()
    return _run(
        request,
        lambda: services.create_report(request.user, resource, form.service_data()),
        success=(
            "Thank you: your report is waiting for an editor. It shows on the resource’s page "
            "once approved, and you will be told by e-mail."
        ),
        redirect_to=lambda report: reverse("reports:mine"),
        again=page,
        form=form,
    )


# --- the reporter's pages ----------------------------------------------------------------


@login_required
@require_safe
def my_reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    reports = (
        ImplementationReport.objects.filter(reporter=request.user)
        .exclude(state=ReportState.WITHDRAWN)
        .select_related("resource", "learner_level")
        .order_by("-submitted_at", "-pk")
    )
    return render(request, "reports/my_reports.html", {"reports": reports})


def _detail_page(
    request: HttpRequest,
    report: ImplementationReport,
    *,
    status: int = 200,
    reason_form: tuple[str, ReasonForm] | None = None,
    answer_form: AnswerForm | None = None,
) -> HttpResponse:
    user = request.user
    moderator = permissions.can_moderate(report, user)
    context = {
        "report": report,
        "is_reporter": permissions.is_reporter(report, user),
        "may_moderate": moderator,
        "reject_form": reason_form[1]
        if reason_form and reason_form[0] == "reject"
        else ReasonForm(prefix="reject"),
        "hide_form": reason_form[1]
        if reason_form and reason_form[0] == "hide"
        else ReasonForm(prefix="hide"),
        "may_answer": report.is_published
        and not report.answered_at
        and permissions.can_answer(report, user),
        "answer_form": answer_form or AnswerForm(),
        "log": report.log_entries.select_related("actor") if moderator else [],
    }
    return render(request, "reports/report_detail.html", context, status=status)


@require_safe
def report_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return _detail_page(request, _visible(request, uuid))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_edit(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """The reporter edits a pending or published report (it goes back to moderation)."""
    report = _visible(request, uuid)
    if not permissions.is_reporter(report, request.user):
        raise PermissionDenied("Only the reporter edits a report.")
    if report.state not in (ReportState.PENDING, ReportState.PUBLISHED):
        messages.error(
            request, f"A report that is “{report.get_state_display().lower()}” cannot be edited."
        )
        return _detail_page(request, report, status=409)
    form = ReportForm(request.POST) if request.method == "POST" else ReportForm.for_report(report)

    def page(status: int = 200) -> HttpResponse:
        context = {"resource": report.resource, "form": form, "report": report}
        return render(request, "reports/report_form.html", context, status=status)

    if request.method != "POST":
        return page()
    return _run(
        request,
        lambda: services.edit_report(report, request.user, form.service_data()),
        success="Your report was changed: it is waiting for an editor again.",
        redirect_to=lambda changed: changed.get_absolute_url(),
        again=page,
        form=form,
    )


# --- actions (POST only) -----------------------------------------------------------------


def _action(
    request: HttpRequest,
    uuid: UUID,
    call: Callable[[ImplementationReport], Any],
    success: str,
    *,
    reason_form: tuple[str, ReasonForm] | None = None,
    answer_form: AnswerForm | None = None,
    redirect_to: Callable[[ImplementationReport], str] | None = None,
) -> HttpResponse:
    report = _visible(request, uuid)
    form = reason_form[1] if reason_form else answer_form
    return _run(
        request,
        lambda: call(report),
        success=success,
        redirect_to=redirect_to or (lambda changed: changed.get_absolute_url()),
        again=lambda status: _detail_page(
            request, report, status=status, reason_form=reason_form, answer_form=answer_form
        ),
        form=form,
    )


def _desk(report: ImplementationReport) -> str:
    return reverse("reviews:editor-queue") + "#reports"


@login_required
@require_POST
def report_withdraw(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    return _action(
        request,
        uuid,
        lambda report: services.withdraw_report(report, request.user),
        "You withdrew your report.",
        redirect_to=lambda report: reverse("reports:mine"),
    )


@login_required
@require_POST
def report_approve(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    return _action(
        request,
        uuid,
        lambda report: services.approve_report(report, request.user),
        "The report is published on the resource’s page.",
        redirect_to=_desk,
    )


@login_required
@require_POST
def report_reject(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="reject")
    return _action(
        request,
        uuid,
        lambda report: services.reject_report(report, request.user, form.cleaned_data["reason"]),
        "The report was not published; the reporter is told why.",
        reason_form=("reject", form),
        redirect_to=_desk,
    )


@login_required
@require_POST
def report_hide(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    form = ReasonForm(request.POST, prefix="hide")
    return _action(
        request,
        uuid,
        lambda report: services.hide_report(report, request.user, form.cleaned_data["reason"]),
        "The report is hidden; the reporter is told why.",
        reason_form=("hide", form),
        redirect_to=_desk,
    )


@login_required
@require_POST
def report_answer(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    form = AnswerForm(request.POST)
    return _action(
        request,
        uuid,
        lambda report: services.answer_report(report, request.user, form.cleaned_data["answer"]),
        "Your answer shows under the report.",
        answer_form=form,
        redirect_to=lambda report: report.get_public_url(),
    )
