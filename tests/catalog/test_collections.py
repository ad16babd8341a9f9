"""Curated collections (issue 15 item 1): pages, permission ladder, services, facet, API,
feed, OAI-PMH sets, and the editors' notice when a member is retired."""

import feedparser
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from lxml import etree

from catalog import services
from catalog.models import Collection, CollectionItem, CollectionLog, CollectionState
from tests import factories
from tests.conftest import client_for
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

NS = {"o": "http://www.openarchives.org/OAI/2.0/"}


def make_collection(slug="language-access", resources=(), *, state="draft", editor=None, **fields):
    """A collection with these members in order (a note on each); published or archived
    through the services when asked."""
    collection = Collection.objects.create(
        slug=slug,
        title=fields.pop("title", slug.replace("-", " ").title()),
        introduction=fields.pop("introduction", "Use these **in order**."),
        curators=fields.pop("curators", "Dr. Rosa Delgado, Dr. Kwame Asante"),
        **fields,
    )
    for position, resource in enumerate(resources, start=1):
        CollectionItem.objects.create(
            collection=collection,
            resource=resource,
            position=position,
            note=f"Note on {resource.title}",
        )
    if state in ("published", "archived"):
        services.publish_collection(collection, editor)
    if state == "archived":
        services.archive_collection(collection, editor)
    collection.refresh_from_db()
    return collection


@pytest.fixture
def members():
    return [
        factories.resource("Plain language and teach-back"),
        factories.resource("Working with medical interpreters"),
        factories.resource("Structural racism primer", topics=["structural-racism"]),
    ]


@pytest.fixture
def published(members, editor):
    return make_collection(
        "language-access", members[:2], state="published", editor=editor, title="Language access"
    )


# --- pages and the permission ladder ---------------------------------------------------------


def test_a_published_collection_lists_its_resources_in_order_with_the_editors_notes(
    client, published, members
):
    page = client.get("/collections/language-access/")
    assert page.status_code == 200
    html = page.content.decode()
    first, second = html.index(members[0].title), html.index(members[1].title)
    assert first < second
    assert "Note on Plain language and teach-back" in html
    assert "Dr. Rosa Delgado, Dr. Kwame Asante" in html
    assert "<strong>in order</strong>" in html
    assert members[2].title not in html
    assert "/catalog/?collection=language-access" in html


def test_the_introduction_is_sanitised_markdown(client, members, editor):
    make_collection(
        "hostile",
        members[:1],
        state="published",
        editor=editor,
        introduction='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="y">',
    )
    html = client.get("/collections/hostile/").content.decode()
    assert "<script>alert" not in html and "javascript:" not in html and "onerror" not in html


@pytest.mark.parametrize("state", ["draft", "archived"])
def test_an_unpublished_collection_is_not_found_by_anonymous_visitors_or_other_users(
    client, members, editor, outsider, state
):
    make_collection("hidden", members[:1], state=state, editor=editor)
    assert client.get("/collections/hidden/").status_code == 404
    assert client_for(client, outsider).get("/collections/hidden/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "archived"])
def test_editors_see_an_unpublished_collection_with_a_banner(client, members, editor, state):
    make_collection("hidden", members[:1], state=state, editor=editor, title="Hidden one")
    page = client_for(client, editor).get("/collections/hidden/")
    assert page.status_code == 200
    assert f"This collection is <strong>{state}</strong>" in page.content.decode()


def test_the_list_shows_published_collections_and_only_editors_see_the_others(
    client, members, editor, outsider, published
):
    make_collection("in-progress", members[:1], title="Work in progress")
    assert "Work in progress" not in client.get("/collections/").content.decode()
    assert (
        "Work in progress" not in client_for(client, outsider).get("/collections/").content.decode()
    )
    client.logout()
    html = client_for(client, editor).get("/collections/").content.decode()
    assert "Language access" in html and "Work in progress" in html


def test_the_sitemap_lists_published_collections_only(client, published, members):
    make_collection("draft-one", members[:1])
    body = client.get("/sitemap.xml").content.decode()
    assert "/collections/</loc>" in body and "/collections/language-access/</loc>" in body
    assert "draft-one" not in body


def test_the_home_page_has_a_collections_section(client, published):
    html = client.get("/").content.decode()
    assert 'id="collections-title"' in html and "/collections/language-access/" in html


def test_a_member_resource_page_says_which_published_collections_it_is_part_of(
    client, published, members, editor
):
    make_collection("draft-one", members[:1], title="Secret draft")
    html = client.get(members[0].get_absolute_url()).content.decode()
    assert "Part of:" in html and "/collections/language-access/" in html
    assert "Secret draft" not in html
    assert "Part of:" not in client.get(members[2].get_absolute_url()).content.decode()


# --- services --------------------------------------------------------------------------------


def test_only_editors_may_publish_a_collection(members, contributor):
    collection = make_collection("mine", members[:1])
    with pytest.raises(PermissionDenied):
        services.publish_collection(collection, contributor)
    with pytest.raises(PermissionDenied):
        services.publish_collection(collection, None)
    collection.refresh_from_db()
    assert collection.state == CollectionState.DRAFT


def test_publishing_is_logged_and_archiving_a_draft_is_a_conflict(members, editor):
    collection = make_collection("logged", members[:1])
    with pytest.raises(Conflict) as wrong_state:
        services.archive_collection(collection, editor)
    assert "Draft" in wrong_state.value.detail
    services.publish_collection(collection, editor)
    entry = CollectionLog.objects.get(collection=collection)
    assert (entry.event, entry.actor, entry.from_state, entry.to_state) == (
        "publish",
        editor,
        "draft",
        "published",
    )
    services.archive_collection(collection, editor)
    collection.refresh_from_db()
    assert collection.state == CollectionState.ARCHIVED


def test_a_collection_without_a_published_resource_cannot_be_published(members, editor):
    empty = make_collection("empty")
    with pytest.raises(Conflict) as unmet:
        services.publish_collection(empty, editor)
    assert unmet.value.code == "condition_not_met"
    assert "at least one published resource" in unmet.value.detail


# --- the catalog facet: page, API, feed, OpenAPI ---------------------------------------------


def test_the_collection_facet_counts_published_collections_only(client, published, members, editor):
    make_collection("draft-one", members, title="Secret draft")
    answer = client.get("/api/v1/resources/?facets=1").json()
    counts = {o["value"]: o["count"] for o in answer["facets"]["collection"]}
    assert counts == {"language-access": 2}


def test_filtering_by_collection_selects_its_members_with_a_chip(client, published, members):
    page = client.get("/catalog/?collection=language-access")
    assert page.status_code == 200
    html = page.content.decode()
    assert members[0].title in html and members[1].title in html
    assert members[2].title not in html
    assert "Language access" in html  # the chip's label is the collection's title
    answer = client.get("/api/v1/resources/?collection=language-access").json()
    assert {r["slug"] for r in answer["results"]} == {members[0].slug, members[1].slug}


@pytest.mark.parametrize("value", ["no-such-collection", "draft-one"])
def test_an_unknown_or_unpublished_collection_is_a_400_naming_it(client, members, published, value):
    make_collection("draft-one", members[:1])
    page = client.get(f"/catalog/?collection={value}")
    assert page.status_code == 400
    assert f"“{value}” is not a known collection." in page.content.decode()
    api = client.get(f"/api/v1/resources/?collection={value}")
    assert api.status_code == 400
    assert api.json()["collection"] == [f"“{value}” is not a known collection."]


def test_the_feed_follows_the_collection_filter(client, published, members):
    feed = feedparser.parse(client.get("/catalog/feed/?collection=language-access").content)
    assert {entry.title for entry in feed.entries} == {members[0].title, members[1].title}


def test_the_openapi_schema_documents_the_collection_parameter(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = schema["paths"]["/api/v1/resources/"]["get"]["parameters"]
    assert "collection" in {p["name"] for p in parameters}
    assert "/api/v1/collections/" in schema["paths"]


def test_publishing_or_archiving_refreshes_the_facet(client, members, editor):
    collection = make_collection("later", members[:1])
    assert client.get("/catalog/?collection=later").status_code == 400
    services.publish_collection(collection, editor)
    assert client.get("/catalog/?collection=later").status_code == 200
    services.archive_collection(collection, editor)
    assert client.get("/catalog/?collection=later").status_code == 400


# --- the collections API ---------------------------------------------------------------------


def test_the_api_lists_published_collections_only(client, published, members):
    make_collection("draft-one", members[:1])
    answer = client.get("/api/v1/collections/").json()
    assert [c["slug"] for c in answer] == ["language-access"]
    assert answer[0]["resource_count"] == 2
    assert answer[0]["curators"] == ["Dr. Rosa Delgado", "Dr. Kwame Asante"]


def test_the_api_detail_gives_the_resources_in_order_and_404s_a_draft(client, published, members):
    make_collection("draft-one", members[:1])
    detail = client.get("/api/v1/collections/language-access/").json()
    assert [r["slug"] for r in detail["resources"]] == [members[0].slug, members[1].slug]
    assert detail["resources"][0]["note"] == "Note on Plain language and teach-back"
    assert "<strong>in order</strong>" in detail["introduction_html"]
    assert client.get("/api/v1/collections/draft-one/").status_code == 404


def test_the_collections_api_is_read_only(client, published, editor):
    client_for(client, editor)
    assert client.post("/api/v1/collections/", {"slug": "x"}).status_code in (403, 405)
    assert client.delete("/api/v1/collections/language-access/").status_code in (403, 405)


# --- OAI-PMH sets ----------------------------------------------------------------------------


def harvest(client, **params):
    return etree.fromstring(client.get("/oai", params).content)


def test_list_sets_has_a_set_per_published_collection(client, published, members):
    make_collection("draft-one", members[:1])
    specs = harvest(client, verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    assert "collection" in specs and "collection:language-access" in specs
    assert "collection:draft-one" not in specs


def test_a_collection_set_selects_its_members_and_headers_name_it(client, published, members):
    root = harvest(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="collection:language-access"
    )
    headers = root.xpath("//o:header", namespaces=NS)
    assert len(headers) == 2
    for header in headers:
        assert "collection:language-access" in header.xpath("o:setSpec/text()", namespaces=NS)
    draft = harvest(client, verb="ListRecords", metadataPrefix="oai_dc", set="collection:nope")
    assert draft.xpath("//o:error/@code", namespaces=NS) == ["noRecordsMatch"]


# --- a retired member ------------------------------------------------------------------------


def test_a_retired_member_leaves_the_public_page_and_the_editors_are_told(
    client, published, members, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.retire_resource(members[0], "Replaced by a newer edition.")
    html = client.get("/collections/language-access/").content.decode()
    assert members[0].title not in html and members[1].title in html
    note = CollectionLog.objects.get(collection=published, event="member_retired")
    assert members[0].title in note.note and "Replaced by a newer edition." in note.note
    [message] = [m for m in mail.outbox if m.to == [editor.email]]
    assert members[0].title in message.subject
    assert "/admin/catalog/collection/" in message.body
    editor_page = client_for(client, editor).get("/collections/language-access/")
    assert "Retired from the catalog (editors only)" in editor_page.content.decode()


def test_retiring_a_resource_in_no_collection_tells_nobody(
    members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.retire_resource(members[2], "Out of date.")
    assert mail.outbox == [] and not CollectionLog.objects.exists()


# --- the editors' admin ----------------------------------------------------------------------


def test_editors_manage_collections_in_the_admin_and_others_cannot(
    client, published, editor, outsider
):
    assert client.get("/admin/catalog/collection/").status_code == 302  # to sign in
    client_for(client, outsider)
    assert client.get("/admin/catalog/collection/").status_code == 302
    client.logout()
    client_for(client, editor)
    assert client.get("/admin/catalog/collection/").status_code == 200
    change = client.get(f"/admin/catalog/collection/{published.pk}/change/")
    assert change.status_code == 200
    assert "Note on Plain language and teach-back" in change.content.decode()
    for other in ("catalog/resource", "accounts/user", "reviews/submission", "auth/group"):
        assert client.get(f"/admin/{other}/").status_code == 403, other  # nothing else


def test_the_admin_action_archives_through_the_service(client, published, editor):
    client_for(client, editor)
    answer = client.post(
        "/admin/catalog/collection/",
        {"action": "archive", "_selected_action": [published.pk]},
        follow=True,
    )
    assert answer.status_code == 200
    published.refresh_from_db()
    assert published.state == CollectionState.ARCHIVED
    assert CollectionLog.objects.filter(
        collection=published, event="archive", actor=editor
    ).exists()


# --- the page kept for anonymous visitors (catalog.pagecache) ----------------------------------


def test_anonymous_visitors_get_a_published_collections_page_kept_after_one_small_query(
    client, published, members, django_assert_num_queries
):
    rendered = client.get("/collections/language-access/")
    with django_assert_num_queries(1):  # the collection's id, date and state; the generation
        kept = client.get("/collections/language-access/")
    assert kept.content == rendered.content
    assert kept["Vary"] == rendered["Vary"] and "Cookie" in kept["Vary"]


def test_a_kept_collection_page_shows_a_new_note_a_new_member_and_a_new_title(
    client, published, members
):
    client.get("/collections/language-access/")
    item = CollectionItem.objects.get(collection=published, resource=members[0])
    item.note = "Start with the teach-back video."
    item.save()
    CollectionItem.objects.create(collection=published, resource=members[2], position=3)
    html = client.get("/collections/language-access/").content.decode()
    assert "Start with the teach-back video." in html and members[2].title in html
    published.title = "Language access, revised"
    published.save()
    html = client.get("/collections/language-access/").content.decode()
    assert "Language access, revised" in html


def test_a_kept_collection_page_is_not_served_once_the_collection_is_archived(
    client, published, editor
):
    assert client.get("/collections/language-access/").status_code == 200
    services.archive_collection(published, editor)
    assert client.get("/collections/language-access/").status_code == 404
    # set back to published in the database alone (no save): the kept page is its again
    Collection.objects.filter(pk=published.pk).update(state=CollectionState.PUBLISHED)
    assert client.get("/collections/language-access/").status_code == 200
    Collection.objects.filter(pk=published.pk).update(state=CollectionState.DRAFT)
    assert client.get("/collections/language-access/").status_code == 404


def test_a_kept_collection_page_drops_a_member_retired_since(
    client, published, members, django_capture_on_commit_callbacks
):
    assert members[0].title in client.get("/collections/language-access/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.retire_resource(members[0], "Replaced by a newer edition.")
    html = client.get("/collections/language-access/").content.decode()
    assert members[0].title not in html and members[1].title in html


def test_signed_in_people_get_the_collection_page_rendered_for_them(
    client, published, members, editor, django_capture_on_commit_callbacks
):
    client.get("/collections/language-access/")  # kept for anonymous visitors
    with django_capture_on_commit_callbacks(execute=True):
        services.retire_resource(members[0], "Replaced by a newer edition.")
    client.get("/collections/language-access/")
    html = client_for(client, editor).get("/collections/language-access/").content.decode()
    assert "Sign out" in html and "Retired from the catalog (editors only)" in html
    anonymous = Client().get("/collections/language-access/").content.decode()
    assert "Sign in" in anonymous and "Retired from the catalog" not in anonymous
