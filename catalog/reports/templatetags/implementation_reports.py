"""{% resource_reports record %}: the resource page's "Implementation reports" section, and
{% reports_to_moderate %}: the editor desk's "Reports to moderate".

The resource page is cached for anonymous visitors (catalog.pagecache): what it shows them
is the same for all (the published reports and a sign-in link); the services drop the cached
copies when a published report changes. One query for a visitor: the published reports with
their reporters, levels and answering authors; the summary is counted from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from toolkit.accounts.permissions import is_contributor
from toolkit.text import render_markdown

from .. import permissions
from ..forms import ReportForm
from ..models import ImplementationReport, ReportState
from ..services import Summary

if TYPE_CHECKING:
    from catalog.records.record import ResourceRecord

register = template.Library()

DESK_PUBLISHED = 20  # the latest published reports the desk lists, to hide one


@register.filter
def report_markdown(text: str) -> SafeString:
    """A report's or an answer's text: Markdown sanitised by nh3, headings from <h4>."""
    return mark_safe(render_markdown(text, top_heading=4, line_breaks=True))  # noqa: S308 - sanitized by nh3 (toolkit.text)


def summarise(reports: list[ImplementationReport]) -> Summary:
    ratings = [report.rating for report in reports if report.rating]
    average = round(sum(ratings) / len(ratings), 1) if ratings else None
    return Summary(len(reports), len(ratings), average)


@register.inclusion_tag("reports/resource_section.html", takes_context=True)
def resource_reports(context: template.Context, record: ResourceRecord) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    next_path = f"{record.resource_path}#reports"
    reports = list(
        ImplementationReport.objects.public()
        .filter(resource__slug=record.slug)
        .select_related("reporter", "learner_level", "answered_by")
        .order_by("-published_at", "-pk")
    )
    values: dict[str, Any] = {
        "record": record,
        "reports": reports,
        "summary": summarise(reports),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "new_url": reverse("reports:new", args=[record.slug]),
        "mine_url": reverse("reports:mine"),
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': next_path})}",
    }
    if not is_contributor(user):
        return values
    from catalog.models import Resource

    resource = Resource.objects.filter(slug=record.slug).only("pk", "slug", "retired_at").first()
    if resource is None:
        return values
    is_author = permissions.is_resource_author(user, resource)
    values.update(
        signed_in=True,
        is_author=is_author,
        mine=list(
            ImplementationReport.objects.filter(
                resource=resource, reporter=user, state=ReportState.PENDING
            )
        ),
        form=None if is_author else ReportForm(),
    )
    return values


@register.inclusion_tag("reports/desk_section.html", takes_context=True)
def reports_to_moderate(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    reports = ImplementationReport.objects.to_moderate(user).select_related(
        "resource", "reporter", "learner_level"
    )
    return {
        "pending": list(reports.filter(state=ReportState.PENDING).order_by("submitted_at", "pk")),
        "published": list(
            reports.filter(state=ReportState.PUBLISHED).order_by("-published_at", "-pk")[
                :DESK_PUBLISHED
            ]
        ),
        "csrf_token": context.get("csrf_token"),
    }
