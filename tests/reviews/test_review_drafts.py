"""Nothing typed is lost to a stale tab or an ended session (issue 11 item 7, DESIGN §5).

The draft carries a version; every save names the version it was based on, and a save based
on an older one is refused (409 "stale_draft") without touching the draft, on the page, in
autosave and in the API. A rubric posted while signed out is kept until the reviewer signs in.
"""

import re
import uuid

import pytest
from django.contrib.sessions.models import Session

from reviews import services
from reviews.models import Review
from reviews.views import signed_out
from tests import factories
from tests.reviews.test_pages_reviewer import COMPLETE, page, rubric_post, text
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

FULL = {
    "answers": factories.COMPLETE_ANSWERS,
    "recommendation": "minor_revisions",
    "comments_to_authors": "Clear and runnable; add a debrief guide.",
    "confidential_comments": "Worth publishing.",
}
ONE_COMMENT = rubric_post(comments_to_authors="Just one comment from an old tab.")


@pytest.fixture
def accepted(reviewers):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    _, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    return reviewers[0], assignment


def saved(assignment):
    return Review.objects.get(assignment=assignment)


def assert_full_rubric_kept(assignment):
    review = saved(assignment)
    assert review.answers == services.clean_answers(factories.COMPLETE_ANSWERS)[0]
    assert review.recommendation == "minor_revisions"
    assert review.comments_to_authors == FULL["comments_to_authors"]
    assert review.confidential_comments == FULL["confidential_comments"]


# --- the service ------------------------------------------------------------------------------


def test_every_save_moves_the_draft_version_on(accepted):
    reviewer, assignment = accepted
    assert saved(assignment).version == 0
    assert services.save_review_draft(assignment, reviewer, version=0, **FULL).version == 1
    assert services.save_review_draft(assignment, reviewer, version=1, **FULL).version == 2


def test_a_save_based_on_an_older_version_is_refused_and_changes_nothing(accepted):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    with pytest.raises(Conflict) as error:
        services.save_review_draft(assignment, reviewer, version=0, comments_to_authors="Old.")
    assert error.value.code == "stale_draft"
    assert error.value.extra["version"] == 1
    assert re.fullmatch(r"\d\d:\d\d", error.value.extra["saved_at"])
    assert_full_rubric_kept(assignment)
    assert saved(assignment).version == 1


def test_a_save_changes_only_the_fields_it_is_given(accepted):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    services.save_review_draft(assignment, reviewer, version=1, confidential_comments="Changed.")
    review = saved(assignment)
    assert review.confidential_comments == "Changed."
    assert review.answers and review.recommendation == "minor_revisions"
    assert review.comments_to_authors == FULL["comments_to_authors"]


# --- the page: autosave (JavaScript) ----------------------------------------------------------


def test_the_rubric_form_carries_the_version_of_the_draft_it_shows(client, accepted):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    client.force_login(reviewer)
    html = text(client.get(page(assignment)))
    assert '<input type="hidden" name="version" value="1" id="id_version">' in html


def test_a_stale_tabs_autosave_is_refused_and_the_full_rubric_survives(client, accepted):
    """Issue 11 item 7: a stale tab's autosave of one comment wiped a full rubric with 200."""
    reviewer, assignment = accepted
    client.force_login(reviewer)
    newer = client.post(page(assignment, "autosave"), COMPLETE)  # the other tab: version 0 → 1
    assert newer.status_code == 200
    client.post(page(assignment, "autosave"), {**COMPLETE, "version": "1"})  # → 2
    response = client.post(page(assignment, "autosave"), ONE_COMMENT)  # the stale tab, on 0
    assert response.status_code == 409
    assert newer.json()["version"] == 1
    body = response.json()
    assert body["code"] == "stale_draft" and body["state"] == "accepted"
    assert body["version"] == 2 and re.fullmatch(r"\d\d:\d\d", body["saved_at"])
    review = saved(assignment)
    assert review.version == 2
    assert review.comments_to_authors == "Clear and runnable; add a debrief guide."
    assert review.answers["compliance"]["rights"] is True


# --- the page without JavaScript ----------------------------------------------------------


def test_a_stale_save_keeps_the_typed_text_says_what_happened_and_a_second_save_wins(
    client, accepted
):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, **FULL)  # another tab
    client.force_login(reviewer)
    response = client.post(page(assignment, "save"), ONE_COMMENT)
    assert response.status_code == 409
    html = text(response)
    assert re.search(r"changed in another tab or window at \d\d:\d\d", html)
    assert "your text was not saved. It is kept below" in html
    assert "Just one comment from an old tab.</textarea>" in html
    assert '<input type="hidden" name="version" value="1" id="id_version">' in html
    assert_full_rubric_kept(assignment)
    # Saving the kept text again, as the page now says, replaces the draft knowingly.
    again = client.post(page(assignment, "save"), {**ONE_COMMENT, "version": "1"})
    assert again.status_code == 302
    assert saved(assignment).comments_to_authors == "Just one comment from an old tab."


def test_a_stale_submit_submits_nothing_and_keeps_the_text(client, accepted):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, comments_to_authors="Newer.")
    client.force_login(reviewer)
    response = client.post(page(assignment, "submit"), COMPLETE)
    assert response.status_code == 409
    assert "Clear and runnable; add a debrief guide.</textarea>" in text(response)
    assert saved(assignment).submitted_at is None
    assert saved(assignment).comments_to_authors == "Newer."


def test_a_rubric_from_a_page_without_a_version_is_refused_as_out_of_date_and_kept(
    client, accepted
):
    reviewer, assignment = accepted
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    client.force_login(reviewer)
    data = {k: v for k, v in ONE_COMMENT.items() if k != "version"}
    response = client.post(page(assignment, "save"), data)
    assert response.status_code == 400
    html = text(response)
    assert "This page was out of date, so your text was not saved." in html
    assert "Just one comment from an old tab.</textarea>" in html
    assert '<input type="hidden" name="version" value="1" id="id_version">' in html
    assert_full_rubric_kept(assignment)


def test_a_refused_submit_shows_the_saved_text_as_the_new_version(client, accepted):
    """The submit saved the draft before refusing: saving the shown form again is not stale."""
    reviewer, assignment = accepted
    client.force_login(reviewer)
    response = client.post(page(assignment, "submit"), ONE_COMMENT)
    assert response.status_code == 400
    assert '<input type="hidden" name="version" value="1" id="id_version">' in text(response)
    assert client.post(page(assignment, "save"), {**ONE_COMMENT, "version": "1"}).status_code == 302


# --- the API --------------------------------------------------------------------------------


def api_path(assignment):
    return f"/api/v1/assignments/{assignment.uuid}/review/"


@pytest.fixture
def api(accepted):
    from rest_framework.test import APIClient

    reviewer, assignment = accepted
    client = APIClient()
    client.force_authenticate(reviewer)
    return client, reviewer, assignment


def test_the_api_gives_the_version_and_refuses_a_stale_put(api):
    client, reviewer, assignment = api
    assert client.get(api_path(assignment)).json()["version"] == 0
    first = client.put(api_path(assignment), {"version": 0, **FULL}, format="json")
    assert first.status_code == 200 and first.json()["version"] == 1
    stale = client.put(api_path(assignment), {"version": 0, **FULL}, format="json")
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_draft" and stale.json()["version"] == 1
    stale = client.patch(
        api_path(assignment), {"version": 0, "comments_to_authors": "Old."}, format="json"
    )
    assert stale.status_code == 409
    assert_full_rubric_kept(assignment)


def test_a_put_that_leaves_fields_out_is_refused_and_wipes_nothing(api):
    client, reviewer, assignment = api
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    response = client.put(
        api_path(assignment), {"version": 1, "comments_to_authors": "Only this."}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"answers", "recommendation", "confidential_comments"}
    assert body["answers"] == [
        "PUT replaces the whole draft: send this field too, or PATCH only some fields."
    ]
    assert_full_rubric_kept(assignment)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_save_without_the_version_it_was_based_on_is_refused(api, method):
    client, reviewer, assignment = api
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    response = getattr(client, method)(api_path(assignment), FULL, format="json")
    assert response.status_code == 400
    assert response.json() == {"version": ["Send the draft's version, as GET returned it."]}
    assert_full_rubric_kept(assignment)


def test_a_patch_changes_only_the_fields_and_criteria_it_sends(api):
    client, reviewer, assignment = api
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    response = client.patch(
        api_path(assignment),
        {
            "version": 1,
            "answers": {"objectives": {"score": 2}, "grounding": {}},
            "confidential_comments": "Changed my mind.",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["version"] == 2
    assert body["answers"]["objectives"] == {"score": 2}
    assert "grounding" not in body["answers"]
    assert body["answers"]["methods"] == {"score": 4}  # not sent: kept
    assert body["recommendation"] == "minor_revisions"
    assert body["comments_to_authors"] == FULL["comments_to_authors"]
    assert body["confidential_comments"] == "Changed my mind."


def test_the_schema_documents_put_patch_and_the_version(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operations = schema["paths"]["/api/v1/assignments/{uuid}/review/"]
    components = schema["components"]["schemas"]

    def request_schema(method):
        ref = operations[method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        return components[ref.rsplit("/", 1)[1]]

    put, patch = request_schema("put"), request_schema("patch")
    assert set(put["required"]) == {
        "version",
        "answers",
        "recommendation",
        "comments_to_authors",
        "confidential_comments",
    }
    assert patch["required"] == ["version"]
    assert "stale_draft" in put["properties"]["version"]["description"]
    assert "PATCH" in operations["put"]["description"]
    for method in ("put", "patch"):
        conflict = operations[method]["responses"]["409"]["content"]["application/json"]
        assert conflict["schema"]["$ref"].endswith("/StaleDraft")
    read = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert "version" in components[read["$ref"].rsplit("/", 1)[1]]["properties"]


# --- signed out: kept in the session, restored after sign-in ------------------------------------


def sign_in(client, user, next_url):
    return client.post(
        "/accounts/login/",
        {"username": user.username, "password": factories.PASSWORD, "next": next_url},
        follow=True,
    )


def expire_session(client, user):
    client.login(username=user.username, password=factories.PASSWORD)
    Session.objects.all().delete()  # as when the session times out on the server


@pytest.mark.parametrize("action", ["save", "submit", "autosave"])
def test_a_rubric_posted_after_the_session_ended_is_restored_after_sign_in(
    client, accepted, action
):
    reviewer, assignment = accepted
    expire_session(client, reviewer)
    response = client.post(page(assignment, action), COMPLETE)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/reviews/{assignment.uuid}/"
    assert not saved(assignment).comments_to_authors  # nobody was signed in: not saved

    response = sign_in(client, reviewer, page(assignment))
    assert response.redirect_chain[-1] == (page(assignment), 302)
    html = text(response)
    assert "your review was not saved yet. It is kept for you" in html
    assert "Your text was kept and is back in the form below" in html
    assert "not saved yet" in html
    assert "Clear and runnable; add a debrief guide.</textarea>" in html
    assert "Worth publishing.</textarea>" in html  # the confidential comments, too
    assert 'value="4" id="id_objectives.score_3" checked' in html
    assert not saved(assignment).comments_to_authors  # shown, still not saved

    assert client.post(page(assignment, "save"), COMPLETE).status_code == 302
    assert saved(assignment).comments_to_authors == "Clear and runnable; add a debrief guide."
    assert "kept and is back in the form" not in text(client.get(page(assignment)))


def test_a_kept_rubric_is_dropped_when_someone_else_signs_in(client, accepted, reviewers):
    reviewer, assignment = accepted
    expire_session(client, reviewer)
    client.post(page(assignment, "save"), COMPLETE)
    assert str(assignment.uuid) in client.session[signed_out.SESSION_KEY]
    sign_in(client, reviewers[1], "/reviews/")
    assert client.session[signed_out.SESSION_KEY] == {}
    assert client.get(page(assignment)).status_code == 404
    client.post("/accounts/logout/")
    html = text(sign_in(client, reviewer, page(assignment)))
    assert "Clear and runnable" not in html


def test_a_kept_rubric_is_not_restored_into_a_review_no_longer_open(client, accepted):
    reviewer, assignment = accepted
    expire_session(client, reviewer)
    client.post(page(assignment, "save"), COMPLETE)
    services.save_review_draft(assignment, reviewer, version=0, **FULL)
    services.complete_review(assignment, reviewer)
    html = text(sign_in(client, reviewer, page(assignment)))
    assert "could not be put back: this review is no longer open for writing" in html
    assert client.session[signed_out.SESSION_KEY] == {}


def test_only_a_rubric_for_a_review_open_for_writing_is_kept(client, accepted):
    reviewer, assignment = accepted
    expire_session(client, reviewer)
    for unknown in (uuid.uuid4(), invited_elsewhere(reviewer).uuid):
        response = client.post(f"/reviews/{unknown}/save/", COMPLETE)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next=/reviews/{unknown}/"
        assert signed_out.SESSION_KEY not in client.session


def invited_elsewhere(reviewer):
    owner = factories.user("another-owner")
    editor = factories.user("another-ed", roles=["editor"])
    return factories.in_review(owner, editor, [reviewer])[1][0]


def test_kept_rubrics_are_bounded_in_size_and_number(client, accepted, monkeypatch):
    reviewer, assignment = accepted
    monkeypatch.setattr(signed_out, "MAX_CHARS", 1000)
    expire_session(client, reviewer)
    response = client.post(
        page(assignment, "save"), {**COMPLETE, "comments_to_authors": "x" * 1001}, follow=True
    )
    assert "too long to keep until you sign in" in text(response)
    assert signed_out.SESSION_KEY not in client.session
    others = [factories.reviewer_user(f"other{i}") for i in range(signed_out.MAX_RUBRICS)]
    uuids = []
    for other in others:
        owner = factories.user(f"owner-{other.username}")
        editor = factories.user(f"ed-{other.username}", roles=["editor"])
        _, (theirs,) = factories.in_review(owner, editor, [other])
        services.accept_invitation(theirs, other, coi_declaration="None.")
        client.post(page(theirs, "save"), {"comments_to_authors": "Mine."})
        uuids.append(str(theirs.uuid))
    client.post(page(assignment, "save"), COMPLETE)
    kept = client.session[signed_out.SESSION_KEY]
    assert list(kept) == [*uuids[1:], str(assignment.uuid)]  # the oldest went first
    assert set(kept[str(assignment.uuid)]["data"]) <= set(COMPLETE)
