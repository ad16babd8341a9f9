"""What real clients are told (issue 16 item 3): CORS on the public read interfaces, content
negotiation on a resource's address, and a feed that readers can poll cheaply."""

import json

import feedparser
import pytest

from catalog import services
from tests import factories

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "https://teaching.example.edu"}


@pytest.fixture
def resource():
    return factories.resource("Working with medical interpreters")


@pytest.mark.parametrize(
    "path",
    [
        "/catalog/feed/",
        "/oai?verb=Identify",
        "/api/v1/resources/",
        "/api/v1/topics/",
        "/catalog/{slug}/cite.json",
        "/catalog/{slug}/v1/cite.ris",
        "/catalog/{slug}/",
    ],
)
def test_the_public_read_interfaces_answer_any_origin_without_credentials(client, resource, path):
    response = client.get(path.format(slug=resource.slug), **ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("path", ["/api/v1/submissions/", "/accounts/login/", "/editor/"])
def test_the_workflow_and_account_pages_do_not_answer_other_origins(client, path):
    response = client.get(path, **ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_a_resource_address_answers_csl_json_to_a_reference_manager(client, resource):
    response = client.get(
        f"/catalog/{resource.slug}/", HTTP_ACCEPT="application/vnd.citationstyles.csl+json"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert "Accept" in response["Vary"]
    (item,) = json.loads(response.content)
    assert item["title"] == "Working with medical interpreters"


def test_a_resource_address_answers_json_ld_and_a_browser_still_gets_the_page(client, resource):
    response = client.get(f"/catalog/{resource.slug}/v1/", HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith("application/ld+json")
    assert json.loads(response.content)["@type"] == "LearningResource"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get(f"/catalog/{resource.slug}/", HTTP_ACCEPT=browser)
    assert page["Content-Type"].startswith("text/html")


def test_a_filtered_feed_names_itself_with_its_filters(client, resource):
    feed = feedparser.parse(client.get("/catalog/feed/?level=gme-residency&q=interpreters").content)
    (self_link,) = [link for link in feed.feed.links if link.rel == "self"]
    assert self_link.href.endswith("/catalog/feed/?q=interpreters&level=gme-residency") or (
        "level=gme-residency" in self_link.href and "q=interpreters" in self_link.href
    )


def test_each_feed_entry_carries_its_language(client):
    factories.resource("Trabajar con intérpretes", language="es")
    feed = feedparser.parse(client.get("/catalog/feed/").content)
    assert feed.entries[0].title_detail.language == "es"


def test_a_feed_reader_polling_an_unchanged_catalog_gets_304_until_something_is_published(
    client, resource
):
    first = client.get("/catalog/feed/?level=gme-residency")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert (
        client.get("/catalog/feed/?level=gme-residency", HTTP_IF_NONE_MATCH=etag).status_code == 304
    )
    assert (
        client.get(
            "/catalog/feed/?level=gme-residency", HTTP_IF_MODIFIED_SINCE=modified
        ).status_code
        == 304
    )
    assert (
        client.get("/catalog/feed/?level=ume-clerkship", HTTP_IF_NONE_MATCH=etag).status_code == 200
    )
    services.retire_resource(resource, "Outdated.")
    assert (
        client.get("/catalog/feed/?level=gme-residency", HTTP_IF_NONE_MATCH=etag).status_code == 200
    )


def test_a_spanish_resource_page_marks_its_own_text_as_spanish_and_the_site_as_english(client):
    resource = factories.resource(
        "Trabajar con intérpretes", language="es", summary="Practicar una visita."
    )
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert '<html lang="en">' in html
    assert '<h1 id="resource-title" lang="es">Trabajar con intérpretes</h1>' in html
    assert '<div class="prose resource__summary" lang="es">' in html
    assert '<h2 id="summary-title">Summary</h2>' in html  # the site's words stay English
