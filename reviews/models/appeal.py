"""An appeal of a rejection: the authors' reasons, and another editor's answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import AppealOutcome
from .review import Decision
from .submission import Submission


class Appeal(models.Model):
    """One per submission: the authors may appeal a rejection once (DESIGN: appeals).

    The submission's own state machine runs the workflow (rejected → appealed → rejected
    or in review); this row keeps what was said: the reasons, the decision appealed, who
    answered, the outcome and the letter.
    """

    submission = models.OneToOneField(
        Submission, on_delete=models.CASCADE, related_name="appeal_record"
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="appeals", help_text="The rejection."
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.TextField()
    filed_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(
        max_length=12, choices=AppealOutcome.choices, default=AppealOutcome.PENDING, blank=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    letter = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]

    def __str__(self) -> str:
        return f"Appeal of {self.submission} ({self.get_outcome_display()})"
