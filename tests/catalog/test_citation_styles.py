"""Golden citations: every resource type, rendered from our CSL-JSON by citeproc-py with the
official APA 7, AMA 11 and NLM (Vancouver) styles, as a reference manager would print them.

The styles and the en-US locale are committed under tests/catalog/csl/ (CC BY-SA 3.0, see
its README) so these tests run offline. "Vancouver" is nlm-citation-sequence.csl, the
independent parent of the repository's Vancouver (NLM) style since vancouver.csl was renamed.
citeproc-py ignores the delimiter of a style's localized date, so NLM's "[cited 2026 Jan 5]"
comes out as "[cited 2026Jan5]" here (citeproc-js, used by Zotero, prints the spaces).
"""

from __future__ import annotations

import html
import json
import re
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import citeproc.frontend
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.utils.html import strip_tags

from catalog import citations, services
from catalog.models import Resource, ResourceVersion
from tests import factories

pytestmark = pytest.mark.django_db

CSL = Path(__file__).parent / "csl"
STYLES = {
    "apa": "apa.csl",
    "ama": "american-medical-association.csl",
    "vancouver": "nlm-citation-sequence.csl",
}
SITE = "https://toolkit.example.org"
SLUG = "working-with-medical-interpreters"
URL = f"{SITE}/catalog/{SLUG}/v1/"
PUBLISHED = datetime(2025, 9, 14, 15, 30, tzinfo=UTC)
ACCESSED = date(2026, 1, 5)
AUTHORS = [{"name": "Amara Okafor"}, {"name": "Luis Fernández"}]


@pytest.fixture(autouse=True)
def frozen(settings, monkeypatch):
    """The site address, the access date and citeproc's locale (the committed one)."""
    settings.TOOLKIT_SITE_URL = SITE
    monkeypatch.setattr(citations, "accessed_on", lambda: ACCESSED)
    monkeypatch.setattr(citeproc.frontend, "LOCALES_PATH", str(CSL))


def published(type_slug: str) -> Resource:
    resource = factories.resource(
        "Working with medical interpreters", type=type_slug, authors=AUTHORS
    )
    Resource.objects.filter(pk=resource.pk).update(published_at=PUBLISHED)
    ResourceVersion.objects.filter(resource=resource).update(published_at=PUBLISHED)
    return Resource.objects.get(pk=resource.pk)


def bibliography(items: list[dict], style: str) -> list[str]:
    """The plain-text bibliography of CSL-JSON `items` in one of STYLES."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        csl = CitationStylesStyle(str(CSL / STYLES[style]), locale="en-US", validate=False)
        bib = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        return [re.sub(r"^\d+\.", "", str(entry)) for entry in bib.bibliography()]


def csl_items(client, path: str) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200, path
    return json.loads(response.content)


GENRES = {  # resource type slug -> genre (its name, without the parenthesis)
    "curriculum": "Curriculum or module",
    "session-plan": "Session plan / facilitator guide",
    "case": "Case",
    "slide-deck": "Slide deck",
    "video": "Video",
    "podcast": "Podcast or audio",
    "reading": "Reading or handout",
    "assessment-tool": "Assessment tool",
    "simulation": "Simulation scenario",
    "workshop-kit": "Workshop kit",
    "collection": "Toolkit or collection",
}


AUDIOVISUAL = {"video", "podcast"}  # dated to the day in APA, no month in NLM's year


def expected(type_slug: str) -> dict[str, str]:
    """The reference each style should print for a version 1 of `type_slug`."""
    genre, url = GENRES[type_slug], URL
    apa_date = "2025, September 14" if type_slug in AUDIOVISUAL else "2025"
    nlm_date = "2025" if type_slug in AUDIOVISUAL else "2025Sep"
    return {
        "apa": (
            f"Okafor, A., & Fernández, L. ({apa_date}). Working with medical interpreters "
            f"(Version 1) [{genre}]. Health Disparities Toolkit. {url}"
        ),
        "ama": (
            "Okafor A, Fernández L. Working with Medical Interpreters. Version 1. "
            f"Health Disparities Toolkit; 2025. Accessed January 5, 2026. {url}"
        ),
        "vancouver": (
            f"Okafor A, Fernández L. Working with medical interpreters [{genre}] [Internet]. "
            f"Version 1. Health Disparities Toolkit; {nlm_date} [cited 2026Jan5]. "
            f"Available from: {url}"
        ),
    }


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("type_slug", list(GENRES))
def test_every_resource_type_is_cited_with_site_version_access_date_and_version_url(
    client, type_slug, style
):
    published(type_slug)
    items = csl_items(client, f"/catalog/{SLUG}/cite.json")
    [reference] = bibliography(items, style)
    assert reference == expected(type_slug)[style]


@pytest.mark.parametrize("type_slug", list(GENRES))
def test_the_page_shows_the_reference_apa_7_gives(client, type_slug):
    published(type_slug)
    items = csl_items(client, f"/catalog/{SLUG}/cite.json")
    [reference] = bibliography(items, "apa")
    page = client.get(f"/catalog/{SLUG}/").content.decode()
    assert f'<a href="{URL}">{URL}</a>' in page
    shown = page.split('<p class="citation">', 1)[1].split("</p>", 1)[0]
    assert html.unescape(strip_tags(shown)) == reference


def test_two_versions_in_one_bibliography_are_two_references(client):
    resource = published("slide-deck")
    services.publish_resource(
        services.Publication(
            title="Working with medical interpreters, revised",
            resource_type=resource.resource_type,
            language=resource.language,
            license=resource.license,
            levels=list(resource.levels.all()),
            authors=AUTHORS,
        ),
        resource=resource,
    )
    first = csl_items(client, f"/catalog/{SLUG}/v1/cite.json")
    current = csl_items(client, f"/catalog/{SLUG}/cite.json")
    assert first[0]["id"] != current[0]["id"]
    references = bibliography(first + current, "vancouver")
    assert len(references) == 2
    assert "Working with medical interpreters [Slide deck]" in references[0]
    assert "Version 1. " in references[0] and references[0].endswith(f"{SITE}/catalog/{SLUG}/v1/")
    assert "Working with medical interpreters, revised [Slide deck]" in references[1]
    assert "Version 2. " in references[1] and references[1].endswith(f"{SITE}/catalog/{SLUG}/v2/")


DOI = "10.5072/hdtk.2025.1.v1"


def with_doi(type_slug: str) -> Resource:
    """A resource whose version 1 DOI has been deposited (catalog.doi)."""
    resource = published(type_slug)
    resource.versions.update(doi=DOI, doi_status="deposited", doi_deposited_at=PUBLISHED)
    Resource.objects.filter(pk=resource.pk).update(
        doi=DOI.removesuffix(".v1"), doi_deposited_at=PUBLISHED, version_doi=DOI
    )
    return Resource.objects.get(pk=resource.pk)


def expected_with_doi(type_slug: str) -> dict[str, str]:
    """With a DOI: APA 7 gives it in place of the address, AMA 11 as "doi:" (no access
    date), NLM after the address."""
    genre = GENRES[type_slug]
    apa_date = "2025, September 14" if type_slug in AUDIOVISUAL else "2025"
    nlm_date = "2025" if type_slug in AUDIOVISUAL else "2025Sep"
    return {
        "apa": (
            f"Okafor, A., & Fernández, L. ({apa_date}). Working with medical interpreters "
            f"(Version 1) [{genre}]. Health Disparities Toolkit. https://doi.org/{DOI}"
        ),
        "ama": (  # AMA 11: a DOI replaces the access date and the address
            "Okafor A, Fernández L. Working with Medical Interpreters. Version 1. "
            f"Health Disparities Toolkit; 2025. doi:{DOI}"
        ),
        "vancouver": (
            f"Okafor A, Fernández L. Working with medical interpreters [{genre}] [Internet]. "
            f"Version 1. Health Disparities Toolkit; {nlm_date} [cited 2026Jan5]. "
            f"Available from: {URL} doi:{DOI}"
        ),
    }


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("type_slug", list(GENRES))
def test_a_deposited_doi_is_cited_as_each_style_asks(client, type_slug, style):
    with_doi(type_slug)
    items = csl_items(client, f"/catalog/{SLUG}/cite.json")
    [reference] = bibliography(items, style)
    assert reference == expected_with_doi(type_slug)[style]


def test_the_page_shows_the_apa_reference_with_the_doi_and_links_both_dois(client):
    with_doi("case")
    [reference] = bibliography(csl_items(client, f"/catalog/{SLUG}/cite.json"), "apa")
    page = client.get(f"/catalog/{SLUG}/").content.decode()
    shown = page.split('<p class="citation">', 1)[1].split("</p>", 1)[0]
    assert html.unescape(strip_tags(shown)) == reference
    assert f'<a href="https://doi.org/{DOI}">https://doi.org/{DOI}</a>' in shown
