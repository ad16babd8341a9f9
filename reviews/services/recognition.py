"""Reviewer recognition: an editor rates how helpful a completed review was (1 to 3).

Editors only, and never on their own work: the rating is never shown to the reviewer nor
to the authors. Like every action it locks the submission's row, then the assignment's
(core.locked_assignment), and logs one row on the timeline, which only editors read
(reviews.anonymity.EDITORS_ONLY). It sends no e-mail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from toolkit.errors import Conflict

from .. import permissions
from ..choices import AssignmentState, Helpfulness
from ..models import HelpfulnessRating, Review, ReviewAssignment
from .core import lock_assignment, log

if TYPE_CHECKING:
    from toolkit.accounts.models import User

RATE = "rate_review"


def _score(value: object) -> int:
    """The rating as an integer from 1 to 3, else 400."""
    try:
        score = int(str(value).strip())
    except (TypeError, ValueError):
        score = 0
    if score not in Helpfulness.values:
        raise ValidationError({"helpfulness": ["Choose 1, 2 or 3."]})
    return score


def rate_review(assignment: ReviewAssignment, actor: User, *, helpfulness: object = None) -> int:
    """An editor rates a completed review's helpfulness: 404 for an assignment the editor may
    not see (their own work's), 403 for anyone but an editor who may decide, 409 before the
    review is submitted, 400 for a rating other than 1, 2 or 3. Returns the rating."""
    with transaction.atomic():
        locked = lock_assignment(assignment, actor)
        submission = locked.round.submission
        if not permissions.can_decide(submission, actor):
            raise PermissionDenied("Only editors rate the helpfulness of reviews.")
        review = Review.objects.filter(assignment=locked, submitted_at__isnull=False).first()
        if locked.state != AssignmentState.COMPLETED or review is None:
            raise Conflict(
                "Only a submitted review can be rated.", state=locked.state, code="not_completed"
            )
        score = _score(helpfulness)
        HelpfulnessRating.objects.update_or_create(
            review=review,
            defaults={"score": score, "rated_by": actor, "rated_at": timezone.now()},
        )
        state = submission.state
        log(submission, actor, RATE, state, state, reason=str(score), assignment=locked)
    return score
