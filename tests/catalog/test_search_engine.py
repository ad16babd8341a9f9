"""The search engine's index (catalog.search.engine): shared by workers, kept in step with the
catalog, exact match sets, accents folded."""

from unittest import mock

import pytest

from catalog import search, services
from catalog.models import Resource
from catalog.search import engine, matching
from tests import factories
from tests.catalog import sql_oracle

pytestmark = pytest.mark.django_db


def test_two_workers_share_one_index_on_disk_and_both_follow_a_retirement(tmp_path):
    first, second = engine.Engine(str(tmp_path)), engine.Engine(str(tmp_path))
    resource = factories.resource("Working with interpreters")
    first.sync()
    second.sync()  # the index already holds this generation: reads what the first wrote
    query = second.query(search.parse_query("interpreters"))
    assert second.count(query) == 1
    assert [pk for _, pk in second.top(query, 5)] == [resource.pk]
    services.retire_resource(resource, reason="Superseded.")
    second.sync()
    first.sync()
    assert first.count(first.query(search.parse_query("interpreters"))) == 0


def test_only_one_worker_writes_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "WRITER_WAIT_SECONDS", 0.2)
    first, second = engine.Engine(str(tmp_path)), engine.Engine(str(tmp_path))
    with first.writer(), pytest.raises(ValueError), second.writer():
        pass
    with second.writer():  # free again
        pass


@pytest.mark.parametrize("first", [0, 1_000], ids=["match set", "with the best"])
@pytest.mark.parametrize("aggregate_share", [0.0, 1.0], ids=["aggregated", "as hits"])
def test_match_sets_are_exact_whichever_way_they_are_read(monkeypatch, first, aggregate_share):
    monkeypatch.setattr(matching, "FIRST", first)  # 0: every search reads its match set
    monkeypatch.setattr(engine, "AGGREGATE_SHARE", aggregate_share)
    aggregated = engine.Engine._aggregated
    read = mock.create_autospec(aggregated, side_effect=aggregated)  # a method still
    monkeypatch.setattr(engine.Engine, "_aggregated", read)
    for n in range(60):
        factories.resource(
            f"Session {n}",
            summary=("Housing and health. " if n % 3 else "Health. ")
            + ("Eviction." if n % 4 == 0 else ""),
        )
    for text in ["health", "housing", "eviction", "housing -eviction", "eviction or housing"]:
        found = search.find(text)
        expected = set(
            sql_oracle.filter_text(Resource.objects.published(), text).values_list("pk", flat=True)
        )
        assert set(found.ids.tolist()) == expected, text
        assert found.ids.tolist() == sorted(expected)
        assert found.count == len(expected)
    assert read.called == (first == 0 and aggregate_share == 0.0)


def test_accents_are_folded_on_both_databases():
    factories.resource("Atención al paciente", summary="Intérpretes y acceso lingüístico.")
    found = search.match("atencion linguistico")
    assert found is not None and len(found) == 1
    assert len(search.match("atención")) == 1


def test_an_index_made_with_another_schema_is_left_aside_and_the_catalog_indexed_anew(tmp_path):
    import tantivy

    builder = tantivy.SchemaBuilder()  # an earlier version's index, in the configured directory
    builder.add_text_field("title")
    tantivy.Index(builder.build(), path=str(tmp_path), reuse=True)
    resource = factories.resource("Working with interpreters")
    current = engine.Engine(str(tmp_path))  # does not fail on the old schema
    current.sync()
    assert [pk for _, pk in current.top(current.query(search.parse_query("interpreters")), 5)] == [
        resource.pk
    ]
    assert (tmp_path / engine.SCHEMA_DIRECTORY / "meta.json").exists()


def test_search_index_command_builds_an_absent_index_from_the_catalog(tmp_path, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.TOOLKIT_SEARCH_INDEX = str(tmp_path / "index")
    factories.resource("Working with interpreters")
    factories.resource("Redlining and health")
    out = StringIO()
    call_command("search_index", stdout=out)
    assert "holds 2 published resources" in out.getvalue()
    built = engine.Engine(str(tmp_path / "index"))  # another worker finds it on disk
    assert built.count(built.query(search.parse_query("redlining"))) == 1
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "holds 2 published resources" in out.getvalue()
