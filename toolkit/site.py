"""The site address: the one public root every absolute link of the site is built on.

Citations, JSON-LD, canonical links, the OAI-PMH baseURL and identifiers, the sitemap,
robots.txt, the Atom feed, the API's `html_url` and `download_url`, e-mail links and
Message-IDs all read it here.

- TOOLKIT_SITE_URL set (required in production, settings refuse to start without it): that.
- Unset in development (DEBUG on): the address the current request came to, so that a
  server on any host and port links to itself (`SiteAddressMiddleware` records the request);
  outside a request (a management command), `DEVELOPMENT_ADDRESS`. `make run` sets
  TOOLKIT_SITE_URL to the address it serves, so commands it runs link there too.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

DEVELOPMENT_ADDRESS = "http://127.0.0.1:8000"

_current_request: ContextVar[HttpRequest | None] = ContextVar("site_request", default=None)


def site_url() -> str:
    """The public root of the site, without a trailing slash."""
    configured = settings.TOOLKIT_SITE_URL.rstrip("/")
    if configured:
        return configured
    request = _current_request.get()
    if request is not None:
        try:
            return f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            pass
    return DEVELOPMENT_ADDRESS


def absolute(path: str) -> str:
    """`path` (starting with "/") on the site address."""
    return f"{site_url()}{path}"


def site_host() -> str:
    """The host name of the site address, without the port (OAI identifiers, Message-IDs)."""
    return urlsplit(site_url()).hostname or "localhost"


class SiteAddressMiddleware:
    """Records the request being answered, for `site_url` when no address is configured."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
