"""OAI-PMH 2.0: the six verbs, the protocol's errors, sets and resumption tokens."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from lxml import etree

from catalog import oai, services
from catalog.models import Resource
from tests import factories

pytestmark = pytest.mark.django_db

NS = {
    "o": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}
HOST = "toolkit.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.TOOLKIT_SITE_URL = f"https://{HOST}"


def harvest(client, method="get", **params):
    response = getattr(client, method)("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.tag == "{http://www.openarchives.org/OAI/2.0/}OAI-PMH"
    assert root.xpath("o:responseDate/text()", namespaces=NS)[0].endswith("Z")
    return root


def error_codes(root):
    return root.xpath("o:error/@code", namespaces=NS)


def identifiers(root):
    return root.xpath("//o:header/o:identifier/text()", namespaces=NS)


def set_updated(resource, moment):
    Resource.objects.filter(pk=resource.pk).update(updated_at=moment)


# --- the verbs ------------------------------------------------------------------------


def test_identify_describes_the_repository(client):
    resource = factories.resource()
    set_updated(resource, datetime(2024, 3, 1, 12, 30, 15, 500000, tzinfo=UTC))
    root = harvest(client, verb="Identify")
    identify = root.find("o:Identify", NS)
    assert identify.findtext("o:repositoryName", namespaces=NS) == "Health Disparities Toolkit"
    assert identify.findtext("o:baseURL", namespaces=NS) == f"https://{HOST}/oai"
    assert identify.findtext("o:protocolVersion", namespaces=NS) == "2.0"
    assert "@" in identify.findtext("o:adminEmail", namespaces=NS)
    assert identify.findtext("o:earliestDatestamp", namespaces=NS) == "2024-03-01T12:30:15Z"
    assert identify.findtext("o:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert root.xpath("//id:repositoryIdentifier/text()", namespaces=NS) == [HOST]
    request = root.find("o:request", NS)
    assert request.text == f"https://{HOST}/oai" and request.get("verb") == "Identify"


def test_list_metadata_formats_offers_oai_dc_and_lom(client):
    resource = factories.resource()
    for params in ({}, {"identifier": f"oai:{HOST}:{resource.slug}"}):
        root = harvest(client, verb="ListMetadataFormats", **params)
        assert root.xpath("//o:metadataPrefix/text()", namespaces=NS) == ["oai_dc", "lom"]
        assert root.xpath("//o:metadataNamespace/text()", namespaces=NS) == [
            NS["oai_dc"],
            NS["lom"],
        ]


def test_list_sets_has_levels_stages_and_types(client):
    specs = harvest(client, verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    assert {"level", "stage", "type"} <= set(specs)
    assert "level:gme-residency" in specs and "level:cpd-faculty" in specs
    assert {"stage:ume", "stage:gme", "stage:cpd"} <= set(specs)
    assert "type:case" in specs and "type:slide-deck" in specs


def test_get_record_returns_dublin_core(client):
    resource = factories.resource(
        "Working with medical interpreters",
        levels=("ume-clerkship",),
        type="video",
        topics=["language-access"],
        summary="About *interpreters*.",
        authors=[{"name": "Amara Okafor", "affiliation": "Riverside", "orcid": ""}],
    )
    root = harvest(
        client,
        verb="GetRecord",
        identifier=f"oai:{HOST}:{resource.slug}",
        metadataPrefix="oai_dc",
    )
    header = root.find(".//o:record/o:header", NS)
    assert header.findtext("o:identifier", namespaces=NS) == f"oai:{HOST}:{resource.slug}"
    resource.refresh_from_db()
    assert header.findtext("o:datestamp", namespaces=NS) == resource.updated_at.astimezone(
        UTC
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert set(header.xpath("o:setSpec/text()", namespaces=NS)) == {
        "level:ume-clerkship",
        "stage:ume",
        "type:video",
    }
    dc = root.find(".//o:metadata/oai_dc:dc", NS)

    def values(name):
        return dc.xpath(f"dc:{name}/text()", namespaces=NS)

    assert values("title") == ["Working with medical interpreters"]
    assert values("creator") == ["Okafor, Amara"]
    assert "Language access and working with interpreters" in values("subject")
    assert "Clerkship" in values("subject")
    assert values("description") == ["About interpreters."]
    assert values("publisher") == ["Health Disparities Toolkit"]
    assert values("date") == [resource.published_at.date().isoformat()]
    assert values("type") == ["MovingImage", "Video"]
    assert values("identifier") == [f"https://{HOST}/catalog/{resource.slug}/"]
    assert values("language") == ["en"]
    assert values("rights") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert "text/html" in values("format")


def test_list_identifiers_and_list_records_list_published_and_retired_resources(client):
    shown = factories.resource("Shown")
    retired = factories.resource("Retired")
    services.retire_resource(retired, "Outdated")
    for verb in ("ListIdentifiers", "ListRecords"):
        root = harvest(client, verb=verb, metadataPrefix="oai_dc")
        assert identifiers(root) == [f"oai:{HOST}:{shown.slug}", f"oai:{HOST}:{retired.slug}"]
        assert root.xpath("//o:header[@status='deleted']/o:identifier/text()", namespaces=NS) == [
            f"oai:{HOST}:{retired.slug}"
        ]
        assert root.find(".//o:resumptionToken", NS) is None  # one complete page
    records = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert records.xpath("//dc:title/text()", namespaces=NS) == ["Shown"]


def test_post_requests_are_answered_like_get(client):
    resource = factories.resource()
    root = harvest(client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert identifiers(root) == [f"oai:{HOST}:{resource.slug}"]


def test_a_retired_resource_is_a_deleted_record_with_the_datestamp_of_its_retirement(client):
    resource = factories.resource(levels=("gme-residency",))
    set_updated(resource, datetime(2024, 1, 1, tzinfo=UTC))
    services.retire_resource(resource, "Outdated")
    resource.refresh_from_db()
    stamp = resource.updated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert stamp > "2024-01-01T00:00:00Z"
    identifier = f"oai:{HOST}:{resource.slug}"
    for prefix in ("oai_dc", "lom"):
        root = harvest(client, verb="GetRecord", identifier=identifier, metadataPrefix=prefix)
        assert error_codes(root) == []
        record = root.find(".//o:record", NS)
        assert record.find("o:header", NS).get("status") == "deleted"
        assert record.findtext("o:header/o:datestamp", namespaces=NS) == stamp
        assert record.find("o:metadata", NS) is None  # a deleted record has no metadata
    # an incremental harvest since before the retirement learns of it, in the record's sets
    root = harvest(
        client,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        set="level:gme-residency",
        **{"from": "2024-06-01"},
    )
    assert identifiers(root) == [identifier]
    assert root.find(".//o:header", NS).get("status") == "deleted"


def test_a_submission_that_was_never_published_does_not_exist_for_harvesters(client):
    root = harvest(
        client, verb="GetRecord", identifier=f"oai:{HOST}:never-published", metadataPrefix="lom"
    )
    assert error_codes(root) == ["idDoesNotExist"]


# --- sets and dates -------------------------------------------------------------------


def test_sets_select_by_level_stage_and_type(client):
    resident = factories.resource("Resident case", levels=("gme-residency",), type="case")
    student = factories.resource("Student deck", levels=("ume-clerkship",), type="slide-deck")
    both = factories.resource("Both", levels=("ume-clerkship", "gme-fellowship"), type="case")

    def listed(spec):
        root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        return {i.rsplit(":", 1)[1] for i in identifiers(root)}

    assert listed("level:gme-residency") == {resident.slug}
    assert listed("stage:gme") == {resident.slug, both.slug}
    assert listed("stage:ume") == {student.slug, both.slug}
    assert listed("type:case") == {resident.slug, both.slug}
    assert listed("level") == {resident.slug, student.slug, both.slug}
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="stage:xyz")
    assert error_codes(root) == ["noRecordsMatch"]


def test_from_and_until_filter_by_datestamp_in_both_granularities(client):
    old = factories.resource("Old")
    middle = factories.resource("Middle")
    new = factories.resource("New")
    set_updated(old, datetime(2024, 1, 10, 8, 0, 0, tzinfo=UTC))
    set_updated(middle, datetime(2024, 2, 10, 8, 0, 0, 250000, tzinfo=UTC))
    set_updated(new, datetime(2024, 3, 10, 8, 0, 0, tzinfo=UTC))

    def listed(**params):
        root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        return [i.rsplit(":", 1)[1] for i in identifiers(root)]

    assert listed(**{"from": "2024-02-01"}) == [middle.slug, new.slug]
    assert listed(until="2024-02-10") == [old.slug, middle.slug]  # the whole day
    assert listed(**{"from": "2024-02-10", "until": "2024-02-10"}) == [middle.slug]
    # seconds granularity: the datestamp 08:00:00 includes 08:00:00.25
    assert listed(**{"from": "2024-02-10T08:00:00Z", "until": "2024-02-10T08:00:00Z"}) == [
        middle.slug
    ]
    assert listed(**{"from": "2024-02-10T08:00:01Z"}) == [new.slug]
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2023-12-31")
    assert error_codes(root) == ["noRecordsMatch"]


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"verb": "Explode"}, {"verb": ["Identify", "Identify"]}, {"verb": ""}],
)
def test_bad_verbs(client, params):
    root = harvest(client, **params)
    assert error_codes(root) == ["badVerb"]
    assert root.find("o:request", NS).attrib == {}  # the base URL only


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "extra": "1"},
        {"verb": "ListRecords"},  # metadataPrefix missing
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},  # identifier missing
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T10:00:00.5Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-01-01T10:00:00"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-02-01",
            "until": "2024-01-01",
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-01-01",
            "until": "2024-02-01T00:00:00Z",
        },
        {"verb": "ListRecords", "resumptionToken": "abc", "metadataPrefix": "oai_dc"},
        {"verb": "Identify", "resumptionToken": "abc"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": ""},
    ],
)
def test_bad_arguments(client, params):
    factories.resource()
    root = harvest(client, **params)
    assert error_codes(root) == ["badArgument"]
    assert root.find("o:request", NS).attrib == {}


def test_cannot_disseminate_other_formats(client):
    resource = factories.resource()
    root = harvest(client, verb="ListRecords", metadataPrefix="marc21")
    assert error_codes(root) == ["cannotDisseminateFormat"]
    assert root.find("o:request", NS).get("metadataPrefix") == "marc21"
    root = harvest(
        client, verb="GetRecord", metadataPrefix="mods", identifier=f"oai:{HOST}:{resource.slug}"
    )
    assert error_codes(root) == ["cannotDisseminateFormat"]


@pytest.mark.parametrize(
    "identifier", ["oai:other.org:anything", f"oai:{HOST}:no-such-slug", "junk\x01", ""]
)
def test_unknown_identifiers(client, identifier):
    root = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    assert error_codes(root) == ["idDoesNotExist"]
    root = harvest(client, verb="ListMetadataFormats", identifier=identifier)
    assert error_codes(root) == ["idDoesNotExist"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_nul_character_in_an_identifier_or_a_set_matches_nothing(client, method):
    """PostgreSQL cannot compare text with a NUL: these lookups used to fail with a 500."""
    resource = factories.resource()
    for identifier in (f"oai:{HOST}:{resource.slug}\x00", f"oai:{HOST}:\x00"):
        root = harvest(
            client, method, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier
        )
        assert error_codes(root) == ["idDoesNotExist"]
    for spec in ("level:gme-residency\x00", "type:\x00", "stage:\x00"):
        root = harvest(client, method, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        assert error_codes(root) == ["noRecordsMatch"]


def test_no_records_match_on_an_empty_repository(client):
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert error_codes(root) == ["noRecordsMatch"]


def test_bad_resumption_tokens(client):
    factories.resource()
    forged = signing.dumps({"v": "ListRecords"}, salt="another-salt")
    for token in ("not-a-token", forged, ""):
        root = harvest(client, verb="ListRecords", resumptionToken=token)
        assert error_codes(root) == ["badResumptionToken"]
    assert error_codes(harvest(client, verb="ListSets", resumptionToken="x")) == [
        "badResumptionToken"
    ]


def test_a_bad_resumption_token_is_echoed_only_as_a_short_prefix(client):
    factories.resource()
    token = "A" * 5000
    for method in ("get", "post"):
        response = getattr(client, method)(
            "/oai", {"verb": "ListRecords", "resumptionToken": token}
        )
        root = etree.fromstring(response.content)
        assert error_codes(root) == ["badResumptionToken"]
        assert root.find("o:request", NS).get("resumptionToken") == "A" * 40 + "…"
        assert len(response.content) < 1000


def test_errors_echo_no_long_argument_whole(client):
    factories.resource()
    long_id = f"oai:{HOST}:" + "x" * 3000
    root = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=long_id)
    assert error_codes(root) == ["idDoesNotExist"]
    assert root.find("o:request", NS).get("identifier") == long_id[:40] + "…"
    root = harvest(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:" + "y" * 3000
    )
    assert error_codes(root) == ["noRecordsMatch"]
    assert root.find("o:request", NS).attrib == {
        "verb": "ListIdentifiers",
        "metadataPrefix": "oai_dc",
    }
    root = harvest(client, verb="ListRecords", metadataPrefix="z" * 3000)
    assert error_codes(root) == ["cannotDisseminateFormat"]
    assert root.find("o:request", NS).attrib == {"verb": "ListRecords"}
    assert len(etree.tostring(root)) < 1000


def test_a_token_of_one_verb_is_refused_by_another(client, settings):
    settings.TOOLKIT_OAI_PAGE_SIZE = 1
    factories.resource("One")
    factories.resource("Two")
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//o:resumptionToken", NS).text
    assert error_codes(harvest(client, verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_an_expired_token_is_refused(client, settings, monkeypatch):
    settings.TOOLKIT_OAI_PAGE_SIZE = 1
    factories.resource("One")
    factories.resource("Two")
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//o:resumptionToken", NS).text
    monkeypatch.setattr(oai.arguments, "TOKEN_MAX_AGE", timedelta(seconds=-1))
    assert error_codes(harvest(client, verb="ListIdentifiers", resumptionToken=token)) == [
        "badResumptionToken"
    ]


# --- resumption -----------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_a_harvester_walks_a_set_to_the_end_getting_every_record_once(client, settings, verb):
    settings.TOOLKIT_OAI_PAGE_SIZE = 3
    in_set = [factories.resource(f"Residency {n}", levels=("gme-residency",)) for n in range(8)]
    for n in range(3):
        factories.resource(f"Faculty {n}", levels=("cpd-faculty",))
    same_second = datetime(2024, 5, 1, 9, 0, 0, tzinfo=UTC)  # ties broken by pk
    for resource in in_set[2:6]:
        set_updated(resource, same_second)

    seen, cursors, pages = [], [], 0
    root = harvest(client, verb=verb, metadataPrefix="oai_dc", set="level:gme-residency")
    while True:
        pages += 1
        seen += identifiers(root)
        token = root.find(f".//o:{verb}/o:resumptionToken", NS)
        assert token is not None
        assert token.get("completeListSize") == "8"
        cursors.append(int(token.get("cursor")))
        if not token.text:
            break
        assert token.get("expirationDate").endswith("Z")
        root = harvest(client, verb=verb, resumptionToken=token.text)
        assert root.find("o:request", NS).get("resumptionToken") == token.text
    assert pages == 3 and cursors == [0, 3, 6]
    assert sorted(seen) == sorted(f"oai:{HOST}:{r.slug}" for r in in_set)
    assert len(seen) == len(set(seen)) == 8


def test_a_harvest_is_not_disturbed_by_changes_made_during_it(client, settings):
    settings.TOOLKIT_OAI_PAGE_SIZE = 2
    resources = [factories.resource(f"Resource {n}") for n in range(4)]
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen = identifiers(root)
    # The first record is updated and a new one published while the harvest goes on.
    resources[0].save()
    factories.resource("Published meanwhile")
    while (token := root.find(".//o:resumptionToken", NS)) is not None and token.text:
        root = harvest(client, verb="ListIdentifiers", resumptionToken=token.text)
        seen += identifiers(root)
    assert sorted(seen) == sorted(f"oai:{HOST}:{r.slug}" for r in resources)


def test_list_records_needs_a_fixed_number_of_queries(
    client, settings, django_assert_max_num_queries
):
    settings.TOOLKIT_OAI_PAGE_SIZE = 50
    for n in range(12):
        factories.resource(f"Resource {n}", topics=["language-access", "health-literacy"])
    with django_assert_max_num_queries(10):
        root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert len(identifiers(root)) == 12


def test_invalid_xml_characters_from_clients_or_content_never_break_the_response(client):
    resource = factories.resource("Control \x0b character", summary="Bell \x07 here")
    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert root.xpath("//dc:title/text()", namespaces=NS) == ["Control  character"]
    root = harvest(client, verb="GetRecord", metadataPrefix="oai_dc\x00", identifier="\ufffe")
    assert error_codes(root) == ["cannotDisseminateFormat"]
    assert resource.slug


def test_the_request_element_echoes_only_schema_valid_values(client):
    factories.resource()
    root = harvest(client, verb="ListRecords", metadataPrefix="marc 21?")
    assert error_codes(root) == ["cannotDisseminateFormat"]
    assert root.find("o:request", NS).attrib == {"verb": "ListRecords"}
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="no such set")
    assert error_codes(root) == ["noRecordsMatch"]
    assert "set" not in root.find("o:request", NS).attrib
    # A bad date is a badArgument even when the format is unknown too.
    root = harvest(client, verb="ListRecords", metadataPrefix="marc", until="soon")
    assert error_codes(root) == ["badArgument"]


# --- LOM, datestamps of renamed terms, and the official schema --------------------------


def test_lom_records_carry_levels_time_objectives_type_and_licence(client):
    resource = factories.resource(
        "Structural racism in clinical reasoning",
        levels=("gme-residency", "ume-clerkship"),
        type="case",
        topics=["structural-racism"],
        learning_objectives="Name two structural drivers\nRevise a differential diagnosis",
        time_required_minutes=90,
        authors=[{"name": "Amara Okafor", "affiliation": "Riverside", "orcid": ""}],
    )
    root = harvest(
        client, verb="GetRecord", identifier=f"oai:{HOST}:{resource.slug}", metadataPrefix="lom"
    )
    lom = root.find(".//o:metadata/lom:lom", NS)
    assert lom is not None

    def texts(path):
        return lom.xpath(path, namespaces=NS)

    assert texts("lom:general/lom:title/lom:string/text()") == [resource.title]
    assert texts("lom:general/lom:title/lom:string/@language") == ["en"]
    assert texts("lom:general/lom:identifier/lom:entry/text()") == [
        f"https://{HOST}/catalog/{resource.slug}/"
    ]
    assert texts("lom:educational/lom:typicalLearningTime/lom:duration/text()") == ["PT90M"]
    assert texts("lom:educational/lom:learningResourceType/lom:value/text()") == [
        "problem statement"
    ]
    assert set(texts("lom:educational/lom:context/lom:value/text()")) == {
        "training",
        "higher education",
    }
    levels = "lom:classification[lom:purpose/lom:value='educational level']//lom:taxon"
    assert set(texts(f"{levels}/lom:id/text()")) == {"gme-residency", "ume-clerkship"}
    objectives = "lom:classification[lom:purpose/lom:value='educational objective']//lom:taxon"
    assert texts(f"{objectives}/lom:entry/lom:string/text()") == [
        "Name two structural drivers",
        "Revise a differential diagnosis",
    ]
    assert texts("lom:rights/lom:description/lom:string/text()") == [
        "Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    ]
    vcard = texts("lom:lifeCycle/lom:contribute[lom:role/lom:value='author']/lom:entity/text()")
    assert vcard == [
        "BEGIN:VCARD\nVERSION:3.0\nFN:Amara Okafor\nN:Okafor;Amara;;;\nORG:Riverside\nEND:VCARD"
    ]


def test_renaming_a_vocabulary_term_bumps_the_datestamp_of_every_record_that_uses_it(client):
    from catalog.models import Topic

    old = datetime(2024, 1, 1, tzinfo=UTC)
    using = factories.resource("Uses the topic", topics=["structural-racism"])
    other = factories.resource("Does not", topics=["language-access"])
    for resource in (using, other):
        set_updated(resource, old)
    topic = Topic.objects.get(slug="structural-racism")
    topic.save()  # saved unchanged: nothing moves
    assert Resource.objects.get(pk=using.pk).updated_at == old
    topic.name = "Structural racism and its mechanisms"
    topic.save()
    assert Resource.objects.get(pk=using.pk).updated_at > old
    assert Resource.objects.get(pk=other.pk).updated_at == old
    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2024-06-01"})
    assert identifiers(root) == [f"oai:{HOST}:{using.slug}"]
    assert "Structural racism and its mechanisms" in root.xpath(
        "//dc:subject/text()", namespaces=NS
    )


def test_renaming_a_licence_or_level_bumps_the_datestamps_too(client):
    from catalog.models import LearnerLevel, License

    old = datetime(2024, 1, 1, tzinfo=UTC)
    resource = factories.resource(levels=("gme-residency",))
    for term in (LearnerLevel.objects.get(slug="gme-residency"), resource.license):
        set_updated(resource, old)
        term.name = f"{term.name} (renamed)"
        term.save()
        assert Resource.objects.get(pk=resource.pk).updated_at > old, type(term).__name__
    assert isinstance(resource.license, License)


def test_the_admin_cannot_delete_a_published_resource_so_deletions_stay_persistent(client):
    resource = factories.resource()
    admin = factories.user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get(f"/admin/catalog/resource/{resource.pk}/delete/")
    assert response.status_code == 403
    response = client.post(f"/admin/catalog/resource/{resource.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Resource.objects.filter(pk=resource.pk).exists()
