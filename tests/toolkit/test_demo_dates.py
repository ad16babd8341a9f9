"""The seeded demo tells a consistent story in time (issue 14 item 9).

For every submission: created ≤ submitted ≤ each round opened ≤ its invitations ≤ their
answers ≤ completed reviews ≤ the round's decision ≤ the next version submitted; the log is
in time order; an invitation is due the configured number of days after it was sent;
nothing happened in the future; a catalog version was published after it was accepted.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from catalog.models import Resource
from reviews.models import ReviewAssignment, Submission

pytestmark = pytest.mark.django_db

Problems = list[str]


def _in_order(label: str, moments: list[tuple[str, datetime | None]]) -> Problems:
    """A problem for each named moment earlier than the one before it (None is skipped)."""
    known = [(name, moment) for name, moment in moments if moment is not None]
    return [
        f"{label}: {name} ({moment:%Y-%m-%d %H:%M}) before {before} ({earlier:%Y-%m-%d %H:%M})"
        for (before, earlier), (name, moment) in zip(known, known[1:], strict=False)
        if moment < earlier
    ]


Moments = list[tuple[str, datetime | None]]


def _story(submission: Submission) -> list[Moments]:
    """Chains of the submission's moments, each in the order the workflow makes them happen:
    the submission's own, then one per invitation from its round's opening to its decision."""
    chains: list[Moments] = []
    main: Moments = [("created", submission.created_at), ("submitted", submission.submitted_at)]
    for review_round in submission.rounds.order_by("number"):
        opened = (f"round {review_round.number} opened", review_round.opened_at)
        decided = [(f"decision {d.kind}", d.created_at) for d in review_round.decisions.all()]
        closed = (f"round {review_round.number} closed", review_round.closed_at)
        main += [opened, *decided, closed]
        chains += [
            [
                opened,
                (f"invited #{a.pk}", a.invited_at),
                (f"answered #{a.pk}", a.responded_at),
                (f"completed #{a.pk}", a.completed_at),
                *(decided if a.completed_at else []),
            ]
            for a in review_round.assignments.all()
        ]
    main += [(f"decision {d.kind}", d.created_at) for d in submission.decisions.filter(round=None)]
    return [main, *chains]


def _log_in_order(submission: Submission) -> Problems:
    entries = submission.log_entries.order_by("pk")
    return _in_order(
        f"{submission.title[:40]} log", [(e.transition, e.created_at) for e in entries]
    )


def _due_dates(submission: Submission) -> Problems:
    """Due the configured days after the invitation; an open one is not yet overdue."""
    window = timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS)
    today = timezone.localdate()
    problems = []
    for a in ReviewAssignment.objects.filter(round__submission=submission):
        sent = timezone.localdate(a.invited_at)
        if a.response_due - sent != window:
            problems.append(f"{submission.title[:40]}: invited {sent}, answer due {a.response_due}")
        due = {"invited": a.response_due, "accepted": a.review_due}.get(a.state)
        if due is not None and due < today:
            problems.append(f"{submission.title[:40]}: an open invitation overdue since {due}")
    return problems


def _not_in_future(submission: Submission, now: datetime) -> Problems:
    moments = [m for chain in _story(submission) for m in chain]
    moments.append(("state changed", submission.state_changed_at))
    moments += [(f"log {e.transition}", e.created_at) for e in submission.log_entries.all()]
    return [
        f"{submission.title[:40]}: {name} in the future ({moment:%Y-%m-%d})"
        for name, moment in moments
        if moment is not None and moment > now
    ]


def _versions_in_order(resource: Resource) -> Problems:
    """Each version of a resource is submitted after the previous one was published."""
    submissions = list(Submission.objects.filter(resource=resource).order_by("pk"))
    problems = []
    for previous, following in zip(submissions, submissions[1:], strict=False):
        published = previous.log_entries.filter(transition="publish").first()
        problems += _in_order(
            f"{resource.title[:40]} versions",
            [
                ("published", published.created_at if published else None),
                ("next version created", following.created_at),
                ("next version submitted", following.submitted_at),
            ],
        )
    return problems


def _publication_after_acceptance(resource: Resource) -> Problems:
    problems = []
    for version in resource.versions.all():
        problems += _in_order(
            f"{resource.title[:40]} v{version.number}",
            [("accepted", version.reviewed_at), ("published", version.published_at)],
        )
    accepts = [
        d.created_at
        for submission in Submission.objects.filter(resource=resource)
        for d in submission.decisions.filter(kind="accept")
    ]
    if resource.reviewed_at not in accepts:
        problems.append(f"{resource.title[:40]}: peer reviewed on a day no editor accepted it")
    return problems


@pytest.fixture
def seeded() -> datetime:
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", "--force", stdout=devnull)
    return timezone.now()


def test_every_seeded_submission_and_resource_tells_its_story_in_time_order(
    seeded: datetime,
) -> None:
    problems: Problems = []
    for submission in Submission.objects.order_by("pk"):
        for chain in _story(submission):
            problems += _in_order(submission.title[:40], chain)
        problems += _log_in_order(submission)
        problems += _due_dates(submission)
        problems += _not_in_future(submission, seeded)
    for resource in Resource.objects.order_by("pk"):
        problems += _versions_in_order(resource)
        problems += _publication_after_acceptance(resource)
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:40])
