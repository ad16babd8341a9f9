"""/collections/ and /collections/<slug>/: published collections for everyone; drafts and
archived ones for editors only (with a banner), a 404 to anyone else."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from toolkit.accounts.permissions import is_editor

from .. import pagecache
from . import markup
from .models import Collection, CollectionState


def with_counts(collections: QuerySet[Collection]) -> QuerySet[Collection]:
    """Each collection with `member_count`: its resources that are not retired."""
    return collections.annotate(
        member_count=Count("items", filter=Q(items__resource__retired_at__isnull=True))
    ).prefetch_related("levels")


def published_collections() -> QuerySet[Collection]:
    return with_counts(Collection.objects.published().order_by("-published_at", "title"))


@require_safe
def collection_list(request: HttpRequest) -> HttpResponse:
    context = {"collections": published_collections(), "unpublished": ()}
    if is_editor(request.user):
        context["unpublished"] = with_counts(
            Collection.objects.exclude(state=CollectionState.PUBLISHED).order_by("state", "title")
        )
    return render(request, "catalog/collection_list.html", context)


@require_safe
def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A collection's page; a published one's is kept for anonymous visitors (the same for
    all of them) until the collection or the catalog changes (catalog.pagecache)."""
    found = pagecache.cached_collection(slug) if pagecache.without_session(request) else None
    if found is not None and found.content is not None:
        return pagecache.cached_response(found.content)
    collection = get_object_or_404(
        Collection.objects.visible_to(request.user).prefetch_related("levels"), slug=slug
    )
    context = {
        "collection": collection,
        "introduction_html": markup.introduction_html(collection.introduction),
        "items_html": markup.members_html(collection),
        "retired_items": collection.retired_items() if is_editor(request.user) else (),
        "is_editor": is_editor(request.user),
    }
    response = render(request, "catalog/collection_detail.html", context)
    return pagecache.keep(found.key, response) if found is not None else response
