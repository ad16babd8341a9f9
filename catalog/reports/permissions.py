"""Who may do what with an implementation report.

- anyone reads a published report; its reporter reads theirs in every state; editors read
  every report but withdrawn ones;
- any signed-in account posts a report on a published resource, except the resource's own
  authors (their rating would count in the average);
- the reporter edits a pending or published report and withdraws it;
- editors approve, reject and hide, except on reports about a resource they are an author of
  (as their own submissions leave their desk);
- the resource's authors answer a published report, once.

The authors of a resource are the accounts of the submissions that published it: their
owner and their co-authors linked by e-mail (reviews.authorship).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from toolkit.accounts.permissions import is_contributor, is_editor

if TYPE_CHECKING:
    from catalog.models import Resource
    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

    from .models import ImplementationReport


def author_accounts(resource: Resource) -> QuerySet[User]:
    """Active accounts that are authors of the resource (owner or linked co-author)."""
    return (
        get_user_model()
        .objects.filter(
            Q(submissions__resource=resource) | Q(authorships__submission__resource=resource),
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def authored_resources(user: Person | None) -> Q:
    """A Q on Resource: the resources the user is an author of."""
    if not is_contributor(user):
        return Q(pk__in=[])
    return Q(submissions__owner=user) | Q(submissions__authors__user=user)


def is_resource_author(user: Person | None, resource: Resource) -> bool:
    if not is_contributor(user):
        return False
    return author_accounts(resource).filter(pk=user.pk).exists()


def can_post(user: Person | None, resource: Resource) -> bool:
    return (
        is_contributor(user) and not resource.is_retired and not is_resource_author(user, resource)
    )


def is_reporter(report: ImplementationReport, user: Person | None) -> bool:
    return is_contributor(user) and report.reporter_id == user.pk


def can_moderate(report: ImplementationReport, user: Person | None) -> bool:
    return is_editor(user) and not is_resource_author(user, report.resource)


def can_answer(report: ImplementationReport, user: Person | None) -> bool:
    return is_resource_author(user, report.resource)


def can_view(report: ImplementationReport, user: Person | None) -> bool:
    """As ImplementationReport.objects.visible_to, for one report already loaded."""
    from .models import ReportState

    if report.state == ReportState.PUBLISHED or is_reporter(report, user):
        return True
    return is_editor(user) and report.state != ReportState.WITHDRAWN
