"""Simultaneous requests: exactly one wins, the others get 409, nothing is doubled (DESIGN §11)."""

import threading

import pytest
from django.core import mail
from django.db import close_old_connections, connection

from reviews import services
from reviews.models import Decision, ReviewAssignment, Submission, TransitionLog
from tests import factories
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(calls):
    """Run the callables at the same moment in threads; return their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            results[i] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


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
