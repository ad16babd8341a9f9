"""DOIs of published resources (issue 16 item 1), in the manner of Zenodo.

With TOOLKIT_DOI_PREFIX set, publishing gives each version a DOI
`<prefix>/<site>.<year>.<n>.v<k>` and the resource, on its first publication, a concept
DOI `<prefix>/<site>.<year>.<n>` (year of first publication, n the resource's id, k the
version) that always resolves to the resource page, i.e. the newest version.

A DOI exists for the world only once a registration agency has it, so DOIs are public
only after `manage.py deposit_dois` (`deposit`) succeeded: a version's `public_doi`, the
resource's `public_doi` and `version_doi`, which the records (`catalog.records`) read.
`datacite` and `crossref` write the metadata each agency takes.
"""

from __future__ import annotations

from django.conf import settings

from ..models import DoiStatus, Resource, ResourceVersion


def enabled() -> bool:
    return bool(settings.TOOLKIT_DOI_PREFIX)


def concept_doi(resource: Resource) -> str:
    """`<prefix>/<site>.<year>.<n>`: the id is unique and never reused, so no race."""
    site = settings.TOOLKIT_DOI_SITE_CODE
    return f"{settings.TOOLKIT_DOI_PREFIX}/{site}.{resource.first_published_at.year}.{resource.pk}"


def version_doi(concept: str, number: int) -> str:
    return f"{concept}.v{number}"


def assign(resource: Resource, version: ResourceVersion) -> None:
    """On publication (inside its transaction): the new version is the current one and
    has no deposited DOI yet; with DOIs on, it gets its DOI, pending deposit."""
    update = ["version_doi"]
    resource.version_doi = ""
    if enabled():
        if not resource.doi:
            resource.doi = concept_doi(resource)
            update.append("doi")
        version.doi = version_doi(resource.doi, version.number)
        version.doi_status = DoiStatus.PENDING
        version.save(update_fields=["doi", "doi_status"])
    Resource.objects.filter(pk=resource.pk).update(
        **{name: getattr(resource, name) for name in update}
    )
