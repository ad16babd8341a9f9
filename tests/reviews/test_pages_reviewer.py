"""Reviewer pages (/reviews/): permission ladder, anonymity canaries, rubric and autosave."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from reviews import services
from reviews.models import Review, ReviewAssignment
from reviews.rubric import ANCHORS, CRITERIA
from tests import factories
from tests.canaries import AUTHOR_CANARIES, assert_absent

pytestmark = pytest.mark.django_db

ACTIONS = ("accept", "decline", "save", "autosave", "submit")


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    outsider = factories.user("nosy", display_name="Nosy Parker")
    return owner, editor, outsider, reviewers


@pytest.fixture
def invited(people):
    """(reviewer, assignment): rev1 invited to review a submission in review."""
    owner, editor, _, reviewers = people
    _, (assignment, _other) = factories.in_review(owner, editor, reviewers[:2])
    return reviewers[0], assignment


@pytest.fixture
def accepted(invited):
    reviewer, assignment = invited
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    return reviewer, assignment


def page(assignment, action=""):
    return f"/reviews/{assignment.uuid}/" + (f"{action}/" if action else "")


def reload(assignment):
    return ReviewAssignment.objects.get(pk=assignment.pk)


def rubric_post(answers=None, **extra):
    """The rubric form's POST data for the given answers (dotted field names), based on the
    draft's first version (pass `version` when the draft was saved before)."""
    data = {"version": "0"}
    for key, entry in (answers or {}).items():
        for name, value in entry.items():
            if isinstance(value, bool):
                value = "yes" if value else "no"
            data[f"{key}.{name}"] = str(value)
    data.update(extra)
    return data


COMPLETE = rubric_post(
    factories.COMPLETE_ANSWERS,
    recommendation="minor_revisions",
    comments_to_authors="Clear and runnable; add a debrief guide.",
    confidential_comments="Worth publishing.",
)
PARTIAL = rubric_post(
    {"objectives": {"score": 4, "strengths": "Objectives are measurable."}},
    comments_to_authors="Half-way through my reading.",
)


def text(response):
    return response.content.decode()


# --- the permission ladder ------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_from_every_reviewer_url(client, invited):
    _, assignment = invited
    for path in ["/reviews/", page(assignment)]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/?next="), path
    for action in ACTIONS:
        response = client.post(page(assignment, action), COMPLETE)
        assert response.status_code == 302, action
        # Back to the assignment page after signing in, never to a POST-only URL.
        assert response["Location"] == f"/accounts/login/?next=/reviews/{assignment.uuid}/"
    assert reload(assignment).state == "invited"


def test_people_without_the_reviewer_role_are_refused_the_review_list(client, people):
    _, _, outsider, _ = people
    client.force_login(outsider)
    response = client.get("/reviews/")
    assert response.status_code == 403


def test_another_reviewers_assignment_is_not_found_on_any_reviewer_url(client, people, invited):
    _, _, outsider, reviewers = people
    _, assignment = invited
    for person in (reviewers[2], outsider):
        client.force_login(person)
        assert client.get(page(assignment)).status_code == 404
        for action in ACTIONS:
            response = client.post(page(assignment, action), COMPLETE)
            assert response.status_code == 404, (person, action)
    assert reload(assignment).state == "invited"


def test_an_editor_cannot_act_as_someone_elses_reviewer(client, people, invited):
    _, editor, _, _ = people
    _, assignment = invited
    client.force_login(editor)
    assert client.get(page(assignment)).status_code == 403
    for action in ACTIONS:
        assert client.post(page(assignment, action), COMPLETE).status_code == 403, action
    assert reload(assignment).state == "invited"


def test_get_on_every_post_only_reviewer_url_is_405(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    for action in ACTIONS:
        assert client.get(page(assignment, action)).status_code == 405, action


# --- the list ----------------------------------------------------------------------------


def test_the_list_shows_invitations_and_reviews_to_write_with_due_dates(client, people):
    owner, editor, _, reviewers = people
    me = reviewers[0]
    _, (invitation,) = factories.in_review(owner, editor, [me], title="Interpreter session")
    _, (writing,) = factories.in_review(owner, editor, [me], title="Housing insecurity case")
    services.accept_invitation(writing, me, coi_declaration="None")
    _, (done,) = factories.in_review(owner, editor, [me], completed=1, title="Bias workshop")
    client.force_login(me)
    response = client.get("/reviews/")
    assert response.status_code == 200
    html = text(response)
    invitations, rest = html.split('id="in-progress-title"')
    writing_part, past = rest.split('id="past-title"')
    assert "Interpreter session" in invitations
    assert f'Answer by <time datetime="{invitation.response_due:%Y-%m-%d}"' in invitations
    assert "Housing insecurity case" in writing_part
    assert f'Review due <time datetime="{writing.review_due:%Y-%m-%d}"' in writing_part
    assert "Bias workshop" in past and "Submitted on" in past
    assert f'href="/reviews/{done.uuid}/"' in past
    assert "Overdue" not in html


def test_overdue_invitations_and_reviews_are_marked_in_words(client, people):
    owner, editor, _, reviewers = people
    me = reviewers[0]
    _, (late_answer,) = factories.in_review(owner, editor, [me], title="Late answer")
    _, (late_review,) = factories.in_review(owner, editor, [me], title="Late review")
    services.accept_invitation(late_review, me, coi_declaration="None")
    past = timezone.localdate() - timedelta(days=3)
    ReviewAssignment.objects.filter(pk=late_answer.pk).update(response_due=past)
    ReviewAssignment.objects.filter(pk=late_review.pk).update(
        response_due=past - timedelta(days=5), review_due=past
    )
    client.force_login(me)
    html = text(client.get("/reviews/"))
    assert html.count("Overdue by 3 days") == 2
    assert "the answer was due" in html and "the review was due" in html
    for assignment in (late_answer, late_review):
        detail = text(client.get(page(assignment)))
        assert "Overdue by 3 days" in detail


# --- answering an invitation ---------------------------------------------------------------


def test_accepting_needs_a_conflict_of_interest_declaration(client, invited):
    reviewer, assignment = invited
    client.force_login(reviewer)
    response = client.post(page(assignment, "accept"), {"coi_declaration": "  "})
    assert response.status_code == 400
    assert 'id="id_coi_declaration_error"' in text(response)
    assert 'href="#id_coi_declaration"' in text(response)  # the error summary links to it
    assert reload(assignment).state == "invited"

    response = client.post(page(assignment, "accept"), {"coi_declaration": "None"}, follow=True)
    assert response.redirect_chain == [(f"/reviews/{assignment.uuid}/#your-review", 302)]
    assert "Thank you for accepting" in text(response)
    assignment = reload(assignment)
    assert assignment.state == "accepted"
    assert assignment.coi_declaration == "None"


def test_declining_for_another_reason_needs_a_note(client, invited):
    reviewer, assignment = invited
    client.force_login(reviewer)
    response = client.post(
        page(assignment, "decline"), {"reason": "other", "suggestion": "Dr Who, who@example.org"}
    )
    assert response.status_code == 400
    html = text(response)
    assert 'id="id_note_error"' in html
    assert 'value="Dr Who, who@example.org"' in html  # nothing typed is lost
    assert '<details class="action action--confirm" open>' in html
    assert reload(assignment).state == "invited"

    response = client.post(
        page(assignment, "decline"),
        {"reason": "other", "note": "On leave until spring.", "suggestion": "Dr Who"},
        follow=True,
    )
    assert response.redirect_chain == [("/reviews/", 302)]
    assert "You declined the invitation" in text(response)
    assignment = reload(assignment)
    assert assignment.state == "declined"
    assert (assignment.decline_reason, assignment.decline_note) == (
        "other",
        "On leave until spring.",
    )
    assert assignment.suggested_reviewer == "Dr Who"


def test_declining_needs_one_of_the_reason_codes(client, invited):
    reviewer, assignment = invited
    client.force_login(reviewer)
    html = text(client.get(page(assignment)))
    for code in ("too_busy", "outside_expertise", "conflict_of_interest", "other"):
        assert f'type="radio" name="reason" value="{code}"' in html
    assert client.post(page(assignment, "decline"), {"reason": "bored"}).status_code == 400
    assert client.post(page(assignment, "decline"), {}).status_code == 400
    response = client.post(page(assignment, "decline"), {"reason": "too_busy"})
    assert response.status_code == 302
    assert reload(assignment).state == "declined"
    # The declined assignment no longer shows the submission.
    html = text(client.get(page(assignment)))
    assert "Too busy at the moment" in html and 'id="submission"' not in html


def test_answering_an_invitation_twice_is_a_conflict(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "decline"), {"reason": "too_busy"})
    assert response.status_code == 409
    assert "Cannot decline" in text(response)
    assert reload(assignment).state == "accepted"


# --- the layout (issue 14 item 5) --------------------------------------------------------------


def main_of(html):
    return html[html.index('<main id="main"') :]


def test_the_invitation_asks_for_the_answer_first_with_the_dates_and_what_is_asked(client, invited):
    reviewer, assignment = invited
    client.force_login(reviewer)
    main = main_of(text(client.get(page(assignment))))
    first_form = main.index("<form")
    assert re.search(r'<form[^>]*action="([^"]+)"', main).group(1) == page(assignment, "accept")
    assert first_form < main.index('id="submission"') and first_form < main.index('id="files"')
    respond = main[main.index('id="respond"') : first_form]
    assert f"{assignment.response_due:%-d %B %Y}" in respond
    assert f"{assignment.review_due:%-d %B %Y}" in respond
    assert "What we ask" in respond


def test_the_scale_is_described_once_and_each_criterion_shows_its_anchors_on_demand(
    client, accepted
):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    main = main_of(text(client.get(page(assignment))))
    outside = re.sub(r'<details class="criterion__anchors">.*?</details>', "", main, flags=re.S)
    for meaning in ANCHORS.values():
        assert outside.count(meaning) == 1, meaning
    assert '<details class="rubric-legend" open>' in main and "<summary>The scale</summary>" in main
    assert 'value="4"' in main and "4 – Strong</label>" in main


def test_the_submission_and_the_rubric_share_one_workspace(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    main = main_of(text(client.get(page(assignment))))
    workspace = main[main.index('<div class="review-workspace">') :]
    assert workspace.index('id="submission"') < workspace.index('class="rubric-form"')
    assert 'class="review-workspace__submission" role="region"' in workspace
    assert 'tabindex="0"' in workspace  # the column that scrolls on its own takes the focus


# --- the rubric -------------------------------------------------------------------------------


def test_the_rubric_has_twelve_criteria_with_anchored_scales_gates_and_comments(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    html = text(client.get(page(assignment)))
    assert html.count('<fieldset class="criterion"') == 12
    for criterion in CRITERIA:
        assert f'<legend class="criterion__legend">{criterion.number}. ' in html
    assert html.count('<details class="criterion__anchors">') == 11  # every scored criterion
    assert html.index('name="evaluation.implemented"') < html.index('name="evaluation.score"')
    for gate in ("rights", "privacy", "license", "coi"):
        assert f'name="compliance.{gate}" value="yes"' in html
    assert 'name="compliance.score"' not in html
    for value in ("accept", "minor_revisions", "major_revisions", "reject"):
        assert f'name="recommendation" value="{value}"' in html
    assert html.count('name="objectives.strengths"') == 1
    assert '<textarea name="comments_to_authors"' in html
    assert '<textarea name="confidential_comments"' in html
    assert 'id="autosave-status" class="autosave-status" role="status"' in html
    assert "/static/toolkit/review.js" in html


def test_save_draft_without_javascript_redirects_with_the_time(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "save"), PARTIAL, follow=True)
    assert response.redirect_chain == [(f"/reviews/{assignment.uuid}/#your-review", 302)]
    assert re.search(r"Draft saved at \d\d:\d\d\.", text(response))
    review = Review.objects.get(assignment=assignment)
    assert review.answers == {"objectives": {"score": 4, "strengths": "Objectives are measurable."}}
    assert review.comments_to_authors == "Half-way through my reading."
    assert review.submitted_at is None


def test_a_draft_survives_a_failed_submit_and_a_new_login(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "submit"), PARTIAL)
    assert response.status_code == 400
    html = text(response)
    summary = html.split('id="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_grounding.score_0"' in summary
    assert 'href="#id_evaluation.implemented_0"' in summary
    assert 'href="#id_compliance.rights_0"' in summary
    assert 'href="#id_recommendation_0"' in summary
    assert 'href="#id_objectives.score_0"' not in summary  # answered
    assert "Your draft was saved" in html
    assert 'value="4" id="id_objectives.score_3" checked' in html  # still there
    assert "Objectives are measurable." in html
    assert reload(assignment).state == "accepted"

    client.logout()
    assert client.login(username=reviewer.username, password=factories.PASSWORD)
    html = text(client.get(page(assignment)))
    assert 'value="4" id="id_objectives.score_3" checked' in html
    assert "Objectives are measurable." in html
    assert "Half-way through my reading." in html
    assert "Draft last saved at" in html


def test_a_complete_submit_completes_the_assignment(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "submit"), COMPLETE, follow=True)
    assert response.redirect_chain == [(f"/reviews/{assignment.uuid}/", 302)]
    html = text(response)
    assert "your review was submitted" in html
    assert reload(assignment).state == "completed"
    review = Review.objects.get(assignment=assignment)
    assert review.submitted_at is not None
    assert review.recommendation == "minor_revisions"
    assert review.answers["compliance"] == {
        "rights": True,
        "privacy": True,
        "license": True,
        "coi": True,
    }
    # The page now shows the submitted review, read-only.
    assert "Clear and runnable; add a debrief guide." in html
    assert 'class="rubric-form"' not in html
    # Submitting again is a conflict, and nothing changes.
    again = client.post(page(assignment, "submit"), PARTIAL)
    assert again.status_code == 409
    assert Review.objects.get(assignment=assignment).comments_to_authors.startswith("Clear")


def test_an_unimplemented_resource_needs_no_evaluation_score(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    data = {**COMPLETE, "evaluation.implemented": "no"}
    del data["evaluation.score"]
    assert client.post(page(assignment, "submit"), data).status_code == 302
    assert reload(assignment).state == "completed"


@pytest.mark.parametrize("action", ["save", "submit"])
def test_an_out_of_range_score_is_refused_next_to_the_field_and_nothing_is_lost(
    client, accepted, action
):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    services.save_review_draft(assignment, reviewer, answers={"methods": {"score": 2}})
    data = {**COMPLETE, "objectives.score": "7", "grounding.concerns": "Few citations."}
    response = client.post(page(assignment, action), data)
    assert response.status_code == 400
    html = text(response)
    assert (
        '<p class="error-message" id="id_objectives.score_error">Choose a score from 1 to 5.'
        in html
    )
    assert 'href="#id_objectives.score_0">Score for criterion 1: Choose a score' in html
    assert "Few citations." in html
    assert "Clear and runnable; add a debrief guide." in html
    review = Review.objects.get(assignment=assignment)
    assert review.answers == {"methods": {"score": 2}}  # the bad value was never saved
    assert reload(assignment).state == "accepted"


# --- autosave ---------------------------------------------------------------------------------


def test_autosave_saves_and_answers_json(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "autosave"), PARTIAL)
    assert response.status_code == 200
    body = response.json()
    assert re.fullmatch(r"\d\d:\d\d", body["saved_at"])
    assert body["updated_at"]
    review = Review.objects.get(assignment=assignment)
    assert review.answers["objectives"]["score"] == 4
    assert review.comments_to_authors == "Half-way through my reading."


def test_autosave_refuses_bad_values_with_field_errors(client, accepted):
    reviewer, assignment = accepted
    client.force_login(reviewer)
    services.save_review_draft(assignment, reviewer, answers={"methods": {"score": 2}})
    response = client.post(
        page(assignment, "autosave"),
        {"objectives.score": "9", "compliance.rights": "maybe", "recommendation": "shrug"},
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["objectives.score"] == ["Choose a score from 1 to 5."]
    assert errors["compliance.rights"] == ["Answer yes or no."]
    assert "recommendation" in errors
    assert Review.objects.get(assignment=assignment).answers == {"methods": {"score": 2}}


def test_autosave_is_refused_to_everyone_but_the_assigned_reviewer(client, people, accepted):
    _, editor, _, reviewers = people
    reviewer, assignment = accepted
    client.force_login(reviewers[2])
    assert client.post(page(assignment, "autosave"), PARTIAL).status_code == 404
    client.force_login(editor)
    assert client.post(page(assignment, "autosave"), PARTIAL).status_code == 403
    client.logout()
    response = client.post(page(assignment, "autosave"), PARTIAL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Review.objects.get(assignment=assignment).answers


def test_autosave_after_submission_is_a_conflict(client, accepted):
    reviewer, assignment = accepted
    services.save_review_draft(
        assignment,
        reviewer,
        answers=factories.COMPLETE_ANSWERS,
        recommendation="accept",
        comments_to_authors="Done.",
    )
    services.complete_review(assignment, reviewer)
    client.force_login(reviewer)
    response = client.post(page(assignment, "autosave"), PARTIAL)
    assert response.status_code == 409
    assert response.json()["state"] == "completed"


def test_autosave_before_accepting_is_a_conflict(client, invited):
    reviewer, assignment = invited
    client.force_login(reviewer)
    response = client.post(page(assignment, "autosave"), PARTIAL)
    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"


# --- anonymity: what a reviewer can reach ---------------------------------------------------------


def test_no_page_a_reviewer_can_reach_names_an_author(client, world):
    author, editor, reviewer, submission, assignment = world
    client.force_login(reviewer)
    haystacks = []

    def visit(label, response, status=200):
        assert response.status_code == status, label
        haystacks.append((label, text(response)))

    visit("list after the decision", client.get("/reviews/"))
    visit("completed, decided", client.get(page(assignment)))
    # A second round on the revised version: invited, then accepted with a draft.
    services.resubmit(submission, author, response_letter="We added the debrief guide.")
    services.send_to_review(submission, editor)
    second = services.invite(submission, editor, reviewer=reviewer)
    visit("list with an invitation", client.get("/reviews/"))
    visit("invited", client.get(page(second)))
    visit("accept refused", client.post(page(second, "accept"), {"coi_declaration": ""}), 400)
    visit("decline refused", client.post(page(second, "decline"), {"reason": "other"}), 400)
    services.accept_invitation(second, reviewer, coi_declaration="None")
    visit("accepted", client.get(page(second)))
    visit("submit refused", client.post(page(second, "submit"), PARTIAL), 400)  # saves v1
    visit(
        "draft saved", client.post(page(second, "save"), {**PARTIAL, "version": "1"}, follow=True)
    )
    visit("autosave", client.post(page(second, "autosave"), {**PARTIAL, "version": "2"}))
    visit("list with a review to write", client.get("/reviews/"))
    services.withdraw(submission, author, reason="Withdrawn by Zebulon Canarywing.")
    visit("closed by a withdrawal", client.get(page(second)))
    visit("list after the withdrawal", client.get("/reviews/"))
    assert_absent(AUTHOR_CANARIES, haystacks)


def test_after_the_decision_the_reviewer_sees_the_other_reviews_and_the_decision_kind(
    client, world
):
    _, _, reviewer, submission, assignment = world
    client.force_login(reviewer)
    html = text(client.get(page(assignment)))
    assert "You (Reviewer 1)" in html
    assert "Strong work." in html  # their own review
    other = html.split('id="other-reviews"')[1]
    assert "Reviewer 2" in other
    assert "Thoughtful and runnable; please add a debrief guide." in other
    assert "Solid work." not in html  # another reviewer's confidential comments
    outcome = html.split('id="outcome"')[1].split('id="other-reviews"')[0]
    assert "Revisions requested" in outcome
    assert "praised the cases" not in html  # the decision letter is not for reviewers


def test_the_files_are_offered_as_sanitized_downloads(client, world):
    _, _, reviewer, submission, assignment = world
    client.force_login(reviewer)
    html = text(client.get(page(assignment)))
    version = assignment.round.version
    for item in version.files.exclude(kind="link"):
        href = f"/submissions/{submission.uuid}/files/{item.uuid}/"
        assert f'href="{href}"' in html
        response = client.get(href)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == item.sanitized.open("rb").read()
        assert "Canarywing" not in response["Content-Disposition"]
