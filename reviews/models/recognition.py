"""Reviewer recognition: an editor's rating of how helpful a completed review was.

Editors only: the rating is never shown to the reviewer (page, API, e-mail) nor to the
authors; reviews.anonymity never reads it, and its log entries are the editors' alone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import Helpfulness
from .review import Review


class HelpfulnessRating(models.Model):
    """The latest rating of one review (an editor may change it; each change is logged)."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="helpfulness")
    score = models.PositiveSmallIntegerField(choices=Helpfulness.choices)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=3),
                name="reviews_helpfulness_score_1_to_3",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_score_display()}: {self.review}"
