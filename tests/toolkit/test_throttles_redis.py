"""The throttles on the real Redis at 127.0.0.1:6379 (REDIS_URL), as several workers share them.

Each test uses a key prefix of its own and deletes its keys; the suite's cache.clear() (which
would flush the whole Redis database) never runs against Redis. Skipped if Redis is down.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import CacheHandler
from rest_framework import throttling
from rest_framework.test import APIClient

from tests import factories
from toolkit.accounts import throttle

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TOOLKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LOCKED = "Too many failed sign-in attempts"
WRONG = "not-the-password"


def redis_client():
    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=5)


@pytest.fixture
def redis_caches(settings):
    """settings.CACHES on Redis under a prefix of this test's own."""
    try:
        redis_client().ping()
    except redis.RedisError as exc:
        pytest.skip(
            f"Redis is not reachable at {REDIS_URL} ({exc}); start it with "
            "`redis-server --daemonize yes --port 6379 --save '' --appendonly no`"
        )
    prefix = f"toolkit-test-{uuid.uuid4().hex}"
    original = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    client = redis_client()
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    settings.CACHES = original  # before the suite's cache.clear() runs


def keys_under(prefix: str) -> list[bytes]:
    return list(redis_client().scan_iter(match=f"{prefix}:*"))


def worker_cache(settings):
    """The default cache as another worker process has it: its own client and pool."""
    return CacheHandler(settings.CACHES)["default"]


def sign_in(client, name, password=WRONG):
    return client.post("/accounts/login/", {"username": name, "password": password})


def test_settings_use_redis_as_the_cache_when_redis_url_is_set():
    try:
        redis_client().ping()
    except redis.RedisError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    key = f"toolkit-test-settings-{uuid.uuid4().hex}"
    code = (
        "import django; django.setup();"
        "from django.core.cache import caches; cache = caches['default'];"
        f"cache.set({key!r}, 41, 30); cache.incr({key!r});"
        f"print(type(cache).__name__, cache.get({key!r})); cache.delete({key!r})"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_DEBUG": "1", "REDIS_URL": REDIS_URL}
    env["DJANGO_SETTINGS_MODULE"] = "toolkit.settings"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "42"]


def test_the_sign_in_lock_is_kept_in_redis(client, settings, redis_caches):
    settings.TOOLKIT_LOGIN_ATTEMPTS = 3
    factories.user("ines", email="ines@example.org")
    for name in ("ines", "ines@example.org", "INES"):
        sign_in(client, name)
    assert LOCKED in sign_in(client, "ines", factories.PASSWORD).content.decode()
    assert keys_under(redis_caches)  # the counts live in Redis, not in this process


def test_two_workers_share_one_sign_in_count_through_redis(
    client, settings, redis_caches, monkeypatch
):
    settings.TOOLKIT_LOGIN_ATTEMPTS = 3
    factories.user("ines", email="ines@example.org")
    first, second = worker_cache(settings), worker_cache(settings)
    assert first is not second
    monkeypatch.setattr(throttle, "cache", first)
    for name in ("ines", "ines@example.org"):
        assert LOCKED not in sign_in(client, name).content.decode()
    monkeypatch.setattr(throttle, "cache", second)
    assert LOCKED in sign_in(client, "ines").content.decode()  # the third failure, anywhere
    monkeypatch.setattr(throttle, "cache", first)
    assert LOCKED in sign_in(client, "ines", factories.PASSWORD).content.decode()
    assert "_auth_user_id" not in client.session


def test_two_workers_share_one_api_rate_through_redis(settings, redis_caches, monkeypatch):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    api = APIClient()
    monkeypatch.setattr(throttling.SimpleRateThrottle, "cache", worker_cache(settings))
    assert api.get("/api/v1/topics/").status_code == 200
    assert api.get("/api/v1/learner-levels/").status_code == 200
    monkeypatch.setattr(throttling.SimpleRateThrottle, "cache", worker_cache(settings))
    assert api.get("/api/v1/topics/").status_code == 429
    assert keys_under(redis_caches)
