"""Editor desk (/editor/): the queue with turnaround metrics, and one submission's page.

Every view is for editors only (anonymous: login; others: 403). Submissions come
through Submission.objects.on_desk_of: a draft is a 404, and so is a submission the
editor is an author of (owner, or co-author linked by e-mail): it leaves their desk,
and they follow it as an author only, at /submissions/<uuid>/.
"""

from __future__ import annotations

from functools import wraps
from itertools import groupby
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from toolkit.errors import Conflict
from toolkit.mail import services as mail_services

from .. import (
    anonymity,
    desk,
    metrics,
    permissions,
    progress,
    recognition,
    rubric,
    services,
    suggestions,
)
from ..choices import OPEN_ASSIGNMENT_STATES, Helpfulness, SubmissionState
from ..flags import identity_flags
from ..forms.editor import (
    DECISION_FORMS,
    CancelAssignmentForm,
    DecisionForm,
    InviteForm,
    QueueFilterForm,
)
from ..models import ReviewAssignment, Submission
from ..services.core import transition_meta
from . import extensions
from .common import perform, visible_assignment
from .decision_letter import letter_decision, letter_step, same_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any
    from uuid import UUID

    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase

    from reviews.anonymity import Viewer
    from toolkit.accounts.permissions import Person

    from .common import AuthenticatedHttpRequest


def editor_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Signed in (else the login page) and an editor (else 403)."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not permissions.is_editor(request.user):
            raise PermissionDenied("Only editors use the editor desk.")
        return view(request, *args, **kwargs)

    return wrapped


def submission_url(submission: Submission, anchor: str = "") -> str:
    return submission.get_editor_url() + anchor


# --- pages ----------------------------------------------------------------------


@editor_required
@require_safe
def queue(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The queue by state with filters, and the turnaround metrics."""
    return render_queue(request)


def render_queue(request: AuthenticatedHttpRequest, status: int = 200) -> HttpResponse:
    """The desk; `status` for a POST from it that failed (e.g. opening a currency review)."""
    form = QueueFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        status = 400
    context: dict[str, Any] = {
        "form": form,
        "sections": desk.queue(request.user, **form.filters()),
        "metrics": metrics.summary(),
        "undelivered_mail": mail_services.undelivered().count(),
        "currency": desk.currency_queue(request.user),
    }
    return render(request, "reviews/editor_queue.html", context, status=status)


def desk_submission(request: AuthenticatedHttpRequest, uuid: UUID) -> Submission:
    """A submission on this editor's desk, else 404 (a draft, or their own work)."""
    return get_object_or_404(Submission.objects.on_desk_of(request.user), uuid=uuid)


@editor_required
@require_safe
def submission_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Everything about one submission, and the forms for what the editor may do now.

    `?decision=<name>` is the second step of the decision without JavaScript: the letter
    drafted for the decision picked."""
    return render_detail(
        request, desk_submission(request, uuid), chosen=request.GET.get("decision", "")
    )


def render_detail(
    request: AuthenticatedHttpRequest,
    submission: Submission,
    *,
    bound: dict | None = None,
    status: int = 200,
    chosen: str = "",
    kept_letter: str | None = None,
) -> HttpResponse:
    """The submission page; `bound` forms (by key) replace the blank ones after a failed POST.

    `chosen` and `kept_letter`: the decision picked and the letter kept for it (see
    decision_letter)."""
    submission = Submission.objects.get(pk=submission.pk)  # fresh: a POST may have lost a race
    user = request.user
    viewer = anonymity.Viewer(user, submission)
    bound = bound or {}
    deciding = permissions.can_decide(submission, user)
    flags = identity_flags(submission, viewer)
    context: dict[str, Any] = {
        "submission": submission,
        "viewer": viewer,
        "deciding": deciding,
        "flags_as_written": [f for f in flags if not f["redacted"]],
        "flags_redacted": [f for f in flags if f["redacted"]],
        "assignment_rounds": _assignment_rounds(user, submission, bound),
        "metadata": anonymity.metadata_for(viewer),
        "versions": [
            {"version": v, "files": anonymity.files_for(viewer, v)}
            for v in submission.versions.order_by("-number")
        ],
        "decision_letters": anonymity.decisions_for(viewer),
        "appeal": anonymity.appeal_for(viewer),
        "timeline": anonymity.log_for(viewer),
        "rounds": _review_rounds(viewer),
        "required_reviews": settings.TOOLKIT_REVIEWS_REQUIRED,
        "helpfulness_choices": Helpfulness.choices,
        "completed_reviews": submission.completed_review_count(),
        "live_url": _live_url(submission),
    }
    context["needed_now"] = progress.needed_now(
        submission,
        completed=context["completed_reviews"],
        assignments=_open_round_assignments(context["assignment_rounds"]),
    )
    context["extensions"] = extensions.editor_context(submission, viewer, bound)
    shown = {  # the keys of the forms this page shows
        f"cancel:{a.uuid}"
        for r in context["assignment_rounds"]
        for a in r["assignments"]
        if a.state in OPEN_ASSIGNMENT_STATES
    } | {extensions.refuse_key(row["extension"]) for row in context["extensions"]["awaiting"]}
    if deciding:
        context.update(_decision_context(submission, user, bound, shown))
        context["letter"] = letter_step(
            submission,
            [form for form in context["decisions"] if form.has_letter()],
            chosen,
            kept_letter,
        )
        context["actions"] = [form for form in context["decisions"] if not form.has_letter()]
    return render(request, "reviews/editor_submission.html", context, status=status)


def _open_round_assignments(assignment_rounds: list[dict]) -> list[ReviewAssignment]:
    """The assignments of the open round (the latest, if open) among those on the page."""
    if assignment_rounds and assignment_rounds[0]["round"].is_open:
        return list(assignment_rounds[0]["assignments"])
    return []


def _live_url(submission: Submission) -> str:
    """The public page of a published submission ("" before Publish and once retired)."""
    resource = submission.resource
    if submission.state != SubmissionState.PUBLISHED or resource is None or resource.is_retired:
        return ""
    return resource.get_absolute_url()


def _decision_context(submission: Submission, user: Person, bound: dict, shown: Any) -> dict:
    """The decisions the editor may take now, those a condition holds back, the invitation
    form, and what was typed into a form that an action lost to a race took off the page."""
    available = services.available_transitions(submission, user)
    context: dict[str, Any] = {
        "decisions": [
            bound.get(name) or form_class(submission=submission)
            for name, form_class in DECISION_FORMS.items()
            if name in available
        ],
        "blocked": _blocked(submission, user, available),
    }
    shown = shown | set(available)
    if submission.state == SubmissionState.IN_REVIEW and submission.open_round:
        context["suggestions"] = suggestions.suggest_reviewers(submission)
        context["reviewer_times"] = recognition.times_for(
            user, [s.reviewer.pk for s in context["suggestions"]]
        )
        context["invite_form"] = bound.get("invite") or InviteForm(
            submission=submission, suggestions=context["suggestions"]
        )
        shown.add("invite")
    context["unsent"] = [form for key, form in bound.items() if key not in shown and form.is_bound]
    return context


def _review_rounds(viewer: Viewer) -> list[dict]:
    """Completed reviews by round, latest round first, each with its side-by-side table."""
    rows = anonymity.reviews_for(viewer)
    rounds = []
    for number, group in groupby(rows, key=lambda row: row["round"]):
        reviews = list(group)
        rounds.append({"number": number, "reviews": reviews, "table": rubric.compare(reviews)})
    return rounds[::-1]


def _assignment_rounds(user: Person, submission: Submission, bound: dict) -> list[dict]:
    assignments = (
        ReviewAssignment.objects.visible_to(user)
        .filter(round__submission=submission)
        .select_related("reviewer", "round__version")
        .order_by("-round__number", F("reviewer_number").asc(nulls_last=True), "invited_at")
    )
    rounds = []
    for review_round, group in groupby(assignments, key=lambda a: a.round):
        items = list(group)
        for assignment in items:
            key = f"cancel:{assignment.uuid}"
            assignment.cancel_form = bound.get(key) or CancelAssignmentForm(assignment=assignment)
            # e.g. a reviewer who became a co-author (by e-mail) after the invitation
            assignment.conflict = (
                permissions.conflict_reason(assignment.reviewer, submission)
                if assignment.state in OPEN_ASSIGNMENT_STATES
                else None
            )
        rounds.append({"round": review_round, "assignments": items})
    return rounds


def _blocked(submission: Submission, user: Person, available: Any) -> list[dict]:
    """Decisions this state allows but a condition holds back, with the engine's reason."""
    reasons = []
    for name, form_class in DECISION_FORMS.items():
        if name in available or not transition_meta(submission, name).has_transition(
            submission.state
        ):
            continue  # offered, or not from this state at all: nothing to explain
        try:
            services.authorize(submission, name, user)
        except Conflict as error:
            if error.code == "condition_not_met":
                reasons.append({"label": form_class.label, "reason": error.detail})
        except PermissionDenied:
            pass
    return reasons


# --- actions (POST only) -----------------------------------------------------------
# Each looks the submission up on the editor's desk (404) and hands it to its service, which
# checks who may act (403) and when (409).


@editor_required
@require_POST
def invite(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """Invite a reviewer (an author or a declared conflict: 409 with the reason)."""
    submission = desk_submission(request, uuid)
    form = InviteForm(request.POST)
    return perform(
        request,
        lambda: services.invite(submission, request.user, **form.cleaned_data),
        success=lambda: f"{form.cleaned_data['reviewer']} has been invited to review.",
        redirect_to=submission_url(submission, "#reviewers"),
        render=lambda status: render_detail(
            request, submission, bound={"invite": form}, status=status
        ),
        form=form,
    )


@editor_required
@require_POST
def decide(request: AuthenticatedHttpRequest, uuid: UUID, name: str) -> HttpResponseBase:
    """Run one editorial transition by name, with the text it needs."""
    form_class = DECISION_FORMS.get(name)
    if form_class is None:
        raise Http404
    return _decide(request, desk_submission(request, uuid), name, form_class)


@editor_required
@require_POST
def decision(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponseBase:
    """The decision with one letter (decision_letter): "Continue" goes to the letter of the
    decision picked; "Send decision" runs it, unless the decision was changed after the
    letter was edited: then the letter is kept on the page for the editor to check."""
    submission = desk_submission(request, uuid)
    name = request.POST.get("decision", "")
    form_class = letter_decision(name)
    if form_class is None:
        messages.error(request, "Choose a decision first.")
        return render_detail(request, submission, status=400)
    step_two = f"{submission_url(submission)}?decision={name}#decision"
    if "continue" in request.POST:
        return redirect(step_two)
    drafted_for = letter_decision(request.POST.get("letter_for", ""))
    if drafted_for is not form_class:
        typed = request.POST.get("letter", "")
        draft = drafted_for.draft(submission) if drafted_for else ""
        if not typed.strip() or same_text(typed, draft):
            return redirect(step_two)
        messages.warning(
            request,
            f"You changed the decision to “{form_class.label}” after editing the letter. "
            "Your letter is kept: check that it fits this decision, then send it.",
        )
        return render_detail(request, submission, chosen=name, kept_letter=typed)
    return _decide(request, submission, name, form_class)


def _decide(
    request: AuthenticatedHttpRequest,
    submission: Submission,
    name: str,
    form_class: type[DecisionForm],
) -> HttpResponse:
    form = form_class(request.POST, submission=submission)
    return perform(
        request,
        lambda: services.run_action(
            services.SUBMISSION_ACTIONS, name, submission, request.user, form.cleaned_data
        ),
        success=form_class.success,
        redirect_to=submission_url(submission),
        render=lambda status: render_detail(request, submission, bound={name: form}, status=status),
        form=form,
    )


def _assignment_of(
    request: AuthenticatedHttpRequest, submission: Submission, assignment_uuid: UUID
) -> ReviewAssignment:
    assignment = visible_assignment(request, assignment_uuid)
    if assignment.round.submission_id != submission.pk:
        raise Http404
    return assignment


@editor_required
@require_POST
def remind(
    request: AuthenticatedHttpRequest, uuid: UUID, assignment_uuid: UUID
) -> HttpResponseBase:
    """E-mail the reviewer a reminder now (once a day: 409 for a second one)."""
    submission = desk_submission(request, uuid)
    assignment = _assignment_of(request, submission, assignment_uuid)
    return perform(
        request,
        lambda: services.remind(assignment, request.user),
        success=f"A reminder has been sent to {assignment.reviewer}.",
        redirect_to=submission_url(submission, "#reviewers"),
        render=lambda status: render_detail(request, submission, status=status),
    )


@editor_required
@require_POST
def cancel(
    request: AuthenticatedHttpRequest, uuid: UUID, assignment_uuid: UUID
) -> HttpResponseBase:
    """Cancel an invitation or an accepted assignment."""
    submission = desk_submission(request, uuid)
    assignment = _assignment_of(request, submission, assignment_uuid)
    form = CancelAssignmentForm(request.POST, assignment=assignment)

    return perform(
        request,
        lambda: services.cancel_assignment(assignment, request.user, **form.cleaned_data),
        success=f"The assignment of {assignment.reviewer} has been cancelled.",
        redirect_to=submission_url(submission, "#reviewers"),
        render=lambda status: render_detail(
            request, submission, bound={f"cancel:{assignment.uuid}": form}, status=status
        ),
        form=form,
    )
