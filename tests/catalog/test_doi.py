"""DOIs (issue 16 item 1): given on publication, deposited by `manage.py deposit_dois`
against a real HTTP server on 127.0.0.1, and shown everywhere only once deposited."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import rispy
from django.core.management import CommandError, call_command
from lxml import etree

from catalog import citations, jsonld, records, services
from catalog.doi import crossref, datacite, deposit
from catalog.models import DoiStatus, Resource, ResourceVersion
from tests import factories

pytestmark = pytest.mark.django_db

PREFIX = "10.5072"
SITE = "https://toolkit.example.org"
NS_DC = {"d": datacite.NS}


class FakeAgency(ThreadingHTTPServer):
    """An HTTP server that answers from a script of (status, body), then 201s, and keeps
    what it was sent: (method, path, headers, body)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.script: list[tuple[int, str]] = []
        self.received: list[tuple[str, str, dict[str, str], bytes]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: FakeAgency

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append((self.command, self.path, dict(self.headers), body))
        status, text = self.server.script.pop(0) if self.server.script else (201, "{}")
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_PUT = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def agency(settings) -> Iterator[FakeAgency]:
    server = FakeAgency()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.TOOLKIT_DOI_ENDPOINT = server.url
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def doi_settings(settings):
    settings.TOOLKIT_SITE_URL = SITE
    settings.TOOLKIT_DOI_PREFIX = PREFIX
    settings.TOOLKIT_DOI_SITE_CODE = "hdtk"
    settings.TOOLKIT_DOI_AGENCY = "datacite"
    settings.TOOLKIT_DOI_USERNAME = "HDTK.TEST"
    settings.TOOLKIT_DOI_PASSWORD = "s3cret"
    settings.TOOLKIT_DOI_BACKOFF_SECONDS = 0
    settings.TOOLKIT_DOI_ATTEMPTS = 3


@pytest.fixture
def resource() -> Resource:
    return factories.resource(
        "Working with medical interpreters",
        authors=[
            {"name": "Amara Okafor", "affiliation": "Riverside", "orcid": "0000-0002-1825-0097"},
            {"name": "UNESCO", "affiliation": "", "orcid": ""},
        ],
    )


def concept(resource: Resource) -> str:
    return f"{PREFIX}/hdtk.{resource.first_published_at.year}.{resource.pk}"


def republish(resource: Resource) -> Resource:
    publication = services.Publication(
        title=resource.title,
        summary="Second edition.",
        resource_type=resource.resource_type,
        language=resource.language,
        license=resource.license,
        levels=list(resource.levels.all()),
        topics=list(resource.topics.all()),
        authors=resource.authors,
    )
    return services.publish_resource(publication, resource)


def run(*args: str) -> None:
    call_command("deposit_dois", "--no-progress", *args)


def outputs(client, resource: Resource, path: str = "") -> str:
    """Everything public about the resource, as text: pages, citations, OAI-PMH, API."""
    path = path or resource.get_absolute_url()
    identifier = records.oai_identifier(resource.slug)
    texts = [client.get(path).content.decode()]
    for fmt in ("ris", "bib", "json"):
        texts.append(client.get(f"{path}cite.{fmt}").content.decode())
    for prefix in ("oai_dc", "lom"):
        params = {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": prefix}
        texts.append(client.get("/oai", params).content.decode())
    texts.append(client.get(f"/api/v1/resources/{resource.slug}/").content.decode())
    texts.append(client.get("/api/v1/resources/").content.decode())
    return "\n".join(texts)


# --- assignment ------------------------------------------------------------------


def test_publishing_without_a_prefix_gives_no_doi(settings):
    settings.TOOLKIT_DOI_PREFIX = ""
    resource = factories.resource()
    version = resource.versions.get()
    assert (resource.doi, version.doi, version.doi_status) == ("", "", "")
    assert not list(deposit.pending())


def test_publishing_gives_a_version_doi_and_a_concept_doi_pending_deposit(resource):
    resource.refresh_from_db()
    version = resource.versions.get()
    assert resource.doi == concept(resource)
    assert version.doi == f"{concept(resource)}.v1"
    assert version.doi_status == DoiStatus.PENDING
    assert (resource.public_doi, resource.version_doi, version.public_doi) == ("", "", "")


def test_a_new_version_gets_the_next_version_doi_under_the_same_concept(resource, agency):
    run()
    republish(resource)
    resource.refresh_from_db()
    v2 = resource.versions.get(number=2)
    assert v2.doi == f"{concept(resource)}.v2" and v2.doi_status == DoiStatus.PENDING
    assert resource.doi == concept(resource)
    # The concept stays public; the current version has no public DOI until deposited.
    assert resource.public_doi == concept(resource)
    assert resource.version_doi == ""


def test_the_editors_publish_action_gives_the_dois(settings):
    editor = factories.user("ed", roles=("editor",))
    owner = factories.user("author")
    reviewers = [factories.reviewer_user(f"rev{n}") for n in range(2)]
    submission = factories.submission_in("published", owner, editor, reviewers)
    version = submission.resource.versions.get()
    assert version.doi == f"{concept(submission.resource)}.v1"
    assert version.doi_status == DoiStatus.PENDING


def test_the_deposit_command_refuses_to_run_without_a_prefix(settings):
    settings.TOOLKIT_DOI_PREFIX = ""
    with pytest.raises(CommandError, match="TOOLKIT_DOI_PREFIX"):
        run()


# --- deposit ---------------------------------------------------------------------


def test_a_deposit_puts_the_version_then_the_concept_to_datacite(resource, agency):
    run()
    (m1, path1, headers1, body1), (m2, path2, _, body2) = agency.received
    assert (m1, path1) == ("PUT", f"/dois/{concept(resource)}.v1")
    assert (m2, path2) == ("PUT", f"/dois/{concept(resource)}")
    assert headers1["Content-Type"] == "application/vnd.api+json"
    assert headers1["Authorization"] == "Basic " + base64.b64encode(b"HDTK.TEST:s3cret").decode()
    attributes = json.loads(body1)["data"]["attributes"]
    assert attributes["event"] == "publish"
    assert attributes["url"] == f"{SITE}/catalog/{resource.slug}/v1/"
    xml = etree.fromstring(base64.b64decode(attributes["xml"]))
    assert xml.findtext("d:identifier", namespaces=NS_DC) == f"{concept(resource)}.v1"
    relation = xml.find("d:relatedIdentifiers/d:relatedIdentifier", NS_DC)
    assert (relation.get("relationType"), relation.text) == ("IsVersionOf", concept(resource))
    concept_attributes = json.loads(body2)["data"]["attributes"]
    assert concept_attributes["url"] == f"{SITE}/catalog/{resource.slug}/"
    concept_xml = etree.fromstring(base64.b64decode(concept_attributes["xml"]))
    has = concept_xml.find("d:relatedIdentifiers/d:relatedIdentifier", NS_DC)
    assert (has.get("relationType"), has.text) == ("HasVersion", f"{concept(resource)}.v1")

    version = ResourceVersion.objects.get(resource=resource)
    assert version.doi_status == DoiStatus.DEPOSITED
    assert version.doi_attempts == 2 and version.doi_last_error == ""
    assert version.doi_deposited_at is not None
    resource.refresh_from_db()
    assert resource.public_doi == concept(resource)
    assert resource.version_doi == f"{concept(resource)}.v1"


def test_a_deposit_moves_the_oai_datestamp_so_harvesters_see_the_doi(resource, agency):
    before = Resource.objects.get(pk=resource.pk).updated_at
    run()
    assert Resource.objects.get(pk=resource.pk).updated_at > before


def test_a_5xx_is_tried_again_and_the_deposit_then_succeeds(resource, agency):
    agency.script = [(503, "busy"), (500, "oops")]
    run()
    assert [path for _, path, _, _ in agency.received] == [
        f"/dois/{concept(resource)}.v1",
        f"/dois/{concept(resource)}.v1",
        f"/dois/{concept(resource)}.v1",
        f"/dois/{concept(resource)}",
    ]
    version = resource.versions.get()
    assert version.doi_status == DoiStatus.DEPOSITED and version.doi_attempts == 4


def test_the_wait_between_tries_doubles(resource, agency, settings):
    settings.TOOLKIT_DOI_BACKOFF_SECONDS = 2
    settings.TOOLKIT_DOI_ATTEMPTS = 4
    agency.script = [(503, ""), (502, ""), (429, "")]
    waits: list[float] = []
    deposit.deposit(resource.versions.get(), sleep=waits.append)
    assert waits == [2, 4, 8]
    assert resource.versions.get().doi_status == DoiStatus.DEPOSITED


def test_a_4xx_is_refused_for_good_and_the_doi_is_never_shown(client, resource, agency):
    agency.script = [(422, '{"errors":[{"title":"Creators is missing"}]}')]
    with pytest.raises(CommandError):
        run()
    version = resource.versions.get()
    assert version.doi_status == DoiStatus.FAILED and version.doi_attempts == 1
    assert "HTTP 422" in version.doi_last_error and "Creators is missing" in version.doi_last_error
    assert PREFIX not in outputs(client, resource)
    run()  # a later run leaves a refused deposit alone
    assert len(agency.received) == 1


def test_a_refused_deposit_is_sent_again_on_request(resource, agency):
    agency.script = [(400, "bad")]
    with pytest.raises(CommandError):
        run()
    run("--retry-failed")
    assert resource.versions.get().doi_status == DoiStatus.DEPOSITED
    assert len(agency.received) == 3


def test_a_deposit_that_keeps_failing_stays_pending_with_its_error(resource, agency):
    agency.script = [(503, "down")] * 3
    with pytest.raises(CommandError):
        run()
    version = resource.versions.get()
    assert version.doi_status == DoiStatus.PENDING and version.doi_attempts == 3
    assert "HTTP 503" in version.doi_last_error
    run()  # the next run tries again, and records the attempts it adds
    version.refresh_from_db()
    assert version.doi_status == DoiStatus.DEPOSITED and version.doi_attempts == 5


def test_an_unreachable_endpoint_leaves_the_deposit_pending(resource, settings):
    settings.TOOLKIT_DOI_ENDPOINT = "http://127.0.0.1:9"  # discard: nothing listens
    with pytest.raises(CommandError):
        run()
    version = resource.versions.get()
    assert version.doi_status == DoiStatus.PENDING and version.doi_last_error


def test_running_again_sends_nothing_for_deposited_versions(resource, agency):
    run()
    run()
    assert len(agency.received) == 2


# --- where a DOI appears ------------------------------------------------------------


def test_a_pending_doi_is_shown_nowhere(client, resource):
    text = outputs(client, resource)
    assert PREFIX not in text and "doi.org" not in text


def test_a_deposited_doi_appears_in_every_output(client, resource, agency):
    run()
    resource.refresh_from_db()
    v1, base = f"{concept(resource)}.v1", concept(resource)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert f'<a href="https://doi.org/{base}">' in page
    assert f'<a href="https://doi.org/{v1}">' in page
    assert f'<meta name="citation_doi" content="{v1}">' in page

    ris = rispy.loads(client.get(f"/catalog/{resource.slug}/cite.ris").content.decode())[0]
    assert ris["doi"] == v1
    bib = client.get(f"/catalog/{resource.slug}/cite.bib").content.decode()
    assert f"doi = {{{v1}}}" in bib
    csl = client.get(f"/catalog/{resource.slug}/cite.json").json()[0]
    assert csl["DOI"] == v1

    data = jsonld.learning_resource(records.build(resource))
    assert {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": v1,
        "url": f"https://doi.org/{v1}",
    } in data["identifier"]
    assert data["identifier"][0] == records.oai_identifier(resource.slug)
    assert data["sameAs"] == [f"https://doi.org/{v1}", f"https://doi.org/{base}"]

    identifier = records.oai_identifier(resource.slug)
    dc = client.get(
        "/oai", {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}
    ).content
    dc_ids = etree.fromstring(dc).findall(".//{http://purl.org/dc/elements/1.1/}identifier")
    assert f"https://doi.org/{base}" in [e.text for e in dc_ids]
    lom = etree.fromstring(
        client.get(
            "/oai", {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "lom"}
        ).content
    )
    ns = {"l": "http://ltsc.ieee.org/xsd/LOM"}
    pairs = [
        (i.findtext("l:catalog", namespaces=ns), i.findtext("l:entry", namespaces=ns))
        for i in lom.iterfind(".//l:general/l:identifier", ns)
    ]
    assert ("DOI", base) in pairs

    api = client.get(f"/api/v1/resources/{resource.slug}/").json()
    assert (api["doi"], api["version_doi"]) == (base, v1)
    assert api["versions"][0]["doi"] == v1


def test_the_apa_reference_links_the_doi_instead_of_the_address(client, resource, agency):
    run()
    resource.refresh_from_db()
    parts = citations.apa_parts(records.build(resource))
    assert parts["url"] == f"https://doi.org/{concept(resource)}.v1"


def test_a_version_page_shows_its_own_doi_and_the_resource_page_the_concept_too(
    client, resource, agency
):
    run()
    republish(Resource.objects.get(pk=resource.pk))
    base = concept(resource)
    page = client.get(resource.get_absolute_url()).content.decode()
    # v2 is not deposited yet: the concept DOI only, and the citation has no DOI.
    assert f"https://doi.org/{base}" in page and f"{base}.v2" not in page
    assert "citation_doi" not in page
    old = client.get(f"/catalog/{resource.slug}/v1/").content.decode()
    assert f'<a href="https://doi.org/{base}.v1">' in old
    assert f'<a href="https://doi.org/{base}">' not in old
    run()
    page = client.get(resource.get_absolute_url()).content.decode()
    assert f'<a href="https://doi.org/{base}.v2">' in page
    assert f'<a href="https://doi.org/{base}">' in page
    concept_put = json.loads(agency.received[-1][3])["data"]["attributes"]
    xml = etree.fromstring(base64.b64decode(concept_put["xml"]))
    versions = [e.text for e in xml.iterfind("d:relatedIdentifiers/d:relatedIdentifier", NS_DC)]
    assert versions == [f"{base}.v1", f"{base}.v2"]


# --- metadata ----------------------------------------------------------------------


RESOURCE_TYPES = [
    "curriculum",
    "session-plan",
    "case",
    "slide-deck",
    "video",
    "podcast",
    "reading",
    "assessment-tool",
    "simulation",
    "workshop-kit",
    "collection",
]


@pytest.mark.parametrize("slug", RESOURCE_TYPES)
def test_datacite_metadata_of_every_resource_type_is_valid_datacite_4_5(slug):
    resource = factories.resource(f"A {slug}", type=slug)
    record = records.build(resource)
    data = datacite.metadata(record, "10.5072/x.v1", concept="10.5072/x")
    assert datacite.schema45.validate(data)
    root = etree.fromstring(datacite.xml(data).encode())
    assert root.tag == f"{{{datacite.NS}}}resource"
    kind = root.find("d:resourceType", NS_DC)
    assert kind.get("resourceTypeGeneral") == datacite.GENERAL_TYPES.get(slug, "Text")
    assert root.findtext("d:version", namespaces=NS_DC) == "Version 1"


def test_datacite_metadata_names_authors_with_orcid_and_organisations(resource):
    data = datacite.metadata(records.build(resource), "10.5072/x")
    person, organisation = data["creators"]
    assert person["nameType"] == "Personal" and person["familyName"] == "Okafor"
    assert person["nameIdentifiers"][0]["nameIdentifier"] == "https://orcid.org/0000-0002-1825-0097"
    assert organisation == {"name": "UNESCO", "nameType": "Organizational"}
    assert data["rightsList"][0]["rightsIdentifier"] == "CC-BY-4.0"


def test_metadata_the_schema_refuses_is_not_sent(resource, agency, monkeypatch):
    monkeypatch.setattr(datacite, "metadata", lambda *a, **k: {"titles": []})
    with pytest.raises(CommandError):
        run()
    version = resource.versions.get()
    assert version.doi_status == DoiStatus.FAILED
    assert version.doi_last_error.startswith("Invalid DataCite metadata")
    assert agency.received == []


# Crossref 5.3.1's posted_content: the children allowed, in the schema's order.
POSTED_CONTENT_ORDER = [
    "group_title",
    "contributors",
    "titles",
    "posted_date",
    "acceptance_date",
    "institution",
    "item_number",
    "{http://www.ncbi.nlm.nih.gov/JATS1}abstract",
    "{http://www.crossref.org/fundref.xsd}program",
    "{http://www.crossref.org/AccessIndicators.xsd}program",
    "{http://www.crossref.org/relations.xsd}program",
    "scn_policies",
    "doi_data",
    "citation_list",
]


def _local(element: etree._Element) -> str:
    name = etree.QName(element)
    return name.localname if name.namespace == crossref.NS else element.tag


def test_the_crossref_deposit_is_a_posted_content_batch_in_schema_order(resource):
    record = records.build(resource)
    root = etree.fromstring(crossref.deposit(record, f"{concept(resource)}.v1", concept(resource)))
    assert root.tag == f"{{{crossref.NS}}}doi_batch" and root.get("version") == "5.3.1"
    head = root.find("c:head", {"c": crossref.NS})
    assert [_local(e) for e in head] == ["doi_batch_id", "timestamp", "depositor", "registrant"]
    assert head.findtext("c:timestamp", namespaces={"c": crossref.NS}).isdigit()
    posts = root.findall("c:body/c:posted_content", {"c": crossref.NS})
    assert len(posts) == 2
    for post in posts:
        order = [POSTED_CONTENT_ORDER.index(_local(e)) for e in post]
        assert order == sorted(order)
        assert post.get("type") == "report" and post.get("language") == "en"
    c = {"c": crossref.NS, "r": crossref.NS_REL}
    version, whole = posts
    assert version.findtext("c:doi_data/c:doi", namespaces=c) == f"{concept(resource)}.v1"
    assert version.findtext("c:doi_data/c:resource", namespaces=c).endswith("/v1/")
    assert whole.findtext("c:doi_data/c:doi", namespaces=c) == concept(resource)
    relation = version.find(".//r:intra_work_relation", c)
    assert relation.get("relationship-type") == "isVersionOf" and relation.text == concept(resource)
    people = version.findall("c:contributors/*", c)
    assert [_local(p) for p in people] == ["person_name", "organization"]
    assert [p.get("sequence") for p in people] == ["first", "additional"]
    assert people[0].findtext("c:ORCID", namespaces=c) == "https://orcid.org/0000-0002-1825-0097"
    date = version.find("c:posted_date", c)
    assert [_local(e) for e in date] == ["month", "day", "year"]


def test_with_crossref_one_batch_is_posted_with_the_login(resource, agency, settings):
    settings.TOOLKIT_DOI_AGENCY = "crossref"
    run()
    ((method, path, headers, body),) = agency.received
    assert method == "POST" and headers["Content-Type"].startswith("multipart/form-data")
    assert b'name="operation"\r\n\r\ndoMDUpload' in body
    assert b'name="login_id"\r\n\r\nHDTK.TEST' in body
    assert b"<doi_batch" in body and f"{concept(resource)}.v1".encode() in body
    assert resource.versions.get().doi_status == DoiStatus.DEPOSITED


def test_the_command_shows_a_progress_bar_and_a_summary(resource, agency, capsys):
    call_command("deposit_dois")
    captured = capsys.readouterr()
    assert "DOI deposits" in captured.err and "1/1" in captured.err
    assert "1 pending: 1 deposited, 0 refused, 0 still pending." in captured.out


def test_an_administrator_finds_refused_deposits_with_their_error_in_the_admin(
    client, resource, agency
):
    agency.script = [(422, "Creators is missing")]
    with pytest.raises(CommandError):
        run()
    admin = factories.user("root", roles=(), is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get("/admin/catalog/resourceversion/", {"doi_status": "failed"})
    assert f"{concept(resource)}.v1" in listing.content.decode()
    version = resource.versions.get()
    change = client.get(f"/admin/catalog/resourceversion/{version.pk}/change/").content.decode()
    assert "Creators is missing" in change
