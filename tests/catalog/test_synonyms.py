"""Synonyms and abbreviations (catalog.search.synonyms), applied to searches as typed."""

import pytest
from django.urls import reverse

from catalog import search
from catalog.models import Synonym
from catalog.search import synonyms
from tests import factories

pytestmark = pytest.mark.django_db


def table(*entries):
    return synonyms.build_table(
        Synonym(kind=kind, terms=terms, expansions=expansions, source="test")
        for kind, terms, expansions in entries
    )


EQUIVALENT, ONE_WAY = Synonym.Kind.EQUIVALENT, Synonym.Kind.ONE_WAY


def api_titles(client, q, **params):
    response = client.get("/api/v1/resources/", {"q": q, **params})
    assert response.status_code == 200
    return [r["title"] for r in response.json()["results"]]


def test_equivalent_terms_each_find_the_others():
    synonyms_ = table((EQUIVALENT, "implicit bias, unconscious bias", ""))
    expanded = synonyms.expand(search.parse_query("implicit bias"), synonyms_)
    assert expanded.text == 'implicit bias or "unconscious bias"'
    reverse_ = synonyms.expand(search.parse_query('"unconscious bias"'), synonyms_)
    assert reverse_.text == '"unconscious bias" or "implicit bias"'


def test_a_one_way_expansion_does_not_apply_backwards():
    synonyms_ = table((ONE_WAY, "SDOH", "social determinants of health"))
    assert synonyms.expand(search.parse_query("SDOH"), synonyms_).text == (
        'sdoh or "social determinants of health"'
    )
    query = search.parse_query("social determinants of health")
    assert synonyms.expand(query, synonyms_) == query


def test_an_expansion_keeps_the_other_words_of_the_search_and_the_typed_form_first():
    synonyms_ = table((EQUIVALENT, "trauma-informed care, trauma informed approach", ""))
    expanded = synonyms.expand(search.parse_query("ED trauma-informed care -pediatric"), synonyms_)
    assert expanded.text == (
        'ed "trauma informed" care -pediatric or ed "trauma informed approach" -pediatric'
    )
    assert search.parse_query(expanded.text) == expanded  # PostgreSQL reads the same query


def test_an_excluded_term_excludes_its_synonyms_too():
    synonyms_ = table((EQUIVALENT, "implicit bias, unconscious bias", ""))
    expanded = synonyms.expand(search.parse_query('racism -"implicit bias"'), synonyms_)
    assert expanded.text == 'racism -"implicit bias" -"unconscious bias"'


def test_case_and_accents_do_not_matter_to_a_synonym():
    synonyms_ = table((EQUIVALENT, "atención materna, maternal care", ""))
    expanded = synonyms.expand(search.parse_query("Atencion Materna"), synonyms_)
    assert "maternal care" in expanded.text


def test_an_expanded_search_stays_a_bounded_or_of_ands():
    synonyms_ = table(*((EQUIVALENT, f"w{i}, a{i}, b{i}", "") for i in range(6)))
    expanded = synonyms.expand(search.parse_query("w0 w1 w2 w3 w4 w5"), synonyms_)
    assert len(expanded.groups) == synonyms.MAX_GROUPS
    assert expanded.groups[0] == search.parse_query("w0 w1 w2 w3 w4 w5").groups[0]


def test_an_equivalent_entry_needs_two_terms_and_no_expansions():
    entry = Synonym(kind=EQUIVALENT, terms="implicit bias", source="AAMC")
    with pytest.raises(Exception, match="at least two"):
        entry.full_clean()
    entry = Synonym(kind=ONE_WAY, terms="SDOH", source="CDC")
    with pytest.raises(Exception, match="at least one expansion"):
        entry.full_clean()


def test_the_seeded_list_has_sixty_sourced_entries_for_the_field():
    entries = Synonym.objects.filter(is_active=True)
    assert entries.count() >= 60
    assert not entries.filter(source="").exists()
    seeded = synonyms.table()
    for term in ("sdoh", "lep", "dei", "sgm", "lgbtq", "egfr", "bipoc", "urim", "fqhc", "ipv"):
        assert seeded.get([term]), term
    assert seeded.get(["unconscious", "bias"])
    assert seeded.get(["determinantes", "sociales", "de", "la", "salud"])


def test_an_abbreviation_finds_the_resources_that_spell_it_out(client):
    factories.resource("Social determinants of health in the clinic", summary="Housing, food.")
    factories.resource("Redlining", summary="Maps of lending.")
    assert api_titles(client, "SDOH") == ["Social determinants of health in the clinic"]


def test_a_synonym_finds_resources_on_the_catalog_page_and_in_the_snippet(client):
    factories.resource(
        "Bias in the clinic", summary="Unconscious bias shapes decisions at the bedside."
    )
    response = client.get(reverse("catalog:resource-list"), {"q": "implicit bias"})
    assert response.context["results"].count == 1
    assert "<mark>Unconscious" in response.content.decode()


def test_a_synonym_edited_in_the_admin_applies_to_the_next_search_without_a_reindex(
    admin_client, client
):
    factories.resource("Housing first", summary="Permanent supportive housing.")
    assert api_titles(client, "tenancy") == []
    response = admin_client.post(
        reverse("admin:catalog_synonym_add"),
        {
            "kind": "one_way",
            "terms": "tenancy",
            "expansions": "supportive housing",
            "source": "HUD glossary",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content
    assert api_titles(client, "tenancy") == ["Housing first"]
    entry = Synonym.objects.get(terms="tenancy")
    admin_client.post(reverse("admin:catalog_synonym_delete", args=[entry.pk]), {"post": "yes"})
    assert api_titles(client, "tenancy") == []


def test_the_synonym_admin_lists_and_searches_the_entries(admin_client):
    response = admin_client.get(reverse("admin:catalog_synonym_changelist"), {"q": "SDOH"})
    assert response.status_code == 200
    assert "social determinants of health" in response.content.decode()
    add = admin_client.get(reverse("admin:catalog_synonym_add")).content.decode()
    assert "nothing is re-indexed" in add
