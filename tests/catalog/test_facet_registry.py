"""A facet is declared once (catalog.facets.registry): the page, the API, the feed and the
OpenAPI schema all follow the declaration, with no other edit."""

import re

import pytest

from catalog.facets import registry
from catalog.models import Topic
from tests import factories

pytestmark = pytest.mark.django_db

# As curated collections will be declared (issue 15): a vocabulary over a many-to-many
# relation. Here over topics, which every resource already has.
THEME = registry.Facet(
    "theme",
    "Theme",
    "topics__slug",
    noun="theme",
    help_text="Repeatable, e.g. rural-health.",
    vocabulary=Topic,
)


@pytest.fixture
def declared(monkeypatch):
    """The registry with one more facet, as if one line were added to FACETS."""
    monkeypatch.setattr(registry, "FACETS", (*registry.FACETS, THEME))
    factories.resource("Rural maternity care", topics=["rural-health"])
    factories.resource("Working with interpreters", topics=["language-access"])


def test_a_declared_facet_filters_and_is_counted_on_the_page(client, declared):
    response = client.get("/catalog/?theme=rural-health")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 result" in html and "Rural maternity care" in html
    assert "Working with interpreters" not in html
    assert '<legend class="visually-hidden">Theme</legend>' in html
    assert re.search(
        r'<input type="checkbox" form="catalog-form" name="theme" value="rural-health" '
        r'id="[^"]+" checked> <label for="[^"]+">Rural health '
        r'<span class="facet__count">1</span>',
        html,
    )
    assert '<span class="chip__facet">Theme:</span> Rural health' in html


def test_a_declared_facet_refuses_unknown_values_by_its_noun(client, declared):
    response = client.get("/catalog/?theme=nope")
    assert response.status_code == 400
    assert "Theme: “nope” is not a known theme." in response.content.decode()


def test_a_declared_facet_filters_the_api_and_gets_disjunctive_counts(client, declared):
    answer = client.get("/api/v1/resources/?theme=rural-health&facets=1").json()
    assert [r["title"] for r in answer["results"]] == ["Rural maternity care"]
    counts = {o["value"]: (o["count"], o["selected"]) for o in answer["facets"]["theme"]}
    assert counts == {"language-access": (1, False), "rural-health": (1, True)}
    assert client.get("/api/v1/resources/?theme=nope").status_code == 400


def test_a_declared_facet_filters_the_feed(client, declared):
    feed = client.get("/catalog/feed/?theme=language-access").content.decode()
    assert "Working with interpreters" in feed and "Rural maternity care" not in feed
    assert client.get("/catalog/feed/?theme=nope").status_code == 400


def test_a_declared_facet_is_documented_in_the_openapi_schema(client, declared):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    parameters = schema["paths"]["/api/v1/resources/"]["get"]["parameters"]
    theme = next(p for p in parameters if p["name"] == "theme")
    assert theme["in"] == "query" and theme["explode"] is True
    assert theme["schema"] == {"type": "array", "items": {"type": "string"}}
    assert theme["description"] == "Theme. Repeatable, e.g. rural-health."
