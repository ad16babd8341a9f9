"""Preparation, not only time (issue 15 item 6): preparation time, facilitator requirements,
group size range and equipment, from the wizard to the published page, the API and the
"no special facilitator needed" filter."""

import html

import pytest

from catalog.models import Language, LearnerLevel, Resource, ResourceType, Topic
from reviews import services
from reviews.models import Submission
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PREPARATION = {
    "preparation_time": "2–3 weeks",
    "facilitator": "special",
    "facilitator_requirements": "A social worker co-facilitates.",
    "group_size_min": 6,
    "group_size_max": 24,
    "equipment": "A room with movable tables and a projector.",
}


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    return owner, editor, reviewers


def learners_step(**fields):
    data = {
        "resource_type": ResourceType.objects.get(slug="case").pk,
        "learner_levels": [LearnerLevel.objects.get(slug="ume-clerkship").pk],
        "topics": [Topic.objects.get(slug="language-access").pk],
        "language": Language.objects.get(slug="en").pk,
        "time_required_minutes": "75",
        "group_size": "Tables of 6",
        "go": "stay",
        **{name: str(value) for name, value in PREPARATION.items()},
    }
    data.update(fields)
    return data


def published(owner, editor, reviewers, **preparation):
    submission, _ = factories.in_review(
        owner, editor, reviewers[:2], completed=2, **{**PREPARATION, **preparation}
    )
    services.accept(submission, editor)
    return services.publish(submission, editor).resource


def test_the_wizard_saves_the_preparation_fields(client, contributor):
    submission = factories.draft(contributor)
    url = f"/submissions/{submission.uuid}/edit/learners/"
    page = client_for(client, contributor).get(url)
    assert 'name="preparation_time"' in page.content.decode()
    assert 'name="facilitator"' in page.content.decode()
    response = client.post(url, learners_step())
    assert response.status_code == 302
    submission.refresh_from_db()
    assert {name: getattr(submission, name) for name in PREPARATION} == PREPARATION


def test_the_wizard_refuses_a_group_range_upside_down_and_keeps_what_was_typed(client, contributor):
    submission = factories.draft(contributor)
    url = f"/submissions/{submission.uuid}/edit/learners/"
    response = client_for(client, contributor).post(
        url, learners_step(group_size_min="30", group_size_max="10", preparation_time="A month")
    )
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "The largest group cannot be smaller than the smallest." in page
    assert 'value="A month"' in page
    submission.refresh_from_db()
    assert submission.group_size_min is None and submission.preparation_time == ""


def test_a_special_facilitator_needs_a_word_on_who(client, contributor):
    submission = factories.draft(contributor)
    url = f"/submissions/{submission.uuid}/edit/learners/"
    response = client_for(client, contributor).post(
        url, learners_step(facilitator="special", facilitator_requirements="")
    )
    assert response.status_code == 400
    assert "Say who is needed to run it." in html.unescape(response.content.decode())


def test_the_contributors_api_writes_the_fields_and_refuses_a_reversed_range(client, contributor):
    submission = factories.draft(contributor)
    client_for(client, contributor)
    url = f"/api/v1/submissions/{submission.uuid}/"
    answer = client.patch(url, PREPARATION, content_type="application/json")
    assert answer.status_code == 200, answer.content
    submission.refresh_from_db()
    assert submission.equipment == PREPARATION["equipment"]
    bad = client.patch(
        url, {"group_size_min": 40, "group_size_max": 4}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert bad.json()["group_size_max"] == [
        "The largest group cannot be smaller than the smallest."
    ]
    submission.refresh_from_db()
    assert (submission.group_size_min, submission.group_size_max) == (6, 24)


def test_the_service_refuses_a_reversed_range(contributor):
    from django.core.exceptions import ValidationError

    submission = factories.draft(contributor)
    with pytest.raises(ValidationError):
        services.update_draft(submission, contributor, group_size_min=9, group_size_max=3)


def test_publishing_copies_the_fields_to_the_page_and_the_api(client, people):
    owner, editor, reviewers = people
    resource = published(owner, editor, reviewers)
    assert resource.preparation_time == "2–3 weeks"
    assert (resource.group_size_min, resource.group_size_max) == (6, 24)
    page = html.unescape(client.get(resource.get_absolute_url()).content.decode())
    assert "Preparation time" in page and "2–3 weeks" in page
    assert "A social worker co-facilitates." in page
    assert "6–24 learners" in page
    assert "A room with movable tables and a projector." in page
    detail = client.get(f"/api/v1/resources/{resource.slug}/").json()
    assert detail["preparation_time"] == "2–3 weeks"
    assert detail["facilitator"] == "special"
    assert detail["facilitator_requirements"] == "A social worker co-facilitates."
    assert (detail["group_size_min"], detail["group_size_max"]) == (6, 24)
    assert detail["equipment"] == "A room with movable tables and a projector."


def test_no_special_facilitator_needed_filters_the_page_the_api_and_the_feed(client, people):
    owner, editor, reviewers = people
    special = published(owner, editor, reviewers)
    anyone = published(
        owner, editor, reviewers, title="Teach-back in five minutes", facilitator="any"
    )
    unstated = factories.resource("Published before preparation fields")
    page = client.get("/catalog/?facilitator=any")
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert anyone.title in text and special.title not in text and unstated.title not in text
    assert "No special facilitator needed" in text
    api = client.get("/api/v1/resources/?facilitator=any&facets=1").json()
    assert [r["slug"] for r in api["results"]] == [anyone.slug]
    counts = {o["value"]: o["count"] for o in api["facets"]["facilitator"]}
    assert counts == {"any": 1, "special": 1}
    feed = client.get("/catalog/feed/?facilitator=any").content.decode()
    assert anyone.title in html.unescape(feed) and special.title not in html.unescape(feed)
    bad = client.get("/api/v1/resources/?facilitator=nobody")
    assert bad.status_code == 400
    assert bad.json()["facilitator"] == ["“nobody” is not a known kind of facilitator."]


def test_the_time_limit_filter_still_works_with_the_facilitator_filter(client, people):
    owner, editor, reviewers = people
    published(owner, editor, reviewers, facilitator="any", time_required_minutes=45)
    published(
        owner, editor, reviewers, title="A long one", facilitator="any", time_required_minutes=240
    )
    answer = client.get("/api/v1/resources/?facilitator=any&max_minutes=60").json()
    assert answer["count"] == 1


def test_resources_published_before_have_the_fields_empty(client):
    resource = factories.resource("An older resource")
    resource = Resource.objects.get(pk=resource.pk)
    assert resource.preparation_time == "" and resource.facilitator == ""
    assert resource.group_size_min is None and resource.group_size_max is None
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Preparation time" not in page


def test_reviewers_see_the_preparation_fields(client, people):
    owner, editor, reviewers = people
    submission, assignments = factories.in_review(owner, editor, reviewers[:1], **PREPARATION)
    services.accept_invitation(assignments[0], reviewers[0], coi_declaration="None.")
    page = client_for(client, reviewers[0]).get(assignments[0].get_absolute_url())
    text = html.unescape(page.content.decode())
    assert "2–3 weeks" in text and "6–24 learners" in text
    assert Submission.objects.get(pk=submission.pk).facilitator == "special"
