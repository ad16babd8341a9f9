"""Appeals (issue 16 item 7): the authors appeal a rejection once, within the window; an
editor other than the one who decided upholds it with a letter or overturns it (back to
review in a new round). The 404/403/409/400 ladder, pages, API, e-mails and races."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from reviews import services
from reviews.choices import SubmissionState as S
from reviews.models import Appeal, Decision, Submission, TransitionLog
from tests import factories
from tests.races import outcomes, race
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

REASONS = "Both reviews misread the learner level: the case is for residents."


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", email="owner@example.org", display_name="Olive Owner")
    deciding = factories.user(
        "ed", roles=["contributor", "editor"], email="ed@example.org", display_name="Ed Decides"
    )
    other = factories.user(
        "ada", roles=["contributor", "editor"], email="ada@example.org", display_name="Ada Other"
    )
    return owner, deciding, other, reviewers


@pytest.fixture
def rejected(people):
    owner, deciding, other, reviewers = people
    submission = factories.submission_in("rejected", owner, deciding, reviewers)
    mail.outbox.clear()
    return submission


@pytest.fixture
def appealed(people, rejected):
    owner = people[0]
    submission = services.appeal(rejected, owner, reasons=REASONS)
    mail.outbox.clear()
    return submission


def fresh(submission):
    return Submission.objects.get(pk=submission.pk)


# --- the authors appeal ----------------------------------------------------------------------


def test_the_authors_appeal_a_rejection_and_the_other_editors_are_told(
    people, rejected, django_capture_on_commit_callbacks
):
    owner, deciding, other, _ = people
    with django_capture_on_commit_callbacks(execute=True):
        result = services.appeal(rejected, owner, reasons=REASONS)
    assert result.state == S.APPEALED
    appeal = Appeal.objects.get(submission=rejected)
    assert appeal.reasons == REASONS and appeal.filed_by == owner and appeal.outcome == ""
    assert appeal.decision == Decision.objects.get(submission=rejected, kind="reject")
    entry = TransitionLog.objects.filter(submission=rejected).latest("pk")
    assert (entry.transition, entry.from_state, entry.to_state) == (
        "appeal",
        "rejected",
        "appealed",
    )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["ada@example.org", "owner@example.org"]  # not the deciding editor


def test_a_desk_rejection_can_be_appealed_too(people):
    owner, deciding, other, _ = people
    submission = factories.submission_in("submitted", owner, deciding, [])
    services.desk_reject(submission, deciding, reason="Scope", letter="Out of scope.")
    assert services.appeal(fresh(submission), owner, reasons=REASONS).state == S.APPEALED
    assert fresh(submission).appeal_record.decision.kind == "desk_reject"


def test_an_appeal_needs_reasons(people, rejected):
    with pytest.raises(ValidationError) as error:
        services.appeal(rejected, people[0], reasons="  ")
    assert "reasons" in error.value.message_dict
    assert fresh(rejected).state == S.REJECTED and not Appeal.objects.exists()


def test_an_appeal_after_the_window_is_a_409_that_says_so(people, rejected, settings):
    settings.TOOLKIT_APPEAL_WINDOW_DAYS = 30
    Decision.objects.filter(submission=rejected).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    with pytest.raises(Conflict) as error:
        services.appeal(rejected, people[0], reasons=REASONS)
    assert "time to appeal" in str(error.value.detail)
    assert fresh(rejected).state == S.REJECTED


def test_a_decision_is_appealed_once(people, appealed):
    owner, deciding, other, _ = people
    services.uphold_appeal(appealed, other, letter="The reviews stand.")
    with pytest.raises(Conflict) as error:
        services.appeal(fresh(appealed), owner, reasons="Again")
    assert "already been appealed" in str(error.value.detail)
    assert Appeal.objects.count() == 1


def test_only_the_authors_appeal_and_outsiders_cannot_see_it(people, rejected):
    owner, deciding, other, reviewers = people
    with pytest.raises(Http404):
        services.appeal(rejected, factories.user("nosy"), reasons=REASONS)
    for actor in (deciding, other, reviewers[0]):
        with pytest.raises((PermissionDenied, Http404)):
            services.appeal(rejected, actor, reasons=REASONS)
    assert fresh(rejected).state == S.REJECTED


# --- another editor answers ------------------------------------------------------------------


def test_another_editor_upholds_the_decision_with_a_letter(
    people, appealed, django_capture_on_commit_callbacks
):
    owner, deciding, other, _ = people
    with django_capture_on_commit_callbacks(execute=True):
        result = services.uphold_appeal(appealed, other, letter="We read both reviews again.")
    assert result.state == S.REJECTED
    appeal = fresh(appealed).appeal_record
    assert (appeal.outcome, appeal.handled_by, appeal.letter) == (
        "upheld",
        other,
        "We read both reviews again.",
    )
    assert appeal.decided_at is not None
    [message] = mail.outbox
    assert message.to == ["owner@example.org"] and "Decision upheld" in message.subject
    assert "We read both reviews again." in message.body


def test_upholding_needs_a_letter(people, appealed):
    with pytest.raises(ValidationError):
        services.uphold_appeal(appealed, people[2], letter="")
    assert fresh(appealed).state == S.APPEALED


def test_overturning_sends_the_submission_back_to_review_in_a_new_round(
    people, appealed, django_capture_on_commit_callbacks
):
    owner, deciding, other, _ = people
    rounds = appealed.rounds.count()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.overturn_appeal(appealed, other, letter="A third reviewer will look.")
    assert result.state == S.IN_REVIEW
    submission = fresh(appealed)
    assert submission.rounds.count() == rounds + 1
    assert submission.open_round.number == rounds + 1
    assert submission.appeal_record.outcome == "overturned"
    assert [m.to[0] for m in mail.outbox] == ["owner@example.org"]
    assert "returns to peer review" in mail.outbox[0].body


@pytest.mark.parametrize("name", ["uphold_appeal", "overturn_appeal"])
def test_the_editor_who_decided_cannot_answer_the_appeal(people, appealed, name):
    owner, deciding, other, reviewers = people
    with pytest.raises(PermissionDenied):
        getattr(services, name)(appealed, deciding, letter="Mine stands.")
    for actor in (owner, reviewers[0]):
        with pytest.raises((PermissionDenied, Http404)):
            getattr(services, name)(appealed, actor, letter="x")
    with pytest.raises(Http404):
        getattr(services, name)(appealed, factories.user("nosy"), letter="x")
    assert fresh(appealed).state == S.APPEALED


@pytest.mark.parametrize("state", factories.WORKFLOW_STATES)
@pytest.mark.parametrize("name", ["uphold_appeal", "overturn_appeal"])
def test_an_appeal_is_answered_only_while_it_is_pending(people, state, name):
    owner, deciding, other, reviewers = people
    submission = factories.submission_in(state, owner, deciding, reviewers)
    if state == "draft":
        with pytest.raises(Http404):
            getattr(services, name)(submission, other, letter="x")
        return
    if state == "appealed":
        assert getattr(services, name)(submission, other, letter="Answered.").state in (
            S.REJECTED,
            S.IN_REVIEW,
        )
        return
    with pytest.raises(Conflict):
        getattr(services, name)(submission, other, letter="x")
    assert fresh(submission).state == state.replace("resubmitted", "submitted")


# --- pages -----------------------------------------------------------------------------------


def test_the_contributor_page_offers_the_appeal_and_then_shows_it(client, people, rejected):
    owner = people[0]
    client.force_login(owner)
    page = client.get(rejected.get_absolute_url()).content.decode()
    assert "Appeal the decision" in page and 'name="appeal-reasons"' in page
    response = client.post(f"/submissions/{rejected.uuid}/appeal/", {"appeal-reasons": ""})
    assert response.status_code == 400 and "Give your reasons" in response.content.decode()
    response = client.post(
        f"/submissions/{rejected.uuid}/appeal/", {"appeal-reasons": REASONS}, follow=True
    )
    page = response.content.decode()
    assert "Your appeal has been sent" in page
    assert "Under appeal" in page and "misread the learner level" in page
    assert "Ed Decides" not in page and "Appeal the decision" not in page


def test_a_reviewer_never_sees_the_appeal(client, people, appealed):
    reviewer = people[3][0]
    from reviews import anonymity

    assert anonymity.appeal_for(anonymity.Viewer(reviewer, appealed)) is None


def test_the_other_editor_answers_on_the_submission_page(client, people, appealed):
    owner, deciding, other, _ = people
    client.force_login(other)
    page = client.get(appealed.get_editor_url()).content.decode()
    assert "misread the learner level" in page
    assert "Uphold the decision" in page and "Overturn the decision" in page
    response = client.post(
        f"/editor/submissions/{appealed.uuid}/decide/uphold_appeal/",
        {"letter": "The reviews stand."},
        follow=True,
    )
    assert response.status_code == 200
    assert fresh(appealed).state == S.REJECTED


def test_the_deciding_editor_sees_the_appeal_but_no_way_to_answer_it(client, people, appealed):
    client.force_login(people[1])
    page = client.get(appealed.get_editor_url()).content.decode()
    assert "misread the learner level" in page
    assert "Uphold the decision" not in page
    assert "another editor answers it" in page
    response = client.post(
        f"/editor/submissions/{appealed.uuid}/decide/overturn_appeal/", {"letter": ""}
    )
    assert response.status_code == 403


# --- API -------------------------------------------------------------------------------------


def test_the_api_runs_the_appeal_and_shows_it_to_authors_without_the_editors_names(
    client, people, rejected
):
    owner, deciding, other, _ = people
    auth = {"HTTP_AUTHORIZATION": f"Token {factories.api_key(owner)}"}
    url = f"/api/v1/submissions/{rejected.uuid}/transitions/appeal/"
    assert client.post(url, {}, content_type="application/json", **auth).status_code == 400
    response = client.post(url, {"reasons": REASONS}, content_type="application/json", **auth)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["state"] == "appealed"
    assert data["appeal"]["outcome"] == "pending" and data["appeal"]["reasons"] == REASONS
    assert "handled_by" not in data["appeal"] and "decided_by" not in data["appeal"]
    again = client.post(url, {"reasons": REASONS}, content_type="application/json", **auth)
    assert again.status_code == 409


def test_the_api_refuses_the_deciding_editor_with_403(client, people, appealed):
    auth = {"HTTP_AUTHORIZATION": f"Token {factories.api_key(people[1])}"}
    url = f"/api/v1/submissions/{appealed.uuid}/transitions/overturn_appeal/"
    assert client.post(url, {}, content_type="application/json", **auth).status_code == 403
    auth = {"HTTP_AUTHORIZATION": f"Token {factories.api_key(people[2])}"}
    response = client.post(url, {}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["state"] == "in_review"


# --- races -----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_answers_to_one_appeal_make_one_answer(reviewers):
    owner = factories.user("owner")
    deciding = factories.user("ed", roles=["contributor", "editor"])
    editors = [factories.user(f"ed{i}", roles=["editor"]) for i in range(4)]
    submission = factories.submission_in("rejected", owner, deciding, reviewers)
    services.appeal(submission, owner, reasons=REASONS)
    calls = [
        lambda e=e: services.uphold_appeal(fresh(submission), e, letter="Upheld.")
        for e in editors[:2]
    ] + [
        lambda e=e: services.overturn_appeal(fresh(submission), e, letter="Overturned.")
        for e in editors[2:]
    ]
    counts = outcomes(race(calls))
    assert counts == {"ok": 1, "Conflict": 3}, counts
    answers = TransitionLog.objects.filter(
        submission=submission, transition__in=["uphold_appeal", "overturn_appeal"]
    )
    assert answers.count() == 1
    assert Appeal.objects.get(submission=submission).outcome in ("upheld", "overturned")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_appeals_by_two_authors_make_one_appeal(reviewers):
    owner = factories.user("owner")
    deciding = factories.user("ed", roles=["contributor", "editor"])
    submission = factories.submission_in("rejected", owner, deciding, reviewers)
    counts = outcomes(
        race([lambda: services.appeal(fresh(submission), owner, reasons=REASONS)] * 4)
    )
    assert counts == {"ok": 1, "Conflict": 3}, counts
    assert Appeal.objects.filter(submission=submission).count() == 1
