"""A page's form and the API take a transition's text with the same rules (issue 12 item 2):
the limits live with the transitions (reviews.services.actions) and the forms read them."""

import pytest
from rest_framework.test import APIClient

from reviews.choices import AssignmentState as A
from reviews.choices import SubmissionState as S
from reviews.forms.editor import DECISION_FORMS, CancelAssignmentForm
from reviews.forms.reviewer import DeclineForm
from reviews.services.actions import ASSIGNMENT_ACTIONS, SUBMISSION_ACTIONS
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 1001
MESSAGE = "Ensure this value has at most 1000 characters (it has 1001)."


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    return owner, editor, reviewers


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_refuses_a_desk_reject_reason_the_form_refuses_with_the_same_message(
    client, people
):
    owner, editor, _ = people
    submission = factories.submission_in("submitted", owner, editor, [])
    body = {"reason": TOO_LONG, "letter": "Out of scope, sorry."}
    response = api(editor).post(
        f"/api/v1/submissions/{submission.uuid}/transitions/desk_reject/", body
    )
    assert response.status_code == 400
    assert response.json()["reason"] == [MESSAGE]
    page = client_for(client, editor).post(
        f"/editor/submissions/{submission.uuid}/decide/desk_reject/", body
    )
    assert page.status_code == 400
    assert MESSAGE in page.content.decode()
    submission.refresh_from_db()
    assert submission.state == S.SUBMITTED


def test_the_api_refuses_a_cancellation_reason_over_the_forms_limit(people):
    owner, editor, reviewers = people
    _, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    response = api(editor).post(
        f"/api/v1/assignments/{assignment.uuid}/transitions/cancel/", {"reason": TOO_LONG}
    )
    assert response.status_code == 400
    assert response.json()["reason"] == [MESSAGE]
    assignment.refresh_from_db()
    assert assignment.state == A.INVITED


def test_the_api_refuses_a_suggested_reviewer_the_form_refuses_instead_of_cutting_it(people):
    owner, editor, reviewers = people
    _, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    body = {"reason": "too_busy", "suggestion": "y" * 301}
    response = api(reviewers[0]).post(
        f"/api/v1/assignments/{assignment.uuid}/transitions/decline/", body
    )
    assert response.status_code == 400
    assert response.json()["suggestion"] == [
        "Ensure this value has at most 300 characters (it has 301)."
    ]
    assignment.refresh_from_db()
    assert assignment.state == A.INVITED


def test_every_forms_text_limit_is_the_limit_of_its_transition():
    for name, form_class in DECISION_FORMS.items():
        for field, limit in SUBMISSION_ACTIONS[name].limits.items():
            assert form_class.base_fields[field].max_length == limit, (name, field)
    assert CancelAssignmentForm.base_fields["reason"].max_length == 1000
    for field in ("note", "suggestion"):
        limit = ASSIGNMENT_ACTIONS["decline"].limits[field]
        assert DeclineForm.base_fields[field].max_length == limit
