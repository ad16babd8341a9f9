"""Backdating the demo (DESIGN §12): a seeded submission's history is moved to the past
with every timestamp in order, so dates tell one story (issue 14 item 9).

The seeder runs the workflow now; `backdate` then spreads the submission's log over the
weeks before a chosen end and moves every other timestamp of the submission (versions,
files, rounds, invitations, reviews, decisions) to the log entry written next, so nothing
changes order. Invitations are due the configured days after they were sent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from catalog.currency.services import review_by_after
from catalog.models import Resource
from reviews.choices import DecisionKind
from reviews.models import (
    Appeal,
    HelpfulnessRating,
    Review,
    ReviewAssignment,
    Submission,
    SubmissionFile,
)

Retime = Callable[[datetime | None], datetime | None]
SUBMISSION_TIMES = ("created_at", "updated_at", "submitted_at", "state_changed_at")
STEP = timedelta(days=2, hours=5)  # between two events of a backdated history


def _retimer(submission: Submission, end: datetime, step: timedelta) -> Retime:
    """Spread the submission's log over the time before `end`, one `step` apart, and return
    the map from a time of the seeding run to its new time: the new time of the first log
    entry written at or after it. The map keeps order, so every object keeps its place."""
    entries = list(submission.log_entries.order_by("created_at", "pk"))
    seeded = [entry.created_at for entry in entries]
    for i, entry in enumerate(entries):
        entry.created_at = end - step * (len(entries) - 1 - i)
        entry.save(update_fields=["created_at"])

    def retime(moment: datetime | None) -> datetime | None:
        if moment is None or not entries:
            return moment
        return entries[min(bisect_left(seeded, moment), len(entries) - 1)].created_at

    return retime


def _retime(objects: QuerySet, retime: Retime, *fields: str) -> None:
    for obj in objects:
        for field in fields:
            setattr(obj, field, retime(getattr(obj, field)))
        type(obj).objects.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in fields})


def backdate(submission: Submission, end: datetime, step: timedelta = STEP) -> None:
    """Move the submission's history to the weeks before `end`, keeping its order: every
    timestamp of the submission, its versions, rounds, invitations, reviews, decisions, its
    appeal and the editors' ratings of its reviews;
    an invitation is due the configured number of days after it was sent."""
    retime = _retimer(submission, end, step)
    _retime(Submission.objects.filter(pk=submission.pk), retime, *SUBMISSION_TIMES)
    _retime(submission.versions.all(), retime, "created_at", "frozen_at")
    _retime(SubmissionFile.objects.filter(version__submission=submission), retime, "created_at")
    _retime(submission.rounds.all(), retime, "opened_at", "closed_at")
    assignments = ReviewAssignment.objects.filter(round__submission=submission)
    _retime(assignments, retime, "invited_at", "responded_at", "completed_at")
    answer, review = (
        timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS),
        timedelta(days=settings.TOOLKIT_REVIEW_DUE_DAYS),
    )
    for assignment in assignments:
        response_due = timezone.localdate(assignment.invited_at) + answer
        ReviewAssignment.objects.filter(pk=assignment.pk).update(
            response_due=response_due, review_due=response_due + review
        )
    reviews = Review.objects.filter(assignment__round__submission=submission)
    _retime(reviews, retime, "created_at", "updated_at", "submitted_at")
    _retime(submission.decisions.all(), retime, "created_at")
    _retime(Appeal.objects.filter(submission=submission), retime, "filed_at", "decided_at")
    ratings = HelpfulnessRating.objects.filter(review__assignment__round__submission=submission)
    _retime(ratings, retime, "rated_at")


def publication_dates(submission: Submission) -> tuple[datetime, datetime]:
    """(published, peer reviewed) of a published submission: its last publish and accept."""
    published = submission.log_entries.filter(transition="publish").latest("created_at")
    accepted = submission.decisions.filter(kind=DecisionKind.ACCEPT).latest("created_at")
    return published.created_at, accepted.created_at


def backdate_resource(
    resource: Resource | None, dates: dict[int, tuple[datetime, datetime]]
) -> None:
    """Set the catalog dates of each published version, (published, reviewed) by number."""
    versions = list(resource.versions.order_by("number")) if resource else []
    for version in versions:
        version.published_at, version.reviewed_at = dates[version.number]
        version.data = {
            **version.data,
            "published_at": version.published_at.isoformat(),
            "reviewed_at": version.reviewed_at.isoformat(),
        }
        version.save(update_fields=["published_at", "reviewed_at", "data"])
    if versions:
        Resource.objects.filter(pk=versions[0].resource_id).update(
            first_published_at=versions[0].published_at,
            published_at=versions[-1].published_at,
            reviewed_at=versions[-1].reviewed_at,
            review_by=review_by_after(versions[-1].reviewed_at),
        )
