"""How to cite: RIS, BibTeX and CSL-JSON that reference managers can read back."""

import json
from datetime import date

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, MonthIntMiddleware, SeparateCoAuthors
from django.utils import timezone

from catalog import citations, services
from catalog.records import normalize_orcid
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://toolkit.example.org"
AUTHORS = [
    {
        "name": "Dr. Amara Okafor",
        "affiliation": "Riverside School of Medicine",
        "orcid": "0000-0002-1825-0097",
    },
    {"name": "Luis Fernández", "affiliation": "Lakeshore University", "orcid": ""},
]


@pytest.fixture
def resource(settings):
    settings.TOOLKIT_SITE_URL = SITE
    return factories.resource(
        "Working with medical interpreters",
        authors=AUTHORS,
        topics=["language-access", "health-literacy"],
        summary="A case about *interpreters*.\n\nSecond paragraph.",
        keywords="teach-back",
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_ris_parses_back_with_title_authors_year_and_url(client, resource):
    response = get(client, f"/catalog/{resource.slug}/cite.ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == f'attachment; filename="{resource.slug}.ris"'
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"  # a session plan: Zotero files it as a report
    assert entry["title"] == "Working with medical interpreters"
    assert entry["authors"] == ["Okafor, Amara", "Fernández, Luis"]
    assert entry["year"] == str(resource.published_at.year)
    assert entry["urls"] == [f"{SITE}/catalog/{resource.slug}/v1/"]
    assert entry["publisher"] == "Health Disparities Toolkit"
    assert entry["edition"] == "Version 1"
    assert entry["type_of_work"] == "Session plan / facilitator guide"
    assert entry["abstract"] == "A case about interpreters. Second paragraph."  # one line
    assert "Health literacy" in entry["keywords"] and "teach-back" in entry["keywords"]
    assert entry["language"] == "en"
    assert any("creativecommons.org/licenses/by/4.0" in note for note in entry["notes"])


def test_bibtex_parses_back_with_title_authors_year_url_and_version(client, resource):
    response = get(client, f"/catalog/{resource.slug}/cite.bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert response["Content-Disposition"] == f'attachment; filename="{resource.slug}.bib"'
    library = bibtexparser.parse_string(
        response.content.decode(), append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "techreport"
    assert entry["title"] == "Working with medical interpreters"
    assert entry["author"] == "Okafor, Amara and Fernández, Luis"
    assert entry["year"] == str(resource.published_at.year)
    assert entry["url"] == f"{SITE}/catalog/{resource.slug}/v1/"
    assert entry["version"] == "1"
    assert entry["publisher"] == "Health Disparities Toolkit"
    assert entry["institution"] == "Health Disparities Toolkit"
    assert entry.key == f"{resource.slug}-{resource.published_at.year}-v1"


def test_bibtex_survives_latex_special_characters_in_the_title(client, settings):
    settings.TOOLKIT_SITE_URL = SITE
    title = "Race & medicine: 100% {unbalanced} } #1 ~ café"
    resource = factories.resource(title, authors=[{"name": "Ana de la Cruz"}])
    body = get(client, f"/catalog/{resource.slug}/cite.bib").content.decode()
    library = bibtexparser.parse_string(
        body, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
    )
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry["title"] == title
    assert entry["author"] == ["de la Cruz, Ana"]
    assert entry["url"] == f"{SITE}/catalog/{resource.slug}/v1/"


def test_csl_json_is_one_report_item_with_split_names_and_orcid(client, resource):
    response = get(client, f"/catalog/{resource.slug}/cite.json")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert response["Content-Disposition"] == f'attachment; filename="{resource.slug}.json"'
    [item] = json.loads(response.content)
    assert item["type"] == "report"
    assert item["title"] == "Working with medical interpreters"
    assert item["author"][0] == {
        "family": "Okafor",
        "given": "Amara",
        "ORCID": "https://orcid.org/0000-0002-1825-0097",
    }
    assert item["author"][1] == {"family": "Fernández", "given": "Luis"}
    published = resource.published_at
    assert item["issued"] == {"date-parts": [[published.year, published.month, published.day]]}
    assert item["edition"] == "Version 1"
    assert item["genre"] == "Session plan / facilitator guide"
    assert item["publisher"] == "Health Disparities Toolkit"
    assert item["URL"] == f"{SITE}/catalog/{resource.slug}/v1/"
    assert item["abstract"] == "A case about interpreters. Second paragraph."
    assert "Language access" in item["keyword"]
    assert item["language"] == "en"
    assert item["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_page_shows_an_apa_like_reference(client, resource):
    html = get(client, f"/catalog/{resource.slug}/").content.decode()
    year = resource.published_at.year
    assert (
        f"Okafor, A., &amp; Fernández, L. ({year}). <i>Working with medical interpreters</i> "
        "(Version 1) [Session plan / facilitator guide]. Health Disparities Toolkit. "
        f'<a href="{SITE}/catalog/{resource.slug}/v1/">'
    ) in html


def test_an_old_version_is_cited_as_that_version(client, resource):
    services.publish_resource(
        services.Publication(
            title="Interpreters, second edition",
            resource_type=resource.resource_type,
            language=resource.language,
            license=resource.license,
            levels=list(resource.levels.all()),
            authors=AUTHORS,
        ),
        resource=resource,
    )
    response = get(client, f"/catalog/{resource.slug}/v1/cite.bib")
    assert f'filename="{resource.slug}-v1.bib"' in response["Content-Disposition"]
    [entry] = bibtexparser.parse_string(response.content.decode()).entries
    assert entry["title"] == "Working with medical interpreters"
    assert entry["version"] == "1"
    assert entry["url"] == f"{SITE}/catalog/{resource.slug}/v1/"
    [current] = rispy.loads(get(client, f"/catalog/{resource.slug}/cite.ris").content.decode())
    assert current["title"] == "Interpreters, second edition"
    assert current["edition"] == "Version 2"
    assert "(Version 1)" in get(client, f"/catalog/{resource.slug}/v1/").content.decode()


def test_citations_of_retired_or_unknown_resources_are_not_served(client, resource):
    services.retire_resource(resource, "Withdrawn by the authors")
    assert client.get(f"/catalog/{resource.slug}/cite.json").status_code == 410
    assert client.get("/catalog/nothing-here/cite.json").status_code == 404
    assert client.get(f"/catalog/{resource.slug}/v9/cite.json").status_code == 404


def test_an_organization_author_is_cited_as_written(client, settings):
    settings.TOOLKIT_SITE_URL = SITE
    resource = factories.resource(authors=[{"name": "UNESCO", "affiliation": ""}])
    [item] = json.loads(get(client, f"/catalog/{resource.slug}/cite.json").content)
    assert item["author"] == [{"literal": "UNESCO"}]
    [entry] = rispy.loads(get(client, f"/catalog/{resource.slug}/cite.ris").content.decode())
    assert entry["authors"] == ["UNESCO"]
    [bib] = bibtexparser.parse_string(
        get(client, f"/catalog/{resource.slug}/cite.bib").content.decode()
    ).entries
    assert bib["author"] == "{UNESCO}"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1825-0097/", "0000-0002-1825-0097"),
        ("0000-0002-1694-233x", "0000-0002-1694-233X"),
        ("0000-0002-1825-0098", ""),  # wrong check digit
        ("12340000-0002-1825-0097", ""),
        ("", ""),
    ],
)
def test_orcid_ids_are_normalized_and_checked(given, expected):
    assert normalize_orcid(given) == expected


def test_bibtex_writes_the_month_as_a_macro_and_the_dates_biblatex_reads(client, resource):
    body = get(client, f"/catalog/{resource.slug}/cite.bib").content.decode()
    published = resource.published_at
    month = ("jan feb mar apr may jun jul aug sep oct nov dec").split()[published.month - 1]
    assert f"month = {month}," in body  # the macro: "{sep}" would print as the text "sep"
    [entry] = bibtexparser.parse_string(body, append_middleware=[MonthIntMiddleware()]).entries
    assert entry["month"] == published.month
    assert entry["date"] == f"{published:%Y-%m-%d}"


@pytest.mark.parametrize(
    ("title", "protected"),
    [
        ("SDOH screening for LGBTQ+ patients", "{SDOH} screening for {LGBTQ+} patients"),
        ("DEI in the OSCE: a McDonald case", "{DEI} in the {OSCE}: a {McDonald} case"),
        ("COVID-19 and race-based medicine", "{COVID-19} and race-based medicine"),
        ("Teaching with Non-English speakers", "Teaching with {Non-English} speakers"),
    ],
)
def test_bibtex_keeps_acronyms_in_braces(client, settings, title, protected):
    settings.TOOLKIT_SITE_URL = SITE
    resource = factories.resource(title)
    body = get(client, f"/catalog/{resource.slug}/cite.bib").content.decode()
    [entry] = bibtexparser.parse_string(body).entries
    assert entry["title"] == protected
    [decoded] = bibtexparser.parse_string(
        body, append_middleware=[LatexDecodingMiddleware()]
    ).entries
    assert decoded["title"] == title


def test_each_version_has_its_own_key_id_and_address_in_every_format(client, resource):
    services.publish_resource(
        services.Publication(
            title="Interpreters, second edition",
            resource_type=resource.resource_type,
            language=resource.language,
            license=resource.license,
            levels=list(resource.levels.all()),
            authors=AUTHORS,
        ),
        resource=resource,
    )
    year = resource.published_at.year
    for number, prefix in ((1, f"/catalog/{resource.slug}/v1/"), (2, f"/catalog/{resource.slug}/")):
        url = f"{SITE}/catalog/{resource.slug}/v{number}/"
        [bib] = bibtexparser.parse_string(get(client, f"{prefix}cite.bib").content.decode()).entries
        assert (bib.key, bib["url"]) == (f"{resource.slug}-{year}-v{number}", url)
        [item] = json.loads(get(client, f"{prefix}cite.json").content)
        assert (item["id"], item["URL"]) == (url, url)
        [entry] = rispy.loads(get(client, f"{prefix}cite.ris").content.decode())
        assert entry["urls"] == [url]
    page = get(client, f"/catalog/{resource.slug}/").content.decode()
    assert f'<a href="{SITE}/catalog/{resource.slug}/v2/">' in page
    assert f'<meta name="citation_public_url" content="{SITE}/catalog/{resource.slug}/v2/">' in page


def test_the_access_date_ama_asks_for_is_the_day_of_the_download(client, resource, monkeypatch):
    monkeypatch.setattr(citations, "accessed_on", lambda: date(2026, 1, 5))
    [item] = json.loads(get(client, f"/catalog/{resource.slug}/cite.json").content)
    assert item["accessed"] == {"date-parts": [[2026, 1, 5]]}
    [entry] = rispy.loads(get(client, f"/catalog/{resource.slug}/cite.ris").content.decode())
    assert entry["access_date"] == "2026/01/05"
    [bib] = bibtexparser.parse_string(
        get(client, f"/catalog/{resource.slug}/cite.bib").content.decode()
    ).entries
    assert bib["urldate"] == "2026-01-05"


def test_the_access_date_is_today_without_a_frozen_clock(client, resource):
    [item] = json.loads(get(client, f"/catalog/{resource.slug}/cite.json").content)
    today = timezone.localdate()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
