"""Decision letter drafts say what is true for each round and decision (issue 14, item 7)."""

import pytest

from reviews import letters, services
from reviews.forms.editor import AcceptForm, DeskRejectForm
from tests import factories

pytestmark = pytest.mark.django_db

KINDS = ["accept", "request_revisions", "reject"]


@pytest.fixture
def first_round(contributor, editor, reviewers):
    return factories.submission_in("in_review", contributor, editor, reviewers)


@pytest.fixture
def second_round(contributor, editor, reviewers):
    """Revised and resubmitted, then reviewed again by the third reviewer."""
    submission = factories.submission_in("resubmitted", contributor, editor, reviewers)
    services.send_to_review(submission, editor)
    assignment = services.invite(submission, editor, reviewer=reviewers[2])
    factories.review_and_complete(assignment, reviewers[2], recommendation="minor_revisions")
    submission.refresh_from_db()
    return submission


@pytest.mark.parametrize("kind", KINDS)
def test_a_first_round_letter_does_not_thank_the_authors_for_responses_they_never_gave(
    first_round, kind
):
    letter = letters.draft_letter(first_round, kind)
    assert "responses to the reviewers" not in letter
    assert "revis" not in letter.split("\n\n")[1].replace("revise and resubmit", "")
    assert "Reviewer 1:" in letter and "Reviewer 2:" in letter


@pytest.mark.parametrize("kind", KINDS)
def test_a_later_round_letter_speaks_of_the_revision_and_quotes_only_that_rounds_reviews(
    second_round, kind
):
    letter = letters.draft_letter(second_round, kind)
    assert "revis" in letter.split("\n\n")[1]
    assert "Reviewer 3:" in letter
    assert "Reviewer 1:" not in letter and "Reviewer 2:" not in letter


def test_the_first_round_acceptance_thanks_the_authors_for_their_work_only(first_round):
    paragraph = letters.draft_letter(first_round, "accept").split("\n\n")[1]
    assert paragraph.endswith("Thank you for your careful work.")


def test_a_desk_rejection_letter_and_its_hint_mention_no_reviews(contributor, editor, reviewers):
    submission = factories.submission_in("submitted", contributor, editor, reviewers)
    letter = letters.draft_letter(submission, "desk_reject")
    assert "Reviewer" not in letter and "reviews" not in letter
    form = DeskRejectForm(submission=submission)
    assert "review" not in form.fields["letter"].help_text
    assert "anonymous reviews" in AcceptForm(submission=submission).fields["letter"].help_text


def test_no_letter_has_an_empty_paragraph_where_a_missing_part_would_be(first_round, second_round):
    for submission in (first_round, second_round):
        for kind in KINDS:
            letter = letters.draft_letter(submission, kind)
            assert "\n\n\n" not in letter and not letter.startswith("\n")


def test_the_desk_rejection_email_does_not_point_to_anonymous_reviews(
    contributor, editor, reviewers, mailoutbox, django_capture_on_commit_callbacks
):
    submission = factories.submission_in("submitted", contributor, editor, reviewers)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.desk_reject(submission, editor, reason="Out of scope", letter="Out of scope.")
    (message,) = [m for m in mailoutbox if contributor.email in m.to]
    assert "anonymous reviews" not in message.body
    assert "Read the decision here:" in message.body


def test_a_decision_after_review_points_the_authors_to_the_anonymous_reviews(
    first_round, contributor, editor, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(first_round, editor, letter="Accepted.")
    (message,) = [m for m in mailoutbox if contributor.email in m.to]
    assert "Read the decision and the anonymous reviews here:" in message.body


def test_a_letter_lists_rubric_concerns_in_the_rubrics_order_on_every_database(
    contributor, editor, reviewers
):
    from reviews.rubric import CRITERIA

    first, last = CRITERIA[0], CRITERIA[-1]
    answers = {key: dict(value) for key, value in reversed(factories.COMPLETE_ANSWERS.items())}
    answers[last.key]["concerns"] = "Last criterion concern."
    answers[first.key]["concerns"] = "First criterion concern."
    submission, (assignment,) = factories.in_review(contributor, editor, reviewers[:1])
    factories.review_and_complete(assignment, reviewers[0], answers=answers)
    letter = letters.quote_reviews(submission)
    assert letter.index(first.title) < letter.index(last.title)
