"""Saved lists changed at the same moment (DESIGN §11): the owner's row lock keeps names
unique and the limits exact; the list's row lock keeps one item per resource."""

import pytest
from django.core.exceptions import ValidationError

from catalog.lists import services
from catalog.lists.models import SavedItem, SavedList
from tests import factories
from tests.races import THREADS, outcomes, race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def owner():
    return factories.user("instructor", roles=[])


def test_lists_created_at_once_with_one_name_make_one_list(owner):
    results = race([lambda: services.create_list(owner, "Week 3")] * THREADS)
    assert outcomes(results) == {"ok": 1, "ValidationError": THREADS - 1}
    assert SavedList.objects.count() == 1


def test_lists_created_at_once_never_pass_the_limit(owner, settings):
    settings.TOOLKIT_LISTS_PER_USER = 3
    results = race([lambda n=n: services.create_list(owner, f"List {n}") for n in range(THREADS)])
    assert outcomes(results) == {"ok": 3, "ValidationError": THREADS - 3}
    assert SavedList.objects.count() == 3


def test_one_resource_saved_at_once_is_on_the_list_once(owner):
    saved = services.create_list(owner, "Week 3")
    resource = factories.resource("Working with medical interpreters")
    results = race([lambda: services.add_item(saved, owner, resource.slug)] * THREADS)
    assert outcomes(results) == {"ok": THREADS}
    assert sum(created for _, created in results) == 1
    assert SavedItem.objects.count() == 1


def test_resources_saved_at_once_to_an_almost_full_list_fill_it_exactly(owner, settings):
    settings.TOOLKIT_LIST_ITEMS = 2
    saved = services.create_list(owner, "Week 3")
    resources = [factories.resource(f"Resource {n}") for n in range(4)]
    results = race([lambda r=r: services.add_item(saved, owner, r.slug) for r in resources])
    assert outcomes(results) == {"ok": 2, "ValidationError": 2}
    assert all(isinstance(r, tuple | ValidationError) for r in results)
    assert sorted(saved.items.values_list("position", flat=True)) == [1, 2]
