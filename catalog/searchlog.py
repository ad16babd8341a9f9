"""The zero-result log: searches that found nothing, counted per normalised query and day.

A flood of searches cannot grow the table without bound: a day keeps at most
TOOLKIT_SEARCH_LOG_DAILY_CAP different queries, and the day's other searches are
counted in one row whose query is OTHER (once it exists, the day takes no new query).
Days older than TOOLKIT_SEARCH_LOG_DAYS are deleted when a day's first row is written.
Writes are race-safe on both databases: an UPDATE of the count (F() + 1), and on a
miss an INSERT that falls back to the UPDATE when a concurrent request inserted the
same (query, day) first.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from .models import SearchLog
from .search import clean_query

OTHER = ""  # the query of a day's row counting its searches beyond the cap
MAX_QUERY_CHARS = SearchLog._meta.get_field("query").max_length
MAX_PARAMS_CHARS = SearchLog._meta.get_field("params").max_length


@dataclass(frozen=True)
class Entry:
    query: str
    day: date
    seen: datetime
    params: str


def normalise(text: str) -> str:
    """The query as logged and grouped: clean, case-folded, one space between words."""
    return " ".join(clean_query(text).casefold().split())[:MAX_QUERY_CHARS]


def record(text: str, params: str = "", *, now: datetime | None = None) -> None:
    """Count a search that found nothing (nothing happens for an empty query).

    Two UPDATEs at most once a day is full: the query's row, else the "other" row, whose
    existence says the day is full. Only the day's first `cap` queries count the rows.
    """
    query = normalise(text)
    if not query:
        return
    now = now or timezone.now()
    entry = Entry(query, timezone.localdate(now), now, params[:MAX_PARAMS_CHARS])
    other = replace(entry, query=OTHER, params="")
    if _count(entry) or _count(other):
        return
    kept = SearchLog.objects.filter(day=entry.day).count()
    if kept == 0:
        prune(entry.day)
    _insert(other if kept >= settings.TOOLKIT_SEARCH_LOG_DAILY_CAP else entry)


def _count(entry: Entry) -> bool:
    """Add one to the entry's row; False when there is no such row yet."""
    rows = SearchLog.objects.filter(query=entry.query, day=entry.day)
    return bool(rows.update(count=F("count") + 1, last_seen=entry.seen, params=entry.params))


def _insert(entry: Entry) -> None:
    try:
        with transaction.atomic():  # a savepoint: the IntegrityError leaves the rest intact
            SearchLog.objects.create(
                query=entry.query, day=entry.day, last_seen=entry.seen, params=entry.params
            )
    except IntegrityError:  # a concurrent request inserted it first
        _count(entry)


def prune(today: date | None = None) -> int:
    """Delete the days older than TOOLKIT_SEARCH_LOG_DAYS; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.TOOLKIT_SEARCH_LOG_DAYS)
    deleted, _ = SearchLog.objects.filter(day__lt=cutoff).delete()
    return deleted


def listing() -> QuerySet[SearchLog]:
    """The editors' list: newest day first, most frequent first (the index's order)."""
    return SearchLog.objects.order_by("-day", "-count", "query")
