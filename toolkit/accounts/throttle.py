"""Login throttling: a pause after repeated failures, per user name and per client address."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle


def _keys(request, username: str) -> list[str]:
    name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
    # The API throttles' notion of the client (NUM_PROXIES): behind the proxy, the address
    # the proxy saw, not its own, which would lock every user out after a few failures.
    address = BaseThrottle().get_ident(request) if request is not None else ""
    return [f"login-fail:user:{name}", f"login-fail:addr:{address}"]


def is_locked(request, username: str) -> bool:
    limit = settings.TOOLKIT_LOGIN_ATTEMPTS
    # The address allows more attempts than one name, so a shared NAT is not shut out at once.
    user_key, addr_key = _keys(request, username)
    return cache.get(user_key, 0) >= limit or cache.get(addr_key, 0) >= limit * 4


def record_failure(request, username: str) -> None:
    for key in _keys(request, username):
        cache.add(key, 0, settings.TOOLKIT_LOGIN_LOCKOUT_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, settings.TOOLKIT_LOGIN_LOCKOUT_SECONDS)


def reset(request, username: str) -> None:
    cache.delete(_keys(request, username)[0])
