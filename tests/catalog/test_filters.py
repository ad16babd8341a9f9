"""ResourceFilter: the one FilterSet of the page, the API and the feed."""

from datetime import UTC, datetime

import pytest
from django.http import QueryDict

from catalog import search
from catalog.filters import ResourceFilter, SearchPresenter
from catalog.models import InstructionalMethod, Resource
from tests import factories
from tests.catalog import sql_oracle

pytestmark = pytest.mark.django_db


def run(query: str) -> ResourceFilter:
    filterset = ResourceFilter(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    return filterset


def fast(query: str) -> list[str]:
    """Titles through the page's path (the facet index), in order."""
    results = run(query).results()
    return [r.title for r in results[0 : len(results)]]


def sql(query: str) -> list[str]:
    """Titles through the SQL oracle, in order."""
    return sql_oracle.titles(run(query))


def both(query: str) -> list[str]:
    assert fast(query) == sql(query)
    return fast(query)


@pytest.fixture
def catalog():
    """Four resources with distinct facets, newest last."""
    methods = {m.slug: m for m in InstructionalMethod.objects.filter(slug__in=["im001", "im022"])}
    a = factories.resource(
        "Alpha",
        levels=["ume-clerkship"],
        type="case",
        topics=["structural-racism"],
        methods=[methods["im001"]],
        language="en",
        license="CC-BY-4.0",
        interprofessional=True,
        time_required_minutes=30,
    )
    b = factories.resource(
        "Bravo",
        levels=["gme-residency", "gme-fellowship"],
        type="video",
        topics=["rural-health", "structural-racism"],
        methods=[methods["im022"]],
        language="es",
        license="CC0-1.0",
        time_required_minutes=90,
    )
    c = factories.resource(
        "Charlie",
        levels=["cpd-faculty"],
        type="case",
        topics=["implicit-bias"],
        language="en",
        license="CC-BY-4.0",
        time_required_minutes=None,
    )
    d = factories.resource(
        "Delta",
        levels=["ume-preclerkship", "gme-residency"],
        type="slide-deck",
        topics=["language-access"],
        language="fr",
        license="CC-BY-NC-4.0",
        time_required_minutes=60,
    )
    for resource, year in ((a, 2021), (b, 2022), (c, 2023), (d, 2024)):
        Resource.objects.filter(pk=resource.pk).update(
            first_published_at=datetime(year, 6, 1, tzinfo=UTC),
            published_at=datetime(year, 6, 1, tzinfo=UTC),
        )
    search.renew_generation()
    return a, b, c, d


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Delta", "Charlie", "Bravo", "Alpha"]),
        ("level=gme-residency", ["Delta", "Bravo"]),
        ("stage=gme", ["Delta", "Bravo"]),
        ("stage=ume", ["Delta", "Alpha"]),
        ("type=case", ["Charlie", "Alpha"]),
        ("topic=structural-racism", ["Bravo", "Alpha"]),
        ("method=im022", ["Bravo"]),
        ("language=es", ["Bravo"]),
        ("license=CC-BY-4.0", ["Charlie", "Alpha"]),
        ("interprofessional=true", ["Alpha"]),
        ("interprofessional=false", ["Delta", "Charlie", "Bravo"]),
        ("max_minutes=60", ["Delta", "Alpha"]),
        ("year=2022", ["Bravo"]),
        ("year=2022&year=2024", ["Delta", "Bravo"]),
    ],
)
def test_each_parameter_filters_the_same_way_on_both_paths(catalog, query, expected):
    assert both(query) == expected


def test_values_of_one_facet_are_ored_and_facets_are_anded(catalog):
    assert both("type=case&type=video") == ["Charlie", "Bravo", "Alpha"]
    assert both("type=case&type=video&stage=gme") == ["Bravo"]
    assert both("type=case&type=video&stage=gme&language=en") == []


def test_a_resource_in_two_chosen_levels_is_listed_once(catalog):
    assert both("level=gme-residency&level=gme-fellowship") == ["Delta", "Bravo"]
    assert both("stage=gme&stage=ume") == ["Delta", "Bravo", "Alpha"]


def test_sort_defaults_to_relevance_with_words_and_newest_without(catalog):
    factories.resource("Echo doulas", summary="About doulas.")
    Resource.objects.filter(title="Echo doulas").update(
        published_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    factories.resource("Foxtrot", summary="A session.", description="With doulas.")
    assert run("q=doulas").ordering == "relevance"
    assert both("q=doulas") == ["Echo doulas", "Foxtrot"]
    assert both("q=doulas&sort=newest") == ["Foxtrot", "Echo doulas"]
    assert run("").ordering == "newest"
    assert run("sort=relevance").ordering == "newest"
    assert run("q=***").ordering == "newest"


def test_sort_by_title_ignores_case(catalog):
    factories.resource("alpha two")
    assert both("sort=title") == ["Alpha", "alpha two", "Bravo", "Charlie", "Delta"]


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("level=nope", "level", "nope"),
        ("level=gme-residency&level=gme-nope", "level", "gme-nope"),
        ("stage=med", "stage", "med"),
        ("type=podcasts", "type", "podcasts"),
        ("topic=unknown-topic", "topic", "unknown-topic"),
        ("method=im999", "method", "im999"),
        ("language=xx", "language", "xx"),
        ("license=MIT", "license", "MIT"),
        ("interprofessional=maybe", "interprofessional", "maybe"),
        ("max_minutes=abc", "max_minutes", "abc"),
        ("max_minutes=0", "max_minutes", "0"),
        ("max_minutes=99999999999999999999", "max_minutes", "99999999999999999999"),
        ("year=last", "year", "last"),
        ("year=20000", "year", "20000"),
        ("sort=random", "sort", "random"),
    ],
)
def test_unknown_values_are_invalid_with_a_message_naming_them(query, field, value):
    filterset = ResourceFilter(QueryDict(query))
    assert not filterset.is_valid()
    assert f"“{value}”" in " ".join(filterset.errors[field])
    assert any(f"“{value}”" in message for message in filterset.error_list())


def test_the_query_loses_control_characters_and_is_cut_to_500_characters():
    filterset = run("q=" + "inter%00preters " * 100)
    assert "\x00" not in filterset.query
    assert len(filterset.query) <= search.MAX_QUERY_CHARS


def test_each_chip_links_to_the_search_without_that_one_value(catalog):
    filterset = run("q=care&level=gme-residency&level=cpd-faculty&type=case&page=3&sort=title")
    chips = {
        (c.facet, c.label): QueryDict(c.remove_url[1:]) for c in SearchPresenter(filterset).chips()
    }
    level = chips[("Learner level", "Residency (GME)")]
    assert level.getlist("level") == ["cpd-faculty"]
    assert level.getlist("type") == ["case"] and level["q"] == "care" and level["sort"] == "title"
    assert "page" not in level
    words = chips[("Search", "“care”")]
    assert "q" not in words and words.getlist("level") == ["gme-residency", "cpd-faculty"]
    assert len(chips) == 4


# --- Bounded work per request ----------------------------------------------------


def many(name: str, values) -> str:
    return "&".join(f"{name}={value}" for value in values)


def test_repeated_values_count_once_in_the_filters_and_the_chips(catalog):
    filterset = run(many("year", [2022] * 300 + [2024] * 300) + "&" + many("type", ["case"] * 99))
    assert filterset.data.getlist("year") == ["2022", "2024"]
    assert filterset.data.getlist("type") == ["case"]
    chips = SearchPresenter(filterset).chips()
    assert len(chips) == 3  # the chips count equals the distinct values
    for chip in chips:  # and each link carries each remaining value once
        rest = QueryDict(chip.remove_url[1:])
        for name in ("year", "type"):
            assert len(rest.getlist(name)) == len(set(rest.getlist(name)))
    assert fast(many("year", [2022] * 300)) == ["Bravo"]


def test_more_than_50_values_of_one_parameter_are_refused_with_a_message():
    filterset = ResourceFilter(QueryDict(many("year", range(1900, 1951))))
    assert not filterset.is_valid()
    assert filterset.errors["year"] == ["51 different values given: choose at most 50."]
    assert filterset.error_list() == [
        "Year published: 51 different values given: choose at most 50."
    ]
    assert len(filterset.data.getlist("year")) == 50  # the work stops at the cap
    assert ResourceFilter(QueryDict(many("year", range(1900, 1950)))).is_valid()


def test_an_unknown_parameter_with_too_many_values_is_refused_by_name():
    filterset = ResourceFilter(QueryDict(many("utm_source", range(60))))
    assert not filterset.is_valid()
    assert filterset.error_list() == ["“utm_source”: 60 different values given: choose at most 50."]


def test_more_than_150_values_in_all_are_refused_and_cut():
    query = "&".join(many(f"x{n}", range(40)) for n in range(4))  # 160 values
    filterset = ResourceFilter(QueryDict(query))
    assert not filterset.is_valid()
    assert filterset.error_list() == ["160 parameter values given: choose at most 150 in all."]
    assert sum(len(values) for _, values in filterset.data.lists()) == 150
