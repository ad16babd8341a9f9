"""Review assignments (DESIGN §5): invitations, answers, conflicts, rubric drafts and completion."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from reviews import services
from reviews.choices import AssignmentState as A
from reviews.models import Review, ReviewAssignment
from tests import factories
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("owner", display_name="Olive Owner", affiliation="Hillside University")


@pytest.fixture
def editor(db):
    return factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")


@pytest.fixture
def reviewing(owner, editor, reviewers):
    submission, _ = factories.in_review(owner, editor)
    return submission


def test_the_author_is_refused_as_a_reviewer_with_the_reason(reviewing, editor, owner):
    owner.groups.add(*factories.user("tmp", roles=["reviewer"]).groups.all())
    owner = type(owner).objects.get(pk=owner.pk)
    with pytest.raises(Conflict, match="is an author") as error:
        services.invite(reviewing, editor, reviewer=owner)
    assert error.value.code == "conflict_of_interest"
    assert not ReviewAssignment.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("conflict_institutions", "Hillside University", "institution"),
        ("conflict_people", "olive owner", "declared a conflict"),
        ("conflict_people", "owner@example.org", "declared a conflict"),
    ],
)
def test_a_declared_conflict_is_refused(reviewing, editor, reviewers, field, value, message):
    reviewer = reviewers[0]
    setattr(reviewer, field, value)
    reviewer.save()
    with pytest.raises(Conflict, match=message):
        services.invite(reviewing, editor, reviewer=reviewer)


def test_a_conflict_declared_by_the_author_is_refused_too(reviewing, editor, owner, reviewers):
    owner.conflict_people = "Reviewer Person 1"
    owner.save()
    with pytest.raises(Conflict, match="An author declared"):
        services.invite(reviewing, editor, reviewer=reviewers[0])


def test_a_person_without_the_reviewer_role_cannot_be_invited(reviewing, editor):
    plain = factories.user("plain")
    with pytest.raises(ValidationError) as error:
        services.invite(reviewing, editor, reviewer=plain)
    assert "reviewer" in error.value.message_dict


def test_a_reviewer_is_invited_once_per_round(reviewing, editor, reviewers):
    services.invite(reviewing, editor, reviewer=reviewers[0])
    with pytest.raises(Conflict) as error:
        services.invite(reviewing, editor, reviewer=reviewers[0])
    assert error.value.code == "already_invited"


def test_a_declined_reviewer_may_be_invited_again_in_the_same_round(reviewing, editor, reviewers):
    first = services.invite(reviewing, editor, reviewer=reviewers[0])
    services.decline_invitation(first, reviewers[0], reason="too_busy")
    again = services.invite(reviewing, editor, reviewer=reviewers[0])
    accepted = services.accept_invitation(again, reviewers[0], coi_declaration="None.")
    assert accepted.reviewer_number == 1
    assert ReviewAssignment.objects.get(pk=first.pk).reviewer_number is None


def test_invitations_need_an_open_round(owner, editor, reviewers):
    submission = services.submit(factories.draft(owner), owner)
    with pytest.raises(Conflict):
        services.invite(submission, editor, reviewer=reviewers[0])


def test_due_dates_default_from_settings_and_must_be_ordered(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    today = timezone.localdate()
    assert assignment.response_due == today + timedelta(days=7)
    assert assignment.review_due == today + timedelta(days=35)
    with pytest.raises(ValidationError):
        services.invite(
            reviewing,
            editor,
            reviewer=reviewers[1],
            response_due=today,
            review_due=today - timedelta(days=1),
        )


def test_reviewer_numbers_are_stable_across_rounds(owner, editor, reviewers):
    submission, (a1, a2) = factories.in_review(owner, editor, reviewers[:2], completed=2)
    services.request_revisions(submission, editor, letter="Please revise.")
    services.resubmit(submission, owner, response_letter="Revised.")
    services.send_to_review(submission, editor)
    b3 = services.invite(submission, editor, reviewer=reviewers[2])
    b2 = services.invite(submission, editor, reviewer=reviewers[1])
    b3 = services.accept_invitation(b3, reviewers[2], coi_declaration="None.")
    b2 = services.accept_invitation(b2, reviewers[1], coi_declaration="None.")
    assert (number(a1), number(a2)) == (1, 2)
    assert (b3.reviewer_number, b2.reviewer_number) == (3, 2)


def number(assignment):
    return ReviewAssignment.objects.get(pk=assignment.pk).reviewer_number


def test_an_invitation_has_no_reviewer_number_until_it_is_accepted(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    assert assignment.reviewer_number is None
    accepted = services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    assert accepted.reviewer_number == 1


def test_reviewers_are_numbered_in_the_order_they_accept_skipping_those_who_decline(
    reviewing, editor, reviewers
):
    first, second, third = (services.invite(reviewing, editor, reviewer=r) for r in reviewers)
    services.accept_invitation(third, reviewers[2], coi_declaration="None.")
    services.decline_invitation(second, reviewers[1], reason="too_busy")
    services.accept_invitation(first, reviewers[0], coi_declaration="None.")
    assert (number(first), number(second), number(third)) == (2, None, 1)


def test_the_database_refuses_an_accepted_assignment_without_a_number(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewAssignment.objects.filter(pk=assignment.pk).update(reviewer_number=None)


def test_accepting_needs_a_conflict_of_interest_declaration(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    with pytest.raises(ValidationError):
        services.accept_invitation(assignment, reviewers[0], coi_declaration="")
    accepted = services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    assert accepted.state == A.ACCEPTED and accepted.responded_at is not None
    assert Review.objects.filter(assignment=assignment).exists()


def test_only_the_invited_reviewer_answers(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    with pytest.raises(Http404):
        services.accept_invitation(assignment, reviewers[1], coi_declaration="None.")
    with pytest.raises(PermissionDenied):
        services.accept_invitation(assignment, editor, coi_declaration="None.")


@pytest.mark.parametrize(
    ("reason", "note", "ok"),
    [
        ("too_busy", "", True),
        ("other", "", False),
        ("other", "On leave", True),
        ("bored", "", False),
    ],
)
def test_declining_takes_a_reason_code_and_a_note_for_other(
    reviewing, editor, reviewers, reason, note, ok
):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    if ok:
        declined = services.decline_invitation(
            assignment, reviewers[0], reason=reason, note=note, suggestion="Dr Someone Else"
        )
        assert declined.state == A.DECLINED
        assert declined.suggested_reviewer == "Dr Someone Else"
    else:
        with pytest.raises(ValidationError):
            services.decline_invitation(assignment, reviewers[0], reason=reason, note=note)


def test_editors_cancel_and_reviewers_cannot(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    with pytest.raises(PermissionDenied):
        services.cancel_assignment(assignment, reviewers[0])
    assert services.cancel_assignment(assignment, editor).state == A.CANCELLED
    with pytest.raises(Conflict):
        services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")


def test_a_review_draft_saves_only_valid_values(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    with pytest.raises(Conflict):  # not accepted yet
        services.save_review_draft(assignment, reviewers[0], answers={})
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    with pytest.raises(ValidationError) as error:
        services.save_review_draft(assignment, reviewers[0], answers={"objectives": {"score": 9}})
    assert "objectives.score" in error.value.message_dict
    review = services.save_review_draft(
        assignment,
        reviewers[0],
        answers={"objectives": {"score": "4", "concerns": "Vague"}},
        comments_to_authors="Half done",
    )
    assert review.answers == {"objectives": {"score": 4, "concerns": "Vague"}}


def test_completing_needs_every_required_answer_and_keeps_the_draft(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    partial = {"objectives": {"score": 4}, "evaluation": {"implemented": False}}
    services.save_review_draft(
        assignment, reviewers[0], answers=partial, comments_to_authors="So far so good."
    )
    with pytest.raises(ValidationError) as error:
        services.complete_review(assignment, reviewers[0])
    missing = error.value.message_dict
    assert "grounding.score" in missing and "recommendation" in missing
    assert "compliance.rights" in missing
    assert "evaluation.score" not in missing  # not implemented: no score needed
    assert "objectives.score" not in missing
    review = Review.objects.get(assignment=assignment)
    assert review.answers == partial and review.submitted_at is None
    assert ReviewAssignment.objects.get(pk=assignment.pk).state == A.ACCEPTED


def test_a_completed_review_is_final(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    factories.review_and_complete(assignment, reviewers[0])
    assignment.refresh_from_db()
    assert assignment.state == A.COMPLETED and assignment.completed_at is not None
    with pytest.raises(Conflict):
        services.save_review_draft(assignment, reviewers[0], comments_to_authors="changed")


def test_a_decision_closes_the_open_assignments_of_the_round(owner, editor, reviewers):
    submission, (done, waiting, invited) = factories.in_review(
        owner, editor, reviewers, completed=1
    )
    services.accept_invitation(waiting, reviewers[1], coi_declaration="None.")
    services.request_revisions(submission, editor, letter="Please revise.")
    states = dict(ReviewAssignment.objects.values_list("reviewer__username", "state"))
    assert states == {"rev1": A.COMPLETED, "rev2": A.CLOSED, "rev3": A.CLOSED}


def test_withdrawal_closes_open_assignments(owner, editor, reviewers):
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=0)
    services.withdraw(submission, owner, reason="Found an error.")
    assert set(ReviewAssignment.objects.values_list("state", flat=True)) == {A.CLOSED}
    assert submission.rounds.get().closed_at is not None


def test_editors_remind_at_most_once_a_day(reviewing, editor, reviewers):
    assignment = services.invite(reviewing, editor, reviewer=reviewers[0])
    services.remind(assignment, editor)
    with pytest.raises(Conflict) as error:
        services.remind(assignment, editor)
    assert error.value.code == "already_reminded"
