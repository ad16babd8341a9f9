"""What real clients are told (issue 16 item 3): CORS on the public read interfaces, content
negotiation on a resource's address, and a feed that readers can poll cheaply."""

import io
import json
from html.parser import HTMLParser

import feedparser
import pytest
from PIL import Image

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


def test_a_shared_link_shows_a_title_summary_and_a_generated_picture(client, resource):
    class Meta(HTMLParser):
        tags: dict = {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "meta" and (attrs.get("property") or attrs.get("name")):
                self.tags[attrs.get("property") or attrs.get("name")] = attrs.get("content")

    parser = Meta()
    parser.feed(client.get(f"/catalog/{resource.slug}/").content.decode())
    tags = parser.tags
    assert tags["og:title"] == "Working with medical interpreters"
    assert tags["og:description"] and tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"].endswith(f"/catalog/{resource.slug}/v1/share.png")
    picture = client.get(f"/catalog/{resource.slug}/v1/share.png")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(picture.content)).size == (1200, 630)
    assert client.get(f"/catalog/{resource.slug}/v9/share.png").status_code == 404


def test_json_ld_names_a_licence_without_an_address_and_lists_linked_materials(client):
    resource = factories.resource("Interpreters", license="all-rights-reserved")
    data = json.loads(
        client.get(f"/catalog/{resource.slug}/", HTTP_ACCEPT="application/ld+json").content
    )
    licence = data["license"]
    assert isinstance(licence, dict) and licence["@type"] == "CreativeWork"
    assert not str(licence.get("name", "")).startswith("http")


def test_a_video_is_also_a_video_object_with_a_thumbnail_and_upload_date(client):
    resource = factories.resource("Interpreters on film", type="video")
    data = json.loads(
        client.get(f"/catalog/{resource.slug}/", HTTP_ACCEPT="application/ld+json").content
    )
    assert data["@type"] == ["LearningResource", "VideoObject"]
    assert data["thumbnailUrl"].endswith("/v1/share.png") and data["uploadDate"]


def test_robots_let_crawlers_read_the_vocabularies_the_json_ld_links_to(client, resource):
    robots = client.get("/robots.txt").content.decode()
    data = json.loads(
        client.get(f"/catalog/{resource.slug}/", HTTP_ACCEPT="application/ld+json").content
    )
    term_set = data["educationalLevel"][0]["inDefinedTermSet"]
    path = "/" + term_set.split("/", 3)[3]
    assert f"Allow: {path}" in robots
    assert client.get(path).status_code == 200
