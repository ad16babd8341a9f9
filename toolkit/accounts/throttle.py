"""Throttles of the account pages, counted per client address and, where there is one, per name:

- sign-in: a pause after repeated failures (per user name, and more per address);
- sign-up: so many new accounts an hour from one address;
- password reset: so many links an hour to one e-mail address, and more from one address.

The counts live in the cache (Redis in production, so every worker shares them).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

HOUR = 3600
# An address may do more than one name, so that people behind a shared NAT are not shut out.
ADDRESS_FACTOR = 4


def _keys(action: str, request, name: str | None = None) -> list[str]:
    """The cache keys of an action: [per name,] per client address."""
    # The API throttles' notion of the client (NUM_PROXIES): behind the proxy, the address
    # the proxy saw, not its own, which would lock every user out after a few failures.
    address = BaseThrottle().get_ident(request) if request is not None else ""
    keys = [f"{action}:addr:{address}"]
    if name is not None:
        digest = hashlib.sha256(name.strip().lower().encode()).hexdigest()[:32]
        keys.insert(0, f"{action}:name:{digest}")
    return keys


def _within(keys: list[str], limit: int) -> bool:
    """True while the name (if any) is under `limit` and the address under its own limit."""
    *name_keys, address_key = keys
    address_limit = limit * ADDRESS_FACTOR if name_keys else limit
    return (
        all(cache.get(key, 0) < limit for key in name_keys)
        and cache.get(address_key, 0) < address_limit
    )


def _count(keys: list[str], seconds: int) -> None:
    for key in keys:
        cache.add(key, 0, seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)


# --- sign-in ----------------------------------------------------------------------------


def is_locked(request, username: str) -> bool:
    keys = _keys("login-fail", request, username or "")
    return not _within(keys, settings.TOOLKIT_LOGIN_ATTEMPTS)


def record_failure(request, username: str) -> None:
    _count(_keys("login-fail", request, username or ""), settings.TOOLKIT_LOGIN_LOCKOUT_SECONDS)


def reset(request, username: str) -> None:
    cache.delete(_keys("login-fail", request, username or "")[0])


# --- sign-up and password reset ---------------------------------------------------------


def signup_allowed(request) -> bool:
    return _within(_keys("signup", request), settings.TOOLKIT_SIGNUPS_PER_HOUR)


def record_signup(request) -> None:
    _count(_keys("signup", request), HOUR)


def password_reset_allowed(request, email: str) -> bool:
    return _within(_keys("reset", request, email), settings.TOOLKIT_PASSWORD_RESETS_PER_HOUR)


def record_password_reset(request, email: str) -> None:
    _count(_keys("reset", request, email), HOUR)
