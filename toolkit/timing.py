"""The Server-Timing header of the catalog's responses (issue 13 item 6).

`Server-Timing: db;dur=…, search;dur=…, facets;dur=…, tpl;dur=…` in milliseconds:
`db` is the time spent in the database (every query of the request, through each
connection's execute_wrapper), `search` the text matching and snippets, `facets`
selecting with the facet index and counting its facets, `tpl` rendering the template
(or the feed, or the API's JSON). They overlap: `db` includes the queries made while
searching or rendering. The header goes on the responses that searched or counted
facets (the catalog page and its browse pages, the API list, the feed): other pages
measure their database time too but say nothing.

The catalog marks its work with `measure("search")` or `@timed("facets")`: no-ops
outside a request, or when `TOOLKIT_SERVER_TIMING` is off. A request costs a few
perf_counter() calls and one wrapper call per query (see `manage.py bench_timing`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponseBase
from django.template.response import SimpleTemplateResponse

METRICS = ("db", "search", "facets", "tpl")
CATALOG_WORK = frozenset({"search", "facets"})
HEADER = "Server-Timing"

P = ParamSpec("P")
R = TypeVar("R")


class Timings:
    """Seconds spent per metric during one request."""

    __slots__ = ("seconds", "catalog")

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(METRICS, 0.0)
        self.catalog = False  # whether the catalog searched or counted facets

    def add(self, metric: str, seconds: float) -> None:
        self.seconds[metric] += seconds
        if metric in CATALOG_WORK:
            self.catalog = True

    def database(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict
    ) -> Any:
        """An execute_wrapper: times each query."""
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds["db"] += time.perf_counter() - started

    def header(self) -> str:
        return ", ".join(f"{m};dur={self.seconds[m] * 1000:.1f}" for m in METRICS)


_current: ContextVar[Timings | None] = ContextVar("server_timing", default=None)


def current() -> Timings | None:
    """The timings of the request being served (None: outside one, or switched off)."""
    return _current.get()


@contextmanager
def measure(metric: str) -> Iterator[None]:
    """Add the time the block takes to `metric` of the current request, if any."""
    timings = _current.get()
    if timings is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        timings.add(metric, time.perf_counter() - started)


def timed(metric: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a function whose every call counts towards `metric`."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with measure(metric):
                return function(*args, **kwargs)

        return wrapper

    return decorate


class ServerTimingMiddleware:
    """Times each request (when TOOLKIT_SERVER_TIMING) and adds the header to the catalog's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.TOOLKIT_SERVER_TIMING:
            return self.get_response(request)
        timings = Timings()
        token = _current.set(timings)
        try:
            with ExitStack() as wrappers:
                for alias in connections:
                    wrappers.enter_context(connections[alias].execute_wrapper(timings.database))
                response = self.get_response(request)
        finally:
            _current.reset(token)
        if timings.catalog:
            response[HEADER] = timings.header()
        return response

    def process_template_response(
        self, request: HttpRequest, response: SimpleTemplateResponse
    ) -> SimpleTemplateResponse:
        """Time the rendering, which follows at once (pages and DRF responses alike)."""
        timings = _current.get()
        if timings is not None:
            started = time.perf_counter()
            response.add_post_render_callback(
                lambda _: timings.add("tpl", time.perf_counter() - started)
            )
        return response
