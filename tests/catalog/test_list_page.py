"""The catalog page, /catalog/, and the editors' zero-result searches, /editor/searches/."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import search, searchlog, services, views
from catalog.models import SearchLog
from tests import factories
from tests.catalog.search_inputs import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="chip" href="([^"]*)">')
RESULT_TITLE = re.compile(r'<h3 class="result__title"><a href="[^"]*">([^<]*)</a>')


def page(client, query="", status=200):
    response = client.get(f"/catalog/{query}")
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def shown(html):
    return [unescape(t) for t in RESULT_TITLE.findall(html)]


def test_the_page_lists_each_resource_with_what_an_instructor_needs(client):
    factories.resource(
        "Working with medical interpreters",
        levels=["ume-clerkship", "gme-residency"],
        type="case",
        summary="Practise a visit with an interpreter.",
        time_required_minutes=90,
    )
    html = page(client)
    assert '<a href="/catalog/working-with-medical-interpreters/">' in html
    assert "Working with medical interpreters" in html
    assert "Case (paper case" in html  # the type
    assert "UME Clerkship, GME Residency" in html
    assert "1 h 30 min" in html
    assert "Practise a visit with an interpreter." in html
    assert "1 result" in html


def test_the_filters_are_a_get_form_that_works_without_javascript(client):
    factories.resource("Working with interpreters", levels=["gme-residency"])
    html = page(client, "?level=gme-residency")
    assert '<form id="catalog-form"' in html and 'method="get"' in html
    assert '<legend class="visually-hidden">Learner level</legend>' in html
    assert re.search(
        r'<details class="facet" open>\s*<summary class="facet__summary">Learner', html
    )
    assert re.search(
        r'<input type="checkbox" form="catalog-form" name="level" '
        r'value="gme-residency" id="[^"]+" checked>',
        html,
    )
    assert "Apply filters</button>" in html
    assert '<label for="catalog-q">' in html and '<label for="catalog-sort">' in html
    assert "<script" not in html
    assert 'href="/catalog/feed/?level=gme-residency"' in html  # this search as an Atom feed


def test_searching_highlights_the_words_and_escapes_the_text(client):
    factories.resource(
        "Working with interpreters",
        summary="<b>Bold</b> claims about interpreters.",
    )
    html = page(client, "?q=interpreters")
    assert "<mark>interpreters</mark>" in html
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html  # escaped, never markup


def test_snippets_are_made_for_the_shown_page_only(client, monkeypatch):
    for n in range(25):
        factories.resource(f"Interpreters {n}")
    asked = []
    original = search.snippets
    monkeypatch.setattr(
        search, "snippets", lambda text, ids: asked.append(list(ids)) or original(text, ids)
    )
    page(client, "?q=interpreters")
    assert [len(ids) for ids in asked] == [20]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_every_hostile_query_gets_a_page(client, text):
    factories.resource("Working with interpreters")
    response = client.get("/catalog/", {"q": text, "level": "gme-residency"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "value"),
    [("?level=nope", "nope"), ("?q=x&type=podcasts", "podcasts"), ("?max_minutes=abc", "abc")],
)
def test_invalid_filters_get_400_with_a_message_naming_the_value(client, query, value):
    html = page(client, query, status=400)
    assert f"“{value}”" in html
    assert 'role="alert"' in html


def test_each_chip_removes_exactly_its_value_and_keeps_the_rest(client):
    factories.resource("A", levels=["gme-residency"], type="case", topics=["rural-health"])
    factories.resource("B", levels=["cpd-faculty"], type="video", topics=["rural-health"])
    query = {
        "q": "session",
        "level": ["gme-residency", "cpd-faculty"],
        "type": ["case"],
        "topic": ["rural-health"],
        "max_minutes": ["120"],
    }
    html = client.get("/catalog/", query).content.decode()
    chips = [unescape(href) for href in CHIP.findall(html)]
    assert len(chips) == 6
    everything = {(k, v) for k, values in query.items() for v in ([values] if k == "q" else values)}
    removed = []
    for href in chips:
        kept = {(k, v) for k, values in parse_qs(urlsplit(href).query).items() for v in values}
        assert kept < everything
        (gone,) = everything - kept
        removed.append(gone)
        assert client.get(f"/catalog/{href}").status_code == 200
    assert sorted(removed) == sorted(everything)


def test_repeated_filter_values_make_one_chip_each_and_links_without_repeats(client):
    factories.resource("A", levels=["gme-residency"], type="case")
    html = page(client, "?" + "&".join(["year=2024&level=gme-residency"] * 300))
    chips = [unescape(href) for href in CHIP.findall(html)]
    assert len(chips) == 2  # the distinct values
    links = chips + [unescape(h) for h in re.findall(r'href="(/catalog/feed/[^"]*)"', html)]
    for href in links:
        values = [v for vs in parse_qs(urlsplit(href).query).values() for v in vs]
        assert len(values) <= 2, href
    assert len(html) < 50_000


def test_page_links_carry_each_repeated_value_once(client):
    for n in range(21):
        factories.resource(f"Resource {n:02d}", levels=["gme-residency"])
    html = page(client, "?" + "&".join(["level=gme-residency"] * 500))
    links = [unescape(h) for h in re.findall(r'href="(\?[^"]*page=[^"]*)"', html)]
    assert links and all(parse_qs(link[1:])["level"] == ["gme-residency"] for link in links)


def test_too_many_values_of_one_filter_get_a_400_page_that_says_so(client):
    html = page(client, "?" + "&".join(f"year={y}" for y in range(1900, 2251)), status=400)
    assert "Year published: 351 different values given: choose at most 50." in html
    assert 'class="chip"' not in html and len(html) < 50_000


def test_pages_hold_20_results_and_say_how_many_pages(client):
    for n in range(45):
        factories.resource(f"Resource {n:02d}")
    first = page(client, "?sort=title")
    assert shown(first) == [f"Resource {n:02d}" for n in range(20)]
    assert "45 results" in first and "page 1 of 3" in first
    assert 'href="?sort=title&amp;page=2"' in first or 'href="?sort=title&page=2"' in first
    third = page(client, "?sort=title&page=3")
    assert shown(third) == [f"Resource {n:02d}" for n in range(40, 45)]
    assert 'aria-current="page"' in third


def test_page_links_go_back_and_forth_mark_the_current_page_and_elide_the_far_ones(
    client, monkeypatch
):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for n in range(25):
        factories.resource(f"Resource {n:02d}")
    html = page(client, "?sort=title&page=7")
    start = html.index('<nav class="pagination"')
    nav = html[start : html.index("</nav>", start)]
    links = re.findall(r'<a href="\?sort=title&amp;page=(\d+)"([^>]*)>', nav)
    assert links == [
        ("6", ' rel="prev"'),
        ("1", ""),
        ("2", ""),
        ("5", ""),
        ("6", ""),
        ("7", ' aria-current="page"'),
        ("8", ""),
        ("9", ""),
        ("12", ""),
        ("13", ""),
        ("8", ' rel="next"'),
    ]
    assert nav.count('<li><span class="pagination__gap">…</span></li>') == 2
    assert '<p class="pagination__status">Page 7 of 13</p>' in html


def test_a_single_page_of_results_has_no_page_links(client):
    factories.resource("Working with interpreters")
    assert 'class="pagination"' not in page(client)


@pytest.mark.parametrize("number", ["999", "abc", "-1", "0", "1.5", "99999999999999999999"])
def test_out_of_range_or_garbage_pages_still_get_a_page(client, number):
    factories.resource("Working with interpreters")
    html = page(client, f"?page={number}")
    assert shown(html) == ["Working with interpreters"]


def test_retired_resources_are_not_listed(client):
    kept = factories.resource("Working with interpreters")
    gone = factories.resource("Interpreters: the retired guide")
    services.retire_resource(gone, reason="Superseded.")
    assert shown(page(client)) == [kept.title]
    assert shown(page(client, "?q=interpreters")) == [kept.title]


def test_an_empty_result_suggests_what_to_try(client):
    factories.resource("Working with interpreters", levels=["gme-residency"])
    html = page(client, "?q=podiatry&level=gme-residency")
    assert "0 results" in html
    assert "No resources match" in html
    assert 'href="/catalog/?q=podiatry"' in html  # search again without the filters
    assert "Check the spelling" in html


def test_zero_result_searches_are_logged_and_others_are_not(client):
    factories.resource("Working with interpreters")
    page(client, "?q=podiatry&type=case")
    page(client, "?q=interpreters")
    page(client, "?type=case")
    page(client, "?q=***")
    page(client, "?q=x&type=nope", status=400)
    assert list(SearchLog.objects.values_list("query", "params")) == [("podiatry", "type=case")]


def test_the_page_matches_words_in_the_search_engine_and_computes_no_vector(client):
    factories.resource("Working with interpreters")
    with CaptureQueriesContext(connection) as queries:
        html = page(client, "?q=interpreters+or+language")
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    # The words are matched by the search engine (catalog.search.engine) and the snippets are
    # chosen in Python from the shown rows: the database computes no text vector per request.
    assert "to_tsvector" not in sql and "MATCH" not in sql
    assert "<mark>interpreters</mark>" in html


def test_a_result_shows_its_new_version_and_a_search_snippet_in_place_of_its_summary(client):
    # A result's title and facts are made once per facet index: a new version must show.
    resource = factories.resource("Working with interpreters", summary="Old summary.")
    assert "Old summary." in page(client)
    publication = services.Publication(
        title="Working with medical interpreters",
        summary="Telephone and video interpreters in the clinic.",
        resource_type=resource.resource_type,
        language=resource.language,
        license=resource.license,
        levels=list(resource.levels.all()),
        time_required_minutes=45,
    )
    services.publish_resource(publication, resource)
    browsed = page(client)
    assert shown(browsed) == ["Working with medical interpreters"]
    assert '<p class="result__summary">Telephone and video interpreters' in browsed
    assert "45 min" in browsed and "Old summary." not in browsed
    searched = page(client, "?q=video")
    assert shown(searched) == ["Working with medical interpreters"]
    assert '<p class="result__snippet">' in searched and "<mark>video</mark>" in searched
    assert 'class="result__summary"' not in searched
    assert '<p class="result__summary">' in page(client)  # the browse page again: the summary


def test_post_is_not_allowed(client):
    assert client.post("/catalog/").status_code == 405


def test_zero_result_searches_page_permission_ladder(client, contributor, editor):
    searchlog.record("podiatry")
    searchlog.record("Podiatry")
    searchlog.record("dental care")
    response = client.get("/editor/searches/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(contributor)
    assert client.get("/editor/searches/").status_code == 403
    client.force_login(editor)
    response = client.get("/editor/searches/")
    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r'<td><a href="[^"]*">([^<]*)</a></td>\s*<td>(\d+)</td>', html)
    assert rows == [("podiatry", "2"), ("dental care", "1")]
    assert "<time" in html


def test_a_page_of_results_needs_only_a_few_queries(client, django_assert_max_num_queries):
    for n in range(25):
        factories.resource(f"Interpreters {n}", levels=["gme-residency"])
    page(client, "?q=interpreters")  # builds the facet index, runs the search once
    with django_assert_max_num_queries(3):  # generation stamp, snippets (at most two)
        html = page(client, "?q=interpreters&level=gme-residency&page=2")
    assert len(shown(html)) == 5
    with django_assert_max_num_queries(1):
        page(client, "?level=gme-residency&sort=title")


def test_time_required_reads_the_same_in_the_results_as_on_the_resource_page(client):
    resource = factories.resource("A ninety-minute session", time_required_minutes=90)
    listing = page(client, "?q=ninety")
    detail = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert '<time datetime="PT90M">1 h 30 min</time>' in listing
    assert '<time datetime="PT90M">1 h 30 min</time>' in detail
    assert "90 min" not in listing


def test_the_facet_checkboxes_escape_what_an_admin_typed_in_a_term_name(client):
    from catalog.models import Topic

    Topic.objects.filter(slug="language-access").update(name='<b onmouseover="x()">Access</b>')
    factories.resource("Working with interpreters", topics=["language-access"])
    html = page(client)
    assert '<b onmouseover="x()">' not in html
    assert "&lt;b onmouseover=" in html and "Access&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "query, heading",
    [
        ("?level=gme-residency", "Residency (GME) resources"),
        ("?topic=language-access", "Language access and working with interpreters resources"),
        ("?interprofessional=true", "Interprofessional resources"),
        ("?level=gme-residency&level=ume-clerkship", "Catalog"),
        ("?level=gme-residency&q=interpreters", "Catalog"),
        ("", "Catalog"),
    ],
)
def test_a_browse_page_is_titled_by_what_is_browsed(client, query, heading):
    factories.resource(
        "Working with interpreters", levels=["gme-residency"], topics=["language-access"]
    )
    html = page(client, query)
    assert f'<h1 class="catalog-heading">{heading}</h1>' in html
    assert f"<title>{heading} · " in html or f"· {heading} · " in html
