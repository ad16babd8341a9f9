"""Editors are told when a collection loses a member: the resource was retired.

Runs inside the retire transaction (`catalog.services.retire_resource`): a note in each
collection's log (shown on its admin page) and one e-mail per editor through the outbox,
delivered after the commit. The retired resource already disappears from the public
collection pages (they list published members only).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from toolkit.accounts.permissions import EDITOR
from toolkit.emails import send_email

from ..models import Resource
from .models import Collection, CollectionLog

MEMBER_RETIRED = "member_retired"


def editors() -> list:
    """Active editors (and superusers) with an e-mail address."""
    users = get_user_model().objects.filter(
        Q(groups__name=EDITOR) | Q(is_superuser=True), is_active=True
    )
    return list(users.exclude(email="").distinct().order_by("pk"))


def member_retired(resource: Resource) -> list[CollectionLog]:
    """Log the retirement in every collection holding the resource and tell the editors."""
    collections = list(Collection.objects.containing(resource).order_by("title", "pk"))
    if not collections:
        return []
    note = (
        f"“{resource.title}” was retired from the catalog and no longer shows on the "
        f"collection's public page. Reason: {resource.retired_reason or 'none given'}"
    )
    entries = [
        CollectionLog.objects.create(
            collection=c, event=MEMBER_RETIRED, from_state=c.state, to_state=c.state, note=note
        )
        for c in collections
    ]
    listed = [
        {
            "title": c.title,
            "state": c.get_state_display(),
            "admin_path": reverse("admin:catalog_collection_change", args=[c.pk]),
        }
        for c in collections
    ]
    for person in editors():
        send_email(
            "collection_member_retired",
            person.email,
            {"person": person, "resource": resource, "collections": listed},
            headers={"X-Toolkit-Event": f"collection-log-{entries[0].pk}"},
        )
    return entries
