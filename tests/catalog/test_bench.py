"""The benchmark's catalog and requests (`make bench`): sizes, kinds and targets."""

from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command

from catalog.management.benchmark import load, queries
from catalog.management.commands.bench_catalog import target
from catalog.models import Resource

pytestmark = pytest.mark.django_db


def synthetic() -> int:
    return Resource.objects.filter(slug__startswith="corpus-").count()


def test_seed_corpus_makes_the_catalog_exactly_the_size_asked():
    call_command("seed_corpus", size=12, batch=5, force=True, verbosity=0)
    assert synthetic() == 12
    call_command("seed_corpus", size=12, force=True, verbosity=0)  # nothing to do
    assert synthetic() == 12
    call_command("seed_corpus", size=15, force=True, verbosity=0)  # tops up
    assert synthetic() == 15
    call_command("seed_corpus", size=4, force=True, verbosity=0)  # built again
    assert synthetic() == 4


def test_the_benchmark_sends_a_different_request_every_time():
    call_command("seed_corpus", size=60, force=True, verbosity=0)
    kinds = queries.kinds(8)
    assert [k.name for k in kinds] == [
        "rare word",
        "medium word",
        "broad word",
        "broadest word",
        "two words",
        "phrase",
        "exclusion/or",
        "words + level",
        "browse",
        "browse + level",
        "facet-only",
        "many facets",
    ]
    for kind in kinds:
        assert len(kind.paths) == 8, kind.name
        assert len(set(kind.paths)) == 8, kind.name
        assert all(p.startswith("/catalog/") for p in kind.paths)
        has_words = any("q" in parse_qs(urlsplit(p).query) for p in kind.paths)
        assert has_words != kind.browsing, kind.name


def test_the_kinds_words_are_chosen_by_their_share_of_the_catalog():
    call_command("seed_corpus", size=60, force=True, verbosity=0)
    shares = queries.document_shares(["health", "gullah", "zzzz"])
    assert shares["zzzz"] == 0
    assert shares["gullah"] < shares["health"] <= 1
    by_name = {k.name: k for k in queries.kinds(5)}
    word = parse_qs(urlsplit(by_name["broadest word"].paths[0]).query)["q"][0]
    assert queries.document_shares([word])[word] == max(
        queries.document_shares(["health", "care", "patients", "students", word]).values()
    )


def test_the_search_mix_has_the_shares_of_the_issue():
    call_command("seed_corpus", size=60, force=True, verbosity=0)
    mix = queries.search_mix(200)
    assert len(mix) == 200
    counts = Counter(kind for kind, _ in mix)
    assert counts == {
        "rare word": 100,
        "medium word": 60,
        "broad word": 20,
        "broadest word": 10,
        "browse": 10,
    }


def test_a_kinds_words_stay_near_its_share_however_many_requests_are_asked():
    shares = {
        "far": 0.04,
        "a": 0.003,
        "b": 0.0031,
        "c": 0.0029,
        "d": 0.0045,
        "e": 0.0025,
        "low": 0.001,
        "none": 0.0,
    }
    assert queries._near(shares, 0.003, 3) == ["a", "b", "c"]
    # More asked than there are words near the share: only those ("far" is 13 times it).
    assert queries._near(shares, 0.003, 100) == ["a", "b", "c", "e", "d"]
    # A catalog too small to have words near the share: the nearest few, never a word in none.
    assert queries._near({"x": 0.5, "y": 0.2, "z": 0.0}, 0.003, 100) == ["y", "x"]


def test_the_load_test_prints_the_share_each_kind_of_its_requests_finds():
    call_command("seed_corpus", size=60, force=True, verbosity=0)
    health = queries.document_shares(["health"])["health"]
    requests = [
        ("rare word", "/catalog/?q=health"),
        ("rare word", "/catalog/?q=zzzz"),
        ("rare word", "/catalog/?q=zzzz+health"),
        ("browse", "/catalog/?page=2"),
    ]
    assert 0 < health < 1
    assert queries.shares_found(requests) == {"rare word": 0.0, "browse": 1.0}
    assert queries.shares_found(requests[:1] + requests[3:]) == {"rare word": health, "browse": 1.0}


def test_the_targets_are_the_issues():
    search, browse = queries.Kind("rare word", []), queries.Kind("browse", [])
    assert target(search, 10_000, 0.5) == 10
    assert target(browse, 10_000, 1.0) == 3
    assert target(search, 100_000, 0.005) == 20
    assert target(search, 100_000, 0.9) == 100
    assert target(browse, 100_000, 1.0) == 5


def test_the_load_script_walks_the_list_of_paths(tmp_path, monkeypatch):
    calls = []

    def run(command, **kwargs):
        calls.append(command)

        class Done:
            stdout = "Requests/sec:    151.25\nNon-2xx or 3xx responses: 2\n"

        return Done()

    monkeypatch.setattr(load.shutil, "which", lambda name: "/usr/bin/wrk")
    monkeypatch.setattr(load.subprocess, "run", run)
    result = load.wrk(8000, ["/catalog/?q=a", "/catalog/?q=b"], 5, tmp_path)
    assert (result.requests_per_second, result.errors) == (151.25, 2)
    assert "-s" in calls[0]
    assert (tmp_path / "paths.txt").read_text() == "/catalog/?q=a\n/catalog/?q=b\n"
    assert str(tmp_path / "paths.txt") in (tmp_path / "paths.lua").read_text()


def test_the_lists_benchmark_signs_in_to_its_own_shared_list_and_leaves_nothing_behind(client):
    from django.contrib.sessions.models import Session

    from catalog.lists import bench as lists_bench
    from catalog.lists.models import SavedList
    from tests import factories

    for n in range(3):
        factories.resource(f"Resource {n}")
    with lists_bench.bench_account() as account:
        client.cookies.load(account.cookie)
        owner_pages = [account.lists[0].path, f"{account.lists[0].path}print/"]
        assert len(lists_bench.paths(account)) == 4 * len(lists_bench.LIST_SIZES)
        for path in lists_bench.paths(account).values():
            response = client.get(path)
            assert response.status_code == 200, path
        assert b"Resource 2" in client.get(owner_pages[1]).content
        client.cookies.clear()
        assert client.get(owner_pages[0]).status_code == 302  # the cookie was the sign-in
    assert not SavedList.objects.exists() and not Session.objects.exists()
