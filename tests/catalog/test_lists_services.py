"""Saved lists: the services (ownership, limits, order, sharing, retired and new versions)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from catalog import services as catalog_services
from catalog.lists import services
from catalog.lists.entries import entries
from catalog.lists.models import SavedList
from tests import factories
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("instructor", roles=[], display_name="Ines Instructor")


@pytest.fixture
def three(db):
    return [factories.resource(f"Resource number {n}") for n in (1, 2, 3)]


def slugs(saved_list):
    return list(saved_list.items.order_by("position").values_list("resource__slug", flat=True))


def test_any_account_without_a_role_can_keep_a_list(owner, three):
    saved = services.create_list(owner, "  PGY-2   week 3 ", "For Tuesday")
    services.add_item(saved, owner, three[0].slug, "Start here")
    assert saved.name == "PGY-2 week 3"
    assert slugs(saved) == [three[0].slug]
    assert saved.items.get().note == "Start here"


def test_a_visitor_cannot_keep_a_list():
    with pytest.raises(PermissionDenied):
        services.create_list(AnonymousUser(), "Mine")


def test_another_persons_list_is_not_found_for_every_action(owner, outsider, editor, three):
    saved = services.create_list(owner, "Private")
    services.add_item(saved, owner, three[0])
    for person in (outsider, editor):
        for action, args in (
            (services.add_item, (three[1],)),
            (services.remove_item, (three[0],)),
            (services.set_note, (three[0], "mine now")),
            (services.move_item, (three[0], 1)),
            (services.share_list, ()),
            (services.unshare_list, ()),
            (services.delete_list, ()),
        ):
            with pytest.raises(Http404):
                action(saved, person, *args)
        with pytest.raises(Http404):
            services.update_list(saved, person, name="Stolen")
    assert SavedList.objects.get().name == "Private"


def test_a_name_is_required_and_unique_per_owner_whatever_its_case(owner, outsider):
    services.create_list(owner, "Week 3")
    with pytest.raises(ValidationError) as missing:
        services.create_list(owner, "   ")
    assert "name" in missing.value.message_dict
    with pytest.raises(ValidationError) as taken:
        services.create_list(owner, "week 3")
    assert "already have a list" in str(taken.value)
    services.create_list(outsider, "Week 3")  # another person's names are no matter


def test_an_account_keeps_at_most_the_configured_number_of_lists(owner, settings):
    settings.TOOLKIT_LISTS_PER_USER = 2
    services.create_list(owner, "One")
    services.create_list(owner, "Two")
    with pytest.raises(ValidationError) as error:
        services.create_list(owner, "Three")
    assert "2 lists" in str(error.value)


def test_a_list_holds_at_most_the_configured_number_of_resources(owner, three, settings):
    settings.TOOLKIT_LIST_ITEMS = 2
    saved = services.create_list(owner, "Short")
    services.add_item(saved, owner, three[0])
    services.add_item(saved, owner, three[1])
    with pytest.raises(ValidationError) as error:
        services.add_item(saved, owner, three[2])
    assert "2 resources" in str(error.value)


def test_saving_a_resource_twice_keeps_one_item(owner, three):
    saved = services.create_list(owner, "Week 3")
    _, first = services.add_item(saved, owner, three[0])
    _, again = services.add_item(saved, owner, three[0])
    assert (first, again) == (True, False)
    assert saved.items.count() == 1


def test_an_unknown_resource_is_bad_input_and_a_retired_one_a_conflict(owner, three):
    saved = services.create_list(owner, "Week 3")
    with pytest.raises(ValidationError) as unknown:
        services.add_item(saved, owner, "no-such-resource")
    assert "resource" in unknown.value.message_dict
    catalog_services.retire_resource(three[0], "Outdated.")
    with pytest.raises(Conflict):
        services.add_item(saved, owner, three[0].slug)


def test_a_note_longer_than_the_limit_is_refused(owner, three):
    saved = services.create_list(owner, "Week 3")
    services.add_item(saved, owner, three[0])
    with pytest.raises(ValidationError) as error:
        services.set_note(saved, owner, three[0], "x" * 2001)
    assert "note" in error.value.message_dict


def test_items_move_to_a_position_and_up_or_down_one_place(owner, three):
    saved = services.create_list(owner, "Week 3")
    for resource in three:
        services.add_item(saved, owner, resource)
    a, b, c = (r.slug for r in three)
    services.move_item(saved, owner, c, 1)
    assert slugs(saved) == [c, a, b]
    services.move_item_by(saved, owner, c, +1)
    assert slugs(saved) == [a, c, b]
    services.move_item_by(saved, owner, a, -1)  # already first: stays
    assert slugs(saved) == [a, c, b]
    services.move_item(saved, owner, a, 99)  # past the end: last
    assert slugs(saved) == [c, b, a]


def test_removing_an_item_keeps_the_others_in_order(owner, three):
    saved = services.create_list(owner, "Week 3")
    for resource in three:
        services.add_item(saved, owner, resource)
    services.remove_item(saved, owner, three[1].slug)
    assert slugs(saved) == [three[0].slug, three[2].slug]
    with pytest.raises(Http404):
        services.remove_item(saved, owner, three[1].slug)


def test_sharing_gives_an_unguessable_link_that_can_be_replaced_and_revoked(owner):
    saved = services.create_list(owner, "Week 3")
    token = services.share_list(saved, owner)
    assert len(token) >= 32
    assert services.share_list(saved, owner) == token  # sharing again keeps the link
    assert services.shared_list(token).pk == saved.pk
    new = services.share_list(saved, owner, regenerate=True)
    assert new != token
    with pytest.raises(Http404):
        services.shared_list(token)
    services.unshare_list(saved, owner)
    with pytest.raises(Http404):
        services.shared_list(new)


def test_save_resource_creates_the_named_list_or_reuses_the_default_one(owner, three):
    named, created = services.save_resource(owner, three[0].slug, new_name="Clerkship")
    assert (named.name, created) == ("Clerkship", True)
    default, _ = services.save_resource(owner, three[1].slug)
    again, _ = services.save_resource(owner, three[2].slug)
    assert default.pk == again.pk and default.name == services.DEFAULT_NAME
    chosen, _ = services.save_resource(owner, three[2].slug, list_uuid=named.uuid)
    assert chosen.pk == named.pk and chosen.items.count() == 2


def test_a_failed_save_to_a_new_list_creates_no_list(owner):
    with pytest.raises(ValidationError):
        services.save_resource(owner, "no-such-resource", new_name="Never")
    assert not SavedList.objects.exists()


def test_an_entry_says_when_its_resource_was_replaced_by_a_new_version(owner, three):
    saved = services.create_list(owner, "Week 3")
    services.add_item(saved, owner, three[0])
    assert not entries(saved)[0].is_updated
    publication = catalog_services.Publication(
        title=three[0].title,
        resource_type=three[0].resource_type,
        language=three[0].language,
        license=three[0].license,
        levels=list(three[0].levels.all()),
    )
    catalog_services.publish_resource(publication, three[0])
    [entry] = entries(saved)
    assert entry.is_updated and entry.saved_version_path.endswith("/v1/")


def test_an_entry_says_when_its_resource_was_retired_and_names_the_newer_one(owner, three):
    saved = services.create_list(owner, "Week 3")
    services.add_item(saved, owner, three[0])
    catalog_services.retire_resource(three[0], f"Replaced by /catalog/{three[1].slug}/.")
    [entry] = entries(saved)
    assert entry.is_retired and not entry.is_updated
    assert [r.slug for r in entry.replacements] == [three[1].slug]


def test_the_save_forms_choices_are_the_owners_lists_by_name_as_the_orm_reads_them():
    owner, other = factories.user("owner"), factories.user("other")
    for name in ("Zebra week", "Anchor week", "Middle week"):
        services.create_list(owner, name)
    services.create_list(other, "Not mine")
    expected = [
        (str(uuid), name)
        for uuid, name in SavedList.objects.filter(owner=owner).values_list("uuid", "name")
    ]
    assert services.owned_list_choices(owner) == expected
    assert [name for _, name in expected] == ["Anchor week", "Middle week", "Zebra week"]
    assert services.owned_list_choices(AnonymousUser()) == []
