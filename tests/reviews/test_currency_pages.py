"""Currency re-review pages: the desk's queue, the editor's and the reviewer's pages, the
resource page and the API, with the permission ladder, and the anonymity canaries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from catalog.currency import services as currency
from catalog.models import Resource
from reviews.choices import CurrencyState as C
from reviews.models import CurrencyReview
from reviews.services import currency as services
from tests import factories
from tests.canaries import (
    AUTHOR_CANARIES,
    REVIEWER_CANARIES,
    assert_absent,
    build_currency_world,
)

RUBRIC = {
    "rubric-evidence_answer": "yes",
    "rubric-terminology_answer": "concerns",
    "rubric-terminology_comment": "“Non-compliant” in the cases.",
    "rubric-links_answer": "yes",
    "rubric-levels_answer": "yes",
    "rubric-comments": "Otherwise current.",
}


@pytest.fixture
def people(db):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    reviewers = [factories.reviewer_user(f"rev{i}", display_name=f"Rev {i}") for i in range(3)]
    return owner, editor, reviewers


@pytest.fixture
def published(people):
    owner, editor, reviewers = people
    submission = factories.submission_in("published", owner, editor, reviewers)
    Resource.objects.filter(pk=submission.resource_id).update(
        review_by=timezone.localdate() + timedelta(days=30)
    )
    submission.resource.refresh_from_db()
    return submission


def login(client, user):
    client.force_login(user)
    return client


# --- the resource page and the API ---------------------------------------------------------


def test_the_resource_page_shows_the_review_and_the_next_currency_review(client, published):
    resource = published.resource
    page = client.get(resource.get_absolute_url()).content.decode()
    assert f"{resource.reviewed_at:%-d %B %Y}" in page
    assert f'next currency review due <time datetime="{resource.review_by:%Y-%m-%d}">' in page


def test_the_api_gives_the_review_and_review_by_dates(client, published):
    resource = published.resource
    item = client.get(f"/api/v1/resources/{resource.slug}/").json()
    assert item["review_by"] == resource.review_by.isoformat()
    assert item["reviewed_at"]


# --- the desk's queue ----------------------------------------------------------------------


def test_the_desk_lists_resources_due_with_link_status_and_outdated_terms(
    client, published, people
):
    _, editor, _ = people
    resource = published.resource
    Resource.objects.filter(pk=resource.pk).update(description="Patients were non-compliant.")
    currency.flag_terms([Resource.objects.get(pk=resource.pk)])
    currency.record_link(resource.pk, "https://gone.example.org/x", 404, "", "")
    page = login(client, editor).get("/editor/").content.decode()
    assert "Currency reviews due" in page
    assert resource.title in page
    assert "“non-compliant” → non-adherent" in page
    assert "1 broken" in page and "https://gone.example.org/x (404)" in page
    assert "Open a currency review" in page


def test_the_desk_leaves_out_resources_due_later(client, published, people):
    _, editor, _ = people
    Resource.objects.filter(pk=published.resource_id).update(
        review_by=timezone.localdate() + timedelta(days=200)
    )
    page = login(client, editor).get("/editor/").content.decode()
    assert "No published resource is due for a currency review." in page


def test_opening_from_the_desk_leads_to_the_currency_review_and_twice_is_a_409(
    client, published, people
):
    _, editor, _ = people
    login(client, editor)
    url = f"/editor/currency/open/{published.resource.slug}/"
    response = client.post(url)
    review = CurrencyReview.objects.get()
    assert response.status_code == 302 and response["Location"] == review.get_editor_url()
    response = client.post(url)
    assert response.status_code == 409
    assert "already open" in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "contributor", "reviewer"])
def test_only_editors_open_a_currency_review(client, published, people, who):
    owner, _, reviewers = people
    if who != "anonymous":
        login(client, owner if who == "contributor" else reviewers[0])
    response = client.post(f"/editor/currency/open/{published.resource.slug}/")
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert not CurrencyReview.objects.exists()


def test_opening_is_post_only(client, published, people):
    login(client, people[1])
    assert client.get(f"/editor/currency/open/{published.resource.slug}/").status_code == 405


# --- the editor's pages: the ladder ---------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("reviewer", 403),
        ("author_editor", 404),
        ("editor", 200),
    ],
)
def test_the_editor_pages_permission_ladder(client, published, people, who, status):
    owner, editor, reviewers = people
    review = services.open_review(published.resource, editor)
    if who == "author_editor":
        owner.groups.add(*editor.groups.all())
    person = {
        "outsider": factories.user("outsider"),
        "reviewer": reviewers[0],
        "author_editor": owner,
        "editor": editor,
    }.get(who)
    if person:
        login(client, person)
    for url in (
        review.get_editor_url(),
        f"/editor/currency/resources/{published.resource.slug}/",
    ):
        assert client.get(url).status_code == status, url


def test_the_editor_invites_a_reviewer_and_a_missing_choice_is_a_400(
    client, published, people, django_capture_on_commit_callbacks
):
    _, editor, reviewers = people
    review = services.open_review(published.resource, editor)
    login(client, editor)
    url = f"{review.get_editor_url()}invite/"
    response = client.post(url, {"message": "Kept text"})
    assert response.status_code == 400
    assert "Kept text" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reviewer": reviewers[2].username})
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.state, review.reviewer) == (C.INVITED, reviewers[2])
    assert mail.outbox[-1].to == [reviewers[2].email]
    assert review.get_absolute_url() in mail.outbox[-1].body


def test_deciding_in_the_wrong_state_is_a_409_and_an_unknown_decision_a_404(
    client, published, people
):
    _, editor, _ = people
    review = services.open_review(published.resource, editor)
    login(client, editor)
    response = client.post(f"{review.get_editor_url()}decide/recertify/", {"recertify-note": ""})
    assert response.status_code == 409
    assert client.post(f"{review.get_editor_url()}decide/publish/").status_code == 404


def test_a_reviewer_cannot_decide(client, published, people):
    _, editor, reviewers = people
    review = services.open_review(published.resource, editor)
    review = services.invite(review, editor, reviewer=reviewers[0])
    login(client, reviewers[0])
    assert client.post(f"{review.get_editor_url()}decide/recertify/").status_code == 403


def test_the_editor_moves_the_review_by_date_and_a_past_date_is_a_400(client, published, people):
    _, editor, _ = people
    login(client, editor)
    url = f"/editor/currency/resources/{published.resource.slug}/review-by/"
    past = timezone.localdate() - timedelta(days=1)
    response = client.post(url, {"review_by": past.isoformat()})
    assert response.status_code == 400
    assert past.isoformat() in response.content.decode()
    later = timezone.localdate() + timedelta(days=400)
    assert client.post(url, {"review_by": later.isoformat()}).status_code == 302
    assert Resource.objects.get(pk=published.resource_id).review_by == later


# --- the reviewer's page --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("outsider", 404), ("author", 404), ("editor", 404), ("reviewer", 200)],
)
def test_the_reviewer_page_permission_ladder(client, published, people, who, status):
    owner, editor, reviewers = people
    review = services.invite(
        services.open_review(published.resource, editor), editor, reviewer=reviewers[0]
    )
    person = {
        "outsider": factories.user("outsider"),
        "author": owner,
        "editor": editor,
        "reviewer": reviewers[0],
    }.get(who)
    if person:
        login(client, person)
    assert client.get(review.get_absolute_url()).status_code == status
    if who in ("outsider", "author", "editor"):
        url = f"{review.get_absolute_url()}accept/"
        assert client.post(url, {"accept-coi_declaration": "None"}).status_code == 404


def test_the_reviewer_accepts_and_submits_the_rubric_keeping_the_text_on_a_400(
    client, published, people
):
    owner, editor, reviewers = people
    review = services.invite(
        services.open_review(published.resource, editor), editor, reviewer=reviewers[0]
    )
    login(client, reviewers[0])
    base = review.get_absolute_url()
    assert client.post(f"{base}accept/", {"accept-coi_declaration": ""}).status_code == 400
    assert client.post(f"{base}accept/", {"accept-coi_declaration": "None"}).status_code == 302
    incomplete = {k: v for k, v in RUBRIC.items() if k != "rubric-links_answer"}
    response = client.post(f"{base}submit/", incomplete)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Links alive: answer yes, no or concerns." in page
    assert "“Non-compliant” in the cases." in page
    assert client.post(f"{base}submit/", RUBRIC).status_code == 302
    review.refresh_from_db()
    assert review.state == C.SUBMITTED
    assert review.answers["terminology"] == {
        "answer": "concerns",
        "comment": "“Non-compliant” in the cases.",
    }
    assert client.post(f"{base}submit/", RUBRIC).status_code == 409
    # the editor reads it and re-certifies
    login(client, editor)
    page = client.get(review.get_editor_url()).content.decode()
    assert "“Non-compliant” in the cases." in page
    response = client.post(f"{review.get_editor_url()}decide/recertify/", {"recertify-note": ""})
    assert response.status_code == 302
    resource = Resource.objects.get(pk=published.resource_id)
    assert resource.reviewed_at.date() == timezone.localdate()
    page = client.get(resource.get_absolute_url()).content.decode()
    assert f'next currency review due <time datetime="{resource.review_by:%Y-%m-%d}">' in page


def test_asking_for_an_update_without_a_letter_is_a_400_keeping_nothing_lost(
    client, published, people
):
    _, editor, reviewers = people
    review = services.open_review(published.resource, editor)
    review = services.invite(review, editor, reviewer=reviewers[0])
    review = services.accept(review, reviewers[0], coi_declaration="None")
    review = services.submit(
        review,
        reviewers[0],
        answers={k: {"answer": "yes"} for k in ("evidence", "terminology", "links", "levels")},
    )
    login(client, editor)
    url = f"{review.get_editor_url()}decide/request_update/"
    assert client.post(url, {"request_update-letter": ""}).status_code == 400
    assert client.post(url, {"request_update-letter": "Update the data."}).status_code == 302
    review.refresh_from_db()
    assert review.state == C.UPDATE_REQUESTED and review.update_submission is not None


# --- anonymity ------------------------------------------------------------------------------


def test_the_currency_reviewer_never_sees_the_authors(
    client, db, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    author, editor, reviewer, review = build_currency_world(django_capture_on_commit_callbacks)
    login(client, reviewer)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Video" in page  # the link is shown, its label redacted
    invitation = [m for m in mail.outbox if m.to == [reviewer.email]]
    assert invitation
    assert_absent(
        AUTHOR_CANARIES,
        [
            ("reviewer page", page),
            *((f"e-mail {m.subject}", m.subject + m.body) for m in invitation),
        ],
    )


def test_the_authors_never_learn_who_reviewed_for_currency(
    client, db, django_capture_on_commit_callbacks
):
    author, editor, reviewer, review = build_currency_world(django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = services.submit(
            review,
            reviewer,
            answers={k: {"answer": "yes"} for k in ("evidence", "terminology", "links", "levels")},
            comments="— Rosalind Hiddenreview",
        )
        services.request_update(review, editor, letter="Please update the statistics.")
    login(client, author)
    page = client.get(review.submission.get_absolute_url()).content.decode()
    to_author = [m for m in mail.outbox if m.to == [author.email]]
    assert to_author
    assert_absent(
        REVIEWER_CANARIES,
        [("authors' page", page), *((m.subject, m.subject + m.body) for m in to_author)],
    )


def test_the_reviewers_list_links_their_open_currency_reviews(client, published, people):
    _, editor, reviewers = people
    review = services.invite(
        services.open_review(published.resource, editor), editor, reviewer=reviewers[0]
    )
    page = login(client, reviewers[0]).get("/reviews/").content.decode()
    assert review.get_absolute_url() in page
    page = login(client, reviewers[1]).get("/reviews/").content.decode()
    assert review.get_absolute_url() not in page


def test_editors_keep_the_outdated_term_list_in_the_admin_and_others_cannot(client, people):
    owner, editor, _ = people
    login(client, editor)
    assert client.get("/admin/catalog/outdatedterm/").status_code == 200
    response = client.post(
        "/admin/catalog/outdatedterm/add/",
        {
            "term": "suffers from",
            "replacement": "lives with",
            "source": "AP Stylebook",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    from catalog.models import OutdatedTerm

    assert OutdatedTerm.objects.filter(term="suffers from", is_active=True).exists()
    assert client.get("/admin/catalog/linkcheck/").status_code == 403
    login(client, owner)
    assert client.get("/admin/catalog/outdatedterm/").status_code == 302  # to the admin login


def test_the_decision_forms_post_the_names_their_views_read(client, published, people):
    _, editor, reviewers = people
    review = services.open_review(published.resource, editor)
    review = services.invite(review, editor, reviewer=reviewers[0])
    review = services.accept(review, reviewers[0], coi_declaration="None")
    answers = {k: {"answer": "yes"} for k in ("evidence", "terminology", "links", "levels")}
    review = services.submit(review, reviewers[0], answers=answers)
    page = login(client, editor).get(review.get_editor_url()).content.decode()
    for name in ('name="recertify-note"', 'name="request_update-letter"', 'name="retire-reason"'):
        assert name in page


def test_the_reviewer_declines_and_the_editor_is_told_then_retires_after_another_review(
    client, published, people, django_capture_on_commit_callbacks
):
    owner, editor, reviewers = people
    review = services.invite(
        services.open_review(published.resource, editor), editor, reviewer=reviewers[0]
    )
    login(client, reviewers[0])
    url = f"{review.get_absolute_url()}decline/"
    assert client.post(url, {"decline-reason": "other"}).status_code == 400  # a note for “other”
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decline-reason": "too_busy"})
    assert response.status_code == 302 and response["Location"] == "/reviews/"
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "declined" in mail.outbox[0].subject
    review.refresh_from_db()
    assert (review.state, review.reviewer) == (C.OPEN, None)
    assert client.get(review.get_absolute_url()).status_code == 404
    review = services.invite(review, editor, reviewer=reviewers[1])
    review = services.accept(review, reviewers[1], coi_declaration="None")
    answers = {k: {"answer": "no", "comment": "Superseded."} for k in ("evidence", "terminology")}
    answers |= {k: {"answer": "yes"} for k in ("links", "levels")}
    review = services.submit(review, reviewers[1], answers=answers)
    login(client, editor)
    response = client.post(
        f"{review.get_editor_url()}decide/retire/",
        {"retire-reason": "Superseded by 2024 guidance."},
    )
    assert response.status_code == 302
    resource = client.get(published.resource.get_absolute_url())
    assert resource.status_code == 410
    assert "Superseded by 2024 guidance." in resource.content.decode()
