"""Editor desk pages: /editor/ (queue and metrics) and /editor/submissions/<uuid>/ (issue 5)."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.utils import timezone

from reviews import services
from reviews.choices import AssignmentState as A
from reviews.choices import SubmissionState as S
from reviews.models import ReviewAssignment, Submission
from reviews.suggestions import suggest_reviewers
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def page(submission):
    return f"/editor/submissions/{submission.uuid}/"


def post_urls(submission, assignment_uuid):
    base = page(submission)
    return [
        f"{base}invite/",
        f"{base}decide/send_to_review/",
        f"{base}decide/desk_reject/",
        f"{base}assignments/{assignment_uuid}/remind/",
        f"{base}assignments/{assignment_uuid}/cancel/",
    ]


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def owner(contributor):
    return contributor


@pytest.fixture
def reviewing(owner, editor, reviewers):
    """In review with two reviewers invited, nothing completed: (submission, assignments)."""
    return factories.in_review(owner, editor, reviewers[:2])


def in_state(state, owner, editor, reviewers):
    return factories.submission_in(state, owner, editor, reviewers)


def with_reviews(owner, editor, reviewers, specs):
    """In review with one completed review per (recommendation, answers) spec."""
    submission, assignments = factories.in_review(owner, editor, reviewers[: len(specs)])
    for assignment, person, (recommendation, answers) in zip(
        assignments, reviewers, specs, strict=False
    ):
        factories.review_and_complete(
            assignment, person, recommendation=recommendation, answers=answers
        )
    return submission


def answers_with(**scores):
    answers = {key: dict(value) for key, value in factories.COMPLETE_ANSWERS.items()}
    for key, score in scores.items():
        answers[key]["score"] = score
    return answers


# --- the permission ladder ------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_editor_view(client, reviewing):
    submission, assignments = reviewing
    for url in ["/editor/", page(submission)]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(LOGIN), url
    for url in post_urls(submission, assignments[0].uuid):
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith(LOGIN), url


@pytest.mark.parametrize("persona", ["contributor", "reviewer"])
def test_people_who_are_not_editors_get_403_on_every_editor_view(
    client, request, persona, reviewing
):
    submission, assignments = reviewing
    client_for(client, request.getfixturevalue(persona))
    for url in ["/editor/", page(submission)]:
        assert client.get(url).status_code == 403, url
    for url in post_urls(submission, assignments[0].uuid):
        assert client.post(url).status_code == 403, url


def test_an_editor_gets_404_for_someone_elses_draft_on_every_submission_view(
    editor_client, outsider
):
    draft = factories.draft(outsider)
    assert editor_client.get(page(draft)).status_code == 404
    for url in post_urls(draft, uuid.uuid4()):
        assert editor_client.post(url).status_code == 404, url


def test_an_assignment_of_another_submission_is_404(editor_client, reviewing, owner, editor):
    submission, _ = reviewing
    other, other_assignments = factories.in_review(
        owner, editor, [factories.reviewer_user("elsewhere")]
    )
    for url in post_urls(submission, other_assignments[0].uuid)[-2:]:
        assert editor_client.post(url).status_code == 404, url


def test_get_on_every_post_only_url_is_405(editor_client, reviewing):
    submission, assignments = reviewing
    for url in post_urls(submission, assignments[0].uuid):
        assert editor_client.get(url).status_code == 405, url


def test_an_unknown_or_owner_only_decision_is_404(editor_client, reviewing):
    submission, _ = reviewing
    for name in ["explode", "withdraw", "resubmit", "submit"]:
        response = editor_client.post(f"{page(submission)}decide/{name}/")
        assert response.status_code == 404, name


def test_editors_see_the_queue_and_the_submission_page(editor_client, reviewing):
    submission, _ = reviewing
    assert editor_client.get("/editor/").status_code == 200
    response = editor_client.get(page(submission))
    assert response.status_code == 200
    assert submission.title in response.content.decode()


DECISIONS = [
    ("send_to_review", "submitted", {}, S.IN_REVIEW),
    ("desk_reject", "submitted", {"reason": "Out of scope", "letter": "Sorry."}, S.REJECTED),
    ("request_revisions", "in_review", {"letter": "Please add a debrief."}, S.REVISIONS_REQUESTED),
    ("accept", "in_review", {"letter": "Accepted with thanks."}, S.ACCEPTED),
    ("reject", "in_review", {"letter": "Not this time."}, S.REJECTED),
    ("publish", "accepted", {"change_note": ""}, S.PUBLISHED),
    ("retire", "published", {"reason": "Superseded by newer guidance."}, S.RETIRED),
]


@pytest.mark.parametrize(("name", "state", "data", "expected"), DECISIONS)
def test_each_decision_redirects_with_a_message_and_changes_the_state(
    editor_client, owner, editor, reviewers, name, state, data, expected
):
    submission = in_state(state, owner, editor, reviewers)
    response = editor_client.post(f"{page(submission)}decide/{name}/", data)
    assert response.status_code == 302
    assert response.url.startswith(page(submission))
    assert messages_of(response)
    submission.refresh_from_db()
    assert submission.state == expected


def test_reminding_a_reviewer_redirects_with_a_message_and_a_second_reminder_today_is_409(
    editor_client, reviewing, mailoutbox
):
    submission, assignments = reviewing
    url = f"{page(submission)}assignments/{assignments[0].uuid}/remind/"
    response = editor_client.post(url)
    assert response.status_code == 302
    assert "reminder has been sent" in " ".join(messages_of(response))
    again = editor_client.post(url)
    assert again.status_code == 409
    assert "already sent today" in again.content.decode()


def test_cancelling_an_assignment_redirects_with_a_message(editor_client, reviewing):
    submission, assignments = reviewing
    response = editor_client.post(
        f"{page(submission)}assignments/{assignments[0].uuid}/cancel/",
        {"reason": "Found a closer match."},
    )
    assert response.status_code == 302
    assert "cancelled" in " ".join(messages_of(response))
    assignments[0].refresh_from_db()
    assert assignments[0].state == A.CANCELLED


def test_cancel_sits_behind_a_confirmation_step(editor_client, reviewing):
    submission, assignments = reviewing
    html = editor_client.get(page(submission)).content.decode()
    cancel_url = f"{page(submission)}assignments/{assignments[0].uuid}/cancel/"
    at = html.index(f'action="{cancel_url}"')
    assert "</details>" not in html[html.rindex("<details", 0, at) : at]
    assert "Cancel this assignment?" in html


def test_an_editors_own_submission_is_not_on_their_desk_and_refuses_them(client, editor, reviewers):
    other_editor = factories.user("ed2", roles=["contributor", "editor"])
    submission, assignments = factories.in_review(editor, other_editor, reviewers[:1])
    client_for(client, editor)
    assert client.get(page(submission)).status_code == 404
    assert client.post(f"{page(submission)}decide/reject/", {"letter": "No."}).status_code == 404
    assert client.post(f"{page(submission)}invite/", {"reviewer": "rev2"}).status_code == 404
    url = f"{page(submission)}assignments/{assignments[0].uuid}/remind/"
    assert client.post(url).status_code == 404
    response = client.get(f"/submissions/{submission.uuid}/")  # as its author
    assert response.status_code == 200
    assert reviewers[0].display_name not in response.content.decode()


# --- invitations --------------------------------------------------------------------


def test_a_successful_invitation_appears_in_the_assignment_list(
    editor_client, reviewing, reviewers, mailoutbox
):
    submission, _ = reviewing
    response = editor_client.post(
        f"{page(submission)}invite/",
        {"reviewer": reviewers[2].username, "message": "Your clerkship work fits."},
    )
    assert response.status_code == 302
    assert "Reviewer Person 3 has been invited" in " ".join(messages_of(response))
    assignment = ReviewAssignment.objects.get(reviewer=reviewers[2])
    assert assignment.message == "Your clerkship work fits."
    response = editor_client.get(page(submission))
    rows = [a for r in response.context["assignment_rounds"] for a in r["assignments"]]
    assert assignment in rows
    html = response.content.decode()
    table = html[html.index('class="assignment-table') :]
    assert "Reviewer Person 3" in table[: table.index("</table>")]


def test_inviting_the_author_is_refused_with_the_reason_shown(editor_client, reviewing, owner):
    submission, _ = reviewing
    owner.groups.add(Group.objects.get(name="reviewer"))
    response = editor_client.post(f"{page(submission)}invite/", {"reviewer": owner.username})
    assert response.status_code == 409
    assert "This person is an author of the submission." in response.content.decode()
    assert not ReviewAssignment.objects.filter(reviewer=owner).exists()


def test_inviting_someone_with_a_declared_conflict_is_refused_with_the_reason_shown(
    editor_client, reviewing, reviewers
):
    submission, _ = reviewing
    conflicted = reviewers[2]
    conflicted.conflict_people = "Ada Contributor"
    conflicted.save()
    response = editor_client.post(
        f"{page(submission)}invite/",
        {"reviewer": conflicted.username, "message": "Kept on refusal"},
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "declared a conflict of interest with an author" in html
    assert "Kept on refusal" in html
    assert not ReviewAssignment.objects.filter(reviewer=conflicted).exists()


def test_the_invite_select_leaves_out_people_in_the_round_and_a_second_invitation_is_409(
    editor_client, reviewing, reviewers
):
    submission, _ = reviewing
    response = editor_client.get(page(submission))
    choices = [u.username for u in response.context["invite_form"].fields["reviewer"].queryset]
    assert reviewers[0].username not in choices and reviewers[2].username in choices
    response = editor_client.post(f"{page(submission)}invite/", {"reviewer": reviewers[0].username})
    assert response.status_code == 409
    assert "already has an assignment in this round" in response.content.decode()


def test_the_invite_menu_leaves_out_who_declined_or_was_cancelled_this_round_and_says_why(
    editor_client, editor, reviewing, reviewers, owner
):
    submission, (first, second) = reviewing
    services.decline_invitation(first, reviewers[0], reason="too_busy")
    services.cancel_assignment(second, editor)
    owner.groups.add(Group.objects.get(name="reviewer"))
    response = editor_client.get(page(submission))
    field = response.context["invite_form"].fields["reviewer"]
    assert [u.username for u in field.queryset] == [reviewers[2].username]
    assert "Reviewer Person 1 (declined this round)" in field.help_text
    assert "Reviewer Person 2 (cancelled in this round)" in field.help_text
    assert f"{owner.display_name} (This person is an author of the submission)" in field.help_text
    assert "declined this round" in response.content.decode()


def test_an_invitation_with_a_review_due_before_the_answer_is_400_with_the_field_message(
    editor_client, reviewing, reviewers
):
    submission, _ = reviewing
    today = timezone.localdate()
    response = editor_client.post(
        f"{page(submission)}invite/",
        {
            "reviewer": reviewers[2].username,
            "response_due": (today + timedelta(days=10)).isoformat(),
            "review_due": (today + timedelta(days=5)).isoformat(),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_invite_review_due"' in html
    assert "Choose a date on or after the answer date" in html


@pytest.mark.parametrize("days", [-1, 366, None])
def test_an_invitation_answer_date_out_of_reach_is_400_with_the_field_message(
    editor_client, reviewing, reviewers, days
):
    """The last day of 9999 used to overflow as the review date was derived from it (a 500)."""
    submission, _ = reviewing
    today = timezone.localdate()
    due = "9999-12-31" if days is None else (today + timedelta(days=days)).isoformat()
    response = editor_client.post(
        f"{page(submission)}invite/",
        {"reviewer": reviewers[2].username, "response_due": due, "review_due": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_invite_response_due"' in html
    assert "Choose a date from today to" in html
    assert due in html  # what was typed is still there


def test_the_invite_form_defaults_the_due_dates_from_settings(editor_client, reviewing, settings):
    settings.TOOLKIT_RESPONSE_DUE_DAYS = 5
    settings.TOOLKIT_REVIEW_DUE_DAYS = 20
    submission, _ = reviewing
    html = editor_client.get(page(submission)).content.decode()
    response_due = timezone.localdate() + timedelta(days=5)
    assert f'value="{response_due.isoformat()}"' in html
    assert f'value="{(response_due + timedelta(days=20)).isoformat()}"' in html


def test_the_suggestion_buttons_invite_with_the_default_dates(
    editor_client, reviewing, reviewers, settings
):
    submission, _ = reviewing
    html = editor_client.get(page(submission)).content.decode()
    assert f'name="reviewer" value="{reviewers[2].username}"' in html
    response = editor_client.post(f"{page(submission)}invite/", {"reviewer": reviewers[2].username})
    assert response.status_code == 302
    assignment = ReviewAssignment.objects.get(reviewer=reviewers[2])
    expected = timezone.localdate() + timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS)
    assert assignment.response_due == expected


def test_assignments_show_overdue_marks_and_decline_reasons(editor_client, reviewing, reviewers):
    submission, assignments = reviewing
    ReviewAssignment.objects.filter(pk=assignments[0].pk).update(
        response_due=timezone.localdate() - timedelta(days=1)
    )
    services.decline_invitation(
        assignments[1], reviewers[1], reason="outside_expertise", suggestion="Dr Someone Else"
    )
    html = editor_client.get(page(submission)).content.decode()
    assert "overdue" in html
    assert "Outside my expertise" in html and "Dr Someone Else" in html


# --- suggestions (reviews/suggestions.py) ----------------------------------------------


@pytest.fixture
def vocab(db):
    from catalog.models import LearnerLevel, Topic

    return {
        "residency": LearnerLevel.objects.get(slug="gme-residency"),
        "clerkship": LearnerLevel.objects.get(slug="ume-clerkship"),
        "language": Topic.objects.get(slug="language-access"),
    }


def expert(name, levels=(), topics=(), **fields):
    person = factories.reviewer_user(name, display_name=name.title(), **fields)
    person.expertise_levels.set(levels)
    person.expertise_topics.set(topics)
    return person


def test_suggestions_are_ranked_by_expertise_overlap_then_load(owner, editor, vocab):
    busy_match = expert("busy", [vocab["residency"]], [vocab["language"]])
    free_match = expert("free", [vocab["residency"]], [vocab["language"]])
    level_only = expert("levelonly", [vocab["residency"]])
    no_match = expert("nomatch", [vocab["clerkship"]])
    for _ in range(2):  # two open assignments elsewhere
        factories.in_review(factories.user(), editor, [busy_match])
    submission, _ = factories.in_review(owner, editor)
    ranked = suggest_reviewers(submission)
    assert [s.reviewer for s in ranked] == [free_match, busy_match, level_only, no_match]
    assert [(s.match, s.load) for s in ranked] == [(2, 0), (2, 2), (1, 0), (0, 0)]
    assert ranked[0].levels == (vocab["residency"],) and ranked[0].topics == (vocab["language"],)


def test_suggestions_leave_out_people_in_the_round_and_list_authors_and_conflicts_last(
    owner, editor, vocab
):
    invited = expert("invited", [vocab["residency"]], [vocab["language"]])
    conflicted = expert(
        "conflicted", [vocab["residency"]], [vocab["language"]], conflict_people="ada contributor"
    )
    plain = expert("plain")
    owner.groups.add(Group.objects.get(name="reviewer"))
    submission, _ = factories.in_review(owner, editor, [invited])
    suggestions = suggest_reviewers(submission)
    people = [s.reviewer for s in suggestions]
    assert invited not in people
    assert people == [plain, conflicted, owner]
    assert suggestions[0].conflict == ""
    reasons = {s.reviewer: s.conflict for s in suggestions[1:]}
    assert reasons[owner] == "This person is an author of the submission."
    assert "declared a conflict" in reasons[conflicted]


def test_someone_who_declined_in_this_round_is_not_suggested_again(owner, editor, reviewers):
    submission, assignments = factories.in_review(owner, editor, reviewers[:1])
    services.decline_invitation(assignments[0], reviewers[0], reason="too_busy")
    assert reviewers[0] not in [s.reviewer for s in suggest_reviewers(submission)]


def test_the_page_shows_conflicts_greyed_with_their_reason_and_no_invite_button(
    editor_client, reviewing, reviewers
):
    submission, _ = reviewing
    conflicted = reviewers[2]
    conflicted.conflict_institutions = ""
    conflicted.conflict_people = "contributor@example.org"
    conflicted.save()
    html = editor_client.get(page(submission)).content.decode()
    row = html[html.index('class="is-conflicted"') :]
    row = row[: row.index("</tr>")]
    assert "Reviewer Person 3" in row
    assert "Not eligible: This reviewer declared a conflict of interest with an author." in row
    assert "<button" not in row


# --- reviews side by side and the divergence flag ----------------------------------------


def divergence_page(editor_client, owner, editor, reviewers, specs):
    submission = with_reviews(owner, editor, reviewers, specs)
    return editor_client.get(page(submission)).content.decode()


FLAG = 'id="divergence-round-1"'


def test_no_divergence_flag_for_close_scores_and_agreeing_recommendations(
    editor_client, owner, editor, reviewers
):
    html = divergence_page(
        editor_client,
        owner,
        editor,
        reviewers,
        [("accept", answers_with(objectives=4)), ("minor_revisions", answers_with(objectives=5))],
    )
    assert FLAG not in html and "is-divergent" not in html


def test_no_divergence_flag_for_a_spread_of_one(editor_client, owner, editor, reviewers):
    html = divergence_page(
        editor_client,
        owner,
        editor,
        reviewers,
        [("accept", answers_with(objectives=4)), ("accept", answers_with(objectives=3))],
    )
    assert FLAG not in html and "is-divergent" not in html


def test_the_divergence_flag_shows_for_a_spread_of_exactly_two_on_one_criterion(
    editor_client, owner, editor, reviewers
):
    html = divergence_page(
        editor_client,
        owner,
        editor,
        reviewers,
        [("accept", answers_with(objectives=4)), ("accept", answers_with(objectives=2))],
    )
    assert FLAG in html
    assert "Reviews diverge" in html
    assert html.count('class="is-divergent"') == 1
    row = html[html.index('class="is-divergent"') :]
    assert "Learning objectives fit the learner level" in row[: row.index("</tr>")]
    assert "divergent: spread 2" in row


def test_the_divergence_flag_shows_for_accept_against_reject(
    editor_client, owner, editor, reviewers
):
    html = divergence_page(
        editor_client, owner, editor, reviewers, [("accept", None), ("reject", None)]
    )
    assert FLAG in html
    assert "opposite sides" in html


def test_accept_against_major_revisions_is_not_a_divergence(
    editor_client, owner, editor, reviewers
):
    html = divergence_page(
        editor_client, owner, editor, reviewers, [("accept", None), ("major_revisions", None)]
    )
    assert FLAG not in html


def test_reviews_appear_side_by_side_with_means_and_confidential_comments(
    editor_client, owner, editor, reviewers
):
    submission = with_reviews(
        owner,
        editor,
        reviewers,
        [("accept", answers_with(accuracy=5)), ("minor_revisions", answers_with(accuracy=4))],
    )
    response = editor_client.get(page(submission))
    html = response.content.decode()
    table = response.context["rounds"][0]["table"]
    accuracy = next(r for r in table["criteria"] if r["criterion"].key == "accuracy")
    assert [c["score"] for c in accuracy["cells"]] == [5, 4]
    assert accuracy["mean"] == 4.5
    assert "Reviewer Person 1 (Reviewer 1)" in html and "Reviewer Person 2 (Reviewer 2)" in html
    assert "<caption" in html and 'scope="row"' in html
    assert "Solid work." in html  # confidential comments, for editors
    assert "Minor revisions" in html


# --- decision forms ------------------------------------------------------------------------


def test_a_decision_letter_is_prefilled_with_the_quoted_anonymous_reviews(
    editor_client, owner, editor, reviewers
):
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=2)
    response = editor_client.get(page(submission))
    forms = {form.name: form for form in response.context["decisions"]}
    assert set(forms) == {"request_revisions", "accept", "reject"}
    letter = forms["request_revisions"].fields["letter"].initial
    assert "Reviewer 1:" in letter and "Reviewer 2:" in letter
    assert "> Thoughtful and runnable; please add a debrief guide." in letter
    assert "Reviewer Person" not in letter
    html = response.content.decode()
    assert "&gt; Thoughtful and runnable; please add a debrief guide." in html


def test_only_the_transitions_allowed_now_have_forms(editor_client, owner, editor, reviewers):
    submitted = in_state("submitted", owner, editor, reviewers)
    response = editor_client.get(page(submitted))
    assert [f.name for f in response.context["decisions"]] == ["send_to_review", "desk_reject"]
    reviewing, _ = factories.in_review(owner, editor, reviewers[:1])
    response = editor_client.get(page(reviewing))
    assert [f.name for f in response.context["decisions"]] == ["reject"]
    assert "Acceptance needs 2 completed reviews" in response.content.decode()
    accepted = in_state("accepted", owner, editor, reviewers)
    assert [f.name for f in editor_client.get(page(accepted)).context["decisions"]] == ["publish"]


def test_a_missing_letter_gives_400_and_keeps_the_other_typed_fields(
    editor_client, owner, editor, reviewers
):
    submission = in_state("submitted", owner, editor, reviewers)
    response = editor_client.post(
        f"{page(submission)}decide/desk_reject/",
        {"reason": "Out of scope for the toolkit", "letter": "   "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Out of scope for the toolkit"' in html
    assert 'href="#id_desk_reject_letter"' in html
    assert 'aria-invalid="true"' in html
    submission.refresh_from_db()
    assert submission.state == S.SUBMITTED


def test_a_missing_retire_reason_gives_400_with_the_confirmation_step_open(
    editor_client, owner, editor, reviewers
):
    submission = in_state("published", owner, editor, reviewers)
    response = editor_client.post(f"{page(submission)}decide/retire/", {"reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<details class="action action--confirm" open>' in html
    assert 'href="#id_retire_reason"' in html
    submission.refresh_from_db()
    assert submission.state == S.PUBLISHED


def test_a_decision_in_the_wrong_state_is_409_with_the_reason(
    editor_client, owner, editor, reviewers
):
    submission = in_state("submitted", owner, editor, reviewers)
    response = editor_client.post(f"{page(submission)}decide/publish/", {"change_note": ""})
    assert response.status_code == 409
    assert "Cannot publish when the state is “Submitted”." in response.content.decode()
    response = editor_client.post(f"{page(submission)}decide/accept/", {"letter": "Yes"})
    assert response.status_code == 409
    assert "Acceptance needs 2 completed reviews" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == S.SUBMITTED


def test_a_letter_typed_for_a_decision_that_was_lost_to_a_race_is_shown_back(
    editor_client, owner, editor, reviewers
):
    submission = in_state("in_review", owner, editor, reviewers)
    other = factories.user("ed9", roles=["editor"])
    services.reject(submission, other, letter="Another editor was faster.")
    response = editor_client.post(
        f"{page(submission)}decide/request_revisions/", {"letter": "My careful letter."}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Request revisions was not done" in html
    assert "My careful letter." in html


def test_a_reason_typed_to_cancel_an_assignment_that_was_completed_meanwhile_is_shown_back(
    editor_client, reviewing, reviewers
):
    submission, (assignment, _) = reviewing
    factories.review_and_complete(assignment, reviewers[0])
    response = editor_client.post(
        f"{page(submission)}assignments/{assignment.uuid}/cancel/", {"reason": "Too slow, sorry."}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Cancelling the assignment was not done" in html
    assert "Too slow, sorry." in html


def test_an_invitation_message_typed_while_the_round_closed_is_shown_back(
    editor_client, reviewing, reviewers, owner
):
    submission, (first, _) = reviewing
    services.withdraw(submission, owner, reason="Withdrawn meanwhile.")
    response = editor_client.post(
        f"{page(submission)}invite/",
        {"reviewer": reviewers[2].username, "message": "Would you review this for us?"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Inviting a reviewer was not done" in html
    assert "Would you review this for us?" in html


def test_retire_sits_behind_a_confirmation_step_and_desk_reject_behind_picking_it(
    editor_client, owner, editor, reviewers
):
    published = in_state("published", owner, editor, reviewers)
    html = editor_client.get(page(published)).content.decode()
    assert "action--confirm" in html and "Retire…" in html
    submitted = in_state("submitted", owner, editor, reviewers)
    response = editor_client.get(page(submitted))
    assert response.context["letter"].chosen is None  # even as the only decision with a letter
    html = response.content.decode()
    assert 'value="desk_reject"' in html and "checked" not in html
    assert "The authors receive the letter and the submission is closed." in html


def test_the_page_shows_authors_identity_flags_versions_letters_and_timeline(
    editor_client, owner, editor, reviewers
):
    submission = in_state("resubmitted", owner, editor, reviewers)
    html = editor_client.get(page(submission)).content.decode()
    assert "Ada Contributor" in html  # authors, for editors
    assert "Identity flags to watch" in html
    assert "Version 2" in html and "Version 1" in html
    assert "We added the debrief guide." in html  # the response letter
    assert "Please add a debrief guide." in html  # the decision letter
    assert "Send to review" in html  # timeline and the decision form


# --- the queue and the metrics ------------------------------------------------------------


@pytest.fixture
def queue_world(owner, editor, reviewers, vocab):
    residency = in_state("submitted", owner, editor, reviewers)
    clerkship = factories.draft(
        owner, title="Clerkship bedside equity rounds", learner_levels=[vocab["clerkship"]]
    )
    services.submit(clerkship, owner)
    services.send_to_review(clerkship, editor)
    assignment = services.invite(clerkship, editor, reviewer=reviewers[2])
    ReviewAssignment.objects.filter(pk=assignment.pk).update(
        response_due=timezone.localdate() - timedelta(days=2)
    )
    hidden_draft = factories.draft(owner, title="A private draft nobody else sees")
    return residency, Submission.objects.get(pk=clerkship.pk), hidden_draft


def section_titles(response):
    return {s.section.key: [row.pk for row in s.rows] for s in response.context["sections"]}


def test_the_queue_groups_submissions_by_state_with_age_and_overdue_counts(
    editor_client, queue_world
):
    residency, clerkship, hidden_draft = queue_world
    Submission.objects.filter(pk=residency.pk).update(
        state_changed_at=timezone.now() - timedelta(days=9)
    )
    response = editor_client.get("/editor/")
    sections = section_titles(response)
    assert sections["submitted"] == [residency.pk]
    assert sections["in_review"] == [clerkship.pk]
    html = response.content.decode()
    assert hidden_draft.title not in html
    assert "9 days" in html
    assert "1 overdue" in html
    assert "0 of 2" in html
    assert 'href="/editor/searches/"' in html


def test_the_queue_filters_by_state(editor_client, queue_world):
    residency, clerkship, _ = queue_world
    response = editor_client.get("/editor/", {"state": "in_review"})
    assert section_titles(response) == {"in_review": [clerkship.pk]}
    assert residency.title not in response.content.decode()


def test_the_queue_filters_by_learner_level_and_stage(editor_client, queue_world):
    residency, clerkship, _ = queue_world
    by_level = section_titles(editor_client.get("/editor/", {"level": "ume-clerkship"}))
    assert by_level["submitted"] == [] and by_level["in_review"] == [clerkship.pk]
    by_stage = section_titles(editor_client.get("/editor/", {"stage": "gme"}))
    assert by_stage["submitted"] == [residency.pk] and by_stage["in_review"] == []
    both = editor_client.get("/editor/", {"level": ["ume-clerkship", "gme-residency"]})
    assert section_titles(both)["submitted"] == [residency.pk]


def test_an_unknown_filter_value_is_400_with_the_message(editor_client, queue_world):
    response = editor_client.get("/editor/", {"state": "bogus", "level": "nope"})
    assert response.status_code == 400
    assert 'href="#id_state"' in response.content.decode()


def test_the_queue_leaves_out_the_editors_own_submissions(client, editor, owner, reviewers):
    other_editor = factories.user("x", roles=["editor"])
    own = factories.submission_in("submitted", editor, other_editor, reviewers)
    theirs = factories.submission_in("submitted", owner, other_editor, reviewers)
    client_for(client, editor)
    html = client.get("/editor/").content.decode()
    assert str(theirs.uuid) in html and str(own.uuid) not in html


def test_the_turnaround_metrics_appear_on_the_queue(editor_client, owner, editor, reviewers):
    desk = in_state("submitted", owner, editor, reviewers)
    services.desk_reject(desk, editor, reason="Scope", letter="Sorry.")
    in_state("accepted", owner, editor, reviewers)
    html = editor_client.get("/editor/").content.decode()
    assert "Median days to first decision" in html
    assert "without desk rejections" in html
    assert "2 decided, including 1 desk rejection" in html
    assert "Median days for a reviewer to answer an invitation" in html
    assert "Median days to complete an accepted review" in html
    assert "Acceptance rate by learner level" in html
    assert "GME – Residency" in html
    assert "50%" in html  # one accepted, one (desk) rejected, both residency
