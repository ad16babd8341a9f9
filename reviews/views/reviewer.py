"""Reviewer pages (/reviews/): invitations, assignments and the rubric (DESIGN §5–§7, §10).

What a reviewer sees of a submission comes only from `reviews.anonymity`. Every
action is a service call; "Save draft" and "Submit review" save the draft first,
so a refused submission loses nothing typed.
"""

from __future__ import annotations

from functools import partial, wraps
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from toolkit.errors import Conflict, validation_payload

from .. import anonymity, permissions, rubric, services
from ..choices import AssignmentState
from ..forms.reviewer import AcceptForm, DeclineForm, ReviewForm
from ..models import CurrencyReview, Review, ReviewAssignment
from . import common, extensions, signed_out

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date, datetime
    from typing import Any
    from uuid import UUID

    from django.db.models import QuerySet
    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase

    from reviews.anonymity import Viewer

    from ..forms.extensions import ExtensionForm
    from .common import AuthenticatedHttpRequest

A = AssignmentState
UNTITLED = "Untitled submission"
DETAIL_TEMPLATE = "reviews/assignment_detail.html"


def own_assignment(request: AuthenticatedHttpRequest, uuid: UUID) -> ReviewAssignment:
    """The signed-in reviewer's own assignment: 404 if invisible, 403 for an editor looking on."""
    assignment = common.visible_assignment(request, uuid)
    if not permissions.is_assignee(assignment, request.user):
        raise PermissionDenied("This review belongs to another reviewer.")
    return assignment


def title_of(assignment: ReviewAssignment) -> str:
    return anonymity.invitation_for(assignment)["title"] or UNTITLED


def clock(moment: datetime | None = None) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def detail_url(assignment: ReviewAssignment, anchor: str = "") -> str:
    url = assignment.get_absolute_url()
    return f"{url}#{anchor}" if anchor else url


def due_facts(assignment: ReviewAssignment, today: date | None = None) -> dict:
    """The date that matters now, and by how many days it is overdue (0 if not)."""
    today = today or timezone.localdate()
    due = assignment.response_due if assignment.state == A.INVITED else assignment.review_due
    overdue = assignment.is_overdue(today)
    return {"due": due, "overdue": overdue, "days_overdue": (today - due).days if overdue else 0}


# --- reads ------------------------------------------------------------------------


class AssignmentListView(LoginRequiredMixin, ListView):
    """My invitations and assignments with due dates and overdue marks; the rest apart."""

    template_name = "reviews/assignment_list.html"
    context_object_name = "assignments"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not permissions.is_reviewer(request.user):
            raise PermissionDenied("Only reviewers have a review list.")
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ReviewAssignment]:
        return (
            ReviewAssignment.objects.filter(reviewer=self.request.user)
            .select_related("round__submission__owner", "round__version")
            .prefetch_related("round__submission__authors")
            .order_by("-invited_at")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["currency_reviews"] = CurrencyReview.objects.open().filter(
            reviewer=self.request.user
        )
        today = timezone.localdate()
        rows = [
            {"assignment": a, "title": title_of(a), **due_facts(a, today)}
            for a in context["assignments"]
        ]
        context["invitations"] = sorted(
            (r for r in rows if r["assignment"].state == A.INVITED), key=lambda r: r["due"]
        )
        context["in_progress"] = sorted(
            (r for r in rows if r["assignment"].state == A.ACCEPTED), key=lambda r: r["due"]
        )
        context["past"] = [r for r in rows if r["assignment"].state not in (A.INVITED, A.ACCEPTED)]
        return context


def page_context(
    request: AuthenticatedHttpRequest,
    assignment: ReviewAssignment,
    *,
    accept_form: AcceptForm | None = None,
    decline_form: DeclineForm | None = None,
    review_form: ReviewForm | None = None,
    extension_form: ExtensionForm | None = None,
) -> dict[str, Any]:
    """Everything the assignment page shows, as anonymity gives it to this reviewer."""
    told = anonymity.invitation_for(assignment)
    visible = assignment.state in anonymity.REVIEWER_VISIBLE_STATES
    context: dict[str, Any] = {
        "assignment": assignment,
        "title": told["title"] or UNTITLED,
        "reviewer_label": anonymity.reviewer_label(assignment),
        "editor_note": told["note"],
        "can_see_submission": visible,
        **due_facts(assignment),
    }
    if not visible:  # declined or cancelled: the submission is no longer theirs to read
        return context
    context.update(
        _round_context(anonymity.Viewer(request.user, assignment.submission), assignment)
    )
    if assignment.state == A.INVITED:
        context["accept_form"] = accept_form or AcceptForm()
        context["decline_form"] = decline_form or DeclineForm()
    if assignment.state == A.ACCEPTED:
        context.update(_draft_context(assignment, review_form))
        context.update(extensions.reviewer_context(assignment, extension_form))
    return context


def _round_context(viewer: Viewer, assignment: ReviewAssignment) -> dict:
    """The version under review, the reviewer's own review and, once the round is decided,
    the other reviews and the decision."""
    review_round = assignment.round
    own_label = anonymity.reviewer_name_for(viewer, assignment)
    reviews = [r for r in anonymity.reviews_for(viewer) if r["round"] == review_round.number]
    context: dict[str, Any] = {
        "viewer": viewer,
        "metadata": anonymity.reviewer_metadata(viewer.submission, review_round.version, viewer),
        "files": anonymity.files_for(viewer, review_round.version),
        "submission_uuid": viewer.submission.uuid,
        "own_review": next((r for r in reviews if r["reviewer"] == own_label), None),
        "round_closed": review_round.closed_at is not None,
    }
    if review_round.closed_at is not None:
        context["other_reviews"] = [r for r in reviews if r["reviewer"] != own_label]
        context["decisions"] = [
            d for d in anonymity.decisions_for(viewer) if d["round"] == review_round.number
        ]
    return context


def _draft_context(assignment: ReviewAssignment, review_form: ReviewForm | None) -> dict:
    """The rubric form with the saved draft, and when it was saved."""
    review = Review.objects.filter(assignment=assignment).first()
    has_draft = bool(
        review
        and (
            review.answers
            or review.recommendation
            or review.comments_to_authors
            or review.confidential_comments
        )
    )
    return {
        "review": review,
        "scale": sorted(rubric.ANCHORS.items()),
        "draft_saved_at": review.updated_at if review and has_draft else None,
        "review_form": review_form or ReviewForm(initial=ReviewForm.initial_for(review)),
    }


class AssignmentDetailView(LoginRequiredMixin, DetailView):
    """One assignment: the anonymised submission, then the answer or the rubric it needs now.
    A rubric posted while signed out (signed_out.keep) comes back here, in the form, unsaved."""

    template_name = DETAIL_TEMPLATE
    context_object_name = "assignment"
    request: AuthenticatedHttpRequest  # LoginRequiredMixin: a real user

    def get_object(self, queryset: QuerySet[ReviewAssignment] | None = None) -> ReviewAssignment:
        return own_assignment(self.request, self.kwargs["uuid"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        forms: dict[str, Any]
        forms, restored = {}, {}
        kept = signed_out.kept_for(self.request, self.object)
        if kept and self.object.state == A.ACCEPTED:
            forms["review_form"] = ReviewForm(kept["data"])
            restored["restored_at"] = kept["at"]
        elif kept:
            signed_out.forget(self.request, self.object.uuid)
            messages.warning(
                self.request,
                "The review you sent while signed out could not be put back: "
                "this review is no longer open for writing.",
            )
        context = page_context(self.request, self.object, **forms)
        return {**super().get_context_data(**kwargs), **context, **restored}


def current_version(assignment: ReviewAssignment) -> int:
    """The saved draft's version (0 before the first save)."""
    return (
        Review.objects.filter(assignment=assignment).values_list("version", flat=True).first() or 0
    )


def render_page(
    request: AuthenticatedHttpRequest,
    assignment: ReviewAssignment,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    """The assignment page again (with the forms as typed), after a refused POST.
    A rubric posted from an out-of-date page is shown on top of the saved draft's version."""
    fresh = own_assignment(request, assignment.uuid)  # its state may have changed meanwhile
    review_form = forms.get("review_form")
    if review_form is not None and not review_form.version_is_clean():
        review_form.rebase(current_version(fresh))
    return render(request, DETAIL_TEMPLATE, page_context(request, fresh, **forms), status=status)


# --- actions (POST only) ----------------------------------------------------------------


def reviewer_post(
    view: Callable[..., HttpResponseBase] | None = None, *, keep_rubric: bool = False
) -> Any:
    """POST only (405 otherwise). Someone signed out signs in and comes back to the page,
    not to the POST-only URL; then the assignment must be their own (404/403). With
    `keep_rubric`, the rubric they posted is kept until then (signed_out)."""
    if view is None:
        return partial(reviewer_post, keep_rubric=keep_rubric)

    @require_POST
    @wraps(view)
    def wrapper(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
        if not common.signed_in(request):
            if keep_rubric:
                return signed_out.sign_in_to_keep(request, uuid)
            return redirect_to_login(reverse("reviews:reviewer-assignment", args=[uuid]))
        return view(request, own_assignment(request, uuid))

    return wrapper


@reviewer_post
def accept(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """Accept the invitation with a conflict-of-interest declaration."""
    form = AcceptForm(request.POST)
    page = partial(render_page, request, assignment, accept_form=form)
    return common.perform(
        request,
        lambda: services.accept_invitation(assignment, request.user, **form.cleaned_data),
        success="Thank you for accepting. Your answers are saved as a draft until you submit.",
        redirect_to=detail_url(assignment, "your-review"),
        render=page,
        form=form,
    )


@reviewer_post
def decline(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """Decline with a reason code, a note (required for “other”) and perhaps a suggestion."""
    form = DeclineForm(request.POST)
    page = partial(render_page, request, assignment, decline_form=form)
    return common.perform(
        request,
        lambda: services.decline_invitation(assignment, request.user, **form.cleaned_data),
        success="You declined the invitation. Thank you for letting the editors know.",
        redirect_to=reverse("reviews:reviewer-assignments"),
        render=page,
        form=form,
    )


def stale_message(error: Conflict) -> str:
    return (
        f"This review was changed in another tab or window at {error.extra['saved_at']}, "
        "after this page was loaded, so your text was not saved. It is kept below: save "
        "again to replace the saved draft with it, or reload the page to see the saved draft."
    )


def save_draft(
    request: AuthenticatedHttpRequest, assignment: ReviewAssignment, form: ReviewForm
) -> Review:
    """Save the posted rubric. One based on an older draft version (a stale tab) is refused
    with the text kept and shown on top of the saved version, so saving again replaces it."""
    try:
        review = services.save_review_draft(assignment, request.user, **form.draft())
    except Conflict as error:
        if error.code != services.STALE_DRAFT:
            raise
        form.rebase(error.extra["version"])  # type: ignore[arg-type]  # STALE_DRAFT carries the int version
        raise Conflict(stale_message(error), state=error.state, code=error.code) from error
    signed_out.forget(request, assignment.uuid)
    return review


@reviewer_post(keep_rubric=True)
def save(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """“Save draft” without JavaScript: save and come back to the rubric."""
    form = ReviewForm(request.POST)
    page = partial(render_page, request, assignment, review_form=form)
    return common.perform(
        request,
        lambda: save_draft(request, assignment, form),
        success=f"Draft saved at {clock()}.",
        redirect_to=detail_url(assignment, "your-review"),
        render=page,
        form=form,
    )


@reviewer_post(keep_rubric=True)
def submit(request: AuthenticatedHttpRequest, assignment: ReviewAssignment) -> HttpResponseBase:
    """Save the draft, then submit it; what is still missing is listed at the top (400)."""
    form = ReviewForm(request.POST)
    page = partial(render_page, request, assignment, review_form=form)

    def call() -> None:
        review = save_draft(request, assignment, form)
        form.rebase(review.version)  # saved: a refused submit shows the text as that version
        try:
            services.complete_review(assignment, request.user)
        except ValidationError:
            messages.info(
                request,
                f"Your draft was saved at {clock()}. Answer what is listed below to submit it.",
            )
            raise

    return common.perform(
        request,
        call,
        success="Thank you: your review was submitted to the editors.",
        redirect_to=detail_url(assignment),
        render=page,
        form=form,
    )


@require_POST
def autosave(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
    """JavaScript's background save: {"saved_at": "14:32", "updated_at": ISO, "version": n}
    or {"errors": {field: [messages]}} (400); 403, 404 and 409 answer {"detail": …}, and a
    stale save (another tab saved since) 409 {"code": "stale_draft", "version", "saved_at"}."""
    if not common.signed_in(request):
        return signed_out.sign_in_to_keep(request, uuid)
    try:
        assignment = own_assignment(request, uuid)
        form = ReviewForm(request.POST)
        if not form.is_valid():
            errors = form.errors.get_json_data()
            return JsonResponse(
                {"errors": {name: [e["message"] for e in errs] for name, errs in errors.items()}},
                status=400,
            )
        review = services.save_review_draft(assignment, request.user, **form.draft())
    except ValidationError as error:
        return JsonResponse({"errors": validation_payload(error)}, status=400)
    except Conflict as error:
        return JsonResponse(error.as_dict(), status=409)
    except PermissionDenied as error:
        return JsonResponse({"detail": str(error) or "Not allowed."}, status=403)
    except Http404:
        return JsonResponse({"detail": "Not found."}, status=404)
    signed_out.forget(request, uuid)
    saved = timezone.localtime(review.updated_at)
    return JsonResponse(
        {"saved_at": clock(saved), "updated_at": saved.isoformat(), "version": review.version}
    )
