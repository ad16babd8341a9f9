"""Currency re-review pages (issue 16 item 4). Editors: open one from the desk's queue, invite
a reviewer, decide. The reviewer: accept or decline, then submit the rubric. Each POST is one
call to reviews.services.currency (404 / 403 / 409 / 400 there)."""

from __future__ import annotations

from functools import partial, wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from catalog.models import Resource

from .. import anonymity, permissions
from ..forms.currency import (
    DECISION_FORMS,
    CurrencyAcceptForm,
    CurrencyDeclineForm,
    CurrencyInviteForm,
    CurrencyRubricForm,
    ReviewByForm,
)
from ..models import CurrencyReview
from ..rubric import CURRENCY_ANSWERS, CURRENCY_CRITERIA
from ..services import currency as services
from .common import perform
from .editor import editor_required, render_queue

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase

    from .common import AuthenticatedHttpRequest


def _visible(request: AuthenticatedHttpRequest, uuid: UUID) -> CurrencyReview:
    return get_object_or_404(
        CurrencyReview.objects.visible_to(request.user).select_related(
            "resource", "submission", "reviewer", "opened_by", "update_submission"
        ),
        uuid=uuid,
    )


def answers_table(review: CurrencyReview) -> list[dict[str, str]]:
    labels = dict(CURRENCY_ANSWERS)
    return [
        {
            "title": title,
            "answer": labels.get((review.answers.get(key) or {}).get("answer", ""), ""),
            "comment": (review.answers.get(key) or {}).get("comment", ""),
        }
        for key, title, _question in CURRENCY_CRITERIA
    ]


# --- the editor ---------------------------------------------------------------------------


@editor_required
@require_POST
def open_review(request: AuthenticatedHttpRequest, slug: str) -> HttpResponseBase:
    """Open a currency review of a published resource (from the desk's queue)."""
    resource = get_object_or_404(Resource.objects.published(), slug=slug)
    return perform(
        request,
        lambda: services.open_review(resource, request.user),
        success="Currency review opened: invite a reviewer.",
        redirect_to=lambda review: review.get_editor_url(),
        render=partial(render_queue, request),
    )


def _desk_resource(request: AuthenticatedHttpRequest, slug: str) -> Resource:
    """A published resource this editor may handle (404 for their own work)."""
    resource = get_object_or_404(Resource.objects.published(), slug=slug)
    submission = services.published_submission(resource)
    if submission is None or not permissions.can_decide(submission, request.user):
        raise Http404
    return resource


def render_resource(
    request: AuthenticatedHttpRequest,
    resource: Resource,
    *,
    status: int = 200,
    form: ReviewByForm | None = None,
) -> HttpResponse:
    context = {
        "resource": resource,
        "form": form or ReviewByForm(initial={"review_by": resource.review_by}),
        "reviews": CurrencyReview.objects.filter(resource=resource).select_related("reviewer"),
        "open_review": CurrencyReview.objects.open().filter(resource=resource).first(),
        "links": resource.link_checks.all(),
        "flags": resource.term_flags.select_related("term"),
    }
    return render(request, "reviews/currency_resource.html", context, status=status)


@editor_required
@require_safe
def resource_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponseBase:
    """A published resource's currency: its dates, links, terms and currency reviews."""
    return render_resource(request, _desk_resource(request, slug))


@editor_required
@require_POST
def review_by(request: AuthenticatedHttpRequest, slug: str) -> HttpResponseBase:
    resource = _desk_resource(request, slug)
    form = ReviewByForm(request.POST)
    return perform(
        request,
        lambda: services.set_review_by(resource, request.user, **form.cleaned_data),
        success="The currency review date was changed.",
        redirect_to=reverse("reviews:editor-currency-resource", args=[resource.slug]),
        render=partial(render_resource, request, resource, form=form),
        form=form,
    )


def render_editor(
    request: AuthenticatedHttpRequest,
    review: CurrencyReview,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    decisions = {
        name: forms.get(name) or form(prefix=name) for name, form in DECISION_FORMS.items()
    }
    context = {
        "review": review,
        "resource": review.resource,
        "invite_form": forms.get("invite") or CurrencyInviteForm(auto_id="id_invite_%s"),
        "decision_forms": decisions,
        "answers": answers_table(review),
        "log": review.submission.log_entries.filter(transition__startswith="currency_")
        .filter(created_at__gte=review.opened_at)
        .select_related("actor"),
        "links": review.resource.link_checks.all(),
        "flags": review.resource.term_flags.select_related("term"),
    }
    return render(request, "reviews/currency_editor.html", context, status=status)


def editor_review(request: AuthenticatedHttpRequest, uuid: UUID) -> CurrencyReview:
    review = _visible(request, uuid)
    if not permissions.can_decide_currency(review, request.user):
        raise Http404
    return review


@editor_required
@require_safe
def editor_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    return render_editor(request, editor_review(request, uuid))


@editor_required
@require_POST
def invite(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    review = editor_review(request, uuid)
    form = CurrencyInviteForm(request.POST, auto_id="id_invite_%s")
    return perform(
        request,
        lambda: services.invite(review, request.user, **form.cleaned_data),
        success="The reviewer was invited.",
        redirect_to=review.get_editor_url(),
        render=partial(render_editor, request, review, invite=form),
        form=form,
    )


@editor_required
@require_POST
def cancel(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    review = editor_review(request, uuid)
    return perform(
        request,
        lambda: services.cancel(review, request.user),
        success="The invitation was withdrawn: invite someone else.",
        redirect_to=review.get_editor_url(),
        render=partial(render_editor, request, review),
    )


SUCCESS = {
    "recertify": "Re-certified: the resource shows the new review date.",
    "request_update": "The authors were asked for an update; a new version is open for them.",
    "retire": "The resource was retired.",
}


@editor_required
@require_POST
def decide(request: AuthenticatedHttpRequest, uuid: UUID, name: str) -> HttpResponseBase:
    if name not in DECISION_FORMS:
        raise Http404
    review = editor_review(request, uuid)
    form = DECISION_FORMS[name](request.POST, prefix=name)
    return perform(
        request,
        lambda: services.DECISIONS[name](review, request.user, **form.cleaned_data),
        success=SUCCESS[name],
        redirect_to=review.get_editor_url(),
        render=lambda status: render_editor(request, review, status=status, **{name: form}),
        form=form,
    )


# --- the reviewer ------------------------------------------------------------------------


def render_reviewer(
    request: AuthenticatedHttpRequest,
    review: CurrencyReview,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    context = {
        "review": review,
        "told": anonymity.currency_invitation_for(review),
        "metadata": anonymity.currency_resource_for(review),
        "accept_form": forms.get("accept") or CurrencyAcceptForm(prefix="accept"),
        "decline_form": forms.get("decline") or CurrencyDeclineForm(prefix="decline"),
        "rubric_form": forms.get("rubric") or CurrencyRubricForm(prefix="rubric"),
        "answers": answers_table(review),
        "criteria": CURRENCY_CRITERIA,
    }
    return render(request, "reviews/currency_reviewer.html", context, status=status)


def reviewer_review(request: AuthenticatedHttpRequest, uuid: UUID) -> CurrencyReview:
    """The reviewer's own currency review (404 for anyone else, editors included)."""
    review = _visible(request, uuid)
    if not permissions.is_currency_reviewer(review, request.user):
        raise Http404
    return review


@login_required
@require_safe
def reviewer_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    return render_reviewer(request, reviewer_review(request, uuid))


def _reviewer_post(
    view: Callable[[AuthenticatedHttpRequest, CurrencyReview], HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    @login_required
    @require_POST
    def wrapped(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
        return view(request, reviewer_review(request, uuid))  # type: ignore[arg-type]

    return wrapped


@_reviewer_post
def accept(request: AuthenticatedHttpRequest, review: CurrencyReview) -> HttpResponseBase:
    form = CurrencyAcceptForm(request.POST, prefix="accept")
    return perform(
        request,
        lambda: services.accept(review, request.user, **form.cleaned_data),
        success="Thank you: the rubric is below.",
        redirect_to=review.get_absolute_url(),
        render=partial(render_reviewer, request, review, accept=form),
        form=form,
    )


@_reviewer_post
def decline(request: AuthenticatedHttpRequest, review: CurrencyReview) -> HttpResponseBase:
    form = CurrencyDeclineForm(request.POST, prefix="decline")
    return perform(
        request,
        lambda: services.decline(review, request.user, **form.cleaned_data),
        success="You declined; the editor has been told.",
        redirect_to=reverse("reviews:reviewer-assignments"),
        render=partial(render_reviewer, request, review, decline=form),
        form=form,
    )


@_reviewer_post
def submit(request: AuthenticatedHttpRequest, review: CurrencyReview) -> HttpResponseBase:
    form = CurrencyRubricForm(request.POST, prefix="rubric")
    return perform(
        request,
        lambda: services.submit(
            review, request.user, answers=form.answers(), comments=form.cleaned_data["comments"]
        ),
        success="Your currency review was sent to the editor. Thank you.",
        redirect_to=review.get_absolute_url(),
        render=partial(render_reviewer, request, review, rubric=form),
        form=form,
    )
