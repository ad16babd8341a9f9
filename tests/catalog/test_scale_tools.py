"""The tools that measure the catalog at scale: seed_corpus --lean/--copies and
facet_index_memory (README "Scaling")."""

import pytest
from django.core.management import CommandError, call_command

from catalog.facets import get_index
from catalog.models import Resource

pytestmark = pytest.mark.django_db


def test_lean_copies_repeat_every_resource_with_its_facets_and_first_version():
    call_command("seed_corpus", resources=20, lean=True, copies=2, force=True, verbosity=0)

    resources = Resource.objects.published()
    assert resources.count() == 60
    assert resources.values("slug").distinct().count() == 60
    original = resources.get(slug="corpus-7")
    copy = resources.get(slug="corpus-7x3")
    assert (copy.title, copy.summary, copy.description) == (original.title, original.summary, "")
    assert set(copy.topics.all()) == set(original.topics.all())
    assert set(copy.levels.all()) == set(original.levels.all())
    assert copy.versions.get().number == 1
    index = get_index()
    topic = original.topics.first()
    assert len(index) == 60
    assert index.bits["topic"][topic.slug].bit_count() == resources.filter(topics=topic).count()


def test_copies_need_a_lean_corpus():
    with pytest.raises(CommandError, match="--copies needs --lean"):
        call_command("seed_corpus", resources=2, copies=1, force=True, verbosity=0)


def test_facet_index_memory_prints_what_the_index_holds(capsys):
    call_command("seed_corpus", resources=30, lean=True, force=True, verbosity=0)
    call_command("facet_index_memory")
    out = capsys.readouterr().out
    assert "resources" in out and "30" in out
    for figure in ("RSS growth", "peak RSS", "tracemalloc held", "listing", "bits"):
        assert figure in out
