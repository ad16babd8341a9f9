"""Typo suggestions (catalog.search.suggest): "Did you mean", "Showing results for"."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import search
from catalog.search import suggest
from tests import factories

pytestmark = pytest.mark.django_db
LIST_URL = reverse("catalog:resource-list")


@pytest.fixture
def catalog():
    factories.resource(
        "Implicit bias in clinical decisions",
        summary="Implicit bias and the basis of decisions.",
        topics=["implicit-bias"],
        levels=["gme-residency"],
    )
    factories.resource(
        "Structural racism and health",
        summary="Racism in housing, lending and care.",
        topics=["structural-racism"],
        levels=["ume-preclerkship"],
    )
    factories.resource(
        "Health literacy and teach-back",
        summary="Plain language for every patient.",
        levels=["ume-clerkship"],
    )


def api(client, q, **params):
    response = client.get("/api/v1/resources/", {"q": q, **params})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("implict bais", "implicit bias"),
        ("racsim", "racism"),
        ("structural rascism", "structural racism"),
        ("helth literacy", "health literacy"),
    ],
)
def test_a_misspelt_search_is_corrected_from_the_catalog_vocabulary(client, catalog, typed, meant):
    found = api(client, typed)
    assert found["suggestion"] == meant
    assert found["corrected"] is True
    assert found["count"] >= 1


def test_the_correction_that_finds_most_wins_among_close_words(client, catalog):
    # "bais" is one edit from both "bias" and "basis"; "implicit bias" finds more together.
    assert api(client, "implict bais")["suggestion"] == "implicit bias"


def test_exact_searches_the_words_as_typed_but_still_suggests(client, catalog):
    found = api(client, "racsim", exact="1")
    assert found["count"] == 0
    assert found["corrected"] is False
    assert found["suggestion"] == "racism"


def test_a_well_spelt_search_gets_no_suggestion(client, catalog):
    found = api(client, "racism")
    assert found["suggestion"] is None
    assert found["corrected"] is False


def test_a_search_with_results_is_never_replaced_only_offered_a_suggestion(client, catalog):
    found = api(client, "racism or implict")
    assert found["corrected"] is False
    assert found["suggestion"] == "racism or implicit"
    assert found["count"] == 1


def test_a_search_that_nothing_resembles_gets_no_suggestion(client, catalog):
    found = api(client, "zzyzx")
    assert found["count"] == 0
    assert found["suggestion"] is None


def test_the_page_shows_the_corrected_results_and_a_link_to_search_instead(client, catalog):
    response = client.get(LIST_URL, {"q": "racsim", "level": "ume-preclerkship"})
    page = response.content.decode()
    assert response.context["results"].count == 1
    assert "Showing results for" in page
    links = response.context["correction"]
    assert parse_qs(urlsplit(links.url).query) == {"q": ["racism"], "level": ["ume-preclerkship"]}
    instead = parse_qs(urlsplit(links.exact_url).query)
    assert instead == {"q": ["racsim"], "level": ["ume-preclerkship"], "exact": ["1"]}
    assert f'href="{links.exact_url.replace("&", "&amp;")}"' in page
    assert "<mark>Racism</mark>" in page  # the snippet is the correction's


def test_search_instead_shows_no_results_for_the_words_as_typed_and_offers_the_correction(
    client, catalog
):
    response = client.get(LIST_URL, {"q": "racsim", "exact": "1"})
    page = response.content.decode()
    assert response.context["results"].count == 0
    assert "Did you mean" in page and "Showing results for" not in page
    assert parse_qs(urlsplit(response.context["correction"].url).query) == {"q": ["racism"]}


def test_few_results_offer_a_correction_keeping_the_filters(client, catalog):
    response = client.get(LIST_URL, {"q": "racsim or plain", "max_minutes": "90"})
    assert response.context["results"].count == 1  # the words found something: kept
    links = response.context["correction"]
    assert links.correction.applied is False
    assert parse_qs(urlsplit(links.url).query) == {
        "q": ["racism or plain"],
        "max_minutes": ["90"],
    }
    assert "Did you mean" in response.content.decode()


def test_a_well_spelt_search_pays_no_dictionary_build_or_lookup(client, catalog, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the vocabulary was read")

    monkeypatch.setattr(suggest, "vocabulary", forbidden)
    assert api(client, "practise skill")["count"] == 3  # every resource's objectives
    assert api(client, "describe")["suggestion"] is None


def test_the_vocabulary_is_built_once_per_catalog_generation(catalog):
    stamp = search.generation()
    first = suggest.vocabulary(stamp)
    with CaptureQueriesContext(connection) as queries:
        assert suggest.vocabulary(stamp) is first
    assert len(queries) == 0
    factories.resource("Redlining maps", summary="Lending and housing.")
    assert suggest.vocabulary().known("redlining")


def test_accented_words_are_known_and_suggested_with_their_accents(catalog):
    factories.resource("Atención materna", summary="Salud materna en la comunidad.", language="es")
    vocab = suggest.vocabulary()
    assert vocab.known("atencion") and vocab.known("atención")
    assert vocab.candidates("atencon") == [("atención", 1)]
