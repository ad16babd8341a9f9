"""The Server-Timing header of the catalog's responses (issue 13 item 6)."""

import re
import time

import pytest
from django.core.management import call_command
from django.db.backends.utils import CursorWrapper
from django.template.response import TemplateResponse
from django.test import override_settings

from catalog.facets.index import CatalogIndex
from tests import factories
from toolkit import timing

pytestmark = pytest.mark.django_db

HEADER = re.compile(
    r"db;dur=(?P<db>\d+\.\d), search;dur=(?P<search>\d+\.\d), "
    r"facets;dur=(?P<facets>\d+\.\d), tpl;dur=(?P<tpl>\d+\.\d)"
)
CATALOG_RESPONSES = [
    "/catalog/?q=interpreters",
    "/catalog/?level=gme-residency",
    "/catalog/?topic=language-access&sort=title",
    "/api/v1/resources/?q=interpreters",
    "/api/v1/resources/?level=gme-residency&facets=1",
    "/catalog/feed/?q=interpreters",
]


@pytest.fixture
def catalog():
    return factories.resource("Working with interpreters", summary="Brief the interpreters.")


def metrics(response):
    found = HEADER.fullmatch(response["Server-Timing"])
    assert found, response["Server-Timing"]
    return {name: float(value) for name, value in found.groupdict().items()}


@pytest.mark.parametrize("url", CATALOG_RESPONSES)
def test_catalog_responses_say_their_database_search_facet_and_template_times(client, catalog, url):
    response = client.get(url)
    assert response.status_code == 200
    assert set(metrics(response)) == {"db", "search", "facets", "tpl"}


def slowed(monkeypatch, cls, name, seconds=0.02):
    """Make cls.name (a method, or a property if it is one) take `seconds` longer."""
    original = getattr(cls, name)
    function = original.fget if isinstance(original, property) else original

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return function(*args, **kwargs)

    monkeypatch.setattr(cls, name, property(slow) if isinstance(original, property) else slow)


def test_each_metric_is_the_time_of_its_own_work(client, catalog, monkeypatch):
    # the search and the facet selection take 20 ms more, the rendering 50 ms more
    slowed(monkeypatch, CatalogIndex, "text_match")
    slowed(monkeypatch, CatalogIndex, "select")
    slowed(monkeypatch, TemplateResponse, "rendered_content", 0.05)
    client.get("/catalog/?q=interpreters")  # builds the index
    times = metrics(client.get("/catalog/?q=interpreters"))
    assert 20 <= times["search"] < 50
    assert 20 <= times["facets"] < 50
    assert times["tpl"] >= 50
    slowed(monkeypatch, CursorWrapper, "_execute")
    times = metrics(client.get("/catalog/?q=interpreters"))
    assert times["db"] >= 20  # the generation stamp and the snippets' query at least


@pytest.mark.parametrize("url", ["/", "/healthz", "/catalog/working-with-interpreters/"])
def test_pages_that_neither_search_nor_count_facets_have_no_header(client, catalog, url):
    assert client.get(url).status_code == 200
    assert not client.get(url).has_header("Server-Timing")


@override_settings(TOOLKIT_SERVER_TIMING=False)
@pytest.mark.parametrize("url", CATALOG_RESPONSES)
def test_the_header_can_be_switched_off(client, catalog, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.has_header("Server-Timing")


def test_measuring_outside_a_request_does_nothing():
    with timing.measure("search"):
        pass
    assert timing.current() is None


def test_bench_server_timing_prints_the_cost_of_the_header(catalog, capsys):
    call_command("bench_server_timing", repeat=2, micro=20)
    out = capsys.readouterr().out
    for kind in ("catalog search", "browse a level", "API list", "feed"):
        assert re.search(rf"^{kind} .*on - absent \(cpu p50\): [+-]\d+\.\d\d$", out, re.M)
    assert re.search(r"The middleware alone.*: [\d.]+ µs without it, [\d.]+ µs with it", out)
