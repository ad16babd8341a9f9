"""A currency re-review of a published resource: one reviewer, a short rubric, a decision.

The state machine carries it (open → invited → accepted → submitted → re-certified, update
requested or retired; a declined or cancelled invitation goes back to open). Permission
checks, locking, logging and e-mail live in `reviews.services.currency`.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Self

import django_fsm as fsm
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .. import permissions
from ..choices import OPEN_CURRENCY_STATES, CurrencyState, DeclineReason
from .submission import Submission

if TYPE_CHECKING:
    from toolkit.accounts.permissions import Person

C = CurrencyState


class CurrencyReviewQuerySet(models.QuerySet):
    def visible_to(self, user: Person | None) -> Self:
        """Editors see those of work they are not authors of; a reviewer sees their own."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if permissions.is_editor(user):
            return self.exclude(submission__owner=user).exclude(submission__authors__user=user)
        return self.filter(reviewer=user)

    def open(self) -> Self:
        return self.filter(state__in=OPEN_CURRENCY_STATES)


class CurrencyReview(fsm.ConcurrentTransitionMixin, models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resource = models.ForeignKey(
        "catalog.Resource", on_delete=models.CASCADE, related_name="currency_reviews"
    )
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="currency_reviews",
        help_text="The published submission: its authors, its log.",
    )
    state = fsm.FSMField(
        default=C.OPEN, choices=C.choices, protected=True, db_index=True, max_length=20
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    # --- the invitation
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="currency_reviews",
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(blank=True, help_text="A note from the editor to the reviewer.")
    response_due = models.DateField(null=True, blank=True)
    review_due = models.DateField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    coi_declaration = models.TextField(blank=True)
    decline_reason = models.CharField(max_length=32, choices=DeclineReason.choices, blank=True)
    # --- the review
    answers = models.JSONField(default=dict, blank=True)
    comments = models.TextField("comments to the editor", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # --- the decision
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    update_submission = models.ForeignKey(
        Submission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The new version opened for the authors (update requested).",
    )

    objects = CurrencyReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource"],
                condition=Q(state__in=OPEN_CURRENCY_STATES),
                name="reviews_one_open_currency_review_per_resource",
            )
        ]

    def __str__(self) -> str:
        return f"Currency review of {self.resource} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        """The reviewer's page."""
        return reverse("reviews:reviewer-currency", args=[self.uuid])

    def get_editor_url(self) -> str:
        return reverse("reviews:editor-currency", args=[self.uuid])

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_CURRENCY_STATES

    # --- Transitions (fields only; see reviews.services.currency)
    @fsm.transition(
        field=state,
        source=C.OPEN,
        target=C.INVITED,
        permission=permissions.can_decide_currency,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def invite(self) -> None:
        """The editor invites one reviewer."""
        self.invited_at = timezone.now()

    @fsm.transition(
        field=state,
        source=C.INVITED,
        target=C.ACCEPTED,
        permission=permissions.is_currency_reviewer,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def accept(self) -> None:
        """The reviewer agrees to review."""
        self.responded_at = timezone.now()

    @fsm.transition(
        field=state,
        source=C.INVITED,
        target=C.OPEN,
        permission=permissions.is_currency_reviewer,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def decline(self) -> None:
        """The reviewer declines: the editor invites someone else."""
        self.responded_at = timezone.now()
        self.reviewer = None

    @fsm.transition(
        field=state,
        source=[C.INVITED, C.ACCEPTED],
        target=C.OPEN,
        permission=permissions.can_decide_currency,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def cancel(self) -> None:
        """The editor withdraws the invitation."""
        self.reviewer = None
        self.coi_declaration = ""
        self.answers = {}

    @fsm.transition(
        field=state,
        source=C.ACCEPTED,
        target=C.SUBMITTED,
        permission=permissions.is_currency_reviewer,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def submit(self) -> None:
        """The reviewer submits the currency rubric."""
        self.submitted_at = timezone.now()

    @fsm.transition(
        field=state,
        source=C.SUBMITTED,
        target=C.RECERTIFIED,
        permission=permissions.can_decide_currency,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def recertify(self) -> None:
        """Still current: a new “reviewed on” date, no new version."""

    @fsm.transition(
        field=state,
        source=C.SUBMITTED,
        target=C.UPDATE_REQUESTED,
        permission=permissions.can_decide_currency,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def request_update(self) -> None:
        """The authors are asked for a new version."""

    @fsm.transition(
        field=state,
        source=C.SUBMITTED,
        target=C.RETIRED,
        permission=permissions.can_decide_currency,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def retire(self) -> None:
        """No longer current: the resource is retired, with a reason."""

    @fsm.transition(field=state, source=OPEN_CURRENCY_STATES, target=C.RETIRED)
    def close(self) -> None:
        """The resource was retired by the editors' retire action while this review was open."""
