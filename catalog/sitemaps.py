"""/sitemap.xml: the home and catalog pages and every published, non-retired resource.

URLs are absolute on TOOLKIT_SITE_URL, like the canonical links of the pages.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Resource
from .records import site_url


class SiteSitemap(Sitemap):
    """Locations on TOOLKIT_SITE_URL rather than on the host the request came to."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme or "https"

    def get_domain(self, site=None) -> str:
        parts = urlsplit(site_url())
        return f"{parts.netloc}{parts.path}"


class PagesSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "catalog:resource-list"]

    def location(self, item):
        return reverse(item)


class ResourceSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Resource.objects.published().only("slug", "updated_at").order_by("-updated_at", "pk")

    def lastmod(self, resource):
        return resource.updated_at


SITEMAPS = {"pages": PagesSitemap, "resources": ResourceSitemap}
