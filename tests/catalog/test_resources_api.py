"""Public API: /api/v1/resources/ and /api/v1/resources/<slug>/."""

import pytest
from rest_framework.throttling import AnonRateThrottle

from catalog import services
from catalog.models import InstructionalMethod
from tests import factories
from tests.catalog.search_inputs import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def interpreters():
    return factories.resource(
        "Working with interpreters",
        levels=["gme-residency"],
        type="case",
        topics=["language-access"],
        methods=list(InstructionalMethod.objects.filter(slug="im022")),
        summary="Practise a visit.",
        learning_objectives="Brief the interpreter\nSpeak to the patient",
        description="Role play in threes.",
        materials="Cards.",
        facilitator_notes="Keep time.",
        evaluation="Exit ticket.",
        group_size="6–12",
        keywords="interpreters, language access; role play",
        authors=[{"name": "Ada Author", "affiliation": "Hillside", "orcid": "0000-0002-1825-0097"}],
        files=[
            services.PublicFile(
                label="Facilitator guide", file="x.pdf", content_type="application/pdf", size=1234
            ),
            services.PublicFile(label="Demonstration video", url="https://video.example.org/1"),
        ],
    )


def test_anyone_can_list_resources_with_their_public_fields(client, interpreters):
    response = client.get("/api/v1/resources/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["previous"] is None and "facets" not in body
    (item,) = body["results"]
    assert item == {
        "slug": "working-with-interpreters",
        "title": "Working with interpreters",
        "summary": "Practise a visit.",
        "authors": [
            {"name": "Ada Author", "affiliation": "Hillside", "orcid": "0000-0002-1825-0097"}
        ],
        "levels": [{"slug": "gme-residency", "name": "Residency", "stage": "gme"}],
        "resource_type": {
            "slug": "case",
            "name": "Case (paper case, standardized-patient case, virtual patient)",
        },
        "topics": [
            {"slug": "language-access", "name": "Language access and working with interpreters"}
        ],
        "methods": [{"slug": "im022", "code": "IM022", "name": "Role Play/Dramatization"}],
        "language": {"code": "en", "name": item["language"]["name"]},
        "license": {
            "spdx": "CC-BY-4.0",
            "name": item["license"]["name"],
            "url": item["license"]["url"],
        },
        "interprofessional": False,
        "time_required_minutes": 60,
        "facilitator": "",
        "group_size_min": None,
        "group_size_max": None,
        "version": 1,
        "published_at": item["published_at"],
        "reviewed_at": item["reviewed_at"],
        "review_by": item["review_by"],
        "html_url": "http://testserver/catalog/working-with-interpreters/",
        "doi": "",  # DOIs off (catalog.doi); tests/catalog/test_doi.py has them
        "version_doi": "",
    }
    assert item["license"]["url"].startswith("https://")


def test_detail_has_everything_needed_to_run_the_resource(client, interpreters):
    response = client.get("/api/v1/resources/working-with-interpreters/")
    assert response.status_code == 200
    item = response.json()
    assert item["learning_objectives"] == ["Brief the interpreter", "Speak to the patient"]
    assert item["keywords"] == ["interpreters", "language access", "role play"]
    assert item["description"] == "Role play in threes."
    assert (item["materials"], item["facilitator_notes"], item["evaluation"]) == (
        "Cards.",
        "Keep time.",
        "Exit ticket.",
    )
    assert item["group_size"] == "6–12"
    assert item["versions"] == [
        {
            "number": 1,
            "published_at": item["published_at"],
            "html_url": "http://testserver/catalog/working-with-interpreters/v1/",
            "doi": "",
        }
    ]
    guide, video = item["files"]
    uuid = interpreters.versions.get().files.get(label="Facilitator guide").uuid
    assert guide == {
        "label": "Facilitator guide",
        "content_type": "application/pdf",
        "size": 1234,
        "download_url": f"http://testserver/catalog/working-with-interpreters/files/{uuid}/",
        "url": None,
    }
    assert video["url"] == "https://video.example.org/1" and video["download_url"] is None


def test_a_retired_resource_is_gone_from_the_list_and_its_detail_is_410(client, interpreters):
    services.retire_resource(interpreters, reason="Superseded by a new edition.")
    assert client.get("/api/v1/resources/").json()["count"] == 0
    assert client.get("/api/v1/resources/?q=interpreters").json()["count"] == 0
    response = client.get("/api/v1/resources/working-with-interpreters/")
    assert response.status_code == 410
    assert response.json() == {
        "detail": "This resource was retired.",
        "reason": "Superseded by a new edition.",
    }


def test_an_unknown_resource_is_404(client):
    assert client.get("/api/v1/resources/no-such-thing/").status_code == 404


def test_the_list_takes_the_catalog_filters(client, interpreters):
    factories.resource("Rural maternity care", levels=["cpd-clinicians"], type="video")

    def titles(query):
        return [r["title"] for r in client.get(f"/api/v1/resources/{query}").json()["results"]]

    assert titles("?stage=gme") == ["Working with interpreters"]
    assert titles("?type=video&type=case&level=cpd-clinicians") == ["Rural maternity care"]
    assert titles("?q=maternity") == ["Rural maternity care"]
    assert titles("?sort=title") == ["Rural maternity care", "Working with interpreters"]


def test_invalid_filters_get_400_with_field_messages_naming_the_value(client):
    response = client.get("/api/v1/resources/?level=nope&max_minutes=abc&sort=random")
    assert response.status_code == 400
    assert response.json() == {
        "level": ["“nope” is not a known learner level."],
        "max_minutes": ["“abc” is not a whole number of minutes."],
        "sort": ["“random” is not a way to sort."],
    }


def test_repeated_filter_values_count_once(client, interpreters):
    body = client.get("/api/v1/resources/?" + "&".join(["level=gme-residency"] * 500)).json()
    assert [r["title"] for r in body["results"]] == ["Working with interpreters"]


def test_too_many_filter_values_get_400_with_the_message(client):
    response = client.get("/api/v1/resources/?" + "&".join(f"year={y}" for y in range(1900, 1960)))
    assert response.status_code == 400
    assert response.json() == {"year": ["60 different values given: choose at most 50."]}
    query = "&".join(f"x{n}=v{i}" for n in range(4) for i in range(40))
    response = client.get(f"/api/v1/resources/?{query}")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["160 parameter values given: choose at most 150 in all."]
    }


def test_facets_are_added_on_request(client, interpreters):
    body = client.get("/api/v1/resources/?facets=1&level=gme-residency").json()
    assert body["facets"]["level"] == [
        {"value": "gme-residency", "label": "Residency (GME)", "count": 1, "selected": True}
    ]
    assert body["facets"]["type"] == [
        {
            "value": "case",
            "label": body["facets"]["type"][0]["label"],
            "count": 1,
            "selected": False,
        }
    ]
    assert set(body["facets"]) == {
        "level",
        "stage",
        "type",
        "topic",
        "method",
        "language",
        "license",
        "collection",
        "competency",
        "facilitator",
        "interprofessional",
        "year",
    }


def test_pages_hold_20_and_page_size_goes_up_to_100(client):
    for n in range(25):
        factories.resource(f"Resource {n}")
    body = client.get("/api/v1/resources/").json()
    assert body["count"] == 25 and len(body["results"]) == 20 and "page=2" in body["next"]
    assert len(client.get("/api/v1/resources/?page=2").json()["results"]) == 5
    assert len(client.get("/api/v1/resources/?page_size=5").json()["results"]) == 5
    assert len(client.get("/api/v1/resources/?page_size=500").json()["results"]) == 25
    assert client.get("/api/v1/resources/?page=9").status_code == 404
    assert client.get("/api/v1/resources/?page=abc").status_code == 404


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_every_hostile_query_gets_an_answer(client, text):
    factories.resource("Working with interpreters")
    response = client.get("/api/v1/resources/", {"q": text, "facets": "1"})
    assert response.status_code == 200


def test_anonymous_clients_are_throttled(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/minute", raising=False)
    assert client.get("/api/v1/resources/").status_code == 200
    assert client.get("/api/v1/resources/").status_code == 200
    assert client.get("/api/v1/resources/").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/minute", raising=False)
    for address in ("192.0.2.1", "192.0.2.2"):
        assert client.get("/api/v1/resources/", HTTP_X_FORWARDED_FOR=address).status_code == 200
    response = client.get("/api/v1/resources/", HTTP_X_FORWARDED_FOR="192.0.2.3")
    assert response.status_code == 429


def test_behind_the_proxy_each_forwarded_client_has_its_own_throttle(client, monkeypatch, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    monkeypatch.setattr(AnonRateThrottle, "rate", "1/minute", raising=False)
    assert client.get("/api/v1/resources/", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 200
    assert client.get("/api/v1/resources/", HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 200
    forged = client.get("/api/v1/resources/", HTTP_X_FORWARDED_FOR="192.0.2.9, 192.0.2.1")
    assert forged.status_code == 429


def test_the_schema_documents_the_filters_and_the_facets(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/v1/resources/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {
        "q",
        "level",
        "stage",
        "type",
        "topic",
        "method",
        "language",
        "license",
        "interprofessional",
        "max_minutes",
        "year",
        "sort",
        "facets",
        "page",
        "page_size",
    } <= names
    parameters = {p["name"]: p for p in operation["parameters"]}
    level = parameters["level"]
    assert level["schema"]["type"] == "array" and level["explode"] is True
    assert sorted(parameters["stage"]["schema"]["items"]["enum"]) == ["cpd", "gme", "ume"]
    minutes = parameters["max_minutes"]["schema"]
    assert (minutes["minimum"], minutes["maximum"]) == (1, 100_000)
    assert client.get("/api/v1/resources/", {"max_minutes": 0}).status_code == 400
    assert client.get("/api/v1/resources/", {"max_minutes": 100_001}).status_code == 400
    detail = schema["paths"]["/api/v1/resources/{slug}/"]["get"]["responses"]
    assert {"200", "404", "410"} <= set(detail)
