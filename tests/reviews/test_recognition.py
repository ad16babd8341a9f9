"""Reviewer recognition (issue 16 item 6): the decision e-mail to reviewers, My reviewing and
its yearly certificate, the opt-in thank-you page, and what editors alone see: response and
completion times and the helpfulness of a review (never shown to the reviewer)."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from pypdf import PdfReader

from reviews import services
from reviews.models import (
    Decision,
    HelpfulnessRating,
    ReviewAssignment,
    TransitionLog,
)
from tests import factories
from tests.canaries import api
from tests.races import outcomes, race
from toolkit.errors import Conflict
from toolkit.mail.models import OutboundMessage

pytestmark = pytest.mark.django_db

TITLE = "Interpreters on the wards: a simulation"


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner", email="olive@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    outsider = factories.user("otto", display_name="Otto Outsider")
    return owner, editor, outsider, reviewers


def write_review(assignment, reviewer, comments, confidential, recommendation="accept"):
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    services.save_review_draft(
        assignment,
        reviewer,
        answers={
            **factories.COMPLETE_ANSWERS,
            "methods": {"score": 3, "concerns": f"Timing is tight ({comments[:12]})."},
        },
        recommendation=recommendation,
        comments_to_authors=comments,
        confidential_comments=confidential,
    )
    return services.complete_review(assignment, reviewer)


@pytest.fixture
def reviewed(people, django_capture_on_commit_callbacks):
    """In review: rev1 and rev2 completed reviews, rev3 was invited and never answered."""
    owner, editor, _, (r1, r2, r3) = people
    with django_capture_on_commit_callbacks(execute=True):
        submission = factories.draft(owner, title=TITLE)
        services.submit(submission, owner)
        services.send_to_review(submission, editor)
        a1 = services.invite(submission, editor, reviewer=r1)
        a2 = services.invite(submission, editor, reviewer=r2)
        services.invite(submission, editor, reviewer=r3)
        write_review(a1, r1, "First: the debrief needs a guide.", "Secret one: weak on cases.")
        write_review(
            a2, r2, "Second: add a note on interpreters.", "Secret two: I know them.", "reject"
        )
    submission.refresh_from_db()
    mail.outbox.clear()
    return (
        submission,
        ReviewAssignment.objects.get(pk=a1.pk),
        ReviewAssignment.objects.get(pk=a2.pk),
    )


def decide(submission, editor, django_capture_on_commit_callbacks, name="accept"):
    with django_capture_on_commit_callbacks(execute=True):
        return factories.transition(name, submission, submission.owner, editor)


def decision_mail(person):
    return [m for m in mail.outbox if m.to == [person.email] and "reviewing" in m.subject]


# --- the decision e-mail to reviewers -------------------------------------------------------


def test_each_reviewer_who_completed_a_review_gets_the_outcome_and_the_other_review(
    people, reviewed, django_capture_on_commit_callbacks
):
    owner, editor, _, (r1, r2, r3) = people
    submission, a1, a2 = reviewed
    decide(submission, editor, django_capture_on_commit_callbacks, "accept")
    (to_r1,) = decision_mail(r1)
    (to_r2,) = decision_mail(r2)
    assert decision_mail(r3) == []  # invited, never reviewed
    for message, own, other, other_label, other_name in (
        (to_r1, "First:", "Second: add a note on", f"Reviewer {a2.reviewer_number}", r2),
        (to_r2, "Second:", "First: the debrief needs", f"Reviewer {a1.reviewer_number}", r1),
    ):
        body = message.body
        assert "The editors have decided: Accepted." in body
        assert f"{other_label}:\n> {other}" in body
        assert "> Concerns noted in the rubric:" in body
        assert own not in body  # their own review is not sent back
        for secret in ("Secret one", "Secret two", other_name.display_name, "Olive Owner"):
            assert secret not in body
        assert "reject" not in body.lower()  # no recommendation
        assert "/reviews/history/" in body
        html = message.alternatives[0][0]
        assert "<blockquote" in html and "Secret" not in html


def test_a_lone_reviewer_is_told_theirs_was_the_only_review(
    people, django_capture_on_commit_callbacks
):
    owner, editor, _, (r1, *_rest) = people
    with django_capture_on_commit_callbacks(execute=True):
        submission, (assignment,) = factories.in_review(owner, editor, [r1], completed=1)
    mail.outbox.clear()
    decide(submission, editor, django_capture_on_commit_callbacks, "request_revisions")
    (message,) = decision_mail(r1)
    assert "Yours was the only review of this round." in message.body


def test_a_desk_rejection_mails_no_reviewer(people, django_capture_on_commit_callbacks):
    owner, editor, _, reviewers = people
    with django_capture_on_commit_callbacks(execute=True):
        submission = factories.submission_in("submitted", owner, editor, reviewers)
    mail.outbox.clear()
    decide(submission, editor, django_capture_on_commit_callbacks, "desk_reject")
    assert [m.to[0] for m in mail.outbox] == [owner.email]


def test_a_decision_tried_again_sends_the_reviewers_nothing_more(
    people, reviewed, django_capture_on_commit_callbacks
):
    owner, editor, _, (r1, r2, _r3) = people
    submission, *_ = reviewed
    decide(submission, editor, django_capture_on_commit_callbacks, "reject")
    with pytest.raises(Conflict), django_capture_on_commit_callbacks(execute=True):
        services.reject(submission, editor, letter="Again.")
    assert len(decision_mail(r1)) == 1 and len(decision_mail(r2)) == 1
    assert OutboundMessage.objects.filter(event="decision_reviewer").count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_decisions_mail_each_reviewer_once(reviewers):
    owner = factories.user("owner")
    editors = [factories.user(f"ed{i}", roles=["contributor", "editor"]) for i in range(4)]
    submission, _ = factories.in_review(owner, editors[0], reviewers[:2], completed=2)

    def fresh():
        return services.Submission.objects.get(pk=submission.pk)

    calls = [lambda e=e: services.reject(fresh(), e, letter="No.") for e in editors[:2]] + [
        lambda e=e: services.accept(fresh(), e, letter="Yes.") for e in editors[2:]
    ]
    counts = outcomes(race(calls))
    assert counts == {"ok": 1, "Conflict": 3}, counts
    assert Decision.objects.filter(submission=submission).count() == 1
    sent = OutboundMessage.objects.filter(event="decision_reviewer")
    assert sorted(sent.values_list("recipient", flat=True)) == sorted(
        r.email for r in reviewers[:2]
    )


# --- My reviewing --------------------------------------------------------------------------


@pytest.fixture
def history(people, reviewed, django_capture_on_commit_callbacks):
    """rev1's review: accepted 3 days after the invitation, submitted 5 days later, on time;
    a second, late review of another submission last year."""
    owner, editor, _, (r1, r2, _r3) = people
    submission, a1, _ = reviewed
    decide(submission, editor, django_capture_on_commit_callbacks, "accept")
    now = timezone.now()
    ReviewAssignment.objects.filter(pk=a1.pk).update(
        invited_at=now - timedelta(days=8),
        responded_at=now - timedelta(days=5),
        completed_at=now,
        review_due=timezone.localdate(now) + timedelta(days=20),
    )
    with django_capture_on_commit_callbacks(execute=True):
        other, (late,) = factories.in_review(owner, editor, [r1], completed=1, title="Other one")
    last_year = now.replace(year=now.year - 1, month=6, day=15)
    ReviewAssignment.objects.filter(pk=late.pk).update(
        invited_at=last_year - timedelta(days=40),
        responded_at=last_year - timedelta(days=38),
        completed_at=last_year,
        review_due=(last_year - timedelta(days=10)).date(),
    )
    mail.outbox.clear()
    return r1, now.year


def test_my_reviewing_shows_the_years_on_time_late_and_average_days(client, history):
    r1, year = history
    client.force_login(r1)
    page = client.get("/reviews/history/").content.decode()
    assert "<h1>My reviewing</h1>" in page
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert f"{year} 1 review completed: 1 on time, 0 late; 5.0 days on average" in text
    assert f"{year - 1} 1 review completed: 0 on time, 1 late; 38.0 days on average" in text
    assert "Reviews completed 2 On time 1 Late 1 Average days to complete 21.5" in text
    assert f"/reviews/history/{year}/certificate.pdf" in page
    assert TITLE in page  # the reviewer's own review, titled as in My reviews


def test_my_reviewing_is_linked_from_the_reviewers_navigation(client, people):
    reviewer = people[3][0]
    client.force_login(reviewer)
    page = client.get("/reviews/").content.decode()
    assert '<a href="/reviews/history/">My reviewing</a>' in page
    current = client.get("/reviews/history/").content.decode()
    assert '<a href="/reviews/history/" aria-current="page">My reviewing</a>' in current
    assert '<a href="/reviews/" aria-current="page">' not in current


def test_my_reviewing_and_the_certificate_permission_ladder(client, people, history):
    _owner, editor, outsider, (r1, r2, _r3) = people
    _, year = history
    paths = ["/reviews/history/", f"/reviews/history/{year}/certificate.pdf"]
    for path in paths:
        assert client.get(path)["Location"].startswith("/accounts/login/?next=")
    for person in (outsider, editor):  # neither reviews
        client.force_login(person)
        for path in paths:
            assert client.get(path).status_code == 403, (person, path)
    client.force_login(r2)  # another reviewer: their own history, never rev1's
    page = client.get("/reviews/history/").content.decode()
    assert "Other one" not in page and "1 review completed" in page
    client.force_login(r1)
    for path in paths:
        assert client.get(path).status_code == 200
    assert client.post(paths[0]).status_code == 405


def test_a_former_reviewer_keeps_their_history(client, history):
    r1, year = history
    r1.groups.clear()
    client.force_login(r1)
    assert client.get("/reviews/history/").status_code == 200


def test_a_reviewer_with_nothing_completed_sees_an_empty_history(client, people):
    client.force_login(people[3][2])
    response = client.get("/reviews/history/")
    assert response.status_code == 200
    assert "You have not completed a review yet." in response.content.decode()


# --- the certificate ----------------------------------------------------------------------


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), reader


def test_the_certificate_names_the_reviewer_the_year_and_the_count_and_no_resource(client, history):
    r1, year = history
    r1.display_name = "Dr. Luis Fernández"
    r1.save()
    client.force_login(r1)
    response = client.get(f"/reviews/history/{year - 1}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert f'filename="certificate-of-peer-review-{year - 1}.pdf"' in disposition
    text, reader = pdf_text(response.content)
    assert len(reader.pages) == 1
    assert "Certificate of peer review" in text
    assert "Dr. Luis Fernández" in text
    assert f"completed 1 review for the Health Disparities Toolkit in {year - 1}." in text
    for private in ("Other one", TITLE, "Olive Owner", "olive@example.org", "Interpreters"):
        assert private not in text
    assert reader.metadata.title == f"Certificate of peer review, {year - 1}"


def test_a_certificate_counts_every_review_of_its_year(client, people, history):
    r1, year = history
    owner, editor = people[0], people[1]
    factories.in_review(owner, editor, [r1], completed=1, title="Third")
    client.force_login(r1)
    text, _ = pdf_text(client.get(f"/reviews/history/{year}/certificate.pdf").content)
    assert f"completed 2 reviews for the Health Disparities Toolkit in {year}." in text


def test_a_year_without_a_completed_review_has_no_certificate(client, history):
    r1, year = history
    client.force_login(r1)
    assert client.get(f"/reviews/history/{year - 5}/certificate.pdf").status_code == 404


@pytest.mark.parametrize("asked", [0, 1900, 99999999, 10**30])
def test_a_certificate_for_a_year_outside_the_calendar_is_404_not_an_error(client, history, asked):
    r1, _ = history
    client.force_login(r1)
    assert client.get(f"/reviews/history/{asked}/certificate.pdf").status_code == 404
    assert client.get(f"/reviewers/{asked}/").status_code == 404


def test_a_name_outside_latin_1_is_written_on_the_certificate(client, history):
    r1, year = history
    r1.display_name = "Łukasz Żółw 陈"
    r1.save()
    client.force_login(r1)
    response = client.get(f"/reviews/history/{year}/certificate.pdf")
    assert response.status_code == 200
    text, _ = pdf_text(response.content)
    assert "ukasz" in text  # with a Unicode font if the system has one, else folded


# --- thank you to our reviewers ---------------------------------------------------------------


def test_the_thank_you_page_lists_only_reviewers_who_opted_in(client, people, history):
    _owner, _editor, _outsider, (r1, r2, r3) = people
    _, year = history
    for person in (r1, r3):  # r3 opted in but completed nothing
        person.thanked_publicly = True
        person.save()
    page = client.get(f"/reviewers/{year}/").content.decode()
    assert "Thank you to our reviewers, " + str(year) in page
    assert "Reviewer Person 1" in page
    assert "Reviewer Person 2" not in page  # completed a review, did not opt in
    assert "Reviewer Person 3" not in page  # opted in, completed no review
    assert TITLE not in page
    earlier = client.get(f"/reviewers/{year - 1}/").content.decode()
    assert "Reviewer Person 1" in earlier
    older = client.get(f"/reviewers/{year - 2}/").content.decode()
    assert "Reviewer Person 1" not in older
    assert "No reviewer of" in older


def test_the_thank_you_page_is_public_and_for_past_and_present_years_only(client, history):
    r1, year = history
    r1.thanked_publicly = True
    r1.save()
    assert client.get("/reviewers/")["Location"] == f"/reviewers/{year}/"
    assert client.get(f"/reviewers/{year + 1}/").status_code == 404
    assert client.post(f"/reviewers/{year}/").status_code == 405
    r1.is_active = False
    r1.save()
    assert "Reviewer Person 1" not in client.get(f"/reviewers/{year}/").content.decode()


def test_a_reviewer_opts_in_on_their_profile(client, people):
    reviewer = people[3][0]
    client.force_login(reviewer)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="thanked_publicly"' in page
    response = client.post(
        "/accounts/profile/",
        {
            "display_name": reviewer.display_name,
            "email": reviewer.email,
            "thanked_publicly": "on",
        },
    )
    assert response.status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.thanked_publicly is True


# --- editors: times and helpfulness ----------------------------------------------------------


def test_the_reviewer_record_permission_ladder(client, people, history):
    _owner, editor, outsider, (r1, r2, _r3) = people
    path = f"/editor/reviewers/{r1.pk}/"
    assert client.get(path)["Location"].startswith("/accounts/login/?next=")
    for person in (outsider, r2, r1):
        client.force_login(person)
        assert client.get(path).status_code == 403
    client.force_login(editor)
    page = client.get(path).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Median response time 2.5 days" in text  # 3 and 2 days from invitation to answer
    assert "Median completion time 21.5 days" in text  # 5 and 38 days from accepting
    assert TITLE in page
    assert client.get(f"/editor/reviewers/{outsider.pk}/").status_code == 404
    assert client.get("/editor/reviewers/999999/").status_code == 404


def test_an_editor_does_not_see_the_reviewers_of_their_own_work_on_the_record(
    client, people, reviewers, django_capture_on_commit_callbacks
):
    owner, editor, *_ = people
    other_editor = factories.user("ed2", roles=["contributor", "editor"])
    with django_capture_on_commit_callbacks(execute=True):
        factories.in_review(editor, other_editor, reviewers[:1], completed=1, title="Ed's own")
    client.force_login(editor)
    page = client.get(f"/editor/reviewers/{reviewers[0].pk}/").content.decode()
    assert "Ed&#x27;s own" not in page and "Ed's own" not in page
    client.force_login(other_editor)
    assert "Ed&#x27;s own" in client.get(f"/editor/reviewers/{reviewers[0].pk}/").content.decode()


def test_the_suggestions_show_each_reviewers_median_times(
    client, people, history, django_capture_on_commit_callbacks
):
    owner, editor, _, (r1, *_rest) = people
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = factories.in_review(owner, editor, [], title="Needs reviewers")
    client.force_login(editor)
    page = client.get(f"/editor/submissions/{submission.uuid}/").content.decode()
    row = page[page.index(f'href="/editor/reviewers/{r1.pk}/"') :]
    row = row[: row.index("</tr>")]
    assert "2.5 / 21.5" in row


def test_rating_a_review_follows_the_404_403_409_400_ladder(people, reviewed, reviewers):
    owner, editor, outsider, (r1, r2, r3) = people
    submission, a1, _ = reviewed
    with pytest.raises(Http404):
        services.rate_review(a1, outsider, helpfulness=3)
    with pytest.raises(PermissionDenied):
        services.rate_review(a1, r1, helpfulness=3)  # their own review
    open_one = ReviewAssignment.objects.get(round__submission=submission, reviewer=r3)
    with pytest.raises(Conflict):
        services.rate_review(open_one, editor, helpfulness=3)
    for bad in (0, 4, "", "very", None):
        with pytest.raises(ValidationError):
            services.rate_review(a1, editor, helpfulness=bad)
    assert not HelpfulnessRating.objects.exists()
    assert services.rate_review(a1, editor, helpfulness="2") == 2
    assert services.rate_review(a1, editor, helpfulness=3) == 3  # changed, logged each time
    assert HelpfulnessRating.objects.get().score == 3
    entries = TransitionLog.objects.filter(transition="rate_review", assignment=a1)
    assert list(entries.values_list("reason", "actor")) == [("2", editor.pk), ("3", editor.pk)]


def test_an_editor_cannot_rate_reviews_of_their_own_work(people, reviewers):
    _owner, editor, *_ = people
    other_editor = factories.user("ed2", roles=["contributor", "editor"])
    _, (assignment,) = factories.in_review(editor, other_editor, reviewers[:1], completed=1)
    with pytest.raises(Http404):
        services.rate_review(assignment, editor, helpfulness=3)
    assert services.rate_review(assignment, other_editor, helpfulness=1) == 1


def test_an_editor_rates_a_review_on_the_submission_page(client, people, reviewed):
    _owner, editor, outsider, (r1, *_rest) = people
    submission, a1, _ = reviewed
    url = f"/editor/submissions/{submission.uuid}/assignments/{a1.uuid}/helpfulness/"
    assert client.post(url, {"helpfulness": "3"})["Location"].startswith("/accounts/login/")
    client.force_login(outsider)
    assert client.post(url, {"helpfulness": "3"}).status_code == 403
    client.force_login(editor)
    page = client.get(f"/editor/submissions/{submission.uuid}/").content.decode()
    assert f'action="{url}"' in page and "How helpful was this review?" in page
    assert client.get(url).status_code == 405
    response = client.post(url, {"helpfulness": "3"})
    assert response.status_code == 302
    assert response["Location"].endswith("#reviews")
    page = client.get(f"/editor/submissions/{submission.uuid}/").content.decode()
    assert 'value="3" checked' in page
    assert client.post(url, {"helpfulness": "9"}).status_code == 400
    assert HelpfulnessRating.objects.get().score == 3
    client.force_login(r1)
    assert client.post(url, {"helpfulness": "1"}).status_code == 403  # not an editor


def test_an_editor_rates_a_review_through_the_api(people, reviewed):
    _owner, editor, outsider, (r1, *_rest) = people
    submission, a1, _ = reviewed
    path = f"/api/v1/assignments/{a1.uuid}/helpfulness/"
    assert api(r1).post(path, {"helpfulness": 1}, format="json").status_code == 403
    assert api(outsider).post(path, {"helpfulness": 1}, format="json").status_code == 404
    assert api(editor).post(path, {"helpfulness": 7}, format="json").status_code == 400
    response = api(editor).post(path, {"helpfulness": 2}, format="json")
    assert response.status_code == 200 and response.json() == {"helpfulness": 2}
    detail = api(editor).get(f"/api/v1/submissions/{submission.uuid}/").json()
    rated = next(r for r in detail["reviews"] if r["assignment"] == str(a1.uuid))
    assert rated["helpfulness"] == 2


def test_the_reviewer_never_sees_a_helpfulness_rating(
    client, people, reviewed, django_capture_on_commit_callbacks
):
    owner, editor, _outsider, (r1, r2, _r3) = people
    submission, a1, a2 = reviewed
    services.rate_review(a1, editor, helpfulness=3)
    services.rate_review(a2, editor, helpfulness=1)
    decide(submission, editor, django_capture_on_commit_callbacks, "accept")
    haystacks = [m.subject + m.body + m.alternatives[0][0] for m in decision_mail(r1)]
    assert haystacks
    client.force_login(r1)
    for path in ("/reviews/", f"/reviews/{a1.uuid}/", "/reviews/history/"):
        response = client.get(path)
        assert response.status_code == 200, path
        haystacks.append(response.content.decode())
    reviewer_api = api(r1)
    for path in (
        "/api/v1/assignments/",
        f"/api/v1/assignments/{a1.uuid}/",
        f"/api/v1/assignments/{a1.uuid}/review/",
        f"/api/v1/submissions/{submission.uuid}/",
    ):
        response = reviewer_api.get(path)
        assert response.status_code == 200, path
        haystacks.append(response.content.decode())
    client.force_login(owner)  # nor do the authors
    haystacks.append(client.get(f"/submissions/{submission.uuid}/").content.decode())
    haystacks.append(api(owner).get(f"/api/v1/submissions/{submission.uuid}/").content.decode())
    for text in haystacks:
        assert "helpful" not in text.lower()
        assert "rate_review" not in text and "rate review" not in text.lower()
