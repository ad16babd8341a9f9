"""Atom feed of new resources, /catalog/feed/, with the catalog's filters."""

import re
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from lxml import etree

from catalog import search, services
from catalog.models import Resource
from tests import factories
from tests.catalog.search_inputs import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


def feed(client, query=""):
    response = client.get(f"/catalog/feed/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_the_feed_is_valid_atom_newest_first(client):
    older = factories.resource("Older resource")
    factories.resource("Newer resource")
    Resource.objects.filter(pk=older.pk).update(published_at=datetime(2020, 1, 1, tzinfo=UTC))
    search.renew_generation()
    parsed = feed(client)
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == ["Newer resource", "Older resource"]


def test_entries_link_to_the_page_and_carry_authors_categories_and_dates(client):
    resource = factories.resource(
        "Working with interpreters",
        levels=["gme-residency"],
        topics=["language-access"],
        summary="Practise a visit.",
        authors=[
            {"name": "Ada Author", "affiliation": "", "orcid": ""},
            {"name": "Ben Second", "affiliation": "", "orcid": ""},
        ],
    )
    (entry,) = feed(client).entries
    assert entry.link == "http://testserver/catalog/working-with-interpreters/"
    assert entry.summary == "Practise a visit."
    assert [a.name for a in entry.authors] == ["Ada Author", "Ben Second"]
    assert {t.term for t in entry.tags} == {
        "GME – Residency",
        "Language access and working with interpreters",
    }
    assert entry.updated_parsed[:6] == resource.published_at.utctimetuple()[:6]


def test_the_feed_honours_the_catalog_filters(client):
    factories.resource("Working with interpreters", levels=["gme-residency"], type="case")
    factories.resource("Rural maternity care", levels=["cpd-clinicians"], type="video")
    assert [e.title for e in feed(client, "?stage=cpd").entries] == ["Rural maternity care"]
    assert [e.title for e in feed(client, "?q=maternity").entries] == ["Rural maternity care"]
    assert feed(client, "?type=case&level=cpd-clinicians").entries == []
    assert feed(client, "?stage=cpd").feed.link == "http://testserver/catalog/?stage=cpd"


def test_the_feed_keeps_the_50_newest(client):
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(52):
        resource = factories.resource(f"Resource {n}")
        Resource.objects.filter(pk=resource.pk).update(published_at=start + timedelta(days=n))
    search.renew_generation()
    entries = feed(client).entries
    assert len(entries) == 50
    assert entries[0].title == "Resource 51" and entries[-1].title == "Resource 2"


def test_retired_resources_leave_the_feed(client):
    factories.resource("Working with interpreters")
    gone = factories.resource("Interpreters: the old guide")
    services.retire_resource(gone, reason="Superseded.")
    assert [e.title for e in feed(client).entries] == ["Working with interpreters"]
    assert [e.title for e in feed(client, "?q=interpreters").entries] == [
        "Working with interpreters"
    ]


def test_invalid_filters_get_400_naming_the_value(client):
    response = client.get("/catalog/feed/?level=nope&year=soon")
    assert response.status_code == 400
    body = response.content.decode()
    assert "“nope” is not a known learner level." in body and "“soon”" in body


def test_repeated_filter_values_count_once_in_the_feed(client):
    factories.resource("Working with interpreters", levels=["gme-residency"])
    parsed = feed(client, "?" + "&".join(["level=gme-residency"] * 500))
    assert [e.title for e in parsed.entries] == ["Working with interpreters"]
    assert parsed.feed.link.endswith("/catalog/?level=gme-residency")


def test_too_many_filter_values_get_400_saying_so(client):
    response = client.get("/catalog/feed/?" + "&".join(f"year={y}" for y in range(1900, 2000)))
    assert response.status_code == 400
    assert "Year published: 100 different values given: choose at most 50." in (
        response.content.decode()
    )


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_every_hostile_query_gets_a_feed(client, text):
    factories.resource("Working with interpreters")
    response = client.get("/catalog/feed/", {"q": text})
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo


def test_a_control_character_pasted_into_a_resource_does_not_break_the_feed(client):
    factories.resource(
        "Esc\x1b title\ufffe",
        summary="A bell\x07 in the summary.",
        authors=[{"name": "Ada\x0b Author", "affiliation": "", "orcid": ""}],
    )
    (entry,) = feed(client).entries  # parses: no bozo
    assert entry.title == "Esc title"
    assert entry.summary == "A bell in the summary."
    assert [a.name for a in entry.authors] == ["Ada Author"]


def test_a_browser_opening_the_feed_is_shown_a_readable_page_of_its_entries(client):
    factories.resource("Working with medical interpreters", summary="Practise with an interpreter.")
    response = client.get("/catalog/feed/?level=gme-residency")
    assert response.content.index(b"<?xml-stylesheet") < response.content.index(b"<feed")
    stylesheet = rb'<\?xml-stylesheet href="([^"]+)"[^>]* type="text/xsl"'
    href = re.search(stylesheet, response.content)[1]
    sheet = client.get(href.decode())
    assert sheet.status_code == 200 and sheet["Content-Type"].startswith("text/xsl")
    transform = etree.XSLT(etree.fromstring(sheet.content))
    page = str(transform(etree.fromstring(response.content)))
    assert "This is an Atom feed" in page
    assert '<a href="http' in page and "Working with medical interpreters</a>" in page
    assert "Practise with an interpreter." in page
    assert "/static/toolkit/site.css" in page
    assert feedparser.parse(response.content).bozo == 0  # readers still read plain Atom
