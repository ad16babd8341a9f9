"""Requests for more time at the same moment (issue 14 item 5): one winner, the rest 409, and a
consistent state on both databases: one answer, one log row, one e-mail, the right due date."""

import itertools
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail

from reviews import services
from reviews.models import ExtensionRequest, ReviewAssignment, TransitionLog
from tests import factories
from tests.races import THREADS, outcomes, race
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def writing(reviewers):
    """(the first reviewer's accepted assignment, that reviewer, the editor)."""
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    _, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    return fresh(assignment), reviewers[0], editor


def fresh(assignment):
    return ReviewAssignment.objects.get(pk=assignment.pk)


def fresh_request(extension):
    return ExtensionRequest.objects.get(pk=extension.pk)


def ask(assignment, reviewer, days=7):
    return services.request_extension(
        fresh(assignment),
        reviewer,
        requested_due=assignment.review_due + timedelta(days=days),
        reason="Exams.",
    )


def answers(assignment):
    return TransitionLog.objects.filter(
        assignment=assignment, transition__in=["approve_extension", "refuse_extension"]
    ).count()


def test_requests_sent_at_once_leave_exactly_one_waiting(writing):
    assignment, reviewer, editor = writing
    mail.outbox.clear()
    results = race([lambda d=d: ask(assignment, reviewer, days=d) for d in range(1, THREADS + 1)])
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"extension_pending"}
    assert ExtensionRequest.objects.filter(state="pending").count() == 1
    assert TransitionLog.objects.filter(transition="request_extension").count() == 1
    assert Counter(m.to[0] for m in mail.outbox) == {editor.email: 1}


ANSWERS = {
    "approve": lambda extension, editor: services.approve_extension(
        fresh_request(extension), editor
    ),
    "refuse": lambda extension, editor: services.refuse_extension(
        fresh_request(extension), editor, note="No."
    ),
}


@pytest.mark.parametrize("names", list(itertools.combinations_with_replacement(ANSWERS, 2)))
def test_two_editors_answering_at_once_answer_once(writing, names):
    assignment, reviewer, editor = writing
    other_editor = factories.user("ed2", roles=["contributor", "editor"])
    extension = ask(assignment, reviewer)
    mail.outbox.clear()
    results = race(
        [
            lambda n=n, e=e: ANSWERS[n](extension, e)
            for n, e in zip(names, (editor, other_editor), strict=True)
        ]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": 1}, results
    winner = next(r for r in results if isinstance(r, ExtensionRequest))
    stored = fresh_request(extension)
    assert stored.state == winner.state and stored.answered_by_id == winner.answered_by_id
    expected_due = extension.requested_due if stored.state == "approved" else extension.due_before
    assert fresh(assignment).review_due == expected_due
    assert answers(assignment) == 1
    assert [m.to for m in mail.outbox] == [[reviewer.email]]


def test_an_approval_and_a_withdrawal_at_once_leave_one_of_them(writing):
    assignment, reviewer, editor = writing
    extension = ask(assignment, reviewer)
    results = race(
        [
            lambda: services.approve_extension(fresh_request(extension), editor),
            lambda: services.withdraw_extension(fresh_request(extension), reviewer),
        ]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": 1}, results
    stored = fresh_request(extension)
    assert stored.state in ("approved", "withdrawn")
    moved = stored.state == "approved"
    assert fresh(assignment).review_due == (
        extension.requested_due if moved else extension.due_before
    )
    assert answers(assignment) == int(moved)


def test_a_request_and_a_cancelled_assignment_at_once_leave_nothing_to_answer(writing):
    assignment, reviewer, editor = writing
    results = race(
        [
            lambda: ask(assignment, reviewer),
            lambda: services.cancel_assignment(fresh(assignment), editor),
        ]
    )
    assert isinstance(results[1], ReviewAssignment), results  # the cancel always wins its race
    assert fresh(assignment).state == "cancelled"
    if isinstance(results[0], Exception):  # cancelled first: the request is refused
        assert isinstance(results[0], Conflict) and results[0].code == "not_in_progress"
        assert not ExtensionRequest.objects.exists()
    assert not ExtensionRequest.objects.awaiting().exists()
    if ExtensionRequest.objects.exists():  # asked first: it can no longer be answered
        with pytest.raises(Conflict):
            services.approve_extension(ExtensionRequest.objects.get(), editor)
