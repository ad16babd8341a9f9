"""The home page: search, learner levels with counts, the newest resources, topics."""

import re

import pytest

from catalog import services
from catalog.models import LearnerLevel
from tests import factories

pytestmark = pytest.mark.django_db


def level_counts(html):
    return {slug: int(n) for slug, n in re.findall(r'data-level="([\w-]+)">(\d+)<', html)}


def test_home_counts_published_resources_per_learner_level(client):
    factories.resource("A", levels=("ume-clerkship", "gme-residency"))
    factories.resource("B", levels=("gme-residency",))
    factories.resource("C", levels=("cpd-faculty",))
    retired = factories.resource("D", levels=("gme-residency",))
    services.retire_resource(retired, "Outdated")
    html = client.get("/").content.decode()
    counts = level_counts(html)
    assert set(counts) == set(LearnerLevel.objects.values_list("slug", flat=True))
    for level in LearnerLevel.objects.all():
        expected = level.resources.filter(retired_at__isnull=True).count()
        assert counts[level.slug] == expected, level.slug
    assert counts["gme-residency"] == 2 and counts["ume-clerkship"] == 1
    assert counts["ume-preclerkship"] == 0


def test_home_groups_levels_by_stage_with_distinct_resource_counts(client):
    factories.resource("Two UME levels", levels=("ume-preclerkship", "ume-clerkship"))
    html = client.get("/").content.decode()
    ume = html.split('id="stage-ume-title"')[1].split("</section>")[0]
    assert "1 resource<" in ume  # counted once, not once per level
    assert "Pre-clerkship" in ume and "Residency" not in ume
    assert 'href="/catalog/?stage=ume"' in html
    assert 'href="/catalog/?level=ume-clerkship"' in html
    assert 'href="/catalog/?level=gme-fellowship"' not in html  # nothing to find there


def test_home_shows_the_six_newest_resources_as_cards(client):
    for n in range(8):
        factories.resource(f"Resource number {n}", summary=f"Summary **{n}**.")
    retired = factories.resource("Newest but retired")
    services.retire_resource(retired, "Outdated")
    html = client.get("/").content.decode()
    newest = html.split('id="newest-title"')[1].split("</section>")[0]
    titles = re.findall(r"Resource number (\d)", newest)
    assert titles == ["7", "6", "5", "4", "3", "2"]
    assert "Newest but retired" not in newest
    assert "Session plan / facilitator guide" in newest and "Residency" in newest
    assert "Summary 7." in newest  # plain text, no markup from the summary


def test_home_lists_topics_with_counts_and_omits_empty_ones(client):
    factories.resource("A", topics=["language-access", "rural-health"])
    factories.resource("B", topics=["language-access"])
    html = client.get("/").content.decode()
    topics = html.split('id="topics-title"')[1].split("</section>")[0]
    assert 'href="/catalog/?topic=language-access"' in topics and "(2)" in topics
    assert 'href="/catalog/?topic=rural-health"' in topics and "(1)" in topics
    assert "incarceration" not in topics


def test_home_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for n in range(10):
        factories.resource(f"Resource {n}", levels=("gme-residency", "ume-clerkship"))
    client.get("/")  # the first request after a publication builds the facet index
    with django_assert_max_num_queries(8):
        response = client.get("/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()
