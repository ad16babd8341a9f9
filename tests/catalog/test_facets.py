"""Facet counts (catalog.facets): disjunctive, exact, fresh."""

import gc
import random
import weakref
from datetime import UTC, datetime

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import facets, search, services
from catalog.facets import index as index_module
from catalog.filters import ResourceFilter, facet_groups
from catalog.models import Collection, CollectionItem, InstructionalMethod, Resource, Topic
from tests import factories
from tests.catalog import sql_oracle

pytestmark = pytest.mark.django_db

TYPES = ["case", "video", "slide-deck", "curriculum"]
TOPICS = ["structural-racism", "rural-health", "implicit-bias", "language-access"]
METHODS = ["im001", "im008", "im022"]
LANGUAGES = ["en", "es", "fr"]
LICENSES = ["CC-BY-4.0", "CC0-1.0", "CC-BY-NC-4.0"]
MINUTES = [15, 30, 60, 90, None]
YEARS = [2021, 2022, 2023]
COLLECTIONS = ["clerkship-series", "faculty-bundle"]  # published; "draft-series" is not
FACILITATORS = ["any", "special", ""]
COMPETENCIES = ["acgme-sbp", "acgme-ics", "aamc-dei-2022-msg-d3", "aamc-dei-2022-fp-d1"]
WORDS = ["mango", "kiwi", "papaya"]
LEVEL_SLUGS = [
    "ume-preclerkship",
    "ume-clerkship",
    "ume-postclerkship",
    "gme-residency",
    "gme-fellowship",
    "cpd-clinicians",
    "cpd-faculty",
]


def stage_of(level: str) -> str:
    return level.split("-")[0]


@pytest.fixture
def recipes():
    """About a dozen resources with random facets; returns what each one was given."""
    rng = random.Random(20240611)  # noqa: S311 - test data
    extra = random.Random(15)  # noqa: S311 - test data (issue 15's facets; the rest unchanged)
    tags = random.Random(16)  # noqa: S311 - test data (issue 16's competencies)
    collections = {
        slug: Collection.objects.create(slug=slug, title=slug.title(), state="published")
        for slug in COLLECTIONS
    }
    draft = Collection.objects.create(slug="draft-series", title="Draft series")
    methods = {m.slug: m for m in InstructionalMethod.objects.filter(slug__in=METHODS)}
    made = []
    for n in range(14):
        recipe = {
            "level": set(rng.sample(LEVEL_SLUGS, rng.randint(1, 3))),
            "type": {rng.choice(TYPES)},
            "topic": set(rng.sample(TOPICS, rng.randint(0, 2))),
            "method": set(rng.sample(METHODS, rng.randint(0, 2))),
            "language": {rng.choice(LANGUAGES)},
            "license": {rng.choice(LICENSES)},
            "interprofessional": {rng.choice(["true", "false"])},
            "year": {str(rng.choice(YEARS))},
            "minutes": rng.choice(MINUTES),
            "words": set(rng.sample(WORDS, rng.randint(0, 2))),
        }
        recipe["stage"] = {stage_of(level) for level in recipe["level"]}
        resource = factories.resource(
            f"Resource {n}",
            summary="A session about " + " and ".join(sorted(recipe["words"]) or ["nothing"]),
            levels=sorted(recipe["level"]),
            type=next(iter(recipe["type"])),
            topics=sorted(recipe["topic"]),
            methods=[methods[m] for m in sorted(recipe["method"])],
            language=next(iter(recipe["language"])),
            license=next(iter(recipe["license"])),
            interprofessional=recipe["interprofessional"] == {"true"},
            time_required_minutes=recipe["minutes"],
            facilitator=extra.choice(FACILITATORS),
            competencies=tags.sample(COMPETENCIES, tags.randint(0, 2)),
        )
        recipe["competency"] = set(resource.competencies.values_list("slug", flat=True))
        recipe["facilitator"] = {resource.facilitator} - {""}
        recipe["collection"] = set(extra.sample(COLLECTIONS, extra.randint(0, 2)))
        for position, slug in enumerate(sorted(recipe["collection"]), start=1):
            CollectionItem.objects.create(
                collection=collections[slug], resource=resource, position=position
            )
        if extra.random() < 0.5:  # a draft collection's members count for none of its values
            CollectionItem.objects.create(collection=draft, resource=resource)
        Resource.objects.filter(pk=resource.pk).update(
            first_published_at=datetime(int(next(iter(recipe["year"]))), 3, 1, tzinfo=UTC)
        )
        recipe["title"] = resource.title
        made.append(recipe)
    search.renew_generation()
    return made


def brute_force(recipes, chosen: dict, max_minutes, word):
    """Titles and per-facet counts computed with plain Python from what was published."""

    def matches(recipe, skip=None):
        if word and word not in recipe["words"]:
            return False
        if max_minutes is not None and (recipe["minutes"] or 10**9) > max_minutes:
            return False
        return all(recipe[f] & set(values) for f, values in chosen.items() if f != skip)

    titles = {r["title"] for r in recipes if matches(r)}
    counts = {}
    for facet in facets.FACET_NAMES:
        counts[facet] = {}
        for recipe in recipes:
            if matches(recipe, skip=facet):
                for value in recipe[facet]:
                    counts[facet][value] = counts[facet].get(value, 0) + 1
    return titles, counts


criteria = st.fixed_dictionaries(
    {},
    optional={
        "level": st.lists(st.sampled_from(LEVEL_SLUGS), min_size=1, max_size=3, unique=True),
        "stage": st.lists(st.sampled_from(["ume", "gme", "cpd"]), min_size=1, unique=True),
        "type": st.lists(st.sampled_from(TYPES), min_size=1, max_size=2, unique=True),
        "topic": st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2, unique=True),
        "method": st.lists(st.sampled_from(METHODS), min_size=1, max_size=2, unique=True),
        "language": st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True),
        "license": st.lists(st.sampled_from(LICENSES), min_size=1, max_size=2, unique=True),
        "interprofessional": st.sampled_from(["true", "false"]).map(lambda v: [v]),
        "collection": st.lists(st.sampled_from(COLLECTIONS), min_size=1, unique=True),
        "facilitator": st.lists(st.sampled_from(["any", "special"]), min_size=1, unique=True),
        "competency": st.lists(st.sampled_from(COMPETENCIES), min_size=1, max_size=2, unique=True),
        "year": st.lists(st.sampled_from([str(y) for y in YEARS]), min_size=1, unique=True),
        "max_minutes": st.sampled_from([15, 30, 60, 90]),
        "q": st.sampled_from(WORDS),
    },
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(chosen=criteria)
def test_facet_counts_and_results_equal_a_brute_force_count(recipes, chosen):
    chosen = dict(chosen)
    max_minutes = chosen.pop("max_minutes", None)
    word = chosen.pop("q", None)
    params = QueryDict(mutable=True)
    for name, values in chosen.items():
        params.setlist(name, values)
    if max_minutes is not None:
        params["max_minutes"] = str(max_minutes)
    if word:
        params["q"] = word
    filterset = ResourceFilter(params)
    assert filterset.is_valid(), filterset.errors

    titles, counts = brute_force(recipes, chosen, max_minutes, word)
    results = filterset.results()
    assert {r.title for r in results[0 : len(results)]} == titles
    assert set(sql_oracle.titles(filterset)) == titles
    got = results.selection.facet_counts()
    for facet in facets.FACET_NAMES:
        assert {v: n for v, n in got[facet].items() if n} == counts[facet], facet


def test_counts_are_disjunctive_and_mark_the_selection():
    factories.resource("A", levels=["ume-clerkship"], type="case")
    factories.resource("B", levels=["gme-residency"], type="case")
    factories.resource("C", levels=["gme-residency"], type="video")
    filterset = ResourceFilter(QueryDict("level=gme-residency&type=case"))
    assert filterset.is_valid()
    groups = {g.name: g for g in facet_groups(filterset.results().selection)}
    level = {o.value: (o.count, o.selected) for o in groups["level"].options}
    assert level == {"ume-clerkship": (1, False), "gme-residency": (1, True)}
    kind = {o.value: (o.count, o.selected) for o in groups["type"].options}
    assert kind == {"case": (1, True), "video": (1, False)}


def test_a_resource_with_several_values_counts_once_per_value():
    factories.resource(
        "A", levels=["gme-residency", "gme-fellowship"], topics=["rural-health", "incarceration"]
    )
    filterset = ResourceFilter(QueryDict("stage=gme"))
    assert filterset.is_valid()
    counts = filterset.results().selection.facet_counts()
    assert counts["stage"]["gme"] == 1
    assert counts["topic"] == {
        **{t: 0 for t in counts["topic"]},
        "rural-health": 1,
        "incarceration": 1,
    }


def test_the_index_follows_publishing_retiring_and_vocabulary_edits():
    first = factories.resource("A", topics=["rural-health"])
    index = facets.get_index()
    assert len(index) == 1
    factories.resource("B")
    assert len(facets.get_index()) == 2
    services.retire_resource(first, reason="Superseded.")
    assert len(facets.get_index()) == 1
    topic = Topic.objects.get(slug="rural-health")
    topic.name = "Rural and remote health"
    topic.save()
    assert ("rural-health", "Rural and remote health") in facets.get_index().terms["topic"]


def test_facet_counts_follow_the_catalog_once_a_resource_is_published():
    def counted() -> dict[str, int]:
        filterset = ResourceFilter(QueryDict(""))
        assert filterset.is_valid()
        return filterset.results().selection.facet_counts()["type"]

    factories.resource("A", type="case")
    assert counted()["case"] == 1
    factories.resource("B", type="case")  # a new index: its counting matrix is made anew
    assert counted()["case"] == 2


def test_a_large_index_is_left_out_of_full_collections_and_the_one_it_replaces_is_freed(
    monkeypatch,
):
    monkeypatch.setattr(index_module, "FREEZE_MIN_RESOURCES", 1)
    try:
        factories.resource("A")
        first = weakref.ref(facets.get_index())
        assert gc.get_freeze_count() > 0
        facets.get_index().text_match("a")  # cached text matches: more for the old index to hold
        factories.resource("B")
        assert len(facets.get_index()) == 2 and gc.get_freeze_count() > 0
        assert first() is None  # the replaced index was collected before the freeze
    finally:
        gc.unfreeze()


def test_text_matches_are_cached_for_the_generation_only():
    factories.resource("Working with interpreters")
    index = facets.get_index()
    assert index.text_match("interpreters") is index.text_match("interpreters")
    factories.resource("Interpreters again")
    assert len(facets.get_index().text_match("interpreters").ranked) == 2


@given(bits=st.sets(st.integers(0, 300)), start=st.integers(0, 40), size=st.integers(0, 30))
@settings(max_examples=60, deadline=None)
def test_bit_helpers_agree_with_plain_python(bits, start, size):
    value = facets.bitmap(bits)
    ordered = sorted(bits)
    assert facets.bit_positions(value, start, start + size) == ordered[start : start + size]
    order = list(range(300, -1, -1))
    expected = [p for p in order if p in bits][start : start + size]
    assert facets.first_members(order, value, start, start + size) == expected
