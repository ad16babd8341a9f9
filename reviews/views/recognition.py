"""Reviewer recognition pages (issue 16 item 6).

- /reviews/history/: My reviewing, the reviewer's own history (reviewers, or anyone who
  completed a review: others 403), and /reviews/history/<year>/certificate.pdf.
- /reviewers/<year>/: the public "Thank you to our reviewers" page (opted-in reviewers only).
- /editor/reviewers/<pk>/: a reviewer's response and completion times and helpfulness
  ratings, for editors; and the POST that rates a review's helpfulness (the service decides
  403/404/409/400). Reviewers never see a rating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from .. import permissions, recognition, services
from ..choices import Helpfulness
from ..models import ReviewAssignment
from .common import perform, visible_assignment
from .editor import desk_submission, editor_required, render_detail, submission_url
from .reviewer import title_of

if TYPE_CHECKING:
    from uuid import UUID

    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

    from .common import AuthenticatedHttpRequest


def _past_year(year: int) -> int:
    """404 for a year no review can have been done in (the URL takes any number of digits)."""
    if not 1900 < year <= timezone.localdate().year:
        raise Http404
    return year


def _reviewer_only(request: AuthenticatedHttpRequest) -> None:
    """403 unless a reviewer, or someone who completed a review (a former reviewer)."""
    user = request.user
    if not (permissions.is_reviewer(user) or recognition.completed_assignments(user).exists()):
        raise PermissionDenied("Only reviewers have a reviewing history.")


@login_required
@require_safe
def history(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """My reviewing: completed reviews per year, on time or late, average days to complete."""
    _reviewer_only(request)
    years = recognition.history(request.user)
    context = {
        "years": years,
        "titles": {  # redacted of the authors, as in My reviews
            done.assignment.pk: title_of(done.assignment) for y in years for done in y.reviews
        },
        "totals": recognition.totals(years),
        "thanked_publicly": request.user.thanked_publicly,
    }
    return render(request, "reviews/reviewer_history.html", context)


@login_required
@require_safe
def certificate(request: AuthenticatedHttpRequest, year: int) -> HttpResponseBase:
    """The year's certificate of peer review (PDF); 404 for a year without a completed review."""
    _reviewer_only(request)
    count = recognition.completed_in(request.user, _past_year(year))
    if not count:
        raise Http404
    response = HttpResponse(
        recognition.certificate_pdf(request.user, year, count), content_type="application/pdf"
    )
    name = f"certificate-of-peer-review-{year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def thank_you_latest(request: HttpRequest) -> HttpResponseBase:
    """/reviewers/: the latest year with someone to thank (else this year)."""
    years = recognition.thanked_years()
    return redirect("reviews:thank-you", year=years[0] if years else timezone.localdate().year)


@require_safe
def thank_you(request: HttpRequest, year: int) -> HttpResponseBase:
    """Thank you to our reviewers: the opted-in reviewers of a year (404 for a future year)."""
    context = {
        "year": _past_year(year),
        "names": recognition.thanked(year),
        "years": recognition.thanked_years(),
    }
    return render(request, "reviews/thank_you.html", context)


@editor_required
@require_safe
def reviewer_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """For editors: a reviewer's times and ratings, from the assignments this editor may see
    (404 for someone who is neither a reviewer nor was ever invited)."""
    person = get_object_or_404(get_user_model(), pk=pk)
    visible = ReviewAssignment.objects.visible_to(request.user).filter(reviewer=person)
    if not (permissions.is_reviewer(person) or visible.exists()):
        raise Http404
    times, rows = recognition.record_for(request.user, person)
    context = {"person": person, "times": times, "rows": rows}
    return render(request, "reviews/editor_reviewer.html", context)


@editor_required
@require_POST
def rate(request: AuthenticatedHttpRequest, uuid: UUID, assignment_uuid: UUID) -> HttpResponseBase:
    """Rate a completed review's helpfulness, 1 to 3 (editors; never shown to the reviewer)."""
    submission = desk_submission(request, uuid)
    assignment = visible_assignment(request, assignment_uuid)
    if assignment.round.submission_id != submission.pk:
        raise Http404
    score = request.POST.get("helpfulness", "")
    return perform(
        request,
        lambda: services.rate_review(assignment, request.user, helpfulness=score),
        success=lambda: (
            "Rated: "
            + dict(Helpfulness.choices).get(int(score), score).split("·")[-1].strip()
            + ". The reviewer never sees this."
        ),
        redirect_to=submission_url(submission, "#reviews"),
        render=lambda status: render_detail(request, submission, status=status),
    )
