"""Every OAI-PMH answer is valid against the official OAI-PMH 2.0 schema (offline copy)."""

from pathlib import Path

import pytest
from lxml import etree

from catalog import services
from tests import factories

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "OAI-PMH.xsd")))
HOST = "toolkit.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.TOOLKIT_SITE_URL = f"https://{HOST}"
    settings.TOOLKIT_OAI_PAGE_SIZE = 2


def assert_valid(client, **params):
    response = client.get("/oai", params)
    document = etree.fromstring(response.content)
    assert SCHEMA.validate(document), f"{params}: {SCHEMA.error_log.last_error}"
    return document


@pytest.fixture
def catalog():
    shown = [
        factories.resource(f"Resource {n}", levels=("gme-residency",), type="case")
        for n in range(3)
    ]
    retired = factories.resource("Retired one", levels=("ume-clerkship",))
    services.retire_resource(retired, "Outdated")
    return shown, retired


def test_every_verb_answers_with_schema_valid_xml_in_both_formats(client, catalog):
    shown, retired = catalog
    assert_valid(client, verb="Identify")
    assert_valid(client, verb="ListSets")
    assert_valid(client, verb="ListMetadataFormats")
    assert_valid(client, verb="ListMetadataFormats", identifier=f"oai:{HOST}:{shown[0].slug}")
    for prefix in ("oai_dc", "lom"):
        for verb in ("ListIdentifiers", "ListRecords"):
            first = assert_valid(client, verb=verb, metadataPrefix=prefix)
            token = first.findtext(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken")
            assert token  # 4 records, pages of 2
            assert_valid(client, verb=verb, resumptionToken=token)
            assert_valid(client, verb=verb, metadataPrefix=prefix, set="type:case")
        for resource in (shown[0], retired):
            identifier = f"oai:{HOST}:{resource.slug}"
            assert_valid(client, verb="GetRecord", identifier=identifier, metadataPrefix=prefix)


def test_the_identify_answer_promises_persistent_deletions_and_a_valid_admin_email(client):
    document = assert_valid(client, verb="Identify")
    ns = {"o": "http://www.openarchives.org/OAI/2.0/"}
    assert document.findtext(".//o:deletedRecord", namespaces=ns) == "persistent"
    assert document.findtext(".//o:adminEmail", namespaces=ns) == "editors@toolkit.example.org"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"verb": "Nonsense"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "level:none"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "resumptionToken": "forged"},
        {"verb": "GetRecord", "identifier": "oai:elsewhere:x", "metadataPrefix": "lom"},
        {"verb": "ListSets", "resumptionToken": "x"},
        {"verb": "Identify", "extra": "1"},
    ],
)
def test_every_error_answer_is_schema_valid(client, params):
    document = assert_valid(client, **params)
    assert document.find("{http://www.openarchives.org/OAI/2.0/}error") is not None
