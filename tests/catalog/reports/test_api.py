"""Implementation reports in the API: a resource's published reports for anyone; the
reporter's, editors' and authors' actions through the same services; the ladder."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from catalog.reports.models import ImplementationReport
from tests import factories
from tests.catalog.reports.conftest import REPORT, fresh, in_state

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {factories.api_key(user)}")
    return client


def reports_of(resource):
    return f"/api/v1/resources/{resource.slug}/reports/"


def test_a_resources_published_reports_are_public_with_the_summary(published, resource):
    response = api().get(reports_of(resource))
    assert response.status_code == 200
    body = response.json()
    assert body["summary"] == {
        "count": 1,
        "rated": 1,
        "average": 4.0,
        "text": "4.0 of 5 from 1 report",
    }
    [report] = body["results"]
    assert report["signature"] == "Rae Reporter" and report["rating"] == 4
    assert report["learner_level"] == "gme-residency"
    assert "<em>engaged</em>" in report["outcome_html"]
    assert "state" not in report and "reason" not in report
    assert "reporter@example.org" not in response.content.decode()


def test_pending_hidden_and_rejected_reports_are_not_public(reporter, resource, editor, outsider):
    in_state("pending", reporter, resource, editor)
    in_state("hidden", outsider, resource, editor)
    in_state("rejected", factories.user("third"), resource, editor)
    body = api().get(reports_of(resource)).json()
    assert body["results"] == [] and body["summary"]["count"] == 0


def test_an_unknown_resource_has_no_reports(db):
    assert api().get("/api/v1/resources/nope/reports/").status_code == 404


def test_script_in_a_report_is_sanitised_in_the_html_fields(
    reporter, resource, editor, django_capture_on_commit_callbacks
):
    report = in_state("published", reporter, resource, editor)
    ImplementationReport.objects.filter(pk=report.pk).update(outcome="<script>x()</script>Hi")
    [item] = api().get(reports_of(resource)).json()["results"]
    assert "<script" not in item["outcome_html"] and "Hi" in item["outcome_html"]


# --- posting and the reporter's actions ------------------------------------------------------


def test_posting_needs_an_account(resource):
    response = api().post("/api/v1/reports/", {**REPORT, "resource": resource.slug}, format="json")
    assert response.status_code == 401


def test_a_user_posts_a_report_that_waits(resource, outsider):
    response = api(outsider).post(
        "/api/v1/reports/", {**REPORT, "resource": resource.slug}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["state"] == "pending"
    assert api().get(reports_of(resource)).json()["results"] == []


def test_bad_input_is_a_400_with_messages(resource, outsider):
    response = api(outsider).post(
        "/api/v1/reports/",
        {**REPORT, "resource": resource.slug, "learner_level": "nope", "outcome": ""},
        format="json",
    )
    assert response.status_code == 400
    assert "outcome" in response.json()


def test_an_author_posting_on_their_resource_is_a_403(resource, author):
    response = api(author).post(
        "/api/v1/reports/", {**REPORT, "resource": resource.slug}, format="json"
    )
    assert response.status_code == 403


def test_posting_past_the_throttle_is_a_429(resource, outsider, settings):
    settings.TOOLKIT_REPORTS_PER_DAY = 1
    client = api(outsider)
    other = factories.resource("Another one")
    assert client.post("/api/v1/reports/", {**REPORT, "resource": other.slug}).status_code == 201
    response = client.post("/api/v1/reports/", {**REPORT, "resource": resource.slug})
    assert response.status_code == 429 and "1 reports today" in response.json()["detail"]


def test_the_reporter_edits_and_withdraws_and_others_cannot(published, reporter, outsider):
    url = f"/api/v1/reports/{published.uuid}/"
    assert api(outsider).patch(url, {"outcome": "Mine now"}, format="json").status_code == 403
    response = api(reporter).patch(url, {"outcome": "Edited."}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "pending"
    assert fresh(published).group_size == 12  # the fields not sent are kept
    assert api(outsider).post(f"{url}withdraw/").status_code == 404  # pending: not visible
    assert api(reporter).post(f"{url}withdraw/").json()["state"] == "withdrawn"
    assert api(reporter).post(f"{url}withdraw/").status_code == 409


def test_the_list_shows_the_callers_own_reports_in_every_state(reporter, resource, editor):
    in_state("rejected", reporter, resource, editor)
    mine = api(reporter).get("/api/v1/reports/?state=rejected").json()["results"]
    assert [r["reason"] for r in mine] == ["Off topic."]
    assert (
        api(factories.user("other")).get("/api/v1/reports/?state=rejected").json()["results"] == []
    )
    assert api(reporter).get("/api/v1/reports/?state=nope").status_code == 400


# --- editors and authors ---------------------------------------------------------------------


def test_an_editor_sees_the_queue_and_approves_through_the_api(
    pending, editor, django_capture_on_commit_callbacks
):
    queue = api(editor).get("/api/v1/reports/?state=pending").json()["results"]
    assert [r["uuid"] for r in queue] == [str(pending.uuid)]
    with django_capture_on_commit_callbacks(execute=True):
        response = api(editor).post(f"/api/v1/reports/{pending.uuid}/approve/")
    assert response.status_code == 200 and response.json()["state"] == "published"
    assert len(mail.outbox) == 2  # the reporter and the resource's author, once each
    assert api(editor).post(f"/api/v1/reports/{pending.uuid}/approve/").status_code == 409


@pytest.mark.parametrize("action", ["approve", "reject", "hide"])
def test_the_moderation_ladder_in_the_api(pending, reporter, outsider, action):
    url = f"/api/v1/reports/{pending.uuid}/{action}/"
    assert api().post(url, {"reason": "x"}).status_code == 401
    assert api(outsider).post(url, {"reason": "x"}).status_code == 404
    assert api(reporter).post(url, {"reason": "x"}).status_code == 403


def test_reject_and_hide_need_a_reason(pending, editor):
    url = f"/api/v1/reports/{pending.uuid}/reject/"
    assert api(editor).post(url, {}).status_code == 400
    response = api(editor).post(url, {"reason": "Off topic."}, format="json")
    assert response.json()["state"] == "rejected"
    assert (
        api(editor).post(f"/api/v1/reports/{pending.uuid}/hide/", {"reason": "x"}).status_code
        == 409
    )


def test_the_author_answers_once_through_the_api(published, author, outsider):
    url = f"/api/v1/reports/{published.uuid}/answer/"
    assert api(outsider).post(url, {"answer": "Hi"}).status_code == 403
    response = api(author).post(url, {"answer": "Thanks."}, format="json")
    assert response.status_code == 200 and response.json()["answered_by"] == "Ada Author"
    assert api(author).post(url, {"answer": "Again"}).status_code == 409
