"""/sitemap.xml lists the pages search engines should index, and nothing retired."""

from datetime import UTC, datetime

import pytest
from lxml import etree

from catalog import services
from catalog.models import Resource
from tests import factories

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_home_catalog_and_published_resources_on_the_site_url(client, settings):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    resource = factories.resource()
    Resource.objects.filter(pk=resource.pk).update(
        updated_at=datetime(2024, 6, 1, 10, 0, tzinfo=UTC)
    )
    urls = sitemap(client)
    assert "https://toolkit.example.org/" in urls
    assert "https://toolkit.example.org/catalog/" in urls
    assert urls[f"https://toolkit.example.org/catalog/{resource.slug}/"].startswith("2024-06-01")


def test_retired_resources_and_old_versions_are_not_in_the_sitemap(client, settings):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    kept = factories.resource("Kept")
    retired = factories.resource("Retired")
    services.retire_resource(retired, "Outdated")
    urls = sitemap(client)
    assert f"https://toolkit.example.org/catalog/{kept.slug}/" in urls
    assert not any(retired.slug in url for url in urls)
    assert not any("/v1/" in url for url in urls)
