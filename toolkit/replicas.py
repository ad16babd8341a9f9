"""Read replicas: public catalog reads go to a streaming replica, everything else to the primary.

Installed only when DATABASE_REPLICA_URLS lists replicas (settings: aliases "replica1", …).

- `ReplicaMiddleware` marks a request as a *catalog read*: GET or HEAD of a public catalog
  page or read-only interface (`CATALOG_READ_VIEWS`: the catalog and home pages, resource
  pages and citations, the feed, OAI-PMH, the sitemap, the public API's resources and
  vocabularies). Nothing else is ever sent to a replica: reviews, accounts, the editors'
  pages, the admin, management commands and the mail worker all use the primary.
- `ReplicaRouter` sends the reads of catalog models (`catalog` app, the search log aside,
  and the published implementation reports a resource page shows, `reports` app) made by
  such a request to the replica this process uses; every write goes to the primary.
- Read-your-writes. Reads stay on the primary inside a transaction, once the request has
  written anything, and for `TOOLKIT_REPLICA_PIN_SECONDS` after a POST (or other unsafe
  request) that wrote: its response sets the `PIN_COOKIE`, so the editor who just published
  sees the resource on the page the form redirects to, whatever the replica's lag.
- One replica per process, chosen at random on first use. A process therefore never mixes
  two replicas' states: the catalog generation stamp and the facet index built under it
  (catalog.facets.index) always come from the same database (see `catalog.search.reading`).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase

PRIMARY = "default"
PIN_COOKIE = "toolkit_primary"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# The public catalog's read-only views (URL names; the API's are "api:<basename>-list|detail").
CATALOG_READ_VIEWS = frozenset(
    {
        "home",
        "catalog:resource-list",
        "catalog:resource-feed",
        "catalog:resource-detail",
        "catalog:resource-version",
        "catalog:resource-file",
        "catalog:resource-share-image",
        *(
            f"catalog:{name}-{fmt}"
            for name in ("resource-cite", "resource-version-cite")
            for fmt in ("ris", "bib", "json")
        ),
        "catalog:oai",
        "catalog:sitemap",
        *(
            f"api:{basename}-{kind}"
            for basename in (
                "resource",
                "learner-levels",
                "resource-types",
                "instructional-methods",
                "topics",
                "licenses",
                "languages",
            )
            for kind in ("list", "detail")
        ),
    }
)
# Catalog models that are not published-catalog data: the editors' zero-result search log.
PRIMARY_ONLY_MODELS = frozenset({"catalog.searchlog"})


def replica_aliases() -> list[str]:
    """The configured replicas' database aliases (empty: no replicas)."""
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


@dataclass
class RequestState:
    """What the router knows of the request being served."""

    catalog_read: bool = False
    pinned: bool = False  # to the primary: it wrote, or came with the pin cookie
    wrote: bool = False


_request: ContextVar[RequestState | None] = ContextVar("toolkit_replica_request", default=None)
_chosen: dict[int, str] = {}  # process id -> its replica


def process_replica() -> str:
    """The replica this process reads from: one, chosen at random on first use after fork."""
    pid = os.getpid()
    if pid not in _chosen:
        _chosen.clear()
        _chosen[pid] = random.choice(replica_aliases())  # noqa: S311 - load spreading only
    return _chosen[pid]


CATALOG_APPS = frozenset({"catalog", "reports"})


def is_catalog_model(model: type[Model]) -> bool:
    meta = model._meta
    return meta.app_label in CATALOG_APPS and meta.label_lower not in PRIMARY_ONLY_MODELS


def read_alias(model: type[Model]) -> str:
    """The database a read of `model` goes to now: a replica, or the primary."""
    state = _request.get()
    if (
        state is None
        or not state.catalog_read
        or state.pinned
        or not replica_aliases()
        or not is_catalog_model(model)
        or connections[PRIMARY].in_atomic_block
    ):
        return PRIMARY
    return process_replica()


class ReplicaRouter:
    """DATABASE_ROUTERS entry: catalog reads of public pages to a replica, the rest to the
    primary; migrations run on the primary only (replicas copy them)."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return read_alias(model)

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        state = _request.get()
        if state is not None:
            state.wrote = state.pinned = True
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # one database, several copies

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db in replica_aliases() else None


class ReplicaMiddleware:
    """Tells the router whether this request is a public catalog read, and pins a client to
    the primary for a few seconds after it changed something."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        state = RequestState(pinned=PIN_COOKIE in request.COOKIES)
        token = _request.set(state)
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        if state.wrote and request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.TOOLKIT_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict[str, Any]
    ) -> None:
        state = _request.get()
        match = request.resolver_match
        if state is not None and match is not None:
            state.catalog_read = (
                request.method in ("GET", "HEAD") and match.view_name in CATALOG_READ_VIEWS
            )
