"""The records a harvester may see: sets, lists in (updated_at, pk) order, file formats."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db.models import F, Prefetch, Q, QuerySet

from .. import records
from ..models import Collection, CollectionItem, Resource, ResourceFile, Stage
from .arguments import ListQuery, OAIError, parse_bounds

# A resource's published collections, for its headers' setSpecs (prefetched per page).
PUBLIC_SETS = Prefetch(
    "collections", queryset=Collection.objects.published().only("slug"), to_attr="public_sets"
)
FAMILIES = {"level", "stage", "type", "collection"}


def set_filter(spec: str) -> Q | None:
    """The filter of a setSpec; None when no such set exists."""
    family, _, value = spec.partition(":")
    if "\x00" in value:  # no set has one, and PostgreSQL cannot compare text with it
        return None
    if not value:
        return Q() if family in FAMILIES else None
    through = Resource.levels.through.objects
    if family == "level":
        return Q(pk__in=through.filter(learnerlevel__slug=value).values("resource_id"))
    if family == "stage" and value in Stage.values:
        return Q(pk__in=through.filter(learnerlevel__stage=value).values("resource_id"))
    if family == "type":
        return Q(resource_type__slug=value)
    if family == "collection" and Collection.objects.published().filter(slug=value).exists():
        members = CollectionItem.objects.filter(collection__slug=value)
        return Q(pk__in=members.values("resource_id"))
    return None


def harvestable() -> QuerySet:
    """Every record a harvester sees: published resources, and retired ones as deleted records
    (the repository keeps its deletions: deletedRecord "persistent")."""
    return Resource.objects.defer("attachment_text")


def list_queryset(query: ListQuery) -> QuerySet:
    """Every record of the list (without the position), ordered by (updated_at, pk)."""
    lower, upper = parse_bounds(query.from_, query.until)
    qs = harvestable().filter(updated_at__lte=datetime.fromisoformat(query.started))
    if lower:
        qs = qs.filter(updated_at__gte=lower)
    if upper:
        qs = qs.filter(updated_at__lt=upper)
    if query.set:
        condition = set_filter(query.set)
        if condition is None:
            return qs.none()
        qs = qs.filter(condition)
    return qs.order_by("updated_at", "pk")


def set_specs(resource: Resource) -> list[str]:
    levels = list(resource.levels.all())
    stages = [s for s in Stage.values if any(lv.stage == s for lv in levels)]
    collections = getattr(resource, "public_sets", None)
    if collections is None:  # GetRecord: one resource, one query
        collections = Collection.objects.published().containing(resource).only("slug")
    return (
        [f"level:{lv.slug}" for lv in levels]
        + [f"stage:{s}" for s in stages]
        + [f"type:{resource.resource_type.slug}"]
        + [f"collection:{c.slug}" for c in sorted(collections, key=lambda c: c.slug)]
    )


def current_formats(resources: Sequence[Resource]) -> dict[int, list[str]]:
    """MIME types of the files of each resource's current version: one query."""
    formats: dict[int, list[str]] = {r.pk: [] for r in resources}
    rows = (
        ResourceFile.objects.filter(
            version__resource__in=[r.pk for r in resources],
            version__number=F("version__resource__version"),
        )
        .exclude(content_type="")
        .values_list("version__resource_id", "content_type")
        .order_by("version__resource_id", "position")
    )
    for resource_id, content_type in rows:
        if content_type not in formats[resource_id]:
            formats[resource_id].append(content_type)
    return formats


def resource_for(identifier: str) -> Resource:
    prefix = f"oai:{records.site_host()}:"
    slug = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
    # No slug has a NUL character, and PostgreSQL cannot compare text with one.
    resource = harvestable().filter(slug=slug).first() if slug and "\x00" not in slug else None
    if resource is None:
        raise OAIError("idDoesNotExist", "No record has this identifier.")
    return resource
