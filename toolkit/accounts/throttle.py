"""Throttles of the account pages, counted per client address and, where there is one, per
account or name:

- sign-in: a pause after repeated failures, per ACCOUNT (its user name and its e-mail count
  as one; a name no account has is counted by its normalised text, so that it behaves the
  same and reveals nothing) and, more, per client address. Enforced in the authentication
  backend, so every path that checks a password (sign-in page, admin, API) shares it;
- sign-up: so many new accounts, and so many refused attempts, an hour from one address;
- password reset: so many links an hour to one e-mail address, and more from one address;
- request rates (DRF's, read from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] at each request):
  the API per user or per anonymous client, and plain views such as OAI-PMH per client.

The counts live in the default cache: Redis when REDIS_URL is set, so every worker shares them.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from rest_framework import throttling
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.http import HttpRequest
    from rest_framework.request import Request
    from rest_framework.views import APIView

HOUR = 3600
# An address may do more than one name, so that people behind a shared NAT are not shut out.
ADDRESS_FACTOR = 4


def client_address(request: HttpRequest | None) -> str | None:
    """The API throttles' notion of the client (NUM_PROXIES): behind the proxy, the address
    the proxy saw, not its own, which would lock every user out after a few failures."""
    # get_ident reads only request.META, which a plain HttpRequest has too.
    return BaseThrottle().get_ident(request) if request is not None else None  # type: ignore[arg-type]


def normalise(name: str) -> str:
    return unicodedata.normalize("NFKC", name or "").strip().casefold()


def _name_key(action: str, name: str) -> str:
    return f"{action}:name:{hashlib.sha256(normalise(name).encode()).hexdigest()[:32]}"


def _limits(
    action: str, request: HttpRequest | None, limit: int, own_key: str | None = None
) -> dict[str, int]:
    """{cache key: limit}: the account's or name's own key, and the client address's key
    (allowed ADDRESS_FACTOR times as many when there is an own key)."""
    limits = {own_key: limit} if own_key else {}
    address = client_address(request)
    if address is not None:
        limits[f"{action}:addr:{address}"] = limit * ADDRESS_FACTOR if own_key else limit
    return limits


def _under(limits: dict[str, int]) -> bool:
    counts = cache.get_many(list(limits))
    return all(counts.get(key, 0) < limit for key, limit in limits.items())


def _count(limits: dict[str, int], seconds: int) -> None:
    for key in limits:
        cache.add(key, 0, seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)


# --- sign-in ----------------------------------------------------------------------------


def _account_key(name: str, account: AbstractBaseUser | None) -> str:
    if account is not None:
        return f"login-fail:account:{account.pk}"
    return _name_key("login-fail", name)


def _sign_in_limits(
    request: HttpRequest | None, name: str, account: AbstractBaseUser | None
) -> dict[str, int]:
    own = _account_key(name, account)
    return _limits("login-fail", request, settings.TOOLKIT_LOGIN_ATTEMPTS, own)


def sign_in_locked(
    request: HttpRequest | None, name: str, account: AbstractBaseUser | None
) -> bool:
    """True while the account (or the typed name) or the client address is paused."""
    return not _under(_sign_in_limits(request, name, account))


def record_sign_in_failure(
    request: HttpRequest | None, name: str, account: AbstractBaseUser | None
) -> None:
    _count(_sign_in_limits(request, name, account), settings.TOOLKIT_LOGIN_LOCKOUT_SECONDS)


def clear_sign_in_failures(name: str, account: AbstractBaseUser | None) -> None:
    """A successful sign-in forgives the account's failures (not the address's)."""
    cache.delete(_account_key(name, account))


# --- sign-up and password reset ---------------------------------------------------------


def _signup_limits(request: HttpRequest | None) -> dict[str, int]:
    return {
        **_limits("signup", request, settings.TOOLKIT_SIGNUPS_PER_HOUR),
        **_limits("signup-fail", request, settings.TOOLKIT_SIGNUP_FAILURES_PER_HOUR),
    }


def signup_allowed(request: HttpRequest | None) -> bool:
    """False once an address made its accounts, or had its refusals (which tell whether a
    name or an e-mail address is taken), for the hour."""
    return _under(_signup_limits(request))


def record_signup(request: HttpRequest | None) -> None:
    _count(_limits("signup", request, settings.TOOLKIT_SIGNUPS_PER_HOUR), HOUR)


def record_failed_signup(request: HttpRequest | None) -> None:
    _count(_limits("signup-fail", request, settings.TOOLKIT_SIGNUP_FAILURES_PER_HOUR), HOUR)


def _reset_limits(request: HttpRequest | None, email: str) -> dict[str, int]:
    own = _name_key("reset", email)
    return _limits("reset", request, settings.TOOLKIT_PASSWORD_RESETS_PER_HOUR, own)


def password_reset_allowed(request: HttpRequest | None, email: str) -> bool:
    return _under(_reset_limits(request, email))


def record_password_reset(request: HttpRequest | None, email: str) -> None:
    _count(_reset_limits(request, email), HOUR)


# --- request rates ----------------------------------------------------------------------


class RateFromSettingsMixin:
    """DRF's throttles read their rates once, at import: read them at each request instead,
    so that a changed setting (or a test's small rate) applies."""

    scope: str | None

    def get_rate(self) -> str | None:
        # The stubs say numbers; DRF's rates are texts such as "100/hour".
        rates: dict[str, str | None] = api_settings.DEFAULT_THROTTLE_RATES  # type: ignore[assignment]
        return rates.get(self.scope) if self.scope is not None else None


class AnonRateThrottle(RateFromSettingsMixin, throttling.AnonRateThrottle):
    """The API's anonymous clients, per client address (TOOLKIT_API_ANON_RATE)."""


class UserRateThrottle(RateFromSettingsMixin, throttling.UserRateThrottle):
    """The API's signed-in users, per account (TOOLKIT_API_USER_RATE)."""


class ClientRateThrottle(RateFromSettingsMixin, throttling.SimpleRateThrottle):
    """A rate per client address, whoever is signed in, for plain Django views."""

    duration: int  # set by SimpleRateThrottle.__init__ from the rate

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def get_cache_key(self, request: Request, view: APIView | None) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


View = Callable[..., HttpResponse]


def per_client(scope: str) -> Callable[[View], View]:
    """View decorator: past the `scope` rate, a client gets 503 with Retry-After (the HTTP
    flow control that OAI-PMH 2.0 §3.1.2.2 prescribes and harvesters obey) until it slows."""

    def decorator(view: View) -> View:
        @wraps(view)
        def throttled_view(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            gate = ClientRateThrottle(scope)
            if gate.allow_request(request, None):  # type: ignore[arg-type]  # no view: a plain one
                return view(request, *args, **kwargs)
            wait = gate.wait()
            seconds = math.ceil(wait) if wait is not None else int(gate.duration)
            response = HttpResponse(
                f"Too many requests: please wait {seconds} seconds before the next one.\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(max(seconds, 1))
            return response

        return throttled_view

    return decorator


# --- per-account counts of other actions (catalog.reports) ------------------------------


def account_allowed(action: str, account: AbstractBaseUser, limit: int) -> bool:
    """False once the account did `action` `limit` times in the current window."""
    return _under({f"{action}:account:{account.pk}": limit})


def record_account(action: str, account: AbstractBaseUser, seconds: int) -> None:
    """Count one `action` of the account; the window starts at the first and lasts `seconds`."""
    _count({f"{action}:account:{account.pk}": 1}, seconds)
