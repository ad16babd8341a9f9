"""Review rounds, review assignments (invitation → answer → review), reviews and decisions."""

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
from ..choices import (
    ACTIVE_ASSIGNMENT_STATES,
    NUMBERED_ASSIGNMENT_STATES,
    OPEN_ASSIGNMENT_STATES,
    AssignmentState,
    DecisionKind,
    DeclineReason,
    Recommendation,
)
from .submission import Submission

if TYPE_CHECKING:
    from datetime import date

    from toolkit.accounts.permissions import Person

A = AssignmentState


class ReviewRound(models.Model):
    """One round of review of one version. At most one open round per submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    version = models.ForeignKey(
        "reviews.SubmissionVersion", on_delete=models.PROTECT, related_name="rounds"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="reviews_round_unique_number"
            ),
            models.UniqueConstraint(
                fields=["submission"],
                condition=Q(closed_at__isnull=True),
                name="reviews_one_open_round_per_submission",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission} round {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user: Person | None) -> Self:
        """Assignments this user may see: their own, or all of them for editors."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if permissions.is_editor(user):
            # An editor never sees who reviews their own work.
            return self.exclude(round__submission__owner=user).exclude(
                round__submission__authors__user=user
            )
        return self.filter(reviewer=user)

    def open(self) -> Self:
        return self.filter(state__in=OPEN_ASSIGNMENT_STATES)


class ReviewAssignment(fsm.ConcurrentTransitionMixin, models.Model):
    """An invitation to review one round, and its answer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    reviewer_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Given when the reviewer first accepts in this submission and kept across "
        "rounds: shown to authors as “Reviewer N”. None for an invitation never accepted.",
    )
    state = fsm.FSMField(
        default=A.INVITED, choices=A.choices, protected=True, db_index=True, max_length=16
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    message = models.TextField(blank=True, help_text="A personal note from the editor.")
    response_due = models.DateField()
    review_due = models.DateField()
    responded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    coi_declaration = models.TextField(
        "conflict-of-interest declaration",
        blank=True,
        help_text="Declared on accepting; “None” if there is none.",
    )
    decline_reason = models.CharField(max_length=32, choices=DeclineReason.choices, blank=True)
    decline_note = models.TextField(blank=True)
    suggested_reviewer = models.CharField(max_length=300, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["round", models.F("reviewer_number").asc(nulls_last=True), "invited_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state__in=NUMBERED_ASSIGNMENT_STATES)
                | Q(reviewer_number__isnull=False),
                name="reviews_accepted_assignment_has_a_number",
            ),
            models.UniqueConstraint(
                fields=["round", "reviewer"],
                condition=Q(state__in=ACTIVE_ASSIGNMENT_STATES),
                name="reviews_one_active_assignment_per_round_reviewer",
            ),
        ]

    def __str__(self) -> str:
        who = f"Reviewer {self.reviewer_number}" if self.reviewer_number else "Invitation"
        return f"{who} on {self.round}"

    def get_absolute_url(self) -> str:
        """The reviewer's page of the assignment."""
        return reverse("reviews:reviewer-assignment", args=[self.uuid])

    @property
    def submission(self) -> Submission:
        return self.round.submission

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.state == A.INVITED:
            return today > self.response_due
        if self.state == A.ACCEPTED:
            return today > self.review_due
        return False

    @fsm.transition(
        field=state,
        source=A.INVITED,
        target=A.ACCEPTED,
        permission=permissions.is_assignee,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def accept(self) -> None:
        """The invited reviewer agrees to review."""
        self.responded_at = timezone.now()

    @fsm.transition(
        field=state,
        source=A.INVITED,
        target=A.DECLINED,
        permission=permissions.is_assignee,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def decline(self) -> None:
        """The invited reviewer declines, with a reason."""
        self.responded_at = timezone.now()

    @fsm.transition(
        field=state,
        source=OPEN_ASSIGNMENT_STATES,
        target=A.CANCELLED,
        permission=permissions.can_cancel_assignment,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def cancel(self) -> None:
        """An editor withdraws the invitation."""

    @fsm.transition(
        field=state,
        source=A.ACCEPTED,
        target=A.COMPLETED,
        permission=permissions.is_assignee,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def complete(self) -> None:
        """The reviewer submits the review."""
        self.completed_at = timezone.now()

    @fsm.transition(field=state, source=OPEN_ASSIGNMENT_STATES, target=A.CLOSED)
    def close(self) -> None:
        """The round ended (a decision or a withdrawal) before this assignment finished."""


class Review(models.Model):
    """The rubric answers of one assignment: a server-side draft until submitted."""

    assignment = models.OneToOneField(
        ReviewAssignment, on_delete=models.CASCADE, related_name="review"
    )
    answers = models.JSONField(default=dict, blank=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices, blank=True)
    comments_to_authors = models.TextField(blank=True)
    confidential_comments = models.TextField("confidential comments to the editor", blank=True)
    version = models.PositiveIntegerField(
        default=0,
        help_text="Counts the saves of the draft: a save names the version it was based on, "
        "and one based on an older version (a stale tab) is refused.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assignment"]

    def __str__(self) -> str:
        return f"Review by {self.assignment}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Decision(models.Model):
    """An editorial decision with its letter."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    round = models.ForeignKey(
        ReviewRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    letter = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submission", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.submission}"
