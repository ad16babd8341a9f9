"""How many SQL queries the main workflow pages and API answers cost (issue 12).

Exact numbers, on a submission in review with three reviewers (two reviews completed): a
change that adds a query per row, or asks again who the viewer is, shows here. Everything
is built before counting; only the request is measured (the session and user included).
"""

from functools import cached_property

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from reviews import anonymity
from reviews.choices import SubmissionState as S
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    return owner, editor, reviewers


@pytest.fixture
def reviewed(people):
    owner, editor, reviewers = people
    return factories.in_review(owner, editor, reviewers, completed=2)


def queries(call, status=200):
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == status
    return len(captured.captured_queries)


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def role_questions(monkeypatch):
    """Every time a Viewer works out its role (once per viewer and submission)."""
    asked = []
    role = anonymity.Viewer.role.func

    def counted(viewer):
        asked.append(viewer.submission.pk)
        return role(viewer)

    prop = cached_property(counted)
    prop.__set_name__(anonymity.Viewer, "role")
    monkeypatch.setattr(anonymity.Viewer, "role", prop)
    return asked


def test_the_editors_html_accept_costs_30_queries(client, people, reviewed):
    _, editor, _ = people
    submission, _ = reviewed
    c = client_for(client, editor)
    url = f"/editor/submissions/{submission.uuid}/decide/accept/"
    # 28, plus the round's other reviews in each reviewer's decision e-mail (issue 16 item 6),
    # less the roles' own query (they come with the account: accounts.account_with_roles)
    assert queries(lambda: c.post(url, {"letter": "Yes"}), status=302) == 30
    submission.refresh_from_db()
    assert submission.state == S.ACCEPTED


def test_the_api_accept_costs_52_queries_and_asks_the_viewers_role_once(
    people, reviewed, role_questions
):
    _, editor, _ = people
    submission, _ = reviewed
    url = f"/api/v1/submissions/{submission.uuid}/transitions/accept/"
    assert (
        queries(lambda: api(editor).post(url, {"letter": "Yes"})) == 52
    )  # 47, plus the appeal and the competencies (issue 16), plus the other reviews in the
    # reviewers' e-mails
    assert role_questions == [submission.pk]


def test_the_api_submission_detail_costs_23_queries_and_asks_the_viewers_role_once(
    people, reviewed, role_questions
):
    _, editor, _ = people
    submission, _ = reviewed
    # 22, plus the competencies (issue 16 item 5)
    assert queries(lambda: api(editor).get(f"/api/v1/submissions/{submission.uuid}/")) == 23
    assert role_questions == [submission.pk]


def test_the_contributors_submission_page_costs_25_queries(client, people, reviewed):
    owner, _, _ = people
    submission, _ = reviewed
    c = client_for(client, owner)
    # + the appeal, + the competencies (issue 16)
    assert queries(lambda: c.get(f"/submissions/{submission.uuid}/")) == 25


def test_the_reviewers_assignment_page_costs_12_queries(client, people, reviewed):
    _, _, reviewers = people
    _, assignments = reviewed
    c = client_for(client, reviewers[0])
    assert queries(lambda: c.get(f"/reviews/{assignments[0].uuid}/")) == 12


def test_the_editors_submission_page_costs_51_queries(client, people, reviewed):
    # 52, plus one for the invite menu's note on who is left out of this round and why
    # (issue 14 item 8); the conflicts come from the suggestions, not checked twice; plus
    # one for the requests for more time, with their reviewers (issue 14 item 5); plus the
    # appeal (issue 16), minus the permission checks of decisions this state never allows
    # (no longer asked to explain why they are held back); plus the competencies (issue 16);
    # minus the roles' own query (they come with the account: accounts.account_with_roles).
    _, editor, _ = people
    submission, _ = reviewed
    c = client_for(client, editor)
    assert queries(lambda: c.get(f"/editor/submissions/{submission.uuid}/")) == 51


def test_the_editor_queue_costs_23_queries(client, people, reviewed):
    _, editor, _ = people
    c = client_for(client, editor)
    # 20, + the appeals and currency sections, + the implementation reports to moderate
    assert queries(lambda: c.get("/editor/")) == 23


def test_the_editor_queue_costs_as_many_queries_for_many_resources_due(client, people):
    from datetime import timedelta

    from django.utils import timezone

    from catalog.currency import services as currency
    from catalog.models import Resource

    _, editor, _ = people
    c = client_for(client, editor)

    def due(n):
        for i in range(n):
            resource = factories.resource(f"Due {n} {i}", description="non-compliant")
            currency.record_link(resource.pk, f"https://x.example.org/{i}", 404, "", "")
            currency.flag_terms([resource])
        Resource.objects.update(review_by=timezone.localdate() + timedelta(days=5))

    due(2)
    few = queries(lambda: c.get("/editor/"))
    due(4)
    assert queries(lambda: c.get("/editor/")) == few
