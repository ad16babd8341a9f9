"""The demo's resource with a DOI (issue 16 item 1): one resource whose versions' DOIs are
marked deposited, so that the page, citations, JSON-LD, OAI-PMH and the API show them.

The demo registers nothing: 10.5072 is DataCite's test prefix (never resolvable, for
examples and tests only), the site code "hdtk-demo" keeps these DOIs apart from any the
site would give, and the DOIs are written as deposited on the day each version was
published. TOOLKIT_DOI_PREFIX stays as configured (empty: other resources get none).
"""

from __future__ import annotations

from django.db import transaction

from catalog import doi
from catalog.models import DoiStatus, Resource

DEMO_DOI_PREFIX = "10.5072"
DEMO_SITE_CODE = "hdtk-demo"
# A resource with two versions: the concept DOI and each version's DOI differ.
DEMO_DOI_TITLE = "Working with a Professional Medical Interpreter: A Ten-Minute OSCE Station"


@transaction.atomic
def seed_dois() -> bool:
    """Mark the DOIs of DEMO_DOI_TITLE's versions deposited (once)."""
    resource = Resource.objects.select_for_update().filter(title=DEMO_DOI_TITLE).first()
    if resource is None or resource.doi:
        return False
    concept = f"{DEMO_DOI_PREFIX}/{DEMO_SITE_CODE}.{resource.first_published_at.year}.1"
    for version in resource.versions.all():
        version.doi = doi.version_doi(concept, version.number)
        version.doi_status = DoiStatus.DEPOSITED
        version.doi_deposited_at = version.published_at
        version.save(update_fields=["doi", "doi_status", "doi_deposited_at"])
    resource.doi = concept
    resource.doi_deposited_at = resource.first_published_at
    resource.version_doi = doi.version_doi(concept, resource.version)
    resource.save(update_fields=["doi", "doi_deposited_at", "version_doi"])
    return True
