"""One numbering of reviewers per submission (issue 14 item 6): a reviewer becomes "Reviewer N"
on accepting, so the timeline, the reviews and the letter use the same contiguous numbers."""

import html
from importlib import import_module

import pytest
from django.apps import apps

from reviews import anonymity, letters, services
from reviews.models import ReviewAssignment, Submission
from tests import factories
from tests.reviews.test_assignments import number

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("owner", display_name="Olive Owner")


@pytest.fixture
def editor(db):
    return factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")


@pytest.fixture
def decided(owner, editor, reviewers):
    """Three reviewers invited; the second declined, the first and third reviewed; the
    editor asked for revisions with the drafted letter (which quotes the reviews)."""
    submission, (first, second, third) = factories.in_review(owner, editor, reviewers)
    services.decline_invitation(second, reviewers[1], reason="too_busy")
    factories.review_and_complete(first, reviewers[0])
    factories.review_and_complete(third, reviewers[2])
    submission = Submission.objects.get(pk=submission.pk)
    letter = letters.draft_letter(submission, "request_revisions")
    services.request_revisions(submission, editor, letter=letter)
    return Submission.objects.get(pk=submission.pk), (first, second, third)


def test_the_numbers_authors_see_run_on_without_the_reviewer_who_declined(decided):
    _, (first, second, third) = decided
    assert (number(first), number(second), number(third)) == (1, None, 2)


def test_the_letter_quotes_the_reviewers_with_the_numbers_the_timeline_uses(decided, owner):
    submission, _ = decided
    letter = submission.decisions.get().letter
    assert "Reviewer 1:" in letter and "Reviewer 2:" in letter
    assert "Reviewer 3" not in letter
    viewer = anonymity.Viewer(owner, submission)
    actors = {entry["actor"] for entry in anonymity.log_for(viewer)}
    assert {"Reviewer 1", "Reviewer 2"} <= actors
    assert not any("Reviewer 3" in actor for actor in actors)
    assert [r["reviewer"] for r in anonymity.reviews_for(viewer)] == ["Reviewer 1", "Reviewer 2"]


def test_the_author_timeline_says_a_reviewer_declined_without_a_number(client, decided, owner):
    submission, _ = decided
    client.force_login(owner)
    page = html.unescape(client.get(f"/submissions/{submission.uuid}/").content.decode())
    assert "A reviewer declined the invitation" in page
    assert "Declined by" not in page
    assert "Reviewer 3" not in page


def test_editors_still_see_who_declined(client, decided, editor, reviewers):
    submission, _ = decided
    client.force_login(editor)
    page = html.unescape(client.get(f"/editor/submissions/{submission.uuid}/").content.decode())
    assert f"by {reviewers[1].display_name}" in page
    assert "(numbered on accepting)" in page
    assert "Reviewer 3" not in page


def test_a_reviewer_keeps_their_number_in_the_next_round(decided, owner, editor, reviewers):
    submission, _ = decided
    services.resubmit(submission, owner, response_letter="Revised.")
    services.send_to_review(Submission.objects.get(pk=submission.pk), editor)
    submission = Submission.objects.get(pk=submission.pk)
    again = services.invite(submission, editor, reviewer=reviewers[2])
    newcomer = services.invite(submission, editor, reviewer=reviewers[1])
    assert again.reviewer_number is None
    services.accept_invitation(newcomer, reviewers[1], coi_declaration="None.")
    services.accept_invitation(again, reviewers[2], coi_declaration="None.")
    assert (number(again), number(newcomer)) == (2, 3)


def test_the_migration_renumbers_by_first_acceptance_and_unnumbers_the_rest(decided):
    _, (first, second, third) = decided
    for position, assignment in enumerate((first, second, third), 1):  # as numbered before
        ReviewAssignment.objects.filter(pk=assignment.pk).update(reviewer_number=position)
    migration = import_module("reviews.migrations.0004_reviewer_numbered_on_accepting")
    migration.number_on_acceptance(apps, None)
    assert (number(first), number(second), number(third)) == (1, None, 2)
    migration.number_every_invitation(apps, None)  # and back
    assert (number(first), number(second), number(third)) == (1, 3, 2)
