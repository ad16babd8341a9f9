"""Competency mapping on the review side (issue 16 item 5): contributors tag a submission
in the wizard, reviewers see the tags (never the authors) with a rubric note on alignment,
and publishing copies the tags to the catalog resource."""

import html

import pytest

from catalog.models import Competency, Language, LearnerLevel, ResourceType, Topic
from reviews import rubric, services
from reviews.models import Submission
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TAGS = ["acgme-sbp", "aamc-dei-2022-msg-d3"]


def tags():
    return list(Competency.objects.filter(slug__in=TAGS))


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
        "go": "stay",
    }
    data.update(fields)
    return data


def test_the_wizard_groups_competencies_by_framework_and_level_in_fieldsets(client, contributor):
    submission = factories.draft(contributor)
    page = client_for(client, contributor).get(f"/submissions/{submission.uuid}/edit/learners/")
    text = html.unescape(page.content.decode())
    assert page.status_code == 200
    assert "<legend>Competencies</legend>" in text
    assert "<legend>ACGME Core Competencies" in text
    assert "<legend>Entering residency (medical school graduates)</legend>" in text
    assert "Inclusion: Belonging in care and learning" in text
    assert text.count('name="competencies"') == Competency.objects.count()


def test_the_wizard_saves_the_competencies_ticked(client, contributor):
    submission = factories.draft(contributor)
    url = f"/submissions/{submission.uuid}/edit/learners/"
    response = client_for(client, contributor).post(
        url, learners_step(competencies=[c.pk for c in tags()])
    )
    assert response.status_code == 302
    assert set(submission.competencies.values_list("slug", flat=True)) == set(TAGS)


def test_an_unknown_competency_is_refused_with_400_and_the_rest_kept(client, contributor):
    submission = factories.draft(contributor)
    url = f"/submissions/{submission.uuid}/edit/learners/"
    response = client_for(client, contributor).post(
        url, learners_step(competencies=["999999"], time_required_minutes="45")
    )
    assert response.status_code == 400
    assert 'value="45"' in response.content.decode()
    assert not submission.competencies.exists()


def test_an_inactive_competency_is_not_offered_but_kept_where_chosen(client, contributor):
    retired = Competency.objects.get(slug="acgme-mk")
    tagged = factories.draft(contributor, competencies=[retired])
    Competency.objects.filter(pk=retired.pk).update(is_active=False)
    fresh = factories.draft(contributor)
    client_for(client, contributor)
    for submission, offered in ((fresh, False), (tagged, True)):
        page = client.get(f"/submissions/{submission.uuid}/edit/learners/").content.decode()
        assert (f'name="competencies" value="{retired.pk}"' in page) is offered


def test_the_contributors_api_takes_competency_slugs(client, contributor):
    submission = factories.draft(contributor)
    client_for(client, contributor)
    url = f"/api/v1/submissions/{submission.uuid}/"
    answer = client.patch(url, {"competencies": TAGS}, content_type="application/json")
    assert answer.status_code == 200, answer.content
    metadata = answer.json()["metadata"]
    assert sorted(c["slug"] for c in metadata["competencies"]) == sorted(TAGS)
    bad = client.patch(url, {"competencies": ["no-such"]}, content_type="application/json")
    assert bad.status_code == 400
    assert set(submission.competencies.values_list("slug", flat=True)) == set(TAGS)


def test_reviewers_see_the_tags_and_the_alignment_note_but_not_the_authors(client, people):
    owner, editor, reviewers = people
    _, assignments = factories.in_review(owner, editor, reviewers[:1], competencies=tags())
    services.accept_invitation(assignments[0], reviewers[0], coi_declaration="None.")
    page = client_for(client, reviewers[0]).get(assignments[0].get_absolute_url())
    text = html.unescape(page.content.decode())
    assert "ACGME: Systems-based Practice" in text
    assert "AAMC DEI: Belonging in care and learning — Entering residency" in text
    assert "Competency alignment:" in text
    assert "Olive Owner" not in text and "owner@example.org" not in text


def test_the_rubric_note_on_alignment_is_guidance_not_a_scored_criterion():
    objectives = rubric.CRITERIA[0]
    assert objectives.key == "objectives" and "Competency alignment" in objectives.note
    assert all("competenc" not in c.key for c in rubric.CRITERIA)


def test_publishing_copies_the_tags_and_a_new_version_starts_with_them(client, people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(
        owner, editor, reviewers[:2], completed=2, competencies=tags()
    )
    services.accept(submission, editor)
    resource = services.publish(submission, editor).resource
    assert set(resource.competencies.values_list("slug", flat=True)) == set(TAGS)
    assert {c["code"] for c in resource.versions.get().data["competencies"]} == {
        "acgme:sbp",
        "aamc-dei-2022:msg:d3",
    }
    draft = services.start_new_version(Submission.objects.get(pk=submission.pk), owner)
    assert set(draft.competencies.values_list("slug", flat=True)) == set(TAGS)
