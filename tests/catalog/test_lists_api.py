"""/api/v1/lists/: the owner's saved lists by token; the ladder on every endpoint."""

import pytest
from rest_framework.test import APIClient

from catalog import services as catalog_services
from catalog.lists import services
from catalog.lists.models import SavedList
from tests import factories

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {factories.api_key(user)}")
    return client


@pytest.fixture
def owner(db):
    return factories.user("instructor", roles=[], display_name="Ines Instructor")


@pytest.fixture
def resources(db):
    return [factories.resource(f"Teaching resource {n}") for n in (1, 2, 3)]


@pytest.fixture
def saved(owner, resources):
    saved_list = services.create_list(owner, "Week 3")
    services.add_item(saved_list, owner, resources[0], "A private note")
    return saved_list


def endpoints(saved, resources):
    base = f"/api/v1/lists/{saved.uuid}/"
    item = f"{base}items/{resources[0].slug}/"
    return [
        ("get", base, None),
        ("patch", base, {"name": "Mine now"}),
        ("delete", base, None),
        ("get", f"{base}items/", None),
        ("post", f"{base}items/", {"resource": resources[1].slug}),
        ("patch", item, {"note": "mine"}),
        ("delete", item, None),
        ("post", f"{base}share/", {}),
        ("delete", f"{base}share/", None),
    ]


def test_anonymous_clients_get_401_everywhere(saved, resources):
    client = api()
    for method, path, data in [
        ("get", "/api/v1/lists/", None),
        ("post", "/api/v1/lists/", {"name": "x"}),
        *endpoints(saved, resources),
    ]:
        assert getattr(client, method)(path, data, format="json").status_code == 401, path


def test_another_user_and_an_editor_get_404_for_every_list_endpoint(
    saved, resources, outsider, editor
):
    for person in (outsider, editor):
        client = api(person)
        for method, path, data in endpoints(saved, resources):
            response = getattr(client, method)(path, data, format="json")
            assert response.status_code == 404, (person, method, path)
        assert client.get("/api/v1/lists/").json()["results"] == []
    saved.refresh_from_db()
    assert saved.name == "Week 3" and saved.items.count() == 1 and not saved.is_shared


def test_the_owner_creates_a_list_and_gets_its_uuid(owner):
    response = api(owner).post("/api/v1/lists/", {"name": "Clerkship"}, format="json")
    assert response.status_code == 201
    assert response.json()["uuid"] == str(SavedList.objects.get(name="Clerkship").uuid)
    assert response.json()["items"] == []


def test_bad_input_is_a_400_with_field_messages(owner, saved, resources):
    client = api(owner)
    assert client.post("/api/v1/lists/", {}, format="json").json()["name"]
    taken = client.post("/api/v1/lists/", {"name": "WEEK 3"}, format="json")
    assert taken.status_code == 400 and "already have a list" in taken.json()["name"][0]
    unknown = client.post(f"/api/v1/lists/{saved.uuid}/items/", {"resource": "nope"}, format="json")
    assert unknown.status_code == 400 and "resource" in unknown.json()
    bad_position = client.patch(
        f"/api/v1/lists/{saved.uuid}/items/{resources[0].slug}/", {"position": 0}, format="json"
    )
    assert bad_position.status_code == 400


def test_the_limits_are_400s_with_a_message(owner, saved, resources, settings):
    settings.TOOLKIT_LISTS_PER_USER = 1
    settings.TOOLKIT_LIST_ITEMS = 1
    client = api(owner)
    assert client.post("/api/v1/lists/", {"name": "Two"}, format="json").status_code == 400
    full = client.post(
        f"/api/v1/lists/{saved.uuid}/items/", {"resource": resources[1].slug}, format="json"
    )
    assert full.status_code == 400 and "the most a list may" in full.json()["resource"][0]


def test_a_retired_resource_cannot_be_saved_409(owner, saved, resources):
    catalog_services.retire_resource(resources[1], "Outdated.")
    response = api(owner).post(
        f"/api/v1/lists/{saved.uuid}/items/", {"resource": resources[1].slug}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "transition_not_allowed"


def test_the_owner_adds_annotates_reorders_and_removes_items(owner, saved, resources):
    client = api(owner)
    base = f"/api/v1/lists/{saved.uuid}/"
    added = client.post(
        f"{base}items/", {"resource": resources[1].slug, "note": "Second"}, format="json"
    )
    assert added.status_code == 201 and added.json()["position"] == 2
    again = client.post(f"{base}items/", {"resource": resources[1].slug}, format="json")
    assert again.status_code == 200
    moved = client.patch(
        f"{base}items/{resources[1].slug}/", {"position": 1, "note": "First now"}, format="json"
    )
    assert moved.json()["position"] == 1 and moved.json()["note"] == "First now"
    items = client.get(f"{base}items/").json()
    assert [i["resource"] for i in items] == [resources[1].slug, resources[0].slug]
    assert client.delete(f"{base}items/{resources[0].slug}/").status_code == 204
    assert client.delete(f"{base}items/{resources[0].slug}/").status_code == 404
    detail = client.get(base).json()
    assert [i["resource"] for i in detail["items"]] == [resources[1].slug]


def test_the_owner_renames_and_deletes_a_list(owner, saved):
    client = api(owner)
    base = f"/api/v1/lists/{saved.uuid}/"
    renamed = client.patch(base, {"name": "Week 4", "share_notes": True}, format="json")
    assert renamed.json()["name"] == "Week 4" and renamed.json()["share_notes"] is True
    assert client.delete(base).status_code == 204
    assert client.get(base).status_code == 404


def test_share_returns_a_link_that_works_signed_out_and_delete_revokes_it(owner, saved, client):
    api_client = api(owner)
    url = api_client.post(f"/api/v1/lists/{saved.uuid}/share/", {}, format="json").json()["url"]
    assert url.startswith("http://testserver/lists/shared/")
    path = url.removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    same = api_client.post(f"/api/v1/lists/{saved.uuid}/share/", {}, format="json").json()["url"]
    assert same == url
    listed = api_client.get("/api/v1/lists/").json()["results"]
    assert listed[0]["share_url"] == url and listed[0]["item_count"] == 1
    assert api_client.delete(f"/api/v1/lists/{saved.uuid}/share/").status_code == 204
    assert client.get(path).status_code == 404


def test_the_list_endpoints_are_in_the_openapi_schema(owner):
    response = api(owner).get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = response.json()["paths"]
    for path in (
        "/api/v1/lists/",
        "/api/v1/lists/{uuid}/",
        "/api/v1/lists/{uuid}/items/",
        "/api/v1/lists/{uuid}/items/{slug}/",
        "/api/v1/lists/{uuid}/share/",
    ):
        assert path in paths, path
    assert "401" in paths["/api/v1/lists/"]["get"]["responses"]
