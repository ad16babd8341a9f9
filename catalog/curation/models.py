"""Curated collections (issue 15 item 1): an editor's ordered selection of published resources.

A collection has a state (draft, published, archived); only published ones are public
(pages, API, the catalog's `collection` facet, OAI-PMH sets). Transitions mutate the state
only: permission, row lock, log and e-mail are `catalog.services`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

import django_fsm as fsm
from django.db import models
from django.urls import reverse
from django.utils import timezone

from toolkit.accounts.permissions import is_editor
from toolkit.models import EventLog

from ..models import LearnerLevel, Resource

if TYPE_CHECKING:
    from toolkit.accounts.permissions import Person


class CollectionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class CollectionQuerySet(models.QuerySet):
    def published(self) -> Self:
        return self.filter(state=CollectionState.PUBLISHED)

    def facet_terms(self) -> Self:
        """The terms of the catalog's `collection` facet: published collections only."""
        return self.published()

    def visible_to(self, user: Person | None) -> Self:
        """Editors see every collection (drafts and archived ones with a banner)."""
        return self.all() if is_editor(user) else self.published()

    def containing(self, resource: Resource) -> Self:
        return self.filter(items__resource=resource).distinct()


def can_curate(collection: Collection, user: Person | None) -> bool:
    """Editors (and superusers) create, publish and archive collections."""
    return is_editor(user)


def has_published_member(collection: Collection) -> bool:
    return collection.items.filter(resource__retired_at__isnull=True).exists()


# What a collection's page shows of each member (the long texts stay in the database).
PAGE_FIELDS = (
    "position",
    "note",
    "collection_id",
    "resource__slug",
    "resource__title",
    "resource__summary",
    "resource__time_required_minutes",
    "resource__retired_at",
    "resource__resource_type__name",
)


class Collection(fsm.ConcurrentTransitionMixin, models.Model):
    """A curated, ordered list of published resources with an editor's note on each."""

    slug = models.SlugField(
        max_length=80, unique=True, help_text="Part of its address: /collections/<slug>/."
    )
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, help_text="Markdown.")
    curators = models.CharField(
        "curator names",
        max_length=300,
        blank=True,
        help_text="As they should appear, separated by commas.",
    )
    levels = models.ManyToManyField(
        LearnerLevel,
        related_name="collections",
        blank=True,
        verbose_name="learner levels",
        help_text="The learner levels the collection is for.",
    )
    resources = models.ManyToManyField(
        Resource, through="CollectionItem", related_name="collections", blank=True
    )
    state = fsm.FSMField(
        default=CollectionState.DRAFT,
        choices=CollectionState.choices,
        protected=True,
        db_index=True,
        max_length=16,
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:collection-detail", args=[self.slug])

    @property
    def name(self) -> str:
        """Its label as a facet term."""
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == CollectionState.PUBLISHED

    def curator_names(self) -> list[str]:
        return [name.strip() for name in self.curators.split(",") if name.strip()]

    def public_items(self) -> models.QuerySet[CollectionItem]:
        """Its members in order, retired resources left out."""
        return (
            self.items.filter(resource__retired_at__isnull=True)
            .select_related("resource__resource_type")
            .only(*PAGE_FIELDS)
        )

    def retired_items(self) -> models.QuerySet[CollectionItem]:
        return self.items.filter(resource__retired_at__isnull=False).select_related("resource")

    @fsm.transition(
        field=state,
        source=[CollectionState.DRAFT, CollectionState.ARCHIVED],
        target=CollectionState.PUBLISHED,
        conditions=[has_published_member],  # type: ignore[list-item]  # fsm stubs: Model
        permission=can_curate,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def publish(self) -> None:
        """An editor makes the collection public."""
        self.published_at = self.published_at or timezone.now()

    @fsm.transition(
        field=state,
        source=CollectionState.PUBLISHED,
        target=CollectionState.ARCHIVED,
        permission=can_curate,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def archive(self) -> None:
        """An editor takes the collection off the public pages (kept for editors)."""


class CollectionItem(models.Model):
    """A resource in a collection, at a position, with the editor's note on how to use it."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        Resource,
        on_delete=models.CASCADE,
        related_name="collection_items",
        limit_choices_to={"retired_at__isnull": True},
    )
    position = models.PositiveSmallIntegerField(default=1)
    note = models.TextField(
        "editor's note",
        blank=True,
        help_text="Plain text: how to use it in this collection, e.g. “after the implicit-bias "
        "primer”.",
    )

    class Meta:
        ordering = ["collection", "position", "pk"]
        verbose_name = "resource in the collection"
        verbose_name_plural = "resources in the collection"
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="catalog_collection_item_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.resource}"


class CollectionLog(EventLog):
    """What happened to a collection: transitions, and members retired from the catalog
    (shown on its admin page)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="log_entries")

    class Meta(EventLog.Meta):
        verbose_name = "collection log entry"
        verbose_name_plural = "collection log"

    def __str__(self) -> str:
        return f"{self.event}: {self.note or f'{self.from_state} → {self.to_state}'}"
