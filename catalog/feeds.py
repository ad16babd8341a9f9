"""Atom feed of new resources, /catalog/feed/, with the catalog's filters (DESIGN §10).

Its links are on the site address (toolkit.site), like every other absolute link.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from toolkit import site

from .filters import ResourceFilter
from .records import xml_text

FEED_ITEMS = 50


def _xml_safe(value):
    """Strings (alone or in a list) without the characters XML 1.0 cannot carry."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return [_xml_safe(v) for v in value]
    return value


class CatalogAtomFeed(Atom1Feed):
    """Atom 1.0 with every author of an entry (Django's writes at most one).

    Every entry's text is made XML-safe first: one control character in a title (the
    forms let a pasted one through) must not break the feed for everyone.
    """

    def add_item(self, *args, **kwargs):
        args = [_xml_safe(a) for a in args]
        super().add_item(*args, **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


class ResourceFeed(Feed):
    """The 50 newest published resources matching the same parameters as /catalog/."""

    feed_type = CatalogAtomFeed
    description_template = None

    def __call__(self, request, *args, **kwargs):
        filterset = ResourceFilter(request.GET)
        if not filterset.is_valid():
            return HttpResponseBadRequest(
                "\n".join(["The feed could not be built:", *filterset.error_list()]) + "\n",
                content_type="text/plain; charset=utf-8",
            )
        request.catalog_filter = filterset
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request.catalog_filter

    def title(self, obj):
        return f"{settings.TOOLKIT_SITE_NAME}: new resources"

    def subtitle(self, obj):
        return "Peer-reviewed teaching resources on health disparities, newest first."

    def link(self, obj):
        url, params = reverse("catalog:resource-list"), obj.querystring()
        return site.absolute(f"{url}?{params}" if params else url)

    def feed_url(self, obj):
        return site.absolute(reverse("catalog:resource-feed"))

    def author_name(self):
        return settings.TOOLKIT_SITE_NAME

    def items(self, obj):
        return obj.results(ordering="newest")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return site.absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [str(level) for level in item.levels.all()] + [t.name for t in item.topics.all()]

    def item_extra_kwargs(self, item):
        return {"authors": item.author_names}
