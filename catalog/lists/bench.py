"""Saved lists in `manage.py bench_catalog` (`make bench`): what lists add to the catalog page
(a signed-in person's page has a save form on each result) and the list pages themselves.

Everything it makes (an account, a list of LIST_SIZE resources, its share link) is rolled
back at the end: the benchmark's database is left as it was.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.template.context_processors import csrf
from django.template.response import TemplateResponse
from django.test import RequestFactory

from catalog.filters import PAGE_SIZE
from catalog.models import Resource
from catalog.views import ResourceListView

from . import services, views

LIST_SIZE = 50
factory = RequestFactory()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]


def _time(
    view: Callable[..., Any], path: str, user: Any, repeat: int, **kwargs: Any
) -> list[float]:
    timings = []
    for _ in range(repeat):
        request: HttpRequest = factory.get(path, HTTP_HOST="localhost")
        request.user = user
        started = time.perf_counter()
        response: HttpResponse = view(request, **kwargs)
        if isinstance(response, TemplateResponse):
            response.render()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}.")
    return timings


def _time_save_forms(user: Any, repeat: int) -> list[float]:
    """The save forms of a page of results alone: what a signed-in person's catalog page
    renders more than a visitor's (the person's lists read once, 20 forms)."""
    page = engines["django"].from_string(
        "{% load saved_lists %}{% for r in rows %}"
        "{% save_to_list r.slug title=r.title compact=True %}{% endfor %}"
    )
    rows = list(Resource.objects.published().values("slug", "title")[:PAGE_SIZE])
    timings = []
    for _ in range(repeat):
        request = factory.get("/catalog/", HTTP_HOST="localhost")
        request.user = user
        started = time.perf_counter()
        page.render({"rows": rows, **csrf(request)}, request)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run(write: Callable[[str], Any], repeat: int) -> None:
    """Print p50 and p95 (ms) of the catalog page anonymous and signed in, and of the pages
    of a list of LIST_SIZE resources (the owner's, the shared link's, the hand-out)."""
    catalog = ResourceListView.as_view()
    quiet = logging.getLogger(services.__name__)
    level, quiet.level = quiet.level, logging.WARNING  # not one line per item added
    with transaction.atomic():
        user = get_user_model().objects.create_user("bench-lists", "bench@example.org")
        saved = services.create_list(user, "Bench list")
        for resource in Resource.objects.published().order_by("pk")[:LIST_SIZE]:
            services.add_item(saved, user, resource, "A note for the benchmark.")
        token = services.share_list(saved, user)
        rows = {
            "catalog, visitor": _time(catalog, "/catalog/", AnonymousUser(), repeat),
            "catalog, signed in": _time(catalog, "/catalog/", user, repeat),
            f"{PAGE_SIZE} save forms alone": _time_save_forms(user, repeat),
            f"list of {LIST_SIZE}": _time(
                views.list_detail, "/lists/x/", user, repeat, uuid=saved.uuid
            ),
            "shared list": _time(
                views.shared, "/lists/shared/x/", AnonymousUser(), repeat, token=token
            ),
            "hand-out": _time(views.list_print, "/lists/x/print/", user, repeat, uuid=saved.uuid),
        }
        transaction.set_rollback(True)
    quiet.level = level
    write(f"\nSaved lists ({repeat} requests each){'p50':>14}{'p95':>8}")
    for name, timings in rows.items():
        write(f"{name:<34}{statistics.median(timings):>8.1f}{_p95(timings):>8.1f}")
    write(
        "The catalog's first page without words, as a visitor and signed in (a save form on "
        "each result),\nthose forms alone (the lists' part of the difference; the rest is the "
        "signed-in menu);\nthe owner's page of a list, its shared page and its hand-out."
    )
