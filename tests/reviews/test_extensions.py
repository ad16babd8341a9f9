"""More time for a review (issue 14 item 5): the reviewer asks for a new date with a reason,
bounded by a setting; the editor approves (the due date moves, reminders follow it) or refuses
with a note; one pending request at a time; logged for editors, never shown to authors."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from reviews import anonymity, services
from reviews.models import ExtensionRequest, ReviewAssignment, SentReminder, TransitionLog
from reviews.services import reminders
from tests import factories
from tests.canaries import api
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("owner", display_name="Olive Owner", email="owner@example.org")


@pytest.fixture
def editor(db):
    return factories.user(
        "ed", roles=["contributor", "editor"], display_name="Ed Itor", email="ed@example.org"
    )


@pytest.fixture
def writing(owner, editor, reviewers):
    """(submission, the first reviewer's accepted assignment, that reviewer)."""
    submission, (assignment, _other) = factories.in_review(owner, editor, reviewers[:2])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    mail.outbox.clear()
    return submission, fresh(assignment), reviewers[0]


def fresh(assignment):
    return ReviewAssignment.objects.get(pk=assignment.pk)


def ask(assignment, reviewer, days=7, reason="A family emergency this week."):
    return services.request_extension(
        assignment,
        reviewer,
        requested_due=assignment.review_due + timedelta(days=days),
        reason=reason,
    )


@pytest.fixture
def now(django_capture_on_commit_callbacks):
    """Run a service with its after-commit e-mails."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


def text(response):
    return html.unescape(response.content.decode())


# --- the services ---------------------------------------------------------------------------


def test_reviewer_can_ask_for_more_time_and_the_inviting_editor_is_told(writing, editor, now):
    submission, assignment, reviewer = writing
    extension = now(ask, assignment, reviewer)
    assert extension.state == "pending"
    assert extension.due_before == assignment.review_due
    entry = TransitionLog.objects.get(transition="request_extension")
    assert entry.assignment_id == assignment.pk and entry.actor == reviewer
    assert "A family emergency this week." in entry.reason
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert reviewer.display_name in message.subject + message.body  # editors see who asks
    assert f"{extension.requested_due:%-d %B %Y}" in message.body


@pytest.mark.parametrize("days", [0, -3, 29])
def test_the_new_date_must_come_after_the_due_date_and_within_the_setting(writing, days):
    _, assignment, reviewer = writing
    with pytest.raises(ValidationError) as error:
        ask(assignment, reviewer, days=days)
    assert "requested_due" in error.value.message_dict
    assert not ExtensionRequest.objects.exists()


def test_the_longest_extension_is_a_setting(writing, settings):
    _, assignment, reviewer = writing
    settings.TOOLKIT_EXTENSION_MAX_DAYS = 10
    with pytest.raises(ValidationError):
        ask(assignment, reviewer, days=11)
    assert ask(assignment, reviewer, days=10).state == "pending"


def test_asking_for_more_time_needs_a_reason(writing):
    _, assignment, reviewer = writing
    with pytest.raises(ValidationError) as error:
        ask(assignment, reviewer, reason="  ")
    assert "reason" in error.value.message_dict


def test_a_second_request_while_one_waits_is_a_conflict(writing):
    _, assignment, reviewer = writing
    ask(assignment, reviewer)
    with pytest.raises(Conflict) as error:
        ask(assignment, reviewer, days=3)
    assert error.value.code == "extension_pending"
    assert ExtensionRequest.objects.count() == 1


def test_more_time_is_asked_only_while_the_review_is_being_written(writing, editor, reviewers):
    submission, assignment, reviewer = writing
    invited = submission.open_round.assignments.get(reviewer=reviewers[1])
    with pytest.raises(Conflict):
        ask(invited, reviewers[1])
    services.save_review_draft(
        assignment,
        reviewer,
        answers=factories.COMPLETE_ANSWERS,
        recommendation="accept",
        comments_to_authors="Good.",
    )
    services.complete_review(assignment, reviewer)
    with pytest.raises(Conflict) as error:
        ask(fresh(assignment), reviewer)
    assert error.value.code == "not_in_progress"


def test_only_the_assigned_reviewer_may_ask(writing, editor, reviewers):
    _, assignment, _ = writing
    with pytest.raises(PermissionDenied):
        ask(assignment, editor)
    with pytest.raises(Http404):  # another reviewer does not know it exists
        ask(assignment, reviewers[1])


def test_approving_moves_the_due_date_and_tells_the_reviewer(writing, editor, now):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    approved = now(services.approve_extension, extension, editor)
    assert approved.state == "approved" and approved.answered_by == editor
    assert fresh(assignment).review_due == extension.requested_due
    assert TransitionLog.objects.filter(transition="approve_extension").count() == 1
    (message,) = mail.outbox
    assert message.to == [reviewer.email] and "approved" in message.subject
    assert f"{extension.requested_due:%-d %B %Y}" in message.body


def test_refusing_keeps_the_due_date_and_sends_the_note(writing, editor, now):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    refused = now(services.refuse_extension, extension, editor, note="The decision is due soon.")
    assert refused.state == "refused" and refused.note == "The decision is due soon."
    assert fresh(assignment).review_due == assignment.review_due
    (message,) = mail.outbox
    assert message.to == [reviewer.email] and "The decision is due soon." in message.body
    assert ask(fresh(assignment), reviewer).state == "pending"  # they may ask again


def test_a_request_is_answered_once(writing, editor):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    services.approve_extension(extension, editor)
    for answer in (services.approve_extension, services.refuse_extension):
        with pytest.raises(Conflict) as error:
            answer(extension, editor)
        assert error.value.code == "extension_answered"
    with pytest.raises(Conflict):
        services.withdraw_extension(extension, reviewer)


def test_a_request_cannot_be_answered_once_the_review_is_no_longer_being_written(writing, editor):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    services.cancel_assignment(assignment, editor)
    with pytest.raises(Conflict) as error:
        services.approve_extension(extension, editor)
    assert error.value.code == "not_in_progress"


def test_only_an_editor_who_may_decide_answers(writing, reviewers, owner):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    with pytest.raises(PermissionDenied):
        services.approve_extension(extension, reviewer)
    with pytest.raises(Http404):  # the author does not see the assignment at all
        services.refuse_extension(extension, owner)


def test_the_reviewer_may_withdraw_a_waiting_request_and_ask_again(writing, editor, now):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    with pytest.raises(PermissionDenied):
        services.withdraw_extension(extension, editor)
    assert now(services.withdraw_extension, extension, reviewer).state == "withdrawn"
    (message,) = mail.outbox
    assert message.to == [editor.email] and "withdrew" in message.subject
    assert ask(assignment, reviewer, days=3).state == "pending"


def test_reminders_follow_the_new_due_date(writing, editor, reviewers):
    submission, assignment, reviewer = writing
    other = submission.open_round.assignments.get(reviewer=reviewers[1])
    services.cancel_assignment(other, editor)  # only this review's reminders are left
    old_due = assignment.review_due
    services.approve_extension(ask(assignment, reviewer, days=14), editor)
    assert reminders.send_due_reminders(today=old_due + timedelta(days=1)) == 0  # not overdue
    new_due = old_due + timedelta(days=14)
    assert reminders.send_due_reminders(today=new_due - timedelta(days=1)) == 1
    assert SentReminder.objects.get().kind == f"review_soon:{new_due.isoformat()}"


def test_editors_see_who_asked_on_the_timeline_and_authors_see_nothing(writing, editor, owner):
    submission, assignment, reviewer = writing
    services.refuse_extension(ask(assignment, reviewer), editor, note="Sorry.")
    editor_log = anonymity.log_for(anonymity.Viewer(editor, submission))
    asked = next(e for e in editor_log if e["transition"] == "request_extension")
    assert asked["actor"] == reviewer.display_name and "family emergency" in asked["reason"]
    author_log = anonymity.log_for(anonymity.Viewer(owner, submission))
    assert not any("extension" in e["transition"] for e in author_log)


# --- the pages ------------------------------------------------------------------------------


def test_the_review_page_offers_a_small_form_for_more_time(client, writing):
    _, assignment, reviewer = writing
    client.force_login(reviewer)
    page = text(client.get(assignment.get_absolute_url()))
    assert 'id="more-time"' in page and "Ask the editors for more time" in page
    latest = assignment.review_due + timedelta(days=28)
    assert f'max="{latest.isoformat()}"' in page


def test_asking_on_the_page_keeps_what_was_typed_when_the_date_is_refused(client, writing):
    _, assignment, reviewer = writing
    client.force_login(reviewer)
    url = f"{assignment.get_absolute_url()}more-time/"
    too_late = assignment.review_due + timedelta(days=60)
    response = client.post(
        url, {"extension-requested_due": too_late.isoformat(), "extension-reason": "Exams."}
    )
    assert response.status_code == 400
    assert "no later than" in text(response) and "Exams." in text(response)
    good = assignment.review_due + timedelta(days=5)
    response = client.post(
        url, {"extension-requested_due": good.isoformat(), "extension-reason": "Exams."}
    )
    assert response.status_code == 302 and response["Location"].endswith("#more-time")
    page = text(client.get(assignment.get_absolute_url()))
    assert "The editors have not answered yet" in page and "Withdraw the request" in page
    assert client.post(url, {"extension-requested_due": good.isoformat()}).status_code == 400
    again = client.post(
        url, {"extension-requested_due": good.isoformat(), "extension-reason": "Again."}
    )
    assert again.status_code == 409


def test_the_reviewer_withdraws_the_request_on_the_page(client, writing):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    client.force_login(reviewer)
    response = client.post(
        f"{assignment.get_absolute_url()}more-time/withdraw/", {"extension": extension.uuid}
    )
    assert response.status_code == 302
    assert ExtensionRequest.objects.get().state == "withdrawn"


def test_the_editor_approves_on_the_submission_page_and_the_desk_shows_what_waits(
    client, writing, editor
):
    submission, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    client.force_login(editor)
    queue = text(client.get("/editor/"))
    assert "More time asked: 1 waiting" in queue
    page = text(client.get(f"/editor/submissions/{submission.uuid}/"))
    assert 'id="extensions"' in page and reviewer.display_name in page
    assert "A family emergency this week." in page
    base = f"/editor/submissions/{submission.uuid}/more-time/{extension.uuid}"
    response = client.post(f"{base}/approve/")
    assert response.status_code == 302
    assert fresh(assignment).review_due == extension.requested_due
    assert "More time asked" not in text(client.get("/editor/"))
    assert client.post(f"{base}/refuse/").status_code == 409
    assert client.get(f"{base}/approve/").status_code == 405


def test_the_editor_refuses_with_a_note_and_a_too_long_note_is_kept(client, writing, editor):
    submission, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    client.force_login(editor)
    url = f"/editor/submissions/{submission.uuid}/more-time/{extension.uuid}/refuse/"
    response = client.post(url, {"note": "x" * 2001})
    assert response.status_code == 400 and "x" * 2001 in text(response)
    assert client.post(url, {"note": "We need it by then."}).status_code == 302
    client.force_login(reviewer)
    page = text(client.get(assignment.get_absolute_url()))
    assert "was refused. The editor’s note: “We need it by then.”" in page


def test_the_author_page_never_mentions_more_time(client, writing, owner, editor):
    submission, assignment, reviewer = writing
    services.approve_extension(ask(assignment, reviewer), editor)
    client.force_login(owner)
    page = text(client.get(f"/submissions/{submission.uuid}/"))
    assert "extension" not in page.lower() and "family emergency" not in page


# --- the API --------------------------------------------------------------------------------


def test_the_reviewer_asks_through_the_api_and_the_editor_answers(writing, editor):
    _, assignment, reviewer = writing
    url = f"/api/v1/assignments/{assignment.uuid}/extensions/"
    new_date = (assignment.review_due + timedelta(days=7)).isoformat()
    body = {"requested_due": new_date, "reason": "Travel."}
    response = api(reviewer).post(url, body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["state"] == "pending" and created["reviewer"] == "You (Reviewer 1)"
    assert "answered_by" not in created
    assert api(reviewer).post(url, body, format="json").status_code == 409
    assert api(editor).post(url, body, format="json").status_code == 403
    listed = api(editor).get(url).json()
    assert listed[0]["reviewer"] == f"{reviewer.display_name} (Reviewer 1)"
    answer = f"{url}{created['uuid']}/"
    assert api(reviewer).post(f"{answer}approve/").status_code == 403
    assert api(editor).post(f"{answer}promote/").status_code == 404
    response = api(editor).post(f"{answer}refuse/", {"note": "Sorry."}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "refused"
    assert api(editor).post(f"{answer}approve/").status_code == 409


def test_the_api_refuses_a_date_out_of_bounds_with_400_after_the_state(writing, reviewers):
    submission, assignment, reviewer = writing
    url = f"/api/v1/assignments/{assignment.uuid}/extensions/"
    late = (assignment.review_due + timedelta(days=40)).isoformat()
    response = api(reviewer).post(url, {"requested_due": late, "reason": "x"}, format="json")
    assert response.status_code == 400 and "requested_due" in response.json()
    assert api(reviewer).post(url, {"requested_due": "soon"}, format="json").status_code == 400
    invited = submission.open_round.assignments.get(reviewer=reviewers[1])
    response = api(reviewers[1]).post(
        f"/api/v1/assignments/{invited.uuid}/extensions/", {"requested_due": "soon"}, format="json"
    )
    assert response.status_code == 409  # not being written: whatever the body holds


def test_the_schema_documents_the_extension_endpoints(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/assignments/{uuid}/extensions/" in schema
    assert "/api/v1/assignments/{uuid}/extensions/{extension_uuid}/{name}/" in schema


def test_a_refusal_note_naming_an_author_reaches_the_reviewer_redacted(
    client, writing, editor, now
):
    _, assignment, reviewer = writing
    note = "Olive Owner needs your review for a grant."
    now(services.refuse_extension, ask(assignment, reviewer), editor, note=note)
    client.force_login(reviewer)
    page = text(client.get(assignment.get_absolute_url()))
    assert "[redacted] needs your review for a grant." in page and "Olive Owner" not in page
    (message,) = mail.outbox
    assert "Olive Owner" not in message.body and "[redacted] needs your review" in message.body
    client.force_login(editor)
    assert note in text(client.get(f"/editor/submissions/{assignment.round.submission.uuid}/"))


@pytest.mark.parametrize("value", ["", "not-a-uuid", "3f2b8c1e-0000-4000-8000-000000000000"])
def test_withdrawing_an_unknown_request_on_the_page_is_a_404(client, writing, value):
    _, assignment, reviewer = writing
    ask(assignment, reviewer)
    client.force_login(reviewer)
    url = f"{assignment.get_absolute_url()}more-time/withdraw/"
    assert client.post(url, {"extension": value}).status_code == 404
    assert ExtensionRequest.objects.get().state == "pending"


def test_a_note_with_a_nul_character_is_a_400_not_a_database_error(writing, editor):
    _, assignment, reviewer = writing
    extension = ask(assignment, reviewer)
    answer = f"/api/v1/assignments/{assignment.uuid}/extensions/{extension.uuid}/refuse/"
    response = api(editor).post(answer, {"note": "No\x00."}, format="json")
    assert response.status_code == 400 and "note" in response.json()
    assert ExtensionRequest.objects.get().state == "pending"
