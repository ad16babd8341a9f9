"""Currency re-review of a published resource (issue 16 item 4): the editor opens one and
invites one reviewer; the reviewer accepts or declines and submits a short rubric; the
editor re-certifies, asks the authors for an update (a new version opens for them), or
retires the resource (the retire service).

Each action: visibility (404) → role (403) → row locks (the submission's, then the review's)
and the state machine (409) → input (400) → one log row on the submission → e-mails queued
in the transaction (delivered after the commit), as reviews.services.core does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from catalog import services as catalog_services
from catalog.currency.services import review_by_after
from toolkit.errors import Conflict

from .. import emails, permissions
from ..choices import DeclineReason
from ..choices import SubmissionState as S
from ..models import CurrencyReview, Submission
from ..rubric import clean_currency_answers
from .assignments import _due_dates
from .core import after_commit, check_may_run, log, require, run_transition
from .decisions import retire as retire_submission
from .submissions import open_new_version

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from catalog.models import Resource
    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

    from ..models import TransitionLog


def published_submission(resource: Resource) -> Submission | None:
    """The submission whose publication the resource shows now."""
    return (
        Submission.objects.filter(resource=resource, state=S.PUBLISHED)
        .order_by("-state_changed_at", "-pk")
        .first()
    )


def _lock_published(
    resource: Resource, actor: User, *, own_work: str, retired: str
) -> tuple[Submission, Resource]:
    """Inside a transaction: the published submission (404 if none) and the resource, both
    locked; 403 for an editor who is one of its authors, 409 once the resource is retired."""
    submission = published_submission(resource)
    if submission is None:
        raise Http404
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not permissions.can_decide(locked, actor):
        raise PermissionDenied(own_work)
    current = catalog_services.lock_resource(resource.pk)
    if current is None or current.is_retired:
        raise Conflict(retired, state="retired")
    return locked, current


def open_review(resource: Resource, actor: User, *, message: str = "") -> CurrencyReview:
    """An editor opens a currency review of a published resource (one open at a time: 409)."""
    if not permissions.is_editor(actor):
        raise PermissionDenied("Only editors open currency reviews.")
    with transaction.atomic():
        locked, current = _lock_published(
            resource,
            actor,
            own_work="An editor never reviews the currency of their own work.",
            retired="Only a published resource can have a currency review.",
        )
        if CurrencyReview.objects.open().filter(resource=current).exists():
            raise _already_open()
        try:
            with transaction.atomic():
                review = CurrencyReview.objects.create(
                    resource=current, submission=locked, opened_by=actor
                )
        except IntegrityError:
            raise _already_open() from None
        log(locked, actor, "currency_open", locked.state, locked.state, (message or "").strip())
    return review


MAX_REVIEW_BY_YEARS = 10


def set_review_by(resource: Resource, actor: User, *, review_by: date | None) -> Resource:
    """An editor moves a published resource's currency review date (today to ten years on)."""
    if not permissions.is_editor(actor):
        raise PermissionDenied("Only editors set the currency review date.")
    with transaction.atomic():
        locked, current = _lock_published(
            resource,
            actor,
            own_work="An editor never sets the review date of their own work.",
            retired="The resource is no longer published.",
        )
        today = timezone.localdate()
        latest = review_by_after(today, MAX_REVIEW_BY_YEARS)
        if review_by is None or not today <= review_by <= latest:
            raise ValidationError(
                {"review_by": [f"Choose a date from today to {latest:%-d %B %Y}."]}
            )
        before = current.review_by
        current.review_by = review_by
        current.save(update_fields=["review_by", "updated_at"])
        log(
            locked,
            actor,
            "currency_review_by",
            locked.state,
            locked.state,
            f"{before or '—'} → {review_by}",
        )
    return current


def _already_open() -> Conflict:
    return Conflict(
        "A currency review of this resource is already open.",
        state="open",
        code="currency_review_open",
    )


def _lock(review: CurrencyReview, actor: Person) -> CurrencyReview:
    """The review's row, locked after its submission's (404 unless the actor may see it)."""
    if not CurrencyReview.objects.visible_to(actor).filter(pk=review.pk).exists():
        raise Http404
    Submission.objects.select_for_update().filter(pk=review.submission_id).first()
    locked = (
        CurrencyReview.objects.select_for_update(of=("self",))
        .select_related("submission", "resource")
        .filter(pk=review.pk)
        .first()
    )
    if locked is None:
        raise Http404
    return locked


def run_currency(
    review: CurrencyReview,
    actor: User,
    name: str,
    *,
    reason: str = "",
    validate: Callable[[CurrencyReview], None] | None = None,
    effects: Callable[[CurrencyReview], None] | None = None,
    notify: Callable[[TransitionLog, CurrencyReview], object] | None = None,
) -> CurrencyReview:
    """Lock, authorize (403, 409), validate (400), transition, apply effects, log, e-mail."""
    with transaction.atomic():
        locked = _lock(review, actor)
        check_may_run(locked, name, actor)  # type: ignore[arg-type]  # any django-fsm model
        if validate:
            validate(locked)
        from_state = locked.state
        run_transition(locked, name)  # type: ignore[arg-type]  # any django-fsm model
        locked.save()
        if effects:
            effects(locked)
        entry = log(locked.submission, actor, f"currency_{name}", from_state, locked.state, reason)
        if notify:
            after_commit(notify, entry, locked)
    return locked


def invite(
    review: CurrencyReview,
    actor: User,
    *,
    reviewer: User | None,
    response_due: date | None = None,
    review_due: date | None = None,
    message: str = "",
) -> CurrencyReview:
    """The editor invites one reviewer (not an author, no declared conflict)."""

    def validate(locked: CurrencyReview) -> None:
        if reviewer is None or not permissions.is_reviewer(reviewer):
            raise ValidationError({"reviewer": ["Choose a person who holds the reviewer role."]})
        locked.response_due, locked.review_due = _due_dates(response_due, review_due)
        conflict = permissions.conflict_reason(reviewer, locked.submission)
        if conflict:
            raise Conflict(conflict, state=locked.state, code="conflict_of_interest")
        locked.reviewer = reviewer
        locked.message = (message or "").strip()

    return run_currency(review, actor, "invite", validate=validate, notify=emails.currency_invited)


def accept(review: CurrencyReview, actor: User, *, coi_declaration: str = "") -> CurrencyReview:
    """The reviewer accepts, declaring conflicts of interest (or “None”)."""

    def validate(locked: CurrencyReview) -> None:
        require(coi_declaration=coi_declaration)
        locked.coi_declaration = coi_declaration.strip()

    return run_currency(review, actor, "accept", validate=validate, notify=emails.currency_answered)


def decline(
    review: CurrencyReview, actor: User, *, reason: str = "", note: str = ""
) -> CurrencyReview:
    """The reviewer declines with a reason code (a note for “other”); the editor is told."""

    def validate(locked: CurrencyReview) -> None:
        if reason not in DeclineReason.values:
            raise ValidationError(
                {"reason": [f"Choose one of: {', '.join(DeclineReason.values)}."]}
            )
        if reason == DeclineReason.OTHER:
            require(note=note)
        locked.decline_reason = reason

    return run_currency(
        review,
        actor,
        "decline",
        reason=" ".join(filter(None, [reason, (note or "").strip()])),
        validate=validate,
        notify=emails.currency_answered,
    )


def cancel(review: CurrencyReview, actor: User) -> CurrencyReview:
    """The editor withdraws the invitation (the review goes back to open)."""
    return run_currency(review, actor, "cancel")


def submit(
    review: CurrencyReview, actor: User, *, answers: dict | None = None, comments: str = ""
) -> CurrencyReview:
    """The reviewer submits the rubric: every answer, with a comment unless it is yes (400)."""

    def validate(locked: CurrencyReview) -> None:
        cleaned, errors = clean_currency_answers(answers or {})
        if errors:
            raise ValidationError(errors)
        locked.answers = cleaned
        locked.comments = (comments or "").strip()

    return run_currency(
        review, actor, "submit", validate=validate, notify=emails.currency_submitted
    )


def _decided(actor: User, note: str) -> Callable[[CurrencyReview], None]:
    def record(locked: CurrencyReview) -> None:
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_note = note.strip()
        locked.save(update_fields=["decided_by", "decided_at", "decision_note"])

    return record


def recertify(review: CurrencyReview, actor: User, *, note: str = "") -> CurrencyReview:
    """Still current: the resource gets a new “reviewed on” date and review-by date."""
    record = _decided(actor, note or "")

    def effects(locked: CurrencyReview) -> None:
        record(locked)
        resource = catalog_services.lock_resource(locked.resource_id)
        if resource is None or resource.is_retired:
            raise Conflict("The resource is no longer published.", state=locked.state)
        resource.reviewed_at = timezone.now()
        resource.review_by = review_by_after(resource.reviewed_at)
        resource.save(update_fields=["reviewed_at", "review_by", "updated_at"])

    return run_currency(review, actor, "recertify", effects=effects, notify=emails.currency_decided)


def request_update(review: CurrencyReview, actor: User, *, letter: str = "") -> CurrencyReview:
    """The authors are asked for an update: a new version opens for the owner, with a letter."""
    record = _decided(actor, letter or "")

    def effects(locked: CurrencyReview) -> None:
        record(locked)
        locked.update_submission = open_new_version(locked.submission, locked.submission.owner)
        locked.save(update_fields=["update_submission"])

    return run_currency(
        review,
        actor,
        "request_update",
        validate=lambda _locked: require(letter=letter),
        effects=effects,
        notify=emails.currency_decided,
    )


def retire(review: CurrencyReview, actor: User, *, reason: str = "") -> CurrencyReview:
    """No longer current: the resource is retired with the reason (the retire service)."""
    record = _decided(actor, reason or "")

    def effects(locked: CurrencyReview) -> None:
        record(locked)
        retire_submission(locked.submission, actor, reason=reason)

    return run_currency(
        review,
        actor,
        "retire",
        reason=(reason or "").strip(),
        validate=lambda _locked: require(reason=reason),
        effects=effects,
    )


def close_for_retired(submission: Submission) -> None:
    """End the open currency review of a submission being retired (reviews.services.retire,
    under the submission's lock): nothing is left to decide."""
    for review in CurrencyReview.objects.open().select_for_update().filter(submission=submission):
        review.close()
        review.decision_note = "The resource was retired."
        review.decided_at = timezone.now()
        review.save()


DECISIONS: dict[str, Callable[..., CurrencyReview]] = {
    "recertify": recertify,
    "request_update": request_update,
    "retire": retire,
}
