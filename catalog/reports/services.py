"""One function per action on implementation reports (DESIGN §11). Each runs: visibility
(404) → role (403) → state (409) → input (400) → the transition under the report's row lock
in one transaction → one ReportLog row → e-mails queued in the outbox in the same
transaction (delivered after the commit; a rolled-back action sends nothing).
Pages and the API call these.

Posting is throttled per account (`TooManyReports`, 429): TOOLKIT_REPORTS_PER_DAY reports a
day (counted in the cache, as the account throttles are), and one report waiting for
moderation per resource (checked under the reporter's row lock, and a unique constraint).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import django_fsm as fsm
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from catalog import pagecache
from catalog.models import LearnerLevel, Resource
from toolkit.accounts import throttle
from toolkit.accounts.permissions import is_contributor
from toolkit.emails import send_email
from toolkit.errors import Conflict
from toolkit.text import without_controls

from . import permissions
from .models import GROUP_SIZE_MAX, REASON_MAX, TEXT_MAX, ImplementationReport, ReportLog
from .models import ReportState as S

if TYPE_CHECKING:
    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

logger = logging.getLogger(__name__)

DAY = 24 * 3600
THROTTLE_ACTION = "report-post"


class TooManyReports(Exception):
    """The account may not post another report now (HTTP 429)."""

    def __init__(self, detail: str, *, edit_url: str = "") -> None:
        super().__init__(detail)
        self.detail = detail
        self.edit_url = edit_url  # the pending report to edit instead, if that is the reason


# --- input -----------------------------------------------------------------------------


def _text(field: str, value: str | None, limit: int, *, required: bool = False) -> str:
    text = without_controls(value).strip()
    if required and not text:
        raise ValidationError({field: ["This field is required."]})
    if len(text) > limit:
        raise ValidationError(
            {field: [f"This has at most {limit} characters (it has {len(text)})."]}
        )
    return text


def _level(value: LearnerLevel | str | None) -> LearnerLevel:
    slug = value.slug if isinstance(value, LearnerLevel) else (value or "")
    level = LearnerLevel.objects.active().filter(slug=slug).first()
    if level is None:
        raise ValidationError({"learner_level": ["Choose the learners’ level from the list."]})
    return level


def _whole(field: str, value: Any, low: int, high: int, *, required: bool) -> int | None:
    if value in (None, ""):
        if required:
            raise ValidationError({field: ["This field is required."]})
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high or str(value).strip() != str(number):
        raise ValidationError({field: [f"Give a whole number from {low} to {high}."]})
    return number


@dataclass(frozen=True)
class ReportInput:
    learner_level: LearnerLevel
    group_size: int
    changes: str
    outcome: str
    rating: int | None

    @classmethod
    def clean(cls, data: dict[str, Any]) -> ReportInput:
        """The report's fields, checked: every problem at once (400)."""
        errors: dict[str, list[str]] = {}
        values: dict[str, Any] = {}
        checks: dict[str, Callable[[], Any]] = {
            "learner_level": lambda: _level(data.get("learner_level")),
            "group_size": lambda: _whole(
                "group_size", data.get("group_size"), 1, GROUP_SIZE_MAX, required=True
            ),
            "changes": lambda: _text("changes", data.get("changes"), TEXT_MAX),
            "outcome": lambda: _text("outcome", data.get("outcome"), TEXT_MAX, required=True),
            "rating": lambda: _whole("rating", data.get("rating"), 1, 5, required=False),
        }
        for name, check in checks.items():
            try:
                values[name] = check()
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)
        return cls(**values)


# --- summaries -------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    count: int  # published reports
    rated: int  # of which with a rating
    average: float | None  # of the ratings, one decimal

    @property
    def text(self) -> str:
        """“4.3 of 5 from 6 reports”, or how many reports when none is rated."""
        reports = f"{self.count} report{'' if self.count == 1 else 's'}"
        if self.average is None:
            return reports
        if self.rated == self.count:
            return f"{self.average:.1f} of 5 from {reports}"
        rated = f"{self.rated} rated"
        return f"{self.average:.1f} of 5 from {reports} ({rated})"


def summary(resource: Resource) -> Summary:
    figures = (
        ImplementationReport.objects.public()
        .filter(resource=resource)
        .aggregate(count=Count("pk"), rated=Count("rating"), average=Avg("rating"))
    )
    average = figures["average"]
    return Summary(
        figures["count"], figures["rated"], round(average, 1) if average is not None else None
    )


# --- plumbing --------------------------------------------------------------------------


def _log(
    report: ImplementationReport, actor: Person, event: str, before: str, note: str = ""
) -> ReportLog:
    """One ReportLog row (shown to editors on the report's page) and a line in the log."""
    account = actor if is_contributor(actor) else None
    logger.info(
        "report %s: %s by user %s (%s → %s)",
        report.uuid,
        event,
        getattr(account, "pk", None),
        before,
        report.state,
    )
    return ReportLog.objects.create(
        report=report,
        actor=account,
        event=event,
        from_state=before,
        to_state=report.state,
        note=note,
    )


def _send(
    name: str, person: User, report: ImplementationReport, entry: ReportLog, **extra: Any
) -> None:
    if not person.email:
        return
    context = {
        "person": person,
        "report": report,
        "resource": report.resource,
        "resource_url": report.resource.get_absolute_url(),
        "my_reports_url": reverse("reports:mine"),
        **extra,
    }
    send_email(name, person.email, context, headers={"X-Toolkit-Event": f"report-log-{entry.pk}"})


def forget_cached_pages(resource: Resource) -> None:
    """The anonymous visitors' cached copies of the resource's pages, which show its
    published reports: dropped once the change is committed."""

    def forget() -> None:
        versions = [None, *resource.versions.only("number")]
        cache.delete_many([pagecache.key(resource, version) for version in versions])

    transaction.on_commit(forget)


def _locked(report: ImplementationReport | str, actor: Person) -> ImplementationReport:
    """The report's row, locked, if the actor may see it (404 otherwise). In a transaction."""
    lookup = {"pk": report.pk} if isinstance(report, ImplementationReport) else {"uuid": report}
    try:
        locked = ImplementationReport.objects.select_for_update().filter(**lookup).first()
    except ValidationError:  # not a UUID
        locked = None
    if locked is None or not permissions.can_view(locked, actor):
        raise Http404("No such report.")
    return locked


def _transition(locked: ImplementationReport, name: str, allowed: bool, actor: Person) -> str:
    """403 unless `allowed`; 409 unless the state allows the transition; then run it.
    Returns the state before."""
    if not allowed:
        raise PermissionDenied(f"You may not {name} this report.")
    method = getattr(locked, name)
    if not fsm.can_proceed(method):
        raise Conflict(
            f"Cannot {name} a report that is “{locked.get_state_display().lower()}”.",
            state=locked.state,
        )
    before = locked.state
    method()
    return before


# --- the reporter ----------------------------------------------------------------------


def _require_account(actor: Person) -> User:
    if not is_contributor(actor):
        raise PermissionDenied("Sign in to post a report.")
    return actor


def check_may_post(actor: Person, resource: Resource) -> User:
    """403 for a visitor and for the resource's own authors; 409 once the resource is retired."""
    reporter = _require_account(actor)
    if resource.is_retired:
        raise Conflict("This resource was retired: it takes no more reports.", state="retired")
    if permissions.is_resource_author(reporter, resource):
        raise PermissionDenied("Authors cannot post reports on their own resource.")
    return reporter


def pending_report(actor: Person, resource: Resource) -> ImplementationReport | None:
    """The actor's report on the resource that waits for moderation, if any."""
    if not is_contributor(actor):
        return None
    return ImplementationReport.objects.filter(
        reporter=actor, resource=resource, state=S.PENDING
    ).first()


def _throttle(reporter: User, resource: Resource) -> None:
    waiting = pending_report(reporter, resource)
    if waiting is not None:
        raise TooManyReports(
            "You already have a report on this resource waiting for moderation: edit that "
            "one instead, or wait until an editor has read it.",
            edit_url=reverse("reports:edit", args=[waiting.uuid]),
        )
    limit = settings.TOOLKIT_REPORTS_PER_DAY
    if not throttle.account_allowed(THROTTLE_ACTION, reporter, limit):
        raise TooManyReports(
            f"You have posted {limit} reports today, the most an account may in a day: "
            "please post this one tomorrow. What you wrote is kept below."
        )


def create_report(actor: Person, resource: Resource, data: dict[str, Any]) -> ImplementationReport:
    """A signed-in account posts a report on a published resource; it waits for moderation.
    403 for a visitor or an author of the resource, 409 on a retired resource, 400 for bad
    input, 429 past the throttle."""
    reporter = check_may_post(actor, resource)
    values = ReportInput.clean(data)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=reporter.pk).first()
        current = Resource.objects.filter(pk=resource.pk).values_list("retired_at", flat=True)
        if current.first() is not None:  # retired since the page was read
            raise Conflict("This resource was retired: it takes no more reports.", state="retired")
        _throttle(reporter, resource)
        try:
            with transaction.atomic():
                report = ImplementationReport.objects.create(
                    resource=resource, reporter=reporter, **vars(values)
                )
        except IntegrityError:  # a simultaneous post won (one pending per resource)
            raise TooManyReports(
                "You already have a report on this resource waiting for moderation."
            ) from None
        _log(report, reporter, "posted", "")
        throttle.record_account(THROTTLE_ACTION, reporter, DAY)
    return report


def edit_report(
    report: ImplementationReport | str, actor: Person, data: dict[str, Any]
) -> ImplementationReport:
    """The reporter changes a pending or published report: it goes (back) to moderation,
    and a published one leaves the resource page until an editor approves it again."""
    with transaction.atomic():
        locked = _locked(report, actor)
        before = _transition(locked, "edit", permissions.is_reporter(locked, actor), actor)
        values = ReportInput.clean(data)
        for field, value in vars(values).items():
            setattr(locked, field, value)
        locked.save()
        _log(locked, actor, "edited", before)
        if before == S.PUBLISHED:
            forget_cached_pages(locked.resource)
    return locked


def withdraw_report(report: ImplementationReport | str, actor: Person) -> ImplementationReport:
    """The reporter takes back a pending or published report."""
    with transaction.atomic():
        locked = _locked(report, actor)
        before = _transition(locked, "withdraw", permissions.is_reporter(locked, actor), actor)
        locked.save()
        _log(locked, actor, "withdrawn", before)
        if before == S.PUBLISHED:
            forget_cached_pages(locked.resource)
    return locked


# --- the editors -----------------------------------------------------------------------


def approve_report(report: ImplementationReport | str, actor: Person) -> ImplementationReport:
    """An editor publishes a pending report: it shows on the resource page; the reporter
    and the resource's authors are told."""
    with transaction.atomic():
        locked = _locked(report, actor)
        before = _transition(locked, "approve", permissions.can_moderate(locked, actor), actor)
        locked.moderated_by = actor  # type: ignore[assignment]  # an editor: a User
        locked.save()
        entry = _log(locked, actor, "approved", before)
        _send("report_published_reporter", locked.reporter, locked, entry)
        for author in permissions.author_accounts(locked.resource).exclude(pk=locked.reporter_id):
            _send("report_published_author", author, locked, entry)
        forget_cached_pages(locked.resource)
    return locked


def _moderate_with_reason(
    report: ImplementationReport | str, actor: Person, reason: str | None, name: str, email: str
) -> ImplementationReport:
    with transaction.atomic():
        locked = _locked(report, actor)
        before = _transition(locked, name, permissions.can_moderate(locked, actor), actor)
        locked.reason = _text("reason", reason, REASON_MAX, required=True)
        locked.moderated_by = actor  # type: ignore[assignment]  # an editor: a User
        locked.save()
        event = {"reject": "rejected", "hide": "hidden"}[name]
        entry = _log(locked, actor, event, before, locked.reason)
        _send(email, locked.reporter, locked, entry, reason=locked.reason)
        if before == S.PUBLISHED:
            forget_cached_pages(locked.resource)
    return locked


def reject_report(
    report: ImplementationReport | str, actor: Person, reason: str | None
) -> ImplementationReport:
    """An editor declines a pending report, with a reason the reporter is told (400 without)."""
    return _moderate_with_reason(report, actor, reason, "reject", "report_rejected_reporter")


def hide_report(
    report: ImplementationReport | str, actor: Person, reason: str | None
) -> ImplementationReport:
    """An editor takes a published report off the resource page, with a reason the reporter
    is told (400 without)."""
    return _moderate_with_reason(report, actor, reason, "hide", "report_hidden_reporter")


# --- the authors -----------------------------------------------------------------------


def answer_report(
    report: ImplementationReport | str, actor: Person, text: str | None
) -> ImplementationReport:
    """An author of the resource answers a published report, once. The answer shows at
    once (authors answer under their name and are accountable), as sanitised Markdown; the
    reporter is told. 403 for anyone else, 409 unless published and not answered yet."""
    with transaction.atomic():
        locked = _locked(report, actor)
        if not permissions.can_answer(locked, actor):
            raise PermissionDenied("Only the resource’s authors may answer a report.")
        if locked.state != S.PUBLISHED:
            raise Conflict("Only a published report can be answered.", state=locked.state)
        if locked.answered_at is not None:
            raise Conflict(
                "This report was already answered: authors answer once.",
                state=locked.state,
                code="already_answered",
            )
        locked.answer = _text("answer", text, TEXT_MAX, required=True)
        locked.answered_by = actor  # type: ignore[assignment]  # an author: a User
        locked.answered_at = timezone.now()
        locked.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
        entry = _log(locked, actor, "answered", locked.state)
        _send("report_answered_reporter", locked.reporter, locked, entry)
        forget_cached_pages(locked.resource)
    return locked
