"""Currency of published resources: the review-by date, the external links a resource names,
and outdated-term flags (computed here, by `manage.py flag_terms`, never per page view)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from .models import LinkCheck, OutdatedTerm, TermFlag

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from catalog.models import Resource

# The resource's own texts searched for outdated terms and external links (as the model has them).
SCANNED_FIELDS = (
    "title",
    "summary",
    "learning_objectives",
    "description",
    "keywords",
    "references",
    "materials",
    "facilitator_notes",
    "facilitator_requirements",
    "equipment",
    "evaluation",
)
URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.IGNORECASE)
TRAILING = ".,;:!?*_>"
EXCERPT = 60


def review_by_after(reviewed: datetime | date, years: int | None = None) -> date:
    """The date a currency review falls due: `years` (the setting) after the review."""
    years = settings.TOOLKIT_CURRENCY_REVIEW_YEARS if years is None else years
    day = timezone.localdate(reviewed) if isinstance(reviewed, datetime) else reviewed
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


# --- links ------------------------------------------------------------------------------


def urls_in(text: str) -> list[str]:
    """The http(s) addresses written in a text (Markdown links and bare ones), in order."""
    found = []
    for match in URL.finditer(text or ""):
        url = match.group(0).rstrip(TRAILING)
        if url not in found:
            found.append(url)
    return found


def external_links(resource: Resource) -> list[str]:
    """Every external address of the current version: its links, then those in its texts."""
    from catalog.models import ResourceFile

    links = list(
        ResourceFile.objects.filter(version__resource=resource, version__number=resource.version)
        .exclude(url="")
        .order_by("position", "pk")
        .values_list("url", flat=True)
    )
    for name in SCANNED_FIELDS:
        links += [u for u in urls_in(getattr(resource, name, "")) if u not in links]
    return links[:200]


def record_link(resource_id: int, url: str, status: int | None, error: str, final: str) -> None:
    """Store one check's outcome: a 2xx (after redirects) resets the failures, else counts one."""
    ok = status is not None and 200 <= status < 400 and not error
    with transaction.atomic():
        check, _ = LinkCheck.objects.select_for_update().get_or_create(
            resource_id=resource_id, url=url[:500]
        )
        check.status_code = status
        check.error = error[:300]
        check.final_url = final[:500] if final != url else ""
        check.checked_at = timezone.now()
        check.consecutive_failures = 0 if ok else check.consecutive_failures + 1
        check.save()


def forget_gone_links(resource: Resource, urls: Iterable[str]) -> None:
    """Drop the rows of links the resource no longer names."""
    LinkCheck.objects.filter(resource=resource).exclude(url__in=list(urls)).delete()


# --- outdated terms -------------------------------------------------------------------


@lru_cache(maxsize=512)
def term_pattern(term: str) -> re.Pattern[str]:
    """Whole words, any case, any spacing or hyphen between the words of the term."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.strip()) if w]
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(words) + r"(?!\w)", re.IGNORECASE)


def _excerpt(text: str, match: re.Match[str]) -> str:
    start, end = max(0, match.start() - EXCERPT), min(len(text), match.end() + EXCERPT)
    body = " ".join(text[start:end].split())
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def find_terms(resource: Resource, terms: Iterable[OutdatedTerm]) -> list[TermFlag]:
    """The flags (unsaved) for every active term found in the resource's texts."""
    flags = []
    for term in terms:
        for name in SCANNED_FIELDS:
            text = getattr(resource, name, "") or ""
            match = term_pattern(term.term).search(text)
            if match:
                flags.append(
                    TermFlag(
                        resource=resource, term=term, field=name, excerpt=_excerpt(text, match)
                    )
                )
    return flags


def flag_terms(resources: Iterable[Resource] | None = None) -> int:
    """Recompute the flags of the published resources (all, or those given); the number found.

    A flag found before keeps its date: a currency review that re-certified the resource
    after that date has dealt with it (due_resources lists only flags newer than the review).
    """
    from catalog.models import Resource

    terms = list(OutdatedTerm.objects.filter(is_active=True))
    rows = list(resources) if resources is not None else Resource.objects.published()
    found = 0
    for resource in rows:
        flags = {(f.term_id, f.field): f for f in find_terms(resource, terms)}
        with transaction.atomic():
            kept = {
                (f.term_id, f.field): f
                for f in TermFlag.objects.select_for_update().filter(resource=resource)
            }
            TermFlag.objects.filter(
                pk__in=[f.pk for k, f in kept.items() if k not in flags]
            ).delete()
            for key, flag in flags.items():
                if key in kept:
                    TermFlag.objects.filter(pk=kept[key].pk).update(excerpt=flag.excerpt)
                else:
                    flag.save()
        found += len(flags)
    return found


# --- the editors' queue -----------------------------------------------------------------


@dataclass
class DueResource:
    """One row of the currency queue: a published resource, why it is listed, what to check."""

    resource: Resource
    overdue: bool
    due_in_days: int | None
    broken_links: list[LinkCheck]
    checked_links: int
    flags: list[TermFlag]


def due_resources(today: date | None = None) -> list[DueResource]:
    """Published resources due for a currency review within the queue's window (or overdue),
    or with an outdated term flagged; soonest due first."""
    from catalog.models import Resource

    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.TOOLKIT_CURRENCY_QUEUE_DAYS)
    queryset: QuerySet[Resource] = (
        Resource.objects.published()
        .filter(Q(review_by__lte=horizon) | Q(term_flags__found_at__gt=F("reviewed_at")))
        .distinct()
        .order_by("review_by", "title", "pk")
        .prefetch_related(
            Prefetch(
                "term_flags",
                queryset=TermFlag.objects.filter(
                    found_at__gt=F("resource__reviewed_at")
                ).select_related("term"),
            ),
            "link_checks",
        )
    )
    rows = []
    for resource in queryset:
        checks = list(resource.link_checks.all())
        rows.append(
            DueResource(
                resource=resource,
                overdue=bool(resource.review_by and resource.review_by < today),
                due_in_days=(resource.review_by - today).days if resource.review_by else None,
                broken_links=[c for c in checks if c.is_broken],
                checked_links=len(checks),
                flags=list(resource.term_flags.all()),
            )
        )
    return rows
