"""The curriculum map of a collection or a saved list: a printable matrix and its CSV.

Who may see it is who may see the collection or list: a published collection for
everyone (a draft for editors, else 404); a saved list for its owner (anyone else 404) or
whoever holds its share link (404 once revoked). Retired resources are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..curation.models import Collection
from ..lists import services as list_services
from ..lists.entries import items_of
from ..lists.models import SavedList
from . import curriculum

if TYPE_CHECKING:
    from toolkit.accounts.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        user: User


def _page(
    request: HttpRequest, cmap: curriculum.CurriculumMap, *, back: str, back_label: str
) -> HttpResponse:
    csv_url = request.path.rstrip("/") + ".csv"  # …/curriculum-map/ → …/curriculum-map.csv
    context = {"map": cmap, "back": back, "back_label": back_label, "csv_url": csv_url}
    return render(request, "catalog/curriculum_map.html", context)


def _csv(cmap: curriculum.CurriculumMap) -> HttpResponse:
    response = HttpResponse(curriculum.as_csv(cmap), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{cmap.filename}"'
    return response


def _private(response: HttpResponse) -> HttpResponse:
    """A saved list's map is as private as the list: never indexed, never cached by others."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _list_map(saved_list: SavedList) -> curriculum.CurriculumMap:
    items = items_of(saved_list).filter(resource__retired_at__isnull=True)
    return curriculum.build(saved_list.name, [item.resource for item in items])


def _collection_map(request: HttpRequest, slug: str) -> tuple[Collection, curriculum.CurriculumMap]:
    collection = get_object_or_404(Collection.objects.visible_to(request.user), slug=slug)
    resources = [item.resource for item in collection.public_items()]
    return collection, curriculum.build(collection.title, resources)


@login_required
@require_safe
def list_map(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    saved_list = get_object_or_404(SavedList, uuid=uuid, owner=request.user)
    page = _page(
        request, _list_map(saved_list), back=saved_list.get_absolute_url(), back_label="the list"
    )
    return _private(page)


@login_required
@require_safe
def list_map_csv(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    saved_list = get_object_or_404(SavedList, uuid=uuid, owner=request.user)
    return _private(_csv(_list_map(saved_list)))


@require_safe
def shared_map(request: HttpRequest, token: str) -> HttpResponse:
    saved_list = list_services.shared_list(token)
    page = _page(
        request, _list_map(saved_list), back=saved_list.share_path(), back_label="the list"
    )
    return _private(page)


@require_safe
def shared_map_csv(request: HttpRequest, token: str) -> HttpResponse:
    return _private(_csv(_list_map(list_services.shared_list(token))))


@require_safe
def collection_map(request: HttpRequest, slug: str) -> HttpResponse:
    collection, cmap = _collection_map(request, slug)
    return _page(request, cmap, back=collection.get_absolute_url(), back_label="the collection")


@require_safe
def collection_map_csv(request: HttpRequest, slug: str) -> HttpResponse:
    return _csv(_collection_map(request, slug)[1])
