"""Simultaneous requests: exactly one wins, the others get 409, nothing is doubled (DESIGN §11)."""

from collections import Counter

import pytest
from django.core import mail

from reviews import services
from reviews.models import Decision, ReviewAssignment, Submission, TransitionLog
from tests import factories
from tests.races import THREADS, outcomes, race
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def reviewed(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    submission, assignments = factories.in_review(owner, editor, reviewers[:2], completed=2)
    mail.outbox.clear()
    return submission, editor, owner


def test_eight_editors_accepting_at_once_make_one_decision(reviewed):
    submission, editor, owner = reviewed
    others = [factories.user(f"ed{i}", roles=["editor"]) for i in range(7)]
    editors = [editor, *others]
    results = race(
        [
            lambda e=e: services.accept(Submission.objects.get(pk=submission.pk), e, letter="Yes")
            for e in editors
        ]
    )
    wins = [r for r in results if isinstance(r, Submission)]
    conflicts = [r for r in results if isinstance(r, Conflict)]
    assert len(wins) == 1, results
    assert len(conflicts) == 7, results
    assert Decision.objects.filter(submission=submission).count() == 1
    accepts = TransitionLog.objects.filter(submission=submission, transition="accept")
    assert accepts.filter(assignment__isnull=True).count() == 1
    decision_mail = [m for m in mail.outbox if "Decision" in m.subject]
    assert [m.to[0] for m in decision_mail] == ["owner@example.org"]


def test_eight_identical_requests_by_one_editor_make_one_decision(reviewed):
    submission, editor, _ = reviewed
    results = race(
        [lambda: services.reject(Submission.objects.get(pk=submission.pk), editor, letter="No")] * 8
    )
    assert sum(isinstance(r, Submission) for r in results) == 1
    assert sum(isinstance(r, Conflict) for r in results) == 7
    assert Decision.objects.filter(submission=submission).count() == 1


def test_accepting_an_invitation_while_it_is_cancelled_serializes_cleanly(reviewers):
    """Either order is legal (cancel works on accepted work too), but never both at once:
    the invitation ends cancelled, a late accept gets 409, and each success logs one row."""
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    for _ in range(3):
        results = race(
            [
                lambda a=assignment: services.accept_invitation(
                    ReviewAssignment.objects.get(pk=a.pk), reviewers[0], coi_declaration="None."
                ),
                lambda a=assignment: services.cancel_assignment(
                    ReviewAssignment.objects.get(pk=a.pk), editor
                ),
            ]
        )
        accepted, cancelled = results
        assert isinstance(cancelled, ReviewAssignment), results
        assert isinstance(accepted, ReviewAssignment | Conflict), results
        assert ReviewAssignment.objects.get(pk=assignment.pk).state == "cancelled"
        logged = TransitionLog.objects.filter(assignment=assignment)
        assert logged.filter(transition="cancel").count() == 1
        assert logged.filter(transition="accept").count() == int(
            isinstance(accepted, ReviewAssignment)
        )
        assignment = services.invite(submission, editor, reviewer=reviewers[0])


# --- every submission transition: N identical requests, one winner ------------------------


def fresh(submission):
    return Submission.objects.get(pk=submission.pk)


def one_mail_per_recipient():
    recipients = Counter(address for message in mail.outbox for address in message.to)
    assert all(n == 1 for n in recipients.values()), recipients
    return recipients


TRANSITION_STARTS = {
    "submit": "draft",
    "withdraw": "in_review",
    "desk_reject": "submitted",
    "send_to_review": "submitted",
    "request_revisions": "in_review",
    "resubmit": "revisions_requested",
    "accept": "in_review",
    "reject": "in_review",
    "publish": "accepted",
    "retire": "published",
}


@pytest.mark.parametrize("name", sorted(TRANSITION_STARTS))
def test_identical_transition_requests_at_once_run_the_transition_once(name, reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    submission = factories.submission_in(TRANSITION_STARTS[name], owner, editor, reviewers)
    versions, rounds = submission.versions.count(), submission.rounds.count()
    mail.outbox.clear()
    results = race([lambda: factories.transition(name, fresh(submission), owner, editor)] * THREADS)
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    logged = TransitionLog.objects.filter(submission=submission, assignment__isnull=True)
    assert logged.filter(transition=name).count() == 1
    one_mail_per_recipient()
    submission = fresh(submission)
    assert submission.versions.count() == versions + (name == "request_revisions")
    assert submission.rounds.count() == rounds + (name == "send_to_review")
    if name == "publish":
        assert submission.resource.versions.count() == 1


# --- services with a check before acting ----------------------------------------------------


@pytest.fixture
def published(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    return factories.submission_in("published", owner, editor, reviewers), owner, editor


def test_new_version_requests_at_once_start_one_draft(published):
    """Issue 11 item 8: ten "start a new version" POSTs made two drafts."""
    submission, owner, _ = published
    results = race([lambda: services.start_new_version(fresh(submission), owner)] * 10)
    assert outcomes(results) == {"ok": 1, "Conflict": 9}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"version_in_progress"}
    drafts = Submission.objects.filter(resource=submission.resource_id, state="draft")
    assert drafts.count() == 1
    assert TransitionLog.objects.filter(submission__in=drafts, transition="create").count() == 1
