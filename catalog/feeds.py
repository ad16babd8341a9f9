"""Atom feed of new resources, /catalog/feed/, with the catalog's filters (DESIGN §10).

Its links are on the site address (toolkit.site), like every other absolute link.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.xmlutils import SimplerXMLGenerator

from toolkit import site, timing

from . import search
from .filters import ResourceFilter, SearchPresenter
from .models import Language, Resource
from .records import xml_text

FEED_ITEMS = 50


def _xml_safe(value: Any) -> Any:
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

    @timing.timed("tpl")
    def write(self, outfile: Any, encoding: str) -> None:
        """Atom1Feed.write, with the xml-stylesheet instructions Django writes for RSS only."""
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or ():
            handler.processingInstruction("xml-stylesheet", str(stylesheet))
        # The stubs want an AttributesImpl; the generator (and Django's own feeds) pass a dict.
        handler.startElement("feed", self.root_attributes())  # type: ignore[arg-type]
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        safe = [_xml_safe(a) for a in args]
        super().add_item(*safe, **{k: _xml_safe(v) for k, v in kwargs.items()})

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        """Each entry says its language (xml:lang), as the resource page's lang does."""
        return {"xml:lang": item["language"]} if item.get("language") else {}

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for name in item.get("authors") or ():
            handler.startElement("author", {})  # type: ignore[arg-type]  # as Django does
            handler.addQuickElement("name", name)
            handler.endElement("author")


class ResourceFeed(Feed):
    """The 50 newest published resources matching the same parameters as /catalog/."""

    feed_type = CatalogAtomFeed
    description_template = None

    def stylesheets(self) -> list[str]:
        """A browser opening the feed shows a readable page (catalog/feed.xsl)."""
        return [reverse("catalog:feed-stylesheet")]

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        filterset = ResourceFilter(request.GET)
        if not filterset.is_valid():
            return HttpResponseBadRequest(
                "\n".join(["The feed could not be built:", *filterset.error_list()]) + "\n",
                content_type="text/plain; charset=utf-8",
            )
        request.catalog_filter = filterset  # type: ignore[attr-defined]  # for get_object
        etag, last_modified = self.validators(filterset)
        unchanged = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if unchanged is not None:
            return unchanged  # 304: a feed reader polling an unchanged catalog
        response = super().__call__(request, *args, **kwargs)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        return response

    @staticmethod
    def validators(filterset: ResourceFilter) -> tuple[str, int | None]:
        """ETag and Last-Modified of this feed: the catalog's generation stamp (it changes
        on every publish, retirement or edit) with the filters, and the last such time."""
        query = SearchPresenter(filterset).querystring()
        stamp = hashlib.sha256(repr((search.generation(), query)).encode())
        times = Resource.objects.aggregate(Max("published_at"), Max("retired_at")).values()
        latest = max((t for t in times if t is not None), default=None)
        return f'"{stamp.hexdigest()[:32]}"', int(latest.timestamp()) if latest else None

    def feed_url(self, obj: ResourceFilter) -> str:
        """rel="self" names this feed with its filters, not the unfiltered feed."""
        return site.absolute(SearchPresenter(obj).feed_url())

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> ResourceFilter:
        filterset: ResourceFilter = request.catalog_filter  # type: ignore[attr-defined]
        return filterset

    def title(self, obj: ResourceFilter) -> str:
        return f"{settings.TOOLKIT_SITE_NAME}: new resources"

    def subtitle(self, obj: ResourceFilter) -> str:
        return "Peer-reviewed teaching resources on health disparities, newest first."

    def link(self, obj: ResourceFilter) -> str:
        return site.absolute(SearchPresenter(obj).list_url())

    def author_name(self) -> str:
        return settings.TOOLKIT_SITE_NAME

    def items(self, obj: ResourceFilter) -> list[Resource]:
        items = list(obj.results(ordering="newest")[:FEED_ITEMS])
        codes = dict(
            Language.objects.filter(pk__in={i.language_id for i in items}).values_list("pk", "slug")
        )
        for item in items:
            item.language_code = codes.get(item.language_id, "")
        return items

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_link(self, item: Resource) -> str:
        return site.absolute(item.get_absolute_url())

    def item_pubdate(self, item: Resource) -> datetime:
        return item.first_published_at

    def item_updateddate(self, item: Resource) -> datetime:
        return item.published_at

    def item_categories(self, item: Resource) -> list[str]:
        return [str(level) for level in item.levels.all()] + [t.name for t in item.topics.all()]

    def item_extra_kwargs(self, item: Resource) -> dict[str, Any]:
        # items() sets language_code on each item: one query for the whole feed
        return {"authors": item.author_names, "language": getattr(item, "language_code", "")}
