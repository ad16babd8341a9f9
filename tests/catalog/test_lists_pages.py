"""Saved lists: the pages (/lists/…), the save form on the catalog and resource pages, the
share link and the exports; the permission ladder on every page."""

import json

import bibtexparser
import pytest
import rispy

from catalog import services as catalog_services
from catalog.lists import services
from catalog.lists.models import SavedList
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("instructor", roles=[], display_name="Ines Instructor")


@pytest.fixture
def resources(db):
    return [
        factories.resource("Structural racism in clinical reasoning"),
        factories.resource("Working with medical interpreters"),
    ]


@pytest.fixture
def saved(owner, resources):
    saved_list = services.create_list(owner, "PGY-2 week 3", "Tuesday noon conference")
    for resource in resources:
        services.add_item(saved_list, owner, resource, f"Private note on {resource.title}")
    return saved_list


def signed_in(client, user):
    client.force_login(user)
    return client


def owner_pages(saved, resources):
    base = f"/lists/{saved.uuid}/"
    return [base, f"{base}print/", f"{base}export.ris", f"{base}export.bib", f"{base}export.json"]


def post_urls(saved, resources):
    base = f"/lists/{saved.uuid}/"
    slug = resources[0].slug
    return [
        (f"{base}settings/", {"name": "Renamed"}),
        (f"{base}delete/", {}),
        (f"{base}share/", {"action": "share"}),
        (f"{base}items/{slug}/note/", {}),
        (f"{base}items/{slug}/move/", {"direction": "down"}),
        (f"{base}items/{slug}/remove/", {}),
    ]


# --- the ladder ---------------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in_from_every_owner_page(client, saved, resources):
    for url in ["/lists/", *owner_pages(saved, resources)]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url, data in [*post_urls(saved, resources), ("/lists/save/", {})]:
        response = client.post(url, data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert SavedList.objects.get().items.count() == 2


def test_another_user_and_an_editor_get_404_for_every_page_and_action(
    client, saved, resources, outsider, editor
):
    for person in (outsider, editor):
        signed_in(client, person)
        for url in owner_pages(saved, resources):
            assert client.get(url).status_code == 404, (person, url)
        for url, data in post_urls(saved, resources):
            assert client.post(url, data).status_code == 404, (person, url)
    saved.refresh_from_db()
    assert saved.name == "PGY-2 week 3" and not saved.is_shared and saved.items.count() == 2


def test_the_owner_opens_every_page(client, saved, resources, owner):
    signed_in(client, owner)
    for url in ["/lists/", *owner_pages(saved, resources)]:
        assert client.get(url).status_code == 200, url


def test_get_on_every_post_only_url_is_405(client, saved, resources, owner):
    signed_in(client, owner)
    for url, _ in [*post_urls(saved, resources), ("/lists/save/", {})]:
        assert client.get(url).status_code == 405, url


def test_other_users_lists_are_not_on_my_lists_page(client, saved, outsider):
    response = signed_in(client, outsider).get("/lists/")
    assert "PGY-2 week 3" not in response.content.decode()


# --- my lists -----------------------------------------------------------------------------


def test_the_owner_creates_a_list_and_lands_on_it(client, owner):
    response = signed_in(client, owner).post(
        "/lists/", {"name": "Clerkship", "description": ""}, follow=True
    )
    saved_list = SavedList.objects.get(owner=owner)
    assert response.redirect_chain[-1][0] == saved_list.get_absolute_url()
    assert "Created the list “Clerkship”" in response.content.decode()


def test_a_taken_name_is_a_400_that_keeps_what_was_typed(client, saved, owner):
    response = signed_in(client, owner).post(
        "/lists/", {"name": "pgy-2 WEEK 3", "description": "Kept text"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "already have a list" in page and "Kept text" in page


def test_the_list_page_shows_items_in_order_with_their_notes(client, saved, resources, owner):
    page = signed_in(client, owner).get(saved.get_absolute_url()).content.decode()
    first, second = (page.index(r.title) for r in resources)
    assert first < second
    assert "Private note on Structural racism" in page


def test_move_down_and_up_reorder_the_list(client, saved, resources, owner):
    signed_in(client, owner)
    url = f"/lists/{saved.uuid}/items/{resources[0].slug}/move/"
    response = client.post(url, {"direction": "down"})
    assert response.status_code == 302
    order = list(saved.items.order_by("position").values_list("resource__slug", flat=True))
    assert order == [resources[1].slug, resources[0].slug]
    assert client.post(url, {"direction": "sideways"}).status_code == 400


def test_a_note_too_long_is_a_400_that_keeps_the_text(client, saved, resources, owner):
    item = saved.items.get(resource=resources[0])
    response = signed_in(client, owner).post(
        f"/lists/{saved.uuid}/items/{resources[0].slug}/note/",
        {f"item-{item.pk}-note": "long " * 500},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "long long long" in page
    field = f"id_item-{item.pk}-note"  # the error is tied to its field
    assert f'<p class="error-message" id="{field}_error">' in page
    assert f'id="{field}" rows="2" maxlength="2000" aria-invalid="true" ' in page
    assert f'aria-describedby="{field}_error"' in page
    item.refresh_from_db()
    assert item.note == "Private note on Structural racism in clinical reasoning"


def test_the_owner_edits_a_note_renames_and_deletes(client, saved, resources, owner):
    signed_in(client, owner)
    item = saved.items.get(resource=resources[0])
    client.post(
        f"/lists/{saved.uuid}/items/{resources[0].slug}/note/",
        {f"item-{item.pk}-note": "Use after the primer"},
    )
    item.refresh_from_db()
    assert item.note == "Use after the primer"
    client.post(f"/lists/{saved.uuid}/settings/", {"name": "Week 4", "description": ""})
    saved.refresh_from_db()
    assert saved.name == "Week 4"
    client.post(f"/lists/{saved.uuid}/items/{resources[1].slug}/remove/")
    assert saved.items.count() == 1
    response = client.post(f"/lists/{saved.uuid}/delete/", follow=True)
    assert "Deleted the list “Week 4”" in response.content.decode()
    assert not SavedList.objects.exists()


def test_the_owners_page_links_and_posts_to_each_of_the_lists_own_addresses(client, saved, owner):
    from django.urls import reverse

    page = signed_in(client, owner).get(saved.get_absolute_url()).content.decode()
    assert f'href="{saved.get_absolute_url()}" aria-current="page"' in page
    for name, attribute in [
        ("print", "href"),
        ("map", "href"),
        ("share", "action"),
        ("settings", "action"),
        ("delete", "action"),
    ]:
        assert f'{attribute}="{reverse(f"lists:{name}", args=[saved.uuid])}"' in page, name


def test_the_list_page_says_a_resource_was_retired_and_names_the_newer_one(
    client, saved, resources, owner
):
    newer = factories.resource("Structural racism in clinical reasoning, second edition")
    catalog_services.retire_resource(resources[0], f"Replaced by /catalog/{newer.slug}/.")
    page = signed_in(client, owner).get(saved.get_absolute_url()).content.decode()
    assert "Retired" in page
    assert f'href="/catalog/{newer.slug}/"' in page


# --- saving from the catalog ----------------------------------------------------------------


def test_results_and_the_resource_page_offer_the_save_form_to_a_signed_in_person(
    client, resources, saved, owner
):
    signed_in(client, owner)
    results = client.get("/catalog/").content.decode()
    assert results.count('action="/lists/save/"') == 2
    assert "PGY-2 week 3" in results  # the person's own list is offered
    detail = client.get(resources[0].get_absolute_url()).content.decode()
    assert 'action="/lists/save/"' in detail and f'value="{resources[0].slug}"' in detail


def test_visitors_see_a_sign_in_link_on_the_resource_page_and_no_form(client, resources):
    assert 'action="/lists/save/"' not in client.get("/catalog/").content.decode()
    detail = client.get(resources[0].get_absolute_url()).content.decode()
    assert 'action="/lists/save/"' not in detail
    assert "Sign in to save this resource to a list" in detail


def test_saving_without_javascript_returns_to_the_page_with_a_message(client, resources, owner):
    signed_in(client, owner)
    response = client.post(
        "/lists/save/",
        {
            "resource": resources[0].slug,
            "list": "",
            "new_name": "Noon conference",
            "next": "/catalog/?q=racism",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/catalog/?q=racism"
    page = client.get(response["Location"]).content.decode()
    assert "Saved to “Noon conference”" in page
    assert SavedList.objects.get(owner=owner).items.get().resource == resources[0]


def test_saving_with_javascript_answers_json_and_says_what_happened(
    client, saved, resources, owner
):
    other = factories.resource("Implicit bias in clinical decisions")
    response = signed_in(client, owner).post(
        "/lists/save/",
        {"resource": other.slug, "list": str(saved.uuid), "next": "/catalog/"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["detail"] == "Saved to “PGY-2 week 3”."
    assert response.json()["list"]["uuid"] == str(saved.uuid)
    again = client.post(
        "/lists/save/",
        {"resource": other.slug, "list": str(saved.uuid)},
        HTTP_ACCEPT="application/json",
    )
    assert "Already on" in again.json()["detail"]


def test_a_refused_save_is_a_400_page_or_json_that_keeps_the_typed_name(client, saved, owner):
    signed_in(client, owner)
    data = {"resource": "no-such-resource", "list": "", "new_name": "Typed name"}
    page = client.post("/lists/save/", data)
    assert page.status_code == 400
    assert "Typed name" in page.content.decode() and "no published resource" in (
        page.content.decode()
    )
    answer = client.post("/lists/save/", data, HTTP_ACCEPT="application/json")
    assert answer.status_code == 400 and "no published resource" in answer.json()["detail"]
    assert not SavedList.objects.filter(name="Typed name").exists()


def test_another_persons_list_is_no_choice_of_the_save_form(client, saved, resources, outsider):
    response = signed_in(client, outsider).post(
        "/lists/save/", {"resource": resources[0].slug, "list": str(saved.uuid)}
    )
    assert response.status_code == 400  # not one of the person's lists: not a choice
    assert saved.items.count() == 2


def test_the_save_form_never_redirects_to_another_site(client, resources, owner):
    response = signed_in(client, owner).post(
        "/lists/save/",
        {"resource": resources[0].slug, "list": "", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/catalog/"


# --- sharing --------------------------------------------------------------------------------


def test_a_shared_list_opens_signed_out_read_only_without_notes_or_owner(
    client, saved, resources, owner
):
    signed_in(client, owner).post(f"/lists/{saved.uuid}/share/", {"action": "share"})
    saved.refresh_from_db()
    client.logout()
    response = client.get(saved.share_path())
    page = response.content.decode()
    assert response.status_code == 200
    assert all(r.title in page for r in resources)
    assert "Private note" not in page and "Ines Instructor" not in page
    assert "/note/" not in page and "/remove/" not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_shared_page_shows_notes_when_the_owner_ticks_include_notes(client, saved, owner):
    services.update_list(saved, owner, share_notes=True)
    token = services.share_list(saved, owner)
    page = client.get(f"/lists/shared/{token}/").content.decode()
    assert "Private note on Structural racism" in page
    handout = client.get(f"/lists/shared/{token}/print/").content.decode()
    assert "Private note on Structural racism" in handout


def test_a_revoked_or_replaced_link_is_a_404(client, saved, owner):
    token = services.share_list(saved, owner)
    signed_in(client, owner).post(f"/lists/{saved.uuid}/share/", {"action": "regenerate"})
    client.logout()
    assert client.get(f"/lists/shared/{token}/").status_code == 404
    saved.refresh_from_db()
    assert client.get(saved.share_path()).status_code == 200
    new = saved.share_path()
    signed_in(client, owner).post(f"/lists/{saved.uuid}/share/", {"action": "revoke"})
    client.logout()
    assert client.get(new).status_code == 404
    assert client.get(f"{new}export.ris").status_code == 404


def test_a_deactivated_owners_share_link_stops_working(client, saved, owner):
    token = services.share_list(saved, owner)
    owner.is_active = False
    owner.save()
    assert client.get(f"/lists/shared/{token}/").status_code == 404


def test_an_unknown_share_token_is_a_404(client, saved):
    assert client.get("/lists/shared/not-a-real-token/").status_code == 404


# --- exports and the hand-out ----------------------------------------------------------------


def test_the_ris_export_has_every_resource_in_order(client, saved, resources, owner):
    response = signed_in(client, owner).get(f"/lists/{saved.uuid}/export.ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert 'filename="pgy-2-week-3.ris"' in response["Content-Disposition"]
    entries = rispy.loads(response.content.decode())
    assert [e["title"] for e in entries] == [r.title for r in resources]


def test_the_bibtex_export_parses_with_one_entry_per_resource(client, saved, resources, owner):
    response = signed_in(client, owner).get(f"/lists/{saved.uuid}/export.bib")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == [
        f"{r.slug}-{r.first_published_at.year}-v1" for r in resources
    ]


def test_the_csl_json_export_is_one_array_in_order(client, saved, resources, owner):
    response = signed_in(client, owner).get(f"/lists/{saved.uuid}/export.json")
    items = json.loads(response.content)
    assert [i["title"] for i in items] == [r.title for r in resources]


def test_the_shared_link_exports_too(client, saved, resources, owner):
    token = services.share_list(saved, owner)
    response = client.get(f"/lists/shared/{token}/export.ris")
    assert len(rispy.loads(response.content.decode())) == 2


def test_the_handout_cites_each_resource_and_prints_notes_only_when_asked(
    client, saved, resources, owner
):
    signed_in(client, owner)
    page = client.get(f"/lists/{saved.uuid}/print/").content.decode()
    assert "Tuesday noon conference" in page
    assert f"/catalog/{resources[0].slug}/v1/" in page  # the APA reference's address
    assert "Private note" not in page
    with_notes = client.get(f"/lists/{saved.uuid}/print/?notes=1").content.decode()
    assert "Private note on Structural racism" in with_notes


def test_the_handout_follows_a_new_version_of_a_saved_resource(client, saved, resources, owner):
    signed_in(client, owner)
    assert (
        f"/catalog/{resources[0].slug}/v1/"
        in client.get(f"/lists/{saved.uuid}/print/").content.decode()
    )
    publication = catalog_services.Publication(
        title="Structural racism in clinical reasoning",
        summary="Now with **three** cases.",
        resource_type=resources[0].resource_type,
        language=resources[0].language,
        license=resources[0].license,
        levels=list(resources[0].levels.all()),
    )
    catalog_services.publish_resource(publication, resources[0])
    page = client.get(f"/lists/{saved.uuid}/print/").content.decode()
    assert f"/catalog/{resources[0].slug}/v2/" in page  # the reference: the current version
    assert "Now with <strong>three</strong> cases." in page  # the summary, as Markdown


def test_the_handout_says_a_resource_was_retired_and_names_the_newer_one_escaped(
    client, saved, resources, owner
):
    newer = factories.resource("Interpreters <b>& teams</b>")
    catalog_services.retire_resource(resources[0], f"Replaced by /catalog/{newer.slug}/.")
    token = services.share_list(saved, owner)
    for url in (f"/lists/{saved.uuid}/print/", f"/lists/shared/{token}/print/"):
        page = signed_in(client, owner).get(url).content.decode()
        assert "<strong>Retired</strong> on " in page
        assert "use instead: “Interpreters &lt;b&gt;&amp; teams&lt;/b&gt;”." in page
        assert "<b>& teams" not in page
        assert page.count('<li class="handout__item">') == 2


# --- queries --------------------------------------------------------------------------------


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_pages_and_exports_cost_the_same_queries_for_two_resources_or_six(
    client, saved, owner
):
    signed_in(client, owner)
    token = services.share_list(saved, owner)
    urls = [
        saved.get_absolute_url(),
        f"/lists/{saved.uuid}/print/",
        f"/lists/{saved.uuid}/export.bib",
        f"/lists/shared/{token}/",
    ]
    before = [queries_for(client, url) for url in urls]
    for n in range(4):
        services.add_item(saved, owner, factories.resource(f"Another resource {n}"))
    assert [queries_for(client, url) for url in urls] == before
