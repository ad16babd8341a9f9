"""Usage figures an author can put in a promotion dossier, without personal data.

What is counted: views of a resource's page and downloads of its files, per month
(`UsageCount`). What is not kept: no address, user id, session or user agent is stored
with a count. A visitor is counted once a day per page or file: the key is a SHA-256 of a
random *daily salt*, the client address and the user agent; the salt lives only in the
cache and expires after the day, so yesterday's keys cannot be recomputed, and the keys
themselves expire at midnight. With `REDIS_URL` the salt and keys are shared by every
worker; without it each process keeps its own, so a visitor served by two workers on one
day may be counted twice (documented in the README).

What is left out: crawlers, by user agent (crawlerdetect's list), clients without a user
agent, any client that fetched robots.txt today (`mark_robot`, called by the robots.txt
view), and everything under the paths robots.txt disallows (the API, accounts, reviews):
only the public page and file views call `count`.

Cost: one cache lookup, and for a new visitor one upsert
(`INSERT … ON CONFLICT … DO UPDATE SET count = count + 1`, the same statement on SQLite
and PostgreSQL). "Most used" orders the catalog by the last twelve months' totals, read
once every USAGE_ORDER_SECONDS per process.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
import threading
import time
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Protocol

from crawlerdetect import CrawlerDetect
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from toolkit.accounts.throttle import client_address

from .models import Resource, ResourceFile, UsageCount

USAGE_ORDER_SECONDS = 600
ORDER_MONTHS = 12
_detector = CrawlerDetect()
_UPSERT = (
    "INSERT INTO catalog_usagecount (resource_id, target, month, kind, count) "
    "VALUES (%s, %s, %s, %s, 1) "
    "ON CONFLICT (resource_id, target, month, kind) "
    "DO UPDATE SET count = catalog_usagecount.count + 1"
)


@lru_cache(maxsize=4096)
def is_crawler(user_agent: str) -> bool:
    """Whether a user agent is a crawler, a bot or a script (cached: agents repeat)."""
    return not user_agent.strip() or bool(_detector.isCrawler(user_agent))


def _seconds_left_today(now: datetime) -> int:
    local = timezone.localtime(now)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - local).total_seconds()))


def _visitor(request: HttpRequest, today: date) -> str:
    """Today's anonymous key of this client: a salted hash, never stored in the database."""
    salt = cache.get_or_set(f"usage:salt:{today.isoformat()}", secrets.token_hex(16), 2 * 86400)
    agent = request.headers.get("User-Agent", "")
    raw = f"{salt}|{client_address(request)}|{agent}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def mark_robot(request: HttpRequest) -> None:
    """A client that reads robots.txt is a crawler: none of its requests count today."""
    now = timezone.now()
    key = f"usage:robot:{_visitor(request, timezone.localdate(now))}"
    cache.set(key, 1, _seconds_left_today(now))


BUNDLE = "materials"  # the target of "Download all materials" (catalog.materials)


class Counted(Protocol):
    """What is counted: a resource, or anything holding its id (catalog.pagecache.Lookup)."""

    @property
    def pk(self) -> Any: ...


def count(
    request: HttpRequest,
    resource: Counted,
    file: ResourceFile | None = None,
    *,
    bundle: bool = False,
) -> bool:
    """Count a page view, a download of `file` or of all materials (`bundle`), once per
    visitor and day; returns whether it was counted."""
    if request.method != "GET" or is_crawler(request.META.get("HTTP_USER_AGENT", "")):
        return False
    now = timezone.now()
    today = timezone.localdate(now)
    visitor = _visitor(request, today)
    if cache.get(f"usage:robot:{visitor}"):
        return False
    target = BUNDLE if bundle else str(file.uuid) if file else ""
    kind = UsageCount.Kind.DOWNLOAD if target else UsageCount.Kind.VIEW
    seen = f"usage:seen:{visitor}:{resource.pk}:{kind}:{target}"
    if not cache.add(seen, 1, _seconds_left_today(now)):
        return False
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [resource.pk, target, today.replace(day=1), kind])
    return True


def totals(resource: Resource) -> dict[str, int]:
    """All-time page views and downloads of a resource (one query)."""
    rows = UsageCount.objects.filter(resource=resource).values("kind").annotate(n=Sum("count"))
    found = {row["kind"]: row["n"] for row in rows}
    return {kind: found.get(kind, 0) for kind in UsageCount.Kind.values}


def _file_labels(resource: Resource) -> dict[str, str]:
    """The label of each file of every version, by UUID (the `target` of its counts)."""
    files = ResourceFile.objects.filter(version__resource=resource).exclude(file="")
    labels = {str(f.uuid): f.label or f.download_name or "file" for f in files}
    return {**labels, BUNDLE: "All materials (zip)"}


def monthly(resource: Resource) -> list[dict]:
    """Per month, oldest first: page views, downloads in all and per file (label → count)."""
    labels = _file_labels(resource)
    months: dict[date, dict] = {}
    for row in UsageCount.objects.filter(resource=resource).order_by("month", "kind", "target"):
        month = months.setdefault(
            row.month, {"month": row.month, "view": 0, "download": 0, "files": {}}
        )
        month[row.kind] += row.count
        if row.target:
            label = labels.get(row.target, "a file no longer listed")
            month["files"][label] = month["files"].get(label, 0) + row.count
    return list(months.values())


def monthly_csv(resource: Resource) -> str:
    """The monthly figures as CSV: one row per month and file (the page: file empty)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", "kind", "file", "count"])
    labels = _file_labels(resource)
    for row in UsageCount.objects.filter(resource=resource).order_by("month", "kind", "target"):
        name = labels.get(row.target, "") if row.target else ""
        writer.writerow([row.month.strftime("%Y-%m"), row.kind, csv_safe(name), row.count])
    return out.getvalue()


def csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# --- "most used" -----------------------------------------------------------------------


class RecentTotals:
    """Resource id → views and downloads of the last ORDER_MONTHS months, read at most once
    every USAGE_ORDER_SECONDS per process (the catalog's "Most used" order)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._read_at: float | None = None
        self._totals: dict[int, int] = {}

    def get(self) -> dict[int, int]:
        with self._lock:
            if self._read_at is None or time.monotonic() - self._read_at > USAGE_ORDER_SECONDS:
                since = (timezone.localdate() - timedelta(days=31 * ORDER_MONTHS)).replace(day=1)
                rows = (
                    UsageCount.objects.filter(month__gte=since)
                    .values("resource_id")
                    .annotate(n=Sum("count"))
                    .values_list("resource_id", "n")
                )
                self._totals = dict(rows)
                self._read_at = time.monotonic()
            return self._totals

    def forget(self) -> None:
        """Read the totals afresh next time (tests; after a bulk import)."""
        with self._lock:
            self._read_at = None


recent_totals = RecentTotals()
