"""Relevance whenever words are typed, unless the user chose another sort for these same
words; the sort menu shows what is in effect (issue 13 item 1)."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

SELECTED = re.compile(r'<option value="(\w+)" selected>')


@pytest.fixture
def catalog():
    # The newest resource mentions the words once; the oldest is about them.
    factories.resource(
        "Structural racism and implicit bias in clinical reasoning",
        summary="Implicit bias and structural racism, case by case.",
        levels=["gme-residency"],
    )
    factories.resource(
        "Housing and health", summary="One mention of implicit bias.", levels=["gme-residency"]
    )


def titles(client, query):
    response = client.get(f"/catalog/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'<h3 class="result__title"><a href="[^"]*">([^<]*)</a>', html)
    return found, SELECTED.findall(html)


def test_words_typed_on_the_catalog_page_are_ranked_by_relevance(client, catalog):
    # The page's form sends the sort menu's current choice (newest, chosen for no words).
    found, selected = titles(client, "?q=implicit+bias+structural+racism&sort=newest&sorted_for=")
    assert found[0].startswith("Structural racism") and selected == ["relevance"]


def test_words_typed_after_browsing_a_level_are_ranked_by_relevance(client, catalog):
    found, selected = titles(
        client, "?level=gme-residency&q=structural+racism&sort=newest&sorted_for="
    )
    assert found[0].startswith("Structural racism") and selected == ["relevance"]


def test_a_search_from_the_home_page_is_ranked_by_relevance(client, catalog):
    found, selected = titles(client, "?q=implicit+bias")
    assert found[0].startswith("Structural racism") and selected == ["relevance"]


def test_a_sort_chosen_for_these_same_words_is_kept(client, catalog):
    found, selected = titles(client, "?q=implicit+bias&sort=newest&sorted_for=Implicit++bias")
    assert found[0] == "Housing and health" and selected == ["newest"]


def test_removing_a_chip_keeps_the_sort_chosen_for_the_same_words(client, catalog):
    html = client.get(
        "/catalog/?q=implicit+bias&level=gme-residency&sort=newest&sorted_for=implicit+bias"
    ).content.decode()
    without_level = [
        href
        for href in re.findall(r'<a class="chip" href="([^"]*)">', html)
        if "level=" not in href and "q=" in href
    ][0]
    found, selected = titles(client, without_level.replace("&amp;", "&"))
    assert found[0] == "Housing and health" and selected == ["newest"]


def test_the_api_keeps_the_sort_it_asks_for(client, catalog):
    data = client.get("/api/v1/resources/?q=implicit+bias&sort=newest").json()
    assert data["results"][0]["title"] == "Housing and health"
