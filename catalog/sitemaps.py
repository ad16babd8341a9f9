"""/sitemap.xml: the home, catalog and collections pages, every published, non-retired
resource and every published collection.

URLs are absolute on TOOLKIT_SITE_URL, like the canonical links of the pages.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from .models import Collection, Resource
from .records import site_url

if TYPE_CHECKING:
    from django.contrib.sites.models import Site
    from django.contrib.sites.requests import RequestSite


class SiteSitemap(Sitemap):
    """Locations on TOOLKIT_SITE_URL rather than on the host the request came to."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(site_url()).scheme or "https"

    def get_domain(self, site: Site | RequestSite | None = None) -> str:
        parts = urlsplit(site_url())
        return f"{parts.netloc}{parts.path}"


class PagesSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["home", "catalog:resource-list", "catalog:collection-list"]

    def location(self, item: str) -> str:
        return reverse(item)


class ResourceSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[Resource]:
        return Resource.objects.published().only("slug", "updated_at").order_by("-updated_at", "pk")

    def lastmod(self, resource: Resource) -> datetime:
        return resource.updated_at


class CollectionSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> QuerySet[Collection]:
        return Collection.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, collection: Collection) -> datetime:
        return collection.updated_at


SITEMAPS = {"pages": PagesSitemap, "resources": ResourceSitemap, "collections": CollectionSitemap}
