"""Full-text search (catalog.search): ranking, web-search syntax, safety and the index."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalog import facets, search, services
from catalog.models import Resource
from catalog.search import engine
from tests import factories
from tests.catalog import sql_oracle
from tests.catalog.search_inputs import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


def titles(text):
    found = search.match(text)
    if found is None:
        return None
    names = dict(Resource.objects.values_list("pk", "title"))
    return [names[pk] for pk in found.ids]


def test_a_title_match_ranks_above_a_body_only_match():
    factories.resource(
        "Cultural humility in the clinic",
        summary="A session on reflection.",
        description="Learners practise working with interpreters during a visit.",
    )
    factories.resource("Working with interpreters", summary="A short session.")
    assert titles("interpreters") == [
        "Working with interpreters",
        "Cultural humility in the clinic",
    ]


def test_summary_and_topics_rank_above_attachment_text():
    factories.resource("Session A", summary="Redlining and its legacy.", topics=["rural-health"])
    factories.resource("Session B", summary="A session.", attachment_text="redlining " * 3)
    assert titles("redlining") == ["Session A", "Session B"]


def test_a_phrase_matches_the_words_in_order_and_not_apart():
    factories.resource("Food insecurity screening", summary="Screen for it.")
    factories.resource("Screening food banks", summary="Insecurity of funding.")
    assert titles('"food insecurity"') == ["Food insecurity screening"]


def test_a_three_word_phrase_needs_all_three_adjacent_and_in_order():
    factories.resource("Structural racism in medicine", summary="History and now.")
    factories.resource("Medicine and racism", summary="Structural racism is named.")
    factories.resource("Racism, structural and medical", summary="Words apart.")
    factories.resource("Structural racism", summary="In medicine, a lecture.")
    assert titles('"structural racism in medicine"') == ["Structural racism in medicine"]
    assert titles('"racism in medicine"') == ["Structural racism in medicine"]


def test_a_phrase_is_found_across_accents_stems_and_punctuation():
    factories.resource("Atención primaria", summary="Servicios de interpretación médica.")
    factories.resource("Interpretación", summary="Médica, servicios.")
    assert titles('"interpretacion medica"') == ["Atención primaria"]
    assert titles('"servicio de interpretación"') == ["Atención primaria"]


def test_minus_word_excludes_resources_that_contain_it():
    factories.resource("Housing and health", summary="Eviction and shelters.")
    factories.resource("Housing policy", summary="Zoning and highways.")
    assert titles("housing -eviction") == ["Housing policy"]
    assert titles('housing -"and shelters"') == ["Housing policy"]


def test_only_negative_terms_find_everything_else():
    factories.resource("Housing and health", summary="Eviction and shelters.")
    factories.resource("Rural maternity care", summary="Distance and closures.")
    assert titles("-eviction") == ["Rural maternity care"]


def test_or_finds_either_word_and_binds_looser_than_and():
    factories.resource("Rural maternity care", summary="Distance and closures.")
    factories.resource("Urban asthma", summary="Housing and mould.")
    factories.resource("Dental access", summary="Fluoride.")
    assert set(titles("maternity or asthma")) == {"Rural maternity care", "Urban asthma"}
    assert set(titles("maternity OR asthma mould")) == {"Rural maternity care", "Urban asthma"}
    assert titles("maternity mould") == []


def test_words_are_stemmed_by_the_search():
    factories.resource("Working with interpreters", summary="Questions welcome.")
    assert titles("interpreter") == ["Working with interpreters"]
    assert titles("question") == ["Working with interpreters"]


def test_diacritics_are_ignored_on_both_databases():
    factories.resource("Working with interpreters", summary="Naïve questions welcome.")
    assert titles("naive") == ["Working with interpreters"]
    assert titles("naïve") == ["Working with interpreters"]


def test_an_unaccented_search_finds_accented_text_and_the_reverse():
    factories.resource("Atención materna en la comunidad", summary="Salud materna.", language="es")
    factories.resource("Atencion primaria", summary="Sin acentos en el texto.", language="es")
    assert titles("atencion materna") == ["Atención materna en la comunidad"]
    assert titles("atención primaria") == ["Atencion primaria"]
    both = {"Atención materna en la comunidad", "Atencion primaria"}
    assert set(titles("atención")) == set(titles("atencion")) == both


def test_a_snippet_of_an_unaccented_search_shows_the_accented_text():
    resource = factories.resource(
        "Cuidado materno", summary="La atención materna en zonas rurales.", language="es"
    )
    snippet = search.snippets("atencion", [resource.pk])[resource.pk]
    assert "<mark>atención</mark>" in snippet


def test_topic_names_and_keywords_are_searched():
    factories.resource("Session one", topics=["indigenous-health"], keywords="sovereignty")
    assert titles("indigenous") == ["Session one"]
    assert titles("sovereignty") == ["Session one"]


def test_a_query_with_no_words_searches_nothing():
    factories.resource("Working with interpreters")
    for text in ["", "   ", "*", '"', "-", "🏥", "\x00"]:
        assert search.match(text) is None


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_never_raise(text):
    resource = factories.resource("Working with interpreters", summary="Language access.")
    found = search.match(text)
    assert found is None or isinstance(found.ids, list)
    search.snippets(text, [resource.pk])
    list(sql_oracle.filter_text(Resource.objects.all(), text))
    list(sql_oracle.rank_text(Resource.objects.all(), text))


def test_very_long_queries_are_cut():
    assert len(search.clean_query("word " * 5_000)) <= search.MAX_QUERY_CHARS
    assert len(search.parse_query("word " * 5_000).words) <= search.MAX_TERMS


def test_retired_resources_leave_the_search_index():
    resource = factories.resource("Working with interpreters")
    services.retire_resource(resource, reason="Superseded.")
    assert search.match("interpreters").ids == []
    assert not sql_oracle.filter_text(Resource.objects.published(), "interpreters").exists()


def test_a_resource_deleted_outside_the_services_leaves_the_index():
    resource = factories.resource("Working with interpreters")
    assert len(facets.get_index()) == 1
    resource.delete()
    assert search.match("interpreters").ids == []
    assert len(facets.get_index()) == 0


def test_a_new_version_replaces_the_indexed_text():
    resource = factories.resource("Working with interpreters", summary="Old words: telephone.")
    publication = services.Publication(
        title="Working with interpreters",
        summary="New words: video.",
        resource_type=resource.resource_type,
        language=resource.language,
        license=resource.license,
        levels=list(resource.levels.all()),
    )
    services.publish_resource(publication, resource)
    assert titles("video") == ["Working with interpreters"]
    assert titles("telephone") == []


def test_rebuild_index_indexes_every_published_resource_again():
    resource = factories.resource("Working with interpreters")
    retired = factories.resource("Interpreters, the old guide")
    services.retire_resource(retired, reason="Superseded.")
    engine.engine().clear()
    assert search.rebuild_index() == 1
    assert titles("interpreters") == ["Working with interpreters"]
    assert search.snippets("interpreters", [resource.pk])  # chosen in Python from the rows


def test_the_search_engine_rebuilds_a_lost_index_by_itself():
    factories.resource("Working with interpreters")
    assert titles("interpreters") == ["Working with interpreters"]
    engine.engine().clear()
    assert titles("interpreters") == ["Working with interpreters"]


def test_the_search_engine_drops_what_a_rolled_back_transaction_indexed():
    factories.resource("Working with interpreters")
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.resource("Interpreters, a draft that failed")
        assert len(titles("interpreters")) == 2
        raise RuntimeError
    assert titles("interpreters") == ["Working with interpreters"]


def test_publishing_and_searching_write_and_read_no_full_text_structure_in_the_database():
    with CaptureQueriesContext(connection) as queries:
        resource = factories.resource("Working with interpreters")
        assert search.match("interpreters or language").ids == [resource.pk]
        assert search.snippets("interpreters", [resource.pk])
    sql = " ".join(q["sql"] for q in queries.captured_queries).lower()
    for structure in ("tsvector", "tsquery", "search_vector", "catalog_resource_fts", "bm25("):
        assert structure not in sql, structure


def test_snippets_escape_the_text_and_mark_only_the_matches():
    resource = factories.resource(
        "Working with interpreters",
        summary="<script>alert('x')</script> Bring interpreters & friends.",
    )
    snippet = search.snippets("interpreters", [resource.pk])[resource.pk]
    assert "<mark>interpreters</mark>" in snippet
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet or "script" not in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_highlight_keeps_marks_balanced_whatever_the_text_holds():
    marked = f"a {search.STOP}b{search.START}c{search.START}d <i>e</i>"
    assert search.highlight(marked) == "a b<mark>cd &lt;i&gt;e&lt;/i&gt;</mark>"


def test_a_snippet_separates_the_lines_it_spans_instead_of_running_them_together():
    match = f"{search.START}interpreter{search.STOP}"
    marked = f"Residents practise.\nBrief an {match}\n\nUse first-person speech"
    assert search.highlight(marked) == (
        "Residents practise. Brief an <mark>interpreter</mark> · Use first-person speech"
    )


def test_seed_corpus_builds_a_searchable_catalog():
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_corpus", resources=5)
    call_command("seed_corpus", resources=30, batch=7, force=True, verbosity=0)
    assert Resource.objects.filter(slug__startswith="corpus-").count() == 30
    assert len(search.match("health or care or patients or learners")) > 0
    call_command("seed_corpus", resources=1, clear=True, force=True, verbosity=0)
    assert Resource.objects.filter(slug__startswith="corpus-").count() == 1
