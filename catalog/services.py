"""The published projection: the only way catalog resources are created, updated or retired;
and the transitions of curated collections.

`reviews.services.publish` and `reviews.services.retire` call these inside their
transaction; the catalog side then never needs to read workflow tables. Retiring a
resource tells the editors of every collection it was in (`curation.notices`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import django_fsm as fsm
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from toolkit.errors import Conflict

from . import doi, search
from .curation import notices
from .curation.models import can_curate
from .curation.signals import touch_members
from .currency.services import review_by_after
from .models import (
    Collection,
    CollectionLog,
    Competency,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceFile,
    ResourceType,
    ResourceVersion,
    Topic,
)

TEXT_FIELDS = (
    "title",
    "summary",
    "learning_objectives",
    "description",
    "keywords",
    "references",
    "group_size",
    "preparation_time",
    "facilitator",
    "facilitator_requirements",
    "equipment",
    "materials",
    "facilitator_notes",
    "evaluation",
    "acknowledgements",
    "attachment_text",
)


@dataclass
class PublicFile:
    """A file or link to publish: `file` is a name in default storage (the sanitized copy)."""

    label: str = ""
    file: str = ""
    download_name: str = ""
    content_type: str = ""
    size: int = 0
    url: str = ""


@dataclass
class Publication:
    """Everything the catalog keeps of a published submission."""

    title: str
    resource_type: ResourceType
    language: Language
    license: License
    levels: list[LearnerLevel]
    topics: list[Topic] = field(default_factory=list)
    methods: list[InstructionalMethod] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)
    authors: list[dict[str, str]] = field(default_factory=list)  # name, affiliation, orcid
    files: list[PublicFile] = field(default_factory=list)
    reviewed_at: datetime | None = None
    interprofessional: bool = False
    time_required_minutes: int | None = None
    group_size_min: int | None = None
    group_size_max: int | None = None
    preparation_time: str = ""
    facilitator: str = ""
    facilitator_requirements: str = ""
    equipment: str = ""
    summary: str = ""
    learning_objectives: str = ""
    description: str = ""
    keywords: str = ""
    references: str = ""
    group_size: str = ""
    materials: str = ""
    facilitator_notes: str = ""
    evaluation: str = ""
    acknowledgements: str = ""
    attachment_text: str = ""
    change_note: str = ""


# Slugs that are fixed paths under /catalog/ and can never name a resource.
RESERVED_SLUGS = frozenset({"feed", "search", "new", "api", "files", "oai", "sitemap"})


def unique_slug(title: str) -> str:
    """A slug from the title: unique, and never one of the reserved paths."""
    base = slugify(title)[:80].strip("-") or "resource"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Resource.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


SLUG_ATTEMPTS = 20  # simultaneous publications of one title, each taking the next free slug


def _insert_with_free_slug(resource: Resource, title: str) -> None:
    """Save a new resource under the first free slug. Checking is not enough: a publication
    of the same title at the same moment may take the slug between the check and the
    insert, so the unique index decides and the loser moves on to the next slug."""
    for _ in range(SLUG_ATTEMPTS):
        resource.slug = unique_slug(title)
        try:
            with transaction.atomic():
                resource.save()
            return
        except IntegrityError:
            if not Resource.objects.filter(slug=resource.slug).exists():
                raise  # another constraint: not ours to retry
    raise IntegrityError(f"No free slug for {title!r} after {SLUG_ATTEMPTS} attempts.")


def _terms(items: Iterable[Topic | InstructionalMethod | LearnerLevel]) -> list[dict[str, str]]:
    return [{"slug": t.slug, "name": t.name} for t in items]


def snapshot(resource: Resource) -> dict[str, Any]:
    """The public fields of a version, as JSON: what /catalog/<slug>/v<N>/ shows."""
    return _snapshot(
        resource,
        resource.levels.all(),
        resource.topics.all(),
        resource.methods.all(),
        resource.competencies.all(),
    )


def _snapshot(
    resource: Resource,
    levels: Iterable[LearnerLevel],
    topics: Iterable[Topic],
    methods: Iterable[InstructionalMethod],
    competencies: Iterable[Competency] = (),
) -> dict[str, Any]:
    data = {name: getattr(resource, name) for name in TEXT_FIELDS if name != "attachment_text"}
    data.update(
        {
            "version": resource.version,
            "authors": resource.authors,
            "interprofessional": resource.interprofessional,
            "time_required_minutes": resource.time_required_minutes,
            "group_size_min": resource.group_size_min,
            "group_size_max": resource.group_size_max,
            "resource_type": {
                "slug": resource.resource_type.slug,
                "name": resource.resource_type.name,
            },
            "language": {"slug": resource.language.slug, "name": resource.language.name},
            "license": {
                "slug": resource.license.slug,
                "name": resource.license.name,
                "url": resource.license.url,
            },
            "levels": _terms(levels),
            "topics": _terms(topics),
            "methods": _terms(methods),
            "competencies": [
                {"code": c.code, "slug": c.slug, "name": c.name} for c in competencies
            ],
            "published_at": resource.published_at.isoformat(),
            "reviewed_at": resource.reviewed_at.isoformat(),
        }
    )
    return data


def _apply(publication: Publication, resource: Resource, now: datetime) -> None:
    """Copy the publication's fields onto the resource, published now and not retired."""
    for name in TEXT_FIELDS:
        setattr(resource, name, getattr(publication, name) or "")
    resource.resource_type = publication.resource_type
    resource.language = publication.language
    resource.license = publication.license
    resource.interprofessional = publication.interprofessional
    resource.time_required_minutes = publication.time_required_minutes
    resource.group_size_min = publication.group_size_min
    resource.group_size_max = publication.group_size_max
    resource.authors = publication.authors
    resource.published_at = now
    resource.reviewed_at = publication.reviewed_at or now
    resource.review_by = review_by_after(resource.reviewed_at)
    resource.retired_at = None
    resource.retired_reason = ""


def _freeze_version(publication: Publication, resource: Resource, now: datetime) -> None:
    """The new ResourceVersion: the snapshot of the resource and the publication's files,
    and its DOI pending deposit (catalog.doi)."""
    version = ResourceVersion.objects.create(
        resource=resource,
        number=resource.version,
        published_at=now,
        reviewed_at=resource.reviewed_at,
        data=snapshot(resource),
        change_note=publication.change_note,
    )
    ResourceFile.objects.bulk_create(
        ResourceFile(
            version=version,
            position=position,
            label=f.label,
            file=f.file,
            download_name=f.download_name,
            content_type=f.content_type,
            size=f.size,
            url=f.url,
        )
        for position, f in enumerate(publication.files, start=1)
    )
    doi.assign(resource, version)


def unpublished(
    publication: Publication, resource: Resource | None = None
) -> tuple[Resource, dict[str, Any]]:
    """What `publish_resource(publication, resource)` would make, without saving anything:
    the resource (unsaved; its slug the one it has or would take) and its snapshot."""
    now = timezone.now()
    if resource is None:
        preview = Resource(version=1, first_published_at=now, slug=unique_slug(publication.title))
    else:
        preview = Resource(
            pk=resource.pk,
            version=resource.version + 1,
            first_published_at=resource.first_published_at,
            slug=resource.slug,
        )
    _apply(publication, preview, now)
    preview.updated_at = now
    data = _snapshot(
        preview,
        publication.levels,
        publication.topics,
        publication.methods,
        publication.competencies,
    )
    return preview, data


@transaction.atomic
def publish_resource(publication: Publication, resource: Resource | None = None) -> Resource:
    """Create a resource, or replace `resource` with a new version; index it for search."""
    now = timezone.now()
    new = resource is None
    if resource is None:
        resource = Resource(version=1, first_published_at=now)
    else:
        resource = Resource.objects.select_for_update().get(pk=resource.pk)
        resource.version += 1
    _apply(publication, resource, now)
    if new:
        _insert_with_free_slug(resource, publication.title)
    else:
        resource.save()
    resource.levels.set(publication.levels)
    resource.topics.set(publication.topics)
    resource.methods.set(publication.methods)
    resource.competencies.set(publication.competencies)
    _freeze_version(publication, resource, now)
    search.index_resource(resource)
    return resource


def lock_resource(resource_id: int) -> Resource | None:
    """Lock a resource's row until the end of the caller's transaction (None if there is none)."""
    return Resource.objects.select_for_update().filter(pk=resource_id).first()


@transaction.atomic
def retire_resource(resource: Resource, reason: str) -> Resource:
    """Turn the resource's page into a tombstone and take it out of search."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    resource.retired_at = timezone.now()
    resource.retired_reason = reason
    resource.save(update_fields=["retired_at", "retired_reason", "updated_at"])
    search.remove_resource(resource)
    notices.member_retired(resource)
    return resource


# --- curated collections ------------------------------------------------------------

# Why a collection's transition condition fails, in words, for the 409 message.
UNMET_CONDITION = {
    "publish": "A collection needs at least one published resource to be published.",
}


def _run_collection(collection: Collection, actor: Any, name: str) -> Collection:
    """Permission (403), row lock, FSM transition (409 on a wrong state or an unmet
    condition), one log row; the members' OAI-PMH datestamps move (their sets changed)."""
    if not can_curate(collection, actor):
        raise PermissionDenied(f"Only editors may {name} a collection.")
    with transaction.atomic():
        locked = Collection.objects.select_for_update().filter(pk=collection.pk).first()
        if locked is None:
            raise Http404
        before = locked.state
        transition = getattr(locked, name)
        if not fsm.can_proceed(transition, check_conditions=False):
            raise Conflict(
                f"Cannot {name} a collection that is “{locked.get_state_display()}”.",
                state=before,
            )
        if not fsm.can_proceed(transition):
            raise Conflict(UNMET_CONDITION[name], state=before, code="condition_not_met")
        transition()
        locked.save()
        CollectionLog.objects.create(
            collection=locked, actor=actor, event=name, from_state=before, to_state=locked.state
        )
        touch_members(locked)
        search.renew_generation()
    return locked


def publish_collection(collection: Collection, actor: Any) -> Collection:
    """An editor publishes a collection: its page, the facet, the API and OAI-PMH show it."""
    return _run_collection(collection, actor, "publish")


def archive_collection(collection: Collection, actor: Any) -> Collection:
    """An editor archives a collection: public pages answer 404, editors still see it."""
    return _run_collection(collection, actor, "archive")
