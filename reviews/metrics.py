"""Turnaround metrics for editors, computed from the transition log (DESIGN §1, issue: metrics)."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from statistics import median

from django.db.models import Min, OuterRef, Subquery

from catalog.models import LearnerLevel

from .choices import DecisionKind, SubmissionState
from .models import ReviewAssignment, Submission, TransitionLog

DECISIONS = [k.value for k in DecisionKind]
ACCEPTED_STATES = [SubmissionState.ACCEPTED, SubmissionState.PUBLISHED, SubmissionState.RETIRED]
DAY = 86400


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / DAY


def _median(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(median(values), 1) if values else None


def days_to_first_decision() -> dict:
    """Median days from first submission to first decision, with and without desk rejects."""
    first_decision = TransitionLog.objects.filter(
        submission=OuterRef("submission"), transition__in=DECISIONS, assignment__isnull=True
    ).order_by("created_at", "pk")
    rows = (
        TransitionLog.objects.filter(transition="submit")
        .values("submission")
        .annotate(
            submitted=Min("created_at"),
            decided=Subquery(first_decision.values("created_at")[:1]),
            kind=Subquery(first_decision.values("transition")[:1]),
        )
        .filter(decided__isnull=False)
    )
    all_days, reviewed_days = [], []
    for row in rows:
        days = _days(row["decided"] - row["submitted"])
        all_days.append(days)
        if row["kind"] != DecisionKind.DESK_REJECT:
            reviewed_days.append(days)
    return {
        "median_days_all": _median(all_days),
        "median_days_without_desk_rejects": _median(reviewed_days),
        "decided": len(all_days),
        "desk_rejects": len(all_days) - len(reviewed_days),
    }


def reviewer_times() -> dict:
    """Median days to answer an invitation and to complete an accepted review."""
    responded = ReviewAssignment.objects.filter(responded_at__isnull=False).values_list(
        "invited_at", "responded_at"
    )
    completed = ReviewAssignment.objects.filter(completed_at__isnull=False).values_list(
        "responded_at", "completed_at"
    )
    return {
        "median_days_to_respond": _median(_days(b - a) for a, b in responded),
        "median_days_to_complete": _median(_days(b - a) for a, b in completed if a),
        "responses": len(responded),
        "completed": len(completed),
    }


def acceptance_by_level() -> list[dict]:
    """Share of decided submissions accepted, per learner level (final outcomes only)."""
    decided = Submission.objects.filter(
        state__in=[*ACCEPTED_STATES, SubmissionState.REJECTED]
    ).prefetch_related("learner_levels")
    totals: defaultdict[int, int] = defaultdict(int)
    accepted: defaultdict[int, int] = defaultdict(int)
    for submission in decided:
        for level in submission.learner_levels.all():
            totals[level.pk] += 1
            accepted[level.pk] += submission.state in ACCEPTED_STATES
    return [
        {
            "level": level.slug,
            "name": str(level),
            "decided": totals[level.pk],
            "accepted": accepted[level.pk],
            "rate": round(accepted[level.pk] / totals[level.pk], 3) if totals[level.pk] else None,
        }
        for level in LearnerLevel.objects.all()
    ]


def summary() -> dict:
    return {
        "first_decision": days_to_first_decision(),
        "reviewers": reviewer_times(),
        "acceptance_by_level": acceptance_by_level(),
    }
