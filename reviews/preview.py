"""The editors' preview of a publication: the catalog page an accepted submission would get.

Nothing is saved. The publication is the one Publish would make (services.publication_of),
turned into the resource and snapshot the catalog would store (catalog.services.unpublished),
then into the record and the context of the catalog's own detail template
(catalog.views.record_context). Only the file links differ: the files are not in the catalog
yet, so they point to the editors' downloads of the submission's files.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from catalog import records
from catalog import services as catalog_services
from catalog.models import ResourceFile, ResourceVersion
from catalog.views import record_context

from .services.decisions import publication_of

if TYPE_CHECKING:
    from catalog.models import Resource

    from .models import Submission


def _files(
    submission: Submission, publication: catalog_services.Publication, slug: str
) -> list[records.FileEntry]:
    """The version's files as the catalog will list them, linked to the editors' copies."""
    items = list(submission.current_version.files.all())
    public = [
        ResourceFile(
            label=f.label,
            file=f.file,
            download_name=f.download_name,
            content_type=f.content_type,
            size=f.size,
            url=f.url,
        )
        for f in publication.files
    ]
    entries = records.file_entries(public, slug)
    return [
        entry
        if entry.is_link
        else dataclasses.replace(
            entry, url=reverse("reviews:submission-file", args=[submission.uuid, item.uuid])
        )
        for entry, item in zip(entries, items, strict=True)
    ]


def _versions(resource: Resource, published: Resource | None) -> list[ResourceVersion]:
    """The version history with the coming version on top."""
    coming = ResourceVersion(number=resource.version, published_at=resource.published_at)
    if published is None:
        return [coming]
    return [coming, *published.versions.order_by("-number")]


def public_page(submission: Submission) -> dict[str, Any]:
    """The context of catalog/resource_detail.html for `submission` as it would be published."""
    publication = publication_of(submission)
    resource, data = catalog_services.unpublished(publication, submission.resource)
    record = records.record_of(
        resource, data, resource.version, resource.published_at, resource.reviewed_at
    )
    related = records.related_resources(resource) if submission.resource else []
    return record_context(
        record,
        _files(submission, publication, resource.slug),
        _versions(resource, submission.resource),
        related,
    )
