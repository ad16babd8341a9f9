"""Where reads go with read replicas (toolkit.replicas): the routing decisions, no database.

The same decisions against a real streaming replica: tests/toolkit/test_replica_streaming.py.
"""

from collections.abc import Callable

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve

from catalog import search
from catalog.models import Resource, SearchLog, Topic
from reviews.models import Submission
from tests.toolkit.test_settings import run_python
from toolkit.accounts.models import User
from toolkit.replicas import PIN_COOKIE, ReplicaMiddleware, ReplicaRouter, read_alias

ROUTER = ReplicaRouter()


@pytest.fixture(autouse=True)
def _one_replica(settings):
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.TOOLKIT_REPLICA_PIN_SECONDS = 15


def serve(
    path: str,
    method: str = "get",
    during: Callable[[], object] = lambda: None,
    cookies: dict | None = None,
) -> tuple[HttpResponse, dict]:
    """Serve `path` through ReplicaMiddleware as Django would (resolve, process_view, the
    view); the view runs `during`, then notes where each kind of model is read from."""
    seen: dict[str, str] = {}

    def view_stack(request):
        request.resolver_match = resolve(request.path_info)
        middleware.process_view(request, request.resolver_match.func, (), {})
        during()
        for model in (Resource, Topic, SearchLog, User, Submission):
            seen[model.__name__] = read_alias(model)
        seen["search"] = search.read_alias()
        return HttpResponse()

    middleware = ReplicaMiddleware(view_stack)
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies or {})
    return middleware(request), seen


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/catalog/",
        "/catalog/some-resource/",
        "/catalog/some-resource/v2/cite.ris",
        "/catalog/feed/",
        "/oai",
        "/sitemap.xml",
        "/api/v1/resources/",
        "/api/v1/topics/",
    ],
)
def test_public_catalog_pages_read_the_published_catalog_from_the_replica(path):
    _, seen = serve(path)
    assert seen["Resource"] == seen["Topic"] == "replica1"


def test_search_and_the_generation_stamp_read_the_database_the_catalog_page_reads(settings):
    settings.DATABASE_ROUTERS = ["toolkit.replicas.ReplicaRouter"]
    _, on_catalog = serve("/catalog/")
    _, on_reviews = serve("/submissions/")
    assert (on_catalog["search"], on_reviews["search"]) == ("replica1", "default")


def test_catalog_pages_read_accounts_reviews_and_the_search_log_from_the_primary():
    _, seen = serve("/catalog/")
    assert seen["User"] == seen["Submission"] == seen["SearchLog"] == "default"


@pytest.mark.parametrize(
    "path", ["/submissions/", "/accounts/login/", "/editor/searches/", "/admin/"]
)
def test_reviews_accounts_and_editor_pages_read_everything_from_the_primary(path):
    _, seen = serve(path)
    assert set(seen.values()) == {"default"}


def test_a_post_to_a_catalog_address_reads_from_the_primary():
    _, seen = serve("/oai", method="post")
    assert seen["Resource"] == "default"


def test_reads_after_a_write_in_the_same_request_stay_on_the_primary():
    _, seen = serve("/catalog/", during=lambda: ROUTER.db_for_write(Resource))
    assert seen["Resource"] == "default"


def test_reads_inside_a_transaction_stay_on_the_primary(monkeypatch):
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)
    _, seen = serve("/catalog/")
    assert seen["Resource"] == "default"


def test_a_post_that_wrote_pins_the_client_to_the_primary_for_a_while():
    response, _ = serve(
        "/submissions/new/", method="post", during=lambda: ROUTER.db_for_write(Submission)
    )
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 15
    assert cookie["httponly"]
    _, seen = serve("/catalog/", cookies={PIN_COOKIE: cookie.value})
    assert seen["Resource"] == "default"


def test_a_post_that_wrote_nothing_and_a_get_that_wrote_pin_nobody():
    posted, _ = serve("/oai", method="post")
    logged, _ = serve("/catalog/", during=lambda: ROUTER.db_for_write(SearchLog))
    assert PIN_COOKIE not in posted.cookies
    assert PIN_COOKIE not in logged.cookies


def test_reads_outside_a_request_go_to_the_primary():
    assert read_alias(Resource) == "default"


def test_without_replicas_every_read_goes_to_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    _, seen = serve("/catalog/")
    assert set(seen.values()) == {"default"}


def test_a_process_reads_from_one_replica_only(settings):
    settings.DATABASE_REPLICAS = ["replica1", "replica2", "replica3"]
    chosen = {serve("/catalog/")[1]["Resource"] for _ in range(20)}
    assert len(chosen) == 1
    assert chosen <= {"replica1", "replica2", "replica3"}


def test_migrations_run_on_the_primary_only():
    assert ROUTER.allow_migrate("replica1", "catalog") is False
    assert ROUTER.allow_migrate("default", "catalog") is None


REPLICA_SETTINGS = (
    "import toolkit.settings as s; r = s.DATABASES['replica1'];"
    "print(s.DATABASE_REPLICAS, r['HOST'], r['PORT'], r['TEST'], s.DATABASE_ROUTERS,"
    " [m for m in s.MIDDLEWARE if 'replicas' in m or 'sessions' in m])"
)


def test_replica_urls_add_mirrored_replicas_the_router_and_the_middleware():
    result = run_python(
        REPLICA_SETTINGS,
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://postgres@10.0.0.1:5432/toolkit",
        DATABASE_REPLICA_URLS="postgres://postgres@10.0.0.2:5432/toolkit, "
        "postgres://postgres@10.0.0.3:5433/toolkit",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['replica1', 'replica2'] 10.0.0.2 5432 {'MIRROR': 'default'} "
        "['toolkit.replicas.ReplicaRouter'] ['toolkit.replicas.ReplicaMiddleware', "
        "'django.contrib.sessions.middleware.SessionMiddleware']"
    )


def test_replica_urls_without_a_postgresql_database_stop_the_site_saying_why():
    result = run_python(
        "import toolkit.settings",
        DJANGO_DEBUG="1",
        DATABASE_REPLICA_URLS="postgres://postgres@10.0.0.2:5432/toolkit",
    )
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS needs DATABASE_URL" in result.stderr
