"""Turnaround metrics computed from the transition log."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reviews import metrics, services
from reviews.models import ReviewAssignment, TransitionLog
from tests import factories

pytestmark = pytest.mark.django_db


def shift(submission, transition, days_after_submit):
    start = TransitionLog.objects.get(submission=submission, transition="submit").created_at
    TransitionLog.objects.filter(submission=submission, transition=transition).update(
        created_at=start + timedelta(days=days_after_submit)
    )


def test_median_days_to_first_decision_with_and_without_desk_rejects(reviewers):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["editor"])
    desk = services.submit(factories.draft(owner), owner)
    services.desk_reject(desk, editor, reason="Scope", letter="Sorry.")
    shift(desk, "desk_reject", 2)
    for days in (10, 30):
        submission, _ = factories.in_review(owner, editor, reviewers[:1], completed=1)
        services.request_revisions(submission, editor, letter="Revise.")
        shift(submission, "request_revisions", days)
    result = metrics.days_to_first_decision()
    assert result["median_days_all"] == 10.0
    assert result["median_days_without_desk_rejects"] == 20.0
    assert (result["decided"], result["desk_rejects"]) == (3, 1)


def test_reviewer_response_and_completion_times(reviewers):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["editor"])
    submission, assignments = factories.in_review(owner, editor, reviewers[:2], completed=2)
    now = timezone.now()
    for assignment, (respond, complete) in zip(assignments, [(1, 5), (3, 13)], strict=True):
        ReviewAssignment.objects.filter(pk=assignment.pk).update(
            invited_at=now,
            responded_at=now + timedelta(days=respond),
            completed_at=now + timedelta(days=respond + complete),
        )
    result = metrics.reviewer_times()
    assert result["median_days_to_respond"] == 2.0
    assert result["median_days_to_complete"] == 9.0


def test_acceptance_rate_by_learner_level(reviewers):
    from catalog.models import LearnerLevel

    owner = factories.user("owner")
    editor = factories.user("ed", roles=["editor"])
    residency = list(LearnerLevel.objects.filter(slug="gme-residency"))
    clerkship = list(LearnerLevel.objects.filter(slug="ume-clerkship"))
    accepted, _ = factories.in_review(
        owner, editor, reviewers[:2], completed=2, learner_levels=residency
    )
    services.accept(accepted, editor)
    rejected, _ = factories.in_review(
        owner, editor, reviewers[:2], completed=2, learner_levels=residency + clerkship
    )
    services.reject(rejected, editor, letter="No.")
    factories.in_review(owner, editor, reviewers[:1], learner_levels=clerkship)  # undecided
    rows = {row["level"]: row for row in metrics.acceptance_by_level()}
    assert (rows["gme-residency"]["decided"], rows["gme-residency"]["rate"]) == (2, 0.5)
    assert (rows["ume-clerkship"]["decided"], rows["ume-clerkship"]["rate"]) == (1, 0.0)
    assert rows["cpd-faculty"]["rate"] is None
