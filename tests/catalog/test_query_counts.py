"""How many SQL queries the catalog's public pages make, and how often a search parses its
words: exact, so that a regression fails.

The facet index (built once per catalog generation) and the text-search cache are
warmed by a first request; what is counted is what every further request costs.
"""

import pytest

from catalog import search
from catalog.search import query as query_module
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    """25 resources about bias at UME and GME levels, and one about another subject."""
    for n in range(25):
        factories.resource(
            f"Implicit bias {n}",
            summary="Naming bias in the clerkship.",
            levels=["ume-clerkship", "gme-residency"] if n % 2 else ["ume-preclerkship"],
            topics=["implicit-bias", "structural-racism"],
            type="case" if n % 3 else "video",
        )
    return factories.resource("Working with interpreters", topics=["implicit-bias"])


def test_a_catalog_search_page_costs_the_generation_stamp_and_its_snippets(
    client, catalog, django_assert_num_queries
):
    client.get("/catalog/?q=bias&stage=ume")  # builds the index, runs the search once
    with django_assert_num_queries(2):  # generation stamp, snippets of the shown rows
        response = client.get("/catalog/?q=bias&stage=ume")
    assert response.status_code == 200
    assert "25 results" in response.content.decode()
    with django_assert_num_queries(2):  # another page of the same search: the same
        assert client.get("/catalog/?q=bias&stage=ume&page=2").status_code == 200


def test_browsing_the_catalog_without_words_costs_one_query(
    client, catalog, django_assert_num_queries
):
    client.get("/catalog/")
    with django_assert_num_queries(1):  # the generation stamp: rows come from the index
        assert client.get("/catalog/?level=gme-residency&sort=title").status_code == 200


def test_an_invalid_search_costs_one_query(client, catalog, django_assert_num_queries):
    client.get("/catalog/")
    with django_assert_num_queries(1):
        assert client.get("/catalog/?q=bias&level=ume").status_code == 400


def test_a_resource_page_costs_sixteen_queries_and_one_once_cached(
    client, catalog, django_assert_num_queries
):
    client.get("/catalog/")  # builds the facet index (related resources are counted on it)
    # the resource's id and dates with the generation stamp (the page's cache key, looked
    # up first), the resource; its levels, topics, methods,
    # competencies (a tagged resource: one more, their frameworks and codes); the
    # version's levels and type; files; the generation stamp, related resources and their
    # levels; versions; the usage totals; the published collections it is part of; its
    # published implementation reports.
    with django_assert_num_queries(16):
        response = client.get(catalog.get_absolute_url())
    assert response.status_code == 200
    with django_assert_num_queries(1):  # anonymous: its id and dates with the generation
        assert client.get(catalog.get_absolute_url()).content == response.content


def test_a_counted_page_view_adds_one_upsert(client, catalog, django_assert_num_queries):
    client.get("/catalog/")  # builds the facet index (related resources are counted on it)
    with django_assert_num_queries(17):
        response = client.get(
            catalog.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 Firefox/128.0"
        )
    assert response.status_code == 200


def test_the_api_list_costs_five_queries_with_or_without_facet_counts(
    client, catalog, django_assert_num_queries
):
    client.get("/api/v1/resources/?q=bias&stage=ume")
    for query in ("?q=bias&stage=ume", "?q=bias&stage=ume&facets=1"):
        # generation stamp, the page's resources, their levels, topics and methods
        with django_assert_num_queries(5):
            response = client.get(f"/api/v1/resources/{query}")
        assert response.json()["count"] == 25


@pytest.mark.parametrize(
    "url",
    ["/catalog/?q=bias&stage=ume", "/api/v1/resources/?q=bias&facets=1", "/catalog/feed/?q=bias"],
)
def test_a_search_parses_and_cleans_its_words_once(client, catalog, monkeypatch, url):
    calls = []
    for name in ("parse_query", "clean_query"):
        original = getattr(query_module, name)

        def counted(text, _original=original, _name=name):
            calls.append(_name)
            return _original(text)

        monkeypatch.setattr(query_module, name, counted)
        monkeypatch.setattr(search, name, counted)
    for _ in range(2):  # cold, then with the text search cached
        calls.clear()
        assert client.get(url).status_code == 200
        assert sorted(calls) == ["clean_query", "parse_query"]
