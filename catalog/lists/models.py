"""An instructor's saved lists: private, ordered, each item with a private note."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from catalog.models import Resource

NAME_MAX = 120
NOTE_MAX = 2000
DESCRIPTION_MAX = 2000


class SavedList(models.Model):
    """A private list of published resources; readable by others only through its share link."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_lists"
    )
    name = models.CharField(max_length=NAME_MAX)
    description = models.TextField(
        blank=True, help_text="Plain text shown at the top of the list and of its hand-out."
    )
    # An unguessable secret (secrets.token_urlsafe) while the list is shared; NULL when not.
    share_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    share_notes = models.BooleanField(
        default=False, help_text="Show the private notes to whoever opens the share link."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "saved list"
        constraints = [
            models.UniqueConstraint(
                models.F("owner"), Lower("name"), name="lists_savedlist_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("lists:detail", args=[self.uuid])

    @property
    def is_shared(self) -> bool:
        return bool(self.share_token)

    def share_path(self) -> str:
        """/lists/shared/<token>/ while shared, else ""."""
        return reverse("lists:shared", args=[self.share_token]) if self.share_token else ""


class SavedItem(models.Model):
    """A resource on a list, at a position, with the owner's private note."""

    list = models.ForeignKey(SavedList, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="saved_items")
    position = models.PositiveIntegerField(default=1)
    note = models.TextField(blank=True)
    saved_version = models.PositiveSmallIntegerField(
        default=1, help_text="The resource's version when it was saved."
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["list", "position", "pk"]
        verbose_name = "saved item"
        constraints = [
            models.UniqueConstraint(fields=["list", "resource"], name="lists_saveditem_unique")
        ]

    def __str__(self) -> str:
        return f"{self.resource} in {self.list}"
