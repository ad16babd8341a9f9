"""Saved lists in `manage.py bench_catalog` (`make bench`), through the same server as the
catalog: what lists add to the catalog page (a signed-in person's page has a save form on
each result) and the list pages themselves (issue 15: neither may add more than 2 ms p95
to the catalog page).

`bench_account` makes an account signed in by a session cookie, a list of LIST_SIZE
resources with notes and its share link, committed so that the server sees them, and
deletes them all afterwards: the benchmark's database is left as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.test import override_settings

from catalog.models import Resource

from . import services

LIST_SIZE = 50
USERNAME = "bench-lists"


@dataclass(frozen=True)
class BenchAccount:
    cookie: str  # the Cookie header of its signed-in session
    list_path: str  # the owner's page of its list
    shared_path: str  # the list's shared page


@contextmanager
def bench_account(secret_key: str | None = None) -> Iterator[BenchAccount]:
    """A signed-in account with a list of LIST_SIZE resources, shared; deleted after.

    `secret_key`: the server's, when it is not this process's (the session is signed
    with it)."""
    quiet = logging.getLogger(services.__name__)
    level, quiet.level = quiet.level, logging.WARNING  # not one line per item added
    user_model = get_user_model()
    user_model.objects.filter(username=USERNAME).delete()  # left by an interrupted run
    user = user_model.objects.create_user(USERNAME, "bench-lists@example.org")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    try:
        saved = services.create_list(user, "Bench list", "A list made by the benchmark.")
        for resource in Resource.objects.published().order_by("pk")[:LIST_SIZE]:
            services.add_item(saved, user, resource, "A note for the benchmark.")
        token = services.share_list(saved, user)
        with override_settings(SECRET_KEY=secret_key or settings.SECRET_KEY):
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
        yield BenchAccount(
            f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
            saved.get_absolute_url(),
            f"/lists/shared/{token}/",
        )
    finally:
        session.delete()
        user.delete()  # and its lists and items
        quiet.level = level


def paths(account: BenchAccount) -> dict[str, str]:
    """The list pages timed, by name."""
    return {
        f"list of {LIST_SIZE}, owner": account.list_path,
        "its hand-out": f"{account.list_path}print/",
        "shared list": account.shared_path,
        "shared hand-out": f"{account.shared_path}print/",
    }
