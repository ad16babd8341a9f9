"""Personas and shared fixtures for the whole suite."""

import pytest
from django.core.cache import cache

from catalog.search import suggest
from tests import factories


@pytest.fixture(autouse=True)
def _test_environment(settings, tmp_path):
    """Plain static storage, a private media root per test, fresh throttles, mail on commit."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Outbox rows are sent on commit, so mail.outbox shows what a worker would deliver;
    # the outbox's own tests turn this off (tests/toolkit/test_outbox.py).
    settings.TOOLKIT_MAIL_EAGER = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    # One search index per test process, in memory: it follows each test's rolled-back catalog
    # (catalog.search.engine re-syncs when the generation changes).
    settings.TOOLKIT_SEARCH_INDEX = "memory"
    cache.clear()
    suggest.forget()  # the typo vocabulary only ever grows; a rolled-back test's words go
    yield
    cache.clear()


@pytest.fixture
def contributor(db):
    return factories.user("contributor", roles=["contributor"], display_name="Ada Contributor")


@pytest.fixture
def outsider(db):
    return factories.user("outsider", roles=["contributor"], display_name="Otto Outsider")


@pytest.fixture
def reviewer(db):
    return factories.user(
        "reviewer", roles=["contributor", "reviewer"], display_name="Rita Reviewer"
    )


@pytest.fixture
def editor(db):
    return factories.user("editor", roles=["contributor", "editor"], display_name="Eddie Editor")


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    return client_for(client, contributor)


@pytest.fixture
def editor_client(client, editor):
    return client_for(client, editor)


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    """The canary world of tests/canaries.py."""
    from tests.canaries import build_world

    return build_world(django_capture_on_commit_callbacks)
