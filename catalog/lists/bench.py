"""Saved lists in `manage.py bench_catalog` (`make bench`), through the same server as the
catalog: what lists add to the catalog page (a signed-in person's page has a save form on
each result) and the list pages themselves (issue 15: neither may add more than 2 ms p95
to the catalog page).

`bench_account` makes an account signed in by a session cookie and a list of each of
LIST_SIZES resources with notes and its share link, committed so that the server sees them,
and deletes them all afterwards: the benchmark's database is left as it was. A list of 20
shows as many resources as a catalog page (like with like); a list of 50, a long one.
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

LIST_SIZES = (20, 50)
USERNAME = "bench-lists"


@dataclass(frozen=True)
class BenchList:
    size: int  # its resources
    path: str  # the owner's page
    shared_path: str  # its shared page


@dataclass(frozen=True)
class BenchAccount:
    cookie: str  # the Cookie header of its signed-in session
    lists: tuple[BenchList, ...]  # one of each of LIST_SIZES


@contextmanager
def bench_account(secret_key: str | None = None) -> Iterator[BenchAccount]:
    """A signed-in account with a shared list of each of LIST_SIZES; deleted after.

    `secret_key`: the server's, when it is not this process's (the session is signed
    with it)."""
    quiet = logging.getLogger(services.__name__)
    level, quiet.level = quiet.level, logging.WARNING  # not one line per item added
    user_model = get_user_model()
    user_model.objects.filter(username=USERNAME).delete()  # left by an interrupted run
    user = user_model.objects.create_user(USERNAME, "bench-lists@example.org")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    try:
        lists = []
        for size in LIST_SIZES:
            saved = services.create_list(user, f"Bench list of {size}", "Made by the benchmark.")
            for resource in Resource.objects.published().order_by("pk")[:size]:
                services.add_item(saved, user, resource, "A note for the benchmark.")
            token = services.share_list(saved, user)
            lists.append(BenchList(size, saved.get_absolute_url(), f"/lists/shared/{token}/"))
        with override_settings(SECRET_KEY=secret_key or settings.SECRET_KEY):
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
        yield BenchAccount(f"{settings.SESSION_COOKIE_NAME}={session.session_key}", tuple(lists))
    finally:
        session.delete()
        user.delete()  # and its lists and items
        quiet.level = level


def paths(account: BenchAccount) -> dict[str, str]:
    """The list pages timed, by name (at most 16 characters)."""
    return {
        name: path
        for saved in account.lists
        for name, path in (
            (f"owner's list {saved.size}", saved.path),
            (f"owner's print {saved.size}", f"{saved.path}print/"),
            (f"shared list {saved.size}", saved.shared_path),
            (f"shared print {saved.size}", f"{saved.shared_path}print/"),
        )
    }
