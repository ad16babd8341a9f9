"""A reviewer's request for more time on an accepted review, and the editor's answer."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..choices import AssignmentState, ExtensionState
from .review import ReviewAssignment


class ExtensionQuerySet(models.QuerySet):
    def awaiting(self) -> ExtensionQuerySet:
        """Pending requests an editor can still answer: their review is still being written."""
        return self.filter(state=ExtensionState.PENDING, assignment__state=AssignmentState.ACCEPTED)


class ExtensionRequest(models.Model):
    """More time asked for one review: the date wanted and why; approved (the review's due
    date moves), refused (with an optional note) or withdrawn. One pending at a time."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="extension_requests"
    )
    state = models.CharField(
        max_length=16, choices=ExtensionState.choices, default=ExtensionState.PENDING
    )
    due_before = models.DateField(help_text="The review's due date when the request was made.")
    requested_due = models.DateField("new date asked for")
    reason = models.TextField()
    requested_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="The editor's note to the reviewer on refusing.")

    objects = ExtensionQuerySet.as_manager()

    class Meta:
        ordering = ["assignment", "requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment"],
                condition=Q(state="pending"),
                name="reviews_one_pending_extension_per_assignment",
            ),
            models.CheckConstraint(
                condition=Q(requested_due__gt=models.F("due_before")),
                name="reviews_extension_is_later",
            ),
        ]

    def __str__(self) -> str:
        return f"More time to {self.requested_due:%Y-%m-%d} ({self.get_state_display()})"

    @property
    def is_pending(self) -> bool:
        return self.state == ExtensionState.PENDING
