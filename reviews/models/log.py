"""What happened: the transition log, and the reminders already sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .review import ReviewAssignment
from .submission import Submission


class TransitionLog(models.Model):
    """One row per transition or workflow event, written in the same transaction."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="log_entries")
    assignment = models.ForeignKey(
        ReviewAssignment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="log_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    transition = models.CharField(max_length=40)
    from_state = models.CharField(max_length=32)
    to_state = models.CharField(max_length=32)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "transition log entry"
        verbose_name_plural = "transition log"

    def __str__(self) -> str:
        return f"{self.transition}: {self.from_state} → {self.to_state}"


class SentReminder(models.Model):
    """A reminder already sent, so that `send_reminders` never sends it twice."""

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "kind"], name="reviews_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.assignment}"
