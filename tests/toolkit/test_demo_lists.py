"""The demo's saved lists: the contributor's shared residency list and a private clerkship
list holding a resource retired since it was saved; seeding twice changes nothing."""

import os

import pytest
from django.core.management import call_command

from catalog.lists.models import SavedItem, SavedList
from toolkit.demo.lists import load

pytestmark = pytest.mark.django_db


def test_every_demo_list_item_names_a_demo_resource_title():
    from toolkit.demo.content import load as load_content

    content = load_content()
    titles = {entry["title"] for entry in [*content.resources, *content.submissions]}
    for spec in load():
        for item in spec["items"]:
            assert item["title"] in titles, item["title"]


def test_the_seeded_demo_has_a_shared_list_that_opens_signed_out_and_a_retired_notice(client):
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", "--force", stdout=devnull)
        call_command("seed_demo", "--force", stdout=devnull)
    assert SavedList.objects.count() == 2 and SavedItem.objects.count() == 6
    shared = SavedList.objects.get(share_token__isnull=False)
    assert shared.owner.username == "contributor" and shared.items.count() == 4
    page = client.get(shared.share_path())
    assert page.status_code == 200
    assert "Beliefs That Hurt" in page.content.decode()
    private = SavedList.objects.get(share_token__isnull=True)
    client.login(username="contributor", password="toolkit-demo")
    listing = client.get(private.get_absolute_url()).content.decode()
    assert "Retired" in listing and "street medicine program" in listing
