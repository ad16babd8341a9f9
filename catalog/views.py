"""Public catalog pages. Thin: the work happens in search, filters, facets and citations."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import SuspiciousFileOperation
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import ListView, TemplateView

from toolkit.accounts import throttle
from toolkit.accounts.permissions import is_editor

from . import citations, jsonld, materials, oai, pagecache, records, searchlog, share_image, usage
from .filters import PAGE_SIZE, ResourceFilter, SearchPresenter, facet_groups
from .models import Collection, Resource, ResourceFile, ResourceVersion, SearchLog

# --- detail, versions, citations, harvesting ------------------------------------


RECORD_TYPES = {
    citations.CONTENT_TYPES["json"]: lambda record, files: citations.csl_json(record),
    "application/ld+json": lambda record, files: jsonld.script_json(
        jsonld.learning_resource(record, files)
    ),
}


def _resource_or_404(slug: str) -> Resource:
    queryset = Resource.objects.select_related("resource_type", "language", "license")
    return get_object_or_404(queryset.defer("attachment_text"), slug=slug)


def _version_or_404(resource: Resource, number: int | None) -> ResourceVersion | None:
    if number is None:
        return None
    return get_object_or_404(ResourceVersion, resource=resource, number=number)


def _tombstone(request: HttpRequest, resource: Resource) -> HttpResponse:
    """410 Gone: the title, authors and citation, when and why the resource was retired,
    the newer resources the reason names, and a way back in."""
    record = records.build(resource)
    context = {
        "resource": resource,
        "record": record,
        "citation": citations.apa_html(record),
        "mentioned": Resource.objects.mentioned_in(resource.retired_reason),
    }
    return render(request, "catalog/resource_tombstone.html", context, status=410)


def resource_context(resource: Resource, version: ResourceVersion | None = None) -> dict[str, Any]:
    """The context of the detail template, shared by the resource page and its versions."""
    record = records.build(resource, version)
    context = record_context(
        record,
        records.version_files(resource, record.number),
        resource.versions.order_by("-number").only(
            "number", "published_at", "change_note", "resource_id"
        ),
        records.related_resources(resource),
    )
    published = Collection.objects.published()
    context["collections"] = published.containing(resource).only("slug", "title")
    return context


def record_context(
    record: records.ResourceRecord,
    files: list[records.FileEntry],
    versions: Iterable[ResourceVersion],
    related: list[Resource],
) -> dict[str, Any]:
    """The context of the detail template from its parts: the resource page, its versions,
    and the editors' preview of a publication (reviews.preview) all render it."""
    return {
        "record": record,
        "files": [f for f in files if not f.is_link],
        "links": [f for f in files if f.is_link],
        "versions": versions,
        "related": related,
        "citation": citations.apa_html(record),
        "jsonld": jsonld.script_json(jsonld.learning_resource(record, files)),
        "highwire": jsonld.highwire_tags(record, files),
    }


@lru_cache(maxsize=256)
def _preferred_type(accept: str) -> str | None:
    """The type the resource page answers a request with this Accept header in: the page,
    or a record of RECORD_TYPES. Clients send a few different headers: each is parsed once
    (parsing took longer than the rest of a cached page's view)."""
    request = HttpRequest()
    if accept:
        request.META["HTTP_ACCEPT"] = accept
    return request.get_preferred_type(["text/html", *RECORD_TYPES])


class ResourceDetailView(View):
    """/catalog/<slug>/ and /catalog/<slug>/v<N>/: 404 if unknown, 410 once retired."""

    http_method_names = ["get", "head", "options"]
    template_name = "catalog/resource_detail.html"

    def get(self, request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
        found = self.cached(request, slug) if number is None else None
        if found is not None and found.content is not None:
            usage.count(request, found)  # as on every reader's request (negotiated)
            return pagecache.cached_response(found.content, "Accept")
        resource = _resource_or_404(slug)
        version = _version_or_404(resource, number)
        if resource.is_retired:
            response = _tombstone(request, resource)
        else:
            response = self.negotiated(request, resource, version, found.key if found else None)
        patch_vary_headers(response, ["Accept"])
        return response

    @staticmethod
    def wanted_type(request: HttpRequest) -> str | None:
        return _preferred_type(request.META.get("HTTP_ACCEPT", ""))

    def cached(self, request: HttpRequest, slug: str) -> pagecache.Lookup | None:
        """The cache's entry for an anonymous visitor's page of the current version, found
        without loading the resource; None: not such a visitor, or no page to cache."""
        if not pagecache.without_session(request) or self.wanted_type(request) in RECORD_TYPES:
            return None
        return pagecache.cached(slug)

    def negotiated(
        self,
        request: HttpRequest,
        resource: Resource,
        version: ResourceVersion | None,
        cache_key: str | None = None,
    ) -> HttpResponse:
        """The page, or the record itself for a client that asks for it in its Accept
        header, as DOI resolvers answer: CSL-JSON (reference managers) or JSON-LD."""
        wanted = self.wanted_type(request)
        if wanted in RECORD_TYPES:
            record = records.build(resource, version)
            body = RECORD_TYPES[wanted](record, records.version_files(resource, record.number))
            return HttpResponse(body, content_type=f"{wanted}; charset=utf-8")
        usage.count(request, resource)  # every reader, served from the cache or not
        return pagecache.page(
            request,
            resource,
            version,
            lambda: render(
                request,
                self.template_name,
                {**resource_context(resource, version), "usage": usage.totals(resource)},
            ),
            cache_key,
        )


@require_safe
def resource_citation(
    request: HttpRequest, slug: str, fmt: str, number: int | None = None
) -> HttpResponse:
    """cite.ris, cite.bib, cite.json of the current version (or of version N)."""
    resource = _resource_or_404(slug)
    version = _version_or_404(resource, number)
    if resource.is_retired:
        return _tombstone(request, resource)
    body, content_type = citations.render(records.build(resource, version), fmt)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    name = slug if version is None else f"{slug}-v{version.number}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
def resource_materials(
    request: HttpRequest, slug: str, number: int | None = None
) -> HttpResponseBase:
    """ "Download all materials": the version's files and a README in one zip, built once."""
    resource = _resource_or_404(slug)
    version = _version_or_404(resource, number)
    if resource.is_retired:
        return _tombstone(request, resource)
    record = records.build(resource, version)
    path = materials.build_bundle(resource, record)
    usage.count(request, resource, bundle=True)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=materials.bundle_name(record),
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def resource_facilitator_sheet(
    request: HttpRequest, slug: str, number: int | None = None
) -> HttpResponse:
    """A printable facilitator sheet: objectives, time, preparation, materials, steps and the
    debrief, on at most two printed pages."""
    resource = _resource_or_404(slug)
    version = _version_or_404(resource, number)
    if resource.is_retired:
        return _tombstone(request, resource)
    record = records.build(resource, version)
    context = {"resource": resource, "record": record, "citation": citations.apa_html(record)}
    return render(request, "catalog/facilitator_sheet.html", context)


@require_safe
def resource_share_image(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The version's share picture (Open Graph, Twitter, a video's thumbnail)."""
    resource = _resource_or_404(slug)
    version = _version_or_404(resource, number)
    if resource.is_retired:
        raise Http404("This resource was retired.")
    response = HttpResponse(share_image.png(records.build(resource, version)), "image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def resource_file(request: HttpRequest, slug: str, file_id: uuid.UUID) -> HttpResponseBase:
    """Download a file of any version of a resource that is not retired (410 once it is)."""
    item = get_object_or_404(
        ResourceFile.objects.select_related("version__resource").defer(
            "version__resource__attachment_text", "version__data"
        ),
        uuid=file_id,
        version__resource__slug=slug,
    )
    resource = item.version.resource
    if resource.is_retired:
        return _tombstone(request, resource)
    if item.is_link or not item.file:
        raise Http404("External links are not downloaded here.")
    try:
        handle = item.file.open("rb")
    except (OSError, SuspiciousFileOperation) as exc:
        raise Http404("The file is missing.") from exc
    usage.count(request, resource, item)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.download_name or (item.file.name or "").rsplit("/", 1)[-1],
        content_type=item.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_exempt  # harvesters POST without a session; the endpoint only reads
@require_http_methods(["GET", "HEAD", "POST"])
@throttle.per_client("oai")
def oai_pmh(request: HttpRequest) -> HttpResponse:
    """The OAI-PMH 2.0 endpoint (catalog.oai does the work)."""
    params = request.POST if request.method == "POST" else request.GET
    return HttpResponse(oai.respond(params), content_type="text/xml; charset=utf-8")


# --- search and browse ----------------------------------------------------------


class ResourceListView(TemplateView):
    """/catalog/: search, facets, removable chips, sorted pages of 20 (works without JS).

    Invalid filters re-render the page with the messages and status 400.
    """

    http_method_names = ["get", "head", "options"]
    template_name = "catalog/resource_list.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        filterset = ResourceFilter(request.GET)
        valid = filterset.is_valid()
        context = {
            "filter": filterset,
            "query": filterset.query,
            "query_params": filterset.data,  # each value once: the page's links stay small
        }
        if not valid:
            return self.render_to_response(context, status=400)
        presenter = SearchPresenter(filterset)
        results = filterset.results().listing()
        # SearchResults pages like a sequence of rows; a page's rows are a list.
        rows = cast(Sequence[dict[str, Any]], results)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        results.with_snippets(cast(list[dict[str, Any]], page.object_list))
        if filterset.query and not results.count:
            searchlog.record(filterset.query, presenter.filter_params())
        context.update(
            search=presenter,
            results=results,
            page_obj=page,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2),
            facet_groups=facet_groups(results.selection),
            chips=presenter.chips(),
            correction=presenter.correction(results.correction),
            sort_options=presenter.sort_options(),
        )
        return self.render_to_response(context)


class SearchLogView(LoginRequiredMixin, UserPassesTestMixin, ListView):
    """/editor/searches/: zero-result searches per day, most frequent first (editors; else 403)."""

    http_method_names = ["get", "head", "options"]
    template_name = "catalog/searchlog_list.html"
    context_object_name = "searches"
    paginate_by = 50

    def test_func(self) -> bool:
        return is_editor(self.request.user)

    def get_queryset(self) -> QuerySet[SearchLog]:
        return searchlog.listing()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(daily_cap=settings.TOOLKIT_SEARCH_LOG_DAILY_CAP, **kwargs)
