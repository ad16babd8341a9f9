"""Site-wide request checks that no single view should have to repeat."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render

GetResponse = Callable[[HttpRequest], HttpResponseBase]
logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"  # toolkit/urls.py

NUL_MESSAGE = "The address contains a NUL character (%00), which is never valid here."


def _query_has_nul(request: HttpRequest) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


class RejectNulMiddleware:
    """400 for a NUL character in the path, or in the query string of the admin.

    PostgreSQL refuses to compare text with a NUL character: a DataError, hence a 500,
    wherever such a value reaches a query. No path can hold one (slugs, UUIDs), and the
    admin's list filters pass their values to the database unchecked. Query strings of
    the other pages and of the API are validated where they are read (the catalog's
    search drops control characters, on purpose).
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path
        if "\x00" in path or (path.startswith(ADMIN_PREFIX) and _query_has_nul(request)):
            if path.startswith("/api/"):
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            return render(request, "400.html", {"message": NUL_MESSAGE}, status=400)
        return self.get_response(request)


ADMIN_BAD_INPUT_MESSAGE = (
    "The admin could not read this address or form: a value is out of range or malformed."
)


class AdminBadInputMiddleware:
    """400, not 500, for the values Django's admin hands to the ORM unchecked (staff only).

    A hand-edited admin address or form can trip it: an empty ?_to_field=, a year past
    9999 in a date drill-down, an id too large for SQLite in a list filter, an editable
    list or an action's selection, "abc" as a selected id. Those raise ValueError,
    OverflowError or FieldDoesNotExist inside django.contrib.admin. Still logged in full.
    """

    ERRORS = (ValueError, OverflowError, FieldDoesNotExist)

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(ADMIN_PREFIX) or not isinstance(exception, self.ERRORS):
            return None
        logger.error("Bad input in the admin: %s", request.get_full_path(), exc_info=exception)
        return render(request, "400.html", {"message": ADMIN_BAD_INPUT_MESSAGE}, status=400)


# Every page uses only its own scripts, styles and images; none runs an inline script (the
# Swagger UI set-up script of /api/docs/ is a request of its own: SpectacularSwaggerSplitView).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy header on every response that has none."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if settings.DEBUG and response.status_code in (404, 500):
            return response  # Django's technical pages, with inline styles and scripts
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response
