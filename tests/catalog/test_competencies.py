"""Competency mapping in the catalog (issue 16 item 5): the two frameworks loaded by data
migration, the competency facet on the page, the API and the feed, JSON-LD alignment, the
resource page, and the curriculum map of a collection or a saved list."""

import csv
import html
import io
import json

import pytest
from django.http import QueryDict

from catalog.competencies import curriculum
from catalog.filters import ResourceFilter
from catalog.lists import services as list_services
from catalog.models import Collection, CollectionItem, Competency, Framework
from tests import factories
from tests.catalog import sql_oracle
from tests.catalog.test_jsonld import page
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

AAMC = "https://www.aamc.org/about-us/mission-areas/medical-education/"


# --- the frameworks, as loaded --------------------------------------------------------


def test_the_migration_loads_two_frameworks_with_their_competencies():
    counts = {f.slug: f.competencies.count() for f in Framework.objects.all()}
    assert counts == {"aamc-dei-2022": 9, "acgme-core": 6}
    acgme = Competency.objects.filter(framework__slug="acgme-core")
    assert [c.name for c in acgme] == [
        "Patient Care",
        "Medical Knowledge",
        "Practice-based Learning and Improvement",
        "Interpersonal and Communication Skills",
        "Professionalism",
        "Systems-based Practice",
    ]
    assert Framework.objects.get(slug="acgme-core").url.startswith("https://www.acgme.org/")


def test_aamc_competencies_are_coded_by_level_and_domain_and_link_their_source():
    aamc = Competency.objects.filter(framework__slug="aamc-dei-2022")
    assert {c.level for c in aamc} == {
        "Entering residency (medical school graduates)",
        "Entering practice (residency graduates)",
        "Faculty physicians (3–5 years after residency)",
    }
    assert {c.domain for c in aamc} == {
        "Diversity",
        "Equity",
        "Inclusion",
    }
    assert {c.code for c in aamc} == {
        f"aamc-dei-2022:{level}:{domain}"
        for level in ("msg", "rg", "fp")
        for domain in ("d1", "d2", "d3")
    }
    assert all(c.source_url.startswith(AAMC) and c.slug == c.code.replace(":", "-") for c in aamc)


def test_the_vocabulary_is_listed_in_the_api(client):
    answer = client.get("/api/v1/competencies/").json()
    assert len(answer) == 15
    sbp = next(c for c in answer if c["slug"] == "acgme-sbp")
    assert sbp["code"] == "acgme:sbp" and sbp["framework"] == "acgme-core"


def test_editors_find_the_frameworks_in_the_admin(client):
    admin = factories.user("boss", roles=[], is_staff=True, is_superuser=True)
    client_for(client, admin)
    assert client.get("/admin/catalog/competency/").status_code == 200
    assert client.get("/admin/catalog/framework/").status_code == 200


# --- facet and filter ----------------------------------------------------------------------


@pytest.fixture
def tagged():
    return {
        "both": factories.resource(
            "Redlining and health", competencies=["acgme-sbp", "aamc-dei-2022-msg-d3"]
        ),
        "sbp": factories.resource("Navigating insurance", competencies=["acgme-sbp"]),
        "ics": factories.resource("Teach-back", competencies=["acgme-ics"]),
        "none": factories.resource("Untagged session"),
    }


def test_facet_counts_are_exact_and_disjunctive_and_agree_with_sql(client, tagged):
    answer = client.get("/api/v1/resources/?competency=acgme-sbp&facets=1").json()
    assert {r["slug"] for r in answer["results"]} == {tagged["both"].slug, tagged["sbp"].slug}
    counts = {o["value"]: o["count"] for o in answer["facets"]["competency"] if o["count"]}
    assert counts == {"acgme-sbp": 2, "acgme-ics": 1, "aamc-dei-2022-msg-d3": 1}
    for query in ("competency=acgme-sbp", "competency=acgme-sbp&competency=acgme-ics"):
        filterset = ResourceFilter(QueryDict(query))
        assert filterset.is_valid()
        found = filterset.results()
        assert {r.title for r in found[0 : len(found)]} == set(sql_oracle.titles(filterset))


def test_the_catalog_page_filters_by_competency_and_offers_the_facet(client, tagged):
    text = html.unescape(client.get("/catalog/?competency=aamc-dei-2022-msg-d3").content.decode())
    assert tagged["both"].title in text and tagged["sbp"].title not in text
    assert "AAMC DEI: Belonging in care and learning — Entering residency" in text
    assert 'name="competency"' in text


def test_the_feed_filters_by_competency(client, tagged):
    feed = html.unescape(client.get("/catalog/feed/?competency=acgme-ics").content.decode())
    assert tagged["ics"].title in feed and tagged["both"].title not in feed


def test_an_unknown_competency_is_a_400(client):
    bad = client.get("/api/v1/resources/?competency=acgme-astrology")
    assert bad.status_code == 400
    assert bad.json()["competency"] == ["“acgme-astrology” is not a known competency."]


def test_the_openapi_schema_documents_the_competency_parameter(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = schema["paths"]["/api/v1/resources/"]["get"]["parameters"]
    assert "competency" in {p["name"] for p in parameters}
    assert "/api/v1/competencies/" in schema["paths"]


# --- the resource: page, API, JSON-LD -----------------------------------------------------


def test_the_resource_page_and_api_show_its_competencies(client, tagged):
    text = html.unescape(client.get(tagged["both"].get_absolute_url()).content.decode())
    assert "<dt>Competencies</dt>" in text
    assert 'href="/catalog/?competency=acgme-sbp"' in text
    detail = client.get(f"/api/v1/resources/{tagged['both'].slug}/").json()
    assert [c["code"] for c in detail["competencies"]] == ["aamc-dei-2022:msg:d3", "acgme:sbp"]
    untagged = html.unescape(client.get(tagged["none"].get_absolute_url()).content.decode())
    assert "<dt>Competencies</dt>" not in untagged


def test_json_ld_aligns_the_resource_with_each_competency(client, tagged):
    data = json.loads(page(client, tagged["both"]).jsonld[0])
    alignment = data["educationalAlignment"]
    assert [a["targetName"] for a in alignment] == [
        "Belonging in care and learning — Entering residency (medical school graduates)",
        "Systems-based Practice",
    ]
    acgme = alignment[1]
    assert acgme["@type"] == "AlignmentObject" and acgme["alignmentType"] == "teaches"
    assert acgme["educationalFramework"] == "ACGME Core Competencies"
    assert acgme["targetUrl"].startswith("https://www.acgme.org/")
    assert acgme["targetDescription"]
    terms = [t for t in data["teaches"] if isinstance(t, dict)]
    assert [(t["@type"], t["termCode"]) for t in terms] == [
        ("DefinedTerm", "aamc-dei-2022:msg:d3"),
        ("DefinedTerm", "acgme:sbp"),
    ]
    assert terms[0]["inDefinedTermSet"].endswith("/api/v1/competencies/")
    assert "Describe the problem" in data["teaches"]  # the objectives stay


def test_json_ld_of_an_untagged_resource_has_no_alignment(client, tagged):
    data = json.loads(page(client, tagged["none"]).jsonld[0])
    assert "educationalAlignment" not in data


# --- the curriculum map ------------------------------------------------------------------


@pytest.fixture
def owner(db):
    return factories.user("instructor", roles=[], display_name="Ines Instructor")


@pytest.fixture
def saved(owner, tagged):
    saved_list = list_services.create_list(owner, "PGY-2 week 3")
    for key in ("both", "sbp", "none"):
        list_services.add_item(saved_list, owner, tagged[key])
    return saved_list


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_map_has_a_column_per_competency_used_and_lists_the_gaps(tagged):
    cmap = curriculum.build("Week 3", [tagged["both"], tagged["sbp"], tagged["none"]])
    assert [c.code for c in cmap.columns] == ["aamc-dei-2022:msg:d3", "acgme:sbp"]
    assert [row.cells for row in cmap.rows] == [(True, True), (False, True), (False, False)]
    assert cmap.totals == (1, 2)
    assert len(cmap.gaps) == 8 + 5  # the other competencies of both frameworks


def test_the_owner_downloads_the_csv_of_the_list(client, saved, owner, tagged):
    response = client_for(client, owner).get(f"/lists/{saved.uuid}/curriculum-map.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="pgy-2-week-3-curriculum-map.csv"' in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0][:2] == ["Resource", "Address"] and rows[0][3].startswith("acgme:sbp ")
    assert rows[1] == [
        "Redlining and health",
        f"http://testserver{tagged['both'].get_absolute_url()}",
        "X",
        "X",
    ]
    assert rows[3][2:] == ["", ""]
    assert rows[-1] == ["Resources teaching it", "", "1", "2"]


def test_the_csv_never_starts_a_cell_with_a_formula(client, owner):
    evil = factories.resource('=HYPERLINK("http://evil.example","x")', competencies=["acgme-pc"])
    saved_list = list_services.create_list(owner, "Formulas")
    list_services.add_item(saved_list, owner, evil)
    rows = rows_of(client_for(client, owner).get(f"/lists/{saved_list.uuid}/curriculum-map.csv"))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","x")'


def test_the_printable_matrix_is_an_accessible_table(client, saved, owner, tagged):
    response = client_for(client, owner).get(f"/lists/{saved.uuid}/curriculum-map/")
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "<caption" in text and text.count('<th scope="col">') == 3
    assert text.count('<th scope="row">') == 4  # three resources and the totals
    assert "Not covered by these resources" in text
    assert f'href="/lists/{saved.uuid}/curriculum-map.csv"' in text
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_list_map_permission_ladder(client, saved, owner, outsider, editor):
    pages = [f"/lists/{saved.uuid}/curriculum-map/", f"/lists/{saved.uuid}/curriculum-map.csv"]
    for url in pages:
        assert client.get(url).status_code == 302  # anonymous: sign in first
    for person in (outsider, editor):
        client_for(client, person)
        assert [client.get(url).status_code for url in pages] == [404, 404]
    client_for(client, owner)
    assert [client.get(url).status_code for url in pages] == [200, 200]
    assert client.post(pages[0]).status_code == 405


def test_the_share_link_opens_the_map_until_it_is_revoked(client, saved, owner):
    token = list_services.share_list(saved, owner)
    pages = [f"/lists/shared/{token}/curriculum-map/", f"/lists/shared/{token}/curriculum-map.csv"]
    assert [client.get(url).status_code for url in pages] == [200, 200]
    assert "Redlining and health" in client.get(pages[0]).content.decode()
    list_services.unshare_list(saved, owner)
    assert [client.get(url).status_code for url in pages] == [404, 404]


def test_a_collection_map_follows_the_collection_visibility(client, tagged, editor):
    collection = Collection.objects.create(slug="redlining", title="Redlining")
    for position, key in enumerate(("both", "ics"), start=1):
        CollectionItem.objects.create(
            collection=collection, resource=tagged[key], position=position
        )
    pages = ["/collections/redlining/curriculum-map/", "/collections/redlining/curriculum-map.csv"]
    assert [client.get(url).status_code for url in pages] == [404, 404]  # a draft
    client_for(client, editor)
    assert [client.get(url).status_code for url in pages] == [200, 200]
    client.logout()
    Collection.objects.filter(pk=collection.pk).update(state="published")
    assert [client.get(url).status_code for url in pages] == [200, 200]
    rows = rows_of(client.get(pages[1]))
    assert [row[0] for row in rows[1:-1]] == ["Redlining and health", "Teach-back"]
    assert "Curriculum map (competencies)" in client.get("/collections/redlining/").content.decode()


def test_a_retired_resource_leaves_the_map(client, saved, owner, tagged):
    from catalog import services

    services.retire_resource(tagged["sbp"], reason="Superseded.")
    rows = rows_of(client_for(client, owner).get(f"/lists/{saved.uuid}/curriculum-map.csv"))
    assert [row[0] for row in rows[1:-1]] == ["Redlining and health", "Untagged session"]


def test_the_map_costs_the_same_queries_for_three_resources_or_six(client, saved, owner):
    client_for(client, owner)
    urls = [f"/lists/{saved.uuid}/curriculum-map/", f"/lists/{saved.uuid}/curriculum-map.csv"]

    def counts():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            result.append(len(context))
        return result

    before = counts()
    for n in range(3):
        extra = factories.resource(f"Another resource {n}", competencies=["acgme-prof"])
        list_services.add_item(saved, owner, extra)
    assert counts() == before


def test_renaming_a_framework_renames_its_facet_terms(client, tagged):
    from catalog import facets

    assert ("acgme-sbp", "ACGME: Systems-based Practice") in facets.get_index().terms["competency"]
    acgme = Framework.objects.get(slug="acgme-core")
    acgme.short_name = "ACGME CC"
    acgme.save()
    assert ("acgme-sbp", "ACGME CC: Systems-based Practice") in facets.get_index().terms[
        "competency"
    ]
