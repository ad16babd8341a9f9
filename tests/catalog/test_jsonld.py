"""Structured metadata on resource pages: schema.org JSON-LD and Highwire tags."""

import json
import re
from html.parser import HTMLParser

import pytest

from tests import factories
from tests.catalog.test_detail import stored

pytestmark = pytest.mark.django_db

SITE = "https://toolkit.example.org"


class HeadParser(HTMLParser):
    """Collects meta tags, link tags and the text of ld+json scripts."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.jsonld = [], [], []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.meta.append((attrs["name"], attrs.get("content")))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._in_jsonld = attrs.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def page(client, resource, path=""):
    response = client.get(f"/catalog/{resource.slug}/{path}")
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def resource(settings):
    settings.TOOLKIT_SITE_URL = SITE
    return factories.resource(
        "Working with medical interpreters",
        levels=("ume-clerkship", "gme-residency"),
        topics=["language-access"],
        time_required_minutes=90,
        learning_objectives="Brief an interpreter\nUse teach-back",
        authors=[
            {
                "name": "Amara Okafor",
                "affiliation": "Riverside School of Medicine",
                "orcid": "0000-0002-1825-0097",
            },
            {"name": "Luis Fernández", "affiliation": "", "orcid": ""},
        ],
        files=[
            stored("plan.docx", b"PK docx", "application/msword"),
            stored("guide.pdf"),
            stored("slides.pdf"),
        ],
    )


def test_json_ld_is_a_schema_org_learning_resource(client, resource):
    [text] = page(client, resource).jsonld
    data = json.loads(text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Working with medical interpreters"
    assert data["url"] == f"{SITE}/catalog/{resource.slug}/"
    assert data["identifier"] == f"oai:toolkit.example.org:{resource.slug}"
    assert data["version"] == 1
    assert data["educationalLevel"] == [
        {
            "@type": "DefinedTerm",
            "name": "Clerkship",
            "termCode": "ume-clerkship",
            "inDefinedTermSet": f"{SITE}/api/v1/learner-levels/",
        },
        {
            "@type": "DefinedTerm",
            "name": "Residency",
            "termCode": "gme-residency",
            "inDefinedTermSet": f"{SITE}/api/v1/learner-levels/",
        },
    ]
    assert data["learningResourceType"] == "lesson plan"
    assert data["teaches"] == ["Brief an interpreter", "Use teach-back"]
    assert data["about"][0]["@type"] == "DefinedTerm"
    assert data["about"][0]["termCode"] == "language-access"
    assert data["timeRequired"] == "PT90M"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["inLanguage"] == "en"
    assert data["author"][0] == {
        "@type": "Person",
        "name": "Amara Okafor",
        "givenName": "Amara",
        "familyName": "Okafor",
        "affiliation": {"@type": "Organization", "name": "Riverside School of Medicine"},
        "sameAs": "https://orcid.org/0000-0002-1825-0097",
        "identifier": "https://orcid.org/0000-0002-1825-0097",
    }
    assert "affiliation" not in data["author"][1] and "sameAs" not in data["author"][1]
    assert data["datePublished"] == resource.first_published_at.date().isoformat()
    assert data["dateModified"] == resource.published_at.date().isoformat()
    assert data["isAccessibleForFree"] is True
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Health Disparities Toolkit",
        "url": SITE,
    }
    assert data["audience"] == {"@type": "EducationalAudience", "educationalRole": "teacher"}
    assert [m["encodingFormat"] for m in data["associatedMedia"]] == [
        "application/msword",
        "application/pdf",
        "application/pdf",
    ]


def test_all_rights_reserved_resources_name_their_licence(client, settings):
    settings.TOOLKIT_SITE_URL = SITE
    resource = factories.resource(license="all-rights-reserved")
    [text] = page(client, resource).jsonld
    # Named as a work, not a bare string that consumers would read as an address.
    assert json.loads(text)["license"] == {"@type": "CreativeWork", "name": "All rights reserved"}


def test_a_closing_script_tag_in_a_title_cannot_break_out_of_the_json_ld(client, settings):
    title = 'Bias </script><script>alert("owned")</script> & <!-- comments'
    resource = factories.resource(title, summary="Quote `</SCRIPT>` in code")
    response = client.get(f"/catalog/{resource.slug}/")
    html = response.content.decode()
    assert '<script>alert("owned")' not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["name"] == title
    assert data["description"] == "Quote </SCRIPT> in code"


def test_highwire_tags_describe_the_citation(client, resource):
    meta = page(client, resource).meta
    names = [name for name, _ in meta]
    tags = dict(meta)
    assert tags["citation_title"] == "Working with medical interpreters"
    assert [c for n, c in meta if n == "citation_author"] == ["Okafor, Amara", "Fernández, Luis"]
    # Institution and ORCID follow their author.
    first = names.index("citation_author")
    assert names[first + 1 : first + 3] == ["citation_author_institution", "citation_author_orcid"]
    assert tags["citation_author_institution"] == "Riverside School of Medicine"
    assert tags["citation_author_orcid"] == "https://orcid.org/0000-0002-1825-0097"
    assert tags["citation_publication_date"] == resource.published_at.strftime("%Y/%m/%d")
    assert tags["citation_online_date"] == resource.first_published_at.strftime("%Y/%m/%d")
    assert tags["citation_publisher"] == "Health Disparities Toolkit"
    assert tags["citation_language"] == "en"
    assert "Language access and working with interpreters" in tags["citation_keywords"]
    assert tags["citation_abstract_html_url"] == f"{SITE}/catalog/{resource.slug}/v1/"
    assert tags["citation_public_url"] == f"{SITE}/catalog/{resource.slug}/v1/"
    pdf = resource.versions.get().files.get(download_name="guide.pdf")
    assert [c for n, c in meta if n == "citation_pdf_url"] == [
        f"{SITE}/catalog/{resource.slug}/files/{pdf.uuid}/"
    ]


def test_pages_link_their_canonical_url(client, resource):
    links = page(client, resource).links
    assert {"rel": "canonical", "href": f"{SITE}/catalog/{resource.slug}/"} in links


def test_no_pdf_means_no_citation_pdf_url(client, settings):
    resource = factories.resource()
    assert "citation_pdf_url" not in dict(page(client, resource).meta)
