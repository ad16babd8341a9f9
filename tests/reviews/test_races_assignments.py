"""Simultaneous requests on review assignments and drafts: one winner, the rest 409 or the
defined outcome; one log row and one e-mail per recipient (DESIGN §11, issue 11 item 8)."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reviews import services
from reviews.models import Review, ReviewAssignment, SentReminder, TransitionLog
from reviews.services import reminders
from tests import factories
from tests.races import THREADS, outcomes, race
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def invited(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    return assignment, reviewers[0], editor


def fresh(assignment):
    return ReviewAssignment.objects.get(pk=assignment.pk)


def logged(assignment, transition):
    return TransitionLog.objects.filter(assignment=assignment, transition=transition).count()


def mail_count():
    return Counter(address for message in mail.outbox for address in message.to)


ASSIGNMENT_CALLS = {
    "accept": lambda a, reviewer, editor: services.accept_invitation(
        fresh(a), reviewer, coi_declaration="None."
    ),
    "decline": lambda a, reviewer, editor: services.decline_invitation(
        fresh(a), reviewer, reason="too_busy"
    ),
    "cancel": lambda a, reviewer, editor: services.cancel_assignment(fresh(a), editor),
    "complete": lambda a, reviewer, editor: services.complete_review(fresh(a), reviewer),
}


@pytest.mark.parametrize("name", sorted(ASSIGNMENT_CALLS))
def test_identical_assignment_requests_at_once_run_the_transition_once(name, invited):
    assignment, reviewer, editor = invited
    if name == "complete":
        services.accept_invitation(assignment, reviewer, coi_declaration="None.")
        services.save_review_draft(
            assignment,
            reviewer,
            answers=factories.COMPLETE_ANSWERS,
            recommendation="accept",
            comments_to_authors="Runnable.",
        )
    mail.outbox.clear()
    call = ASSIGNMENT_CALLS[name]
    results = race([lambda: call(assignment, reviewer, editor)] * THREADS)
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    assert logged(assignment, name) == 1
    counts = mail_count()
    assert counts and set(counts.values()) == {1}, counts
    assert Review.objects.filter(assignment=assignment).count() == int(
        name in ("accept", "complete")
    )


def test_reminders_sent_at_once_by_several_editors_go_out_once(invited):
    assignment, reviewer, editor = invited
    editors = [editor, *(factories.user(f"ed{i}", roles=["editor"]) for i in range(THREADS - 1))]
    mail.outbox.clear()
    results = race([lambda e=e: services.remind(fresh(assignment), e) for e in editors])
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"already_reminded"}
    assert logged(assignment, "remind") == 1
    assert mail_count() == {reviewer.email: 1}


def overdue(assignment):
    ReviewAssignment.objects.filter(pk=assignment.pk).update(
        response_due=timezone.localdate() - timedelta(days=1)
    )


def test_reminder_sweeps_run_at_once_send_each_reminder_once(invited):
    assignment, reviewer, editor = invited
    overdue(assignment)
    mail.outbox.clear()
    results = race([services.send_due_reminders] * THREADS)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert sum(results) == 2  # the overdue reminder and the editor's notice, once each
    assert SentReminder.objects.filter(assignment=assignment).count() == 2
    assert mail_count() == {reviewer.email: 1, editor.email: 1}


def test_an_assignment_cancelled_while_the_sweep_runs_is_not_reminded(reviewers, monkeypatch):
    """The sweep reads the open assignments first; one cancelled after that read (here by the
    editor, while the sweep reminds the assignment before it) must not be reminded."""
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    _, (first, second) = factories.in_review(owner, editor, reviewers[:2])
    overdue(first)
    overdue(second)
    log = reminders.log

    def log_then_cancel_the_second(submission, actor, transition, *args, assignment=None):
        *args, assignment = (*args, assignment) if len(args) < 4 else args
        entry = log(submission, actor, transition, *args, assignment)
        reminding_first = transition.startswith("remind") and assignment == first
        if reminding_first and fresh(second).state == "invited":
            services.cancel_assignment(fresh(second), editor)
        return entry

    monkeypatch.setattr(reminders, "log", log_then_cancel_the_second)
    services.send_due_reminders()
    assert fresh(second).state == "cancelled"
    assert not SentReminder.objects.filter(assignment=second).exists()
    assert not TransitionLog.objects.filter(
        assignment=second, transition__startswith="remind"
    ).exists()


def test_drafts_saved_at_once_on_one_version_keep_exactly_one_of_them(invited):
    """Eight tabs, all loaded at version 0, save at once: one is saved, seven are stale."""
    assignment, reviewer, _ = invited
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    texts = [f"Comments from tab {i}." for i in range(THREADS)]
    results = race(
        [
            lambda t=t: services.save_review_draft(
                fresh(assignment), reviewer, version=0, comments_to_authors=t
            )
            for t in texts
        ]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"stale_draft"}
    review = Review.objects.get(assignment=assignment)
    assert review.version == 1
    winner = next(r for r in results if isinstance(r, Review))
    assert review.comments_to_authors == winner.comments_to_authors
