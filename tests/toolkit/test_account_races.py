"""Account actions asked for at the same moment: a unique value checked by the form and then
taken by a simultaneous request is the form's 400, never a 500 (issue 11 item 8)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests import factories
from tests.races import THREADS, race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

User = get_user_model()


def signup(number, username="twin", email="twin@example.org"):
    data = {
        "username": username,
        "email": email,
        "display_name": f"Twin {number}",
        "password1": "a-long-enough-passphrase-42",
        "password2": "a-long-enough-passphrase-42",
    }
    return Client(REMOTE_ADDR=f"198.51.100.{number}").post("/accounts/signup/", data)


@pytest.mark.parametrize(
    "twins",
    [
        {"username": "twin"},
        {"email": "twin@example.org"},
    ],
    ids=["same user name", "same e-mail"],
)
def test_sign_ups_at_once_for_one_name_make_one_account_and_the_rest_are_told(twins):
    def one(number):
        return signup(
            number,
            username=twins.get("username", f"twin{number}"),
            email=twins.get("email", f"twin{number}@example.org"),
        )

    results = race([lambda n=n: one(n) for n in range(1, THREADS + 1)])
    codes = sorted((getattr(r, "status_code", repr(r)) for r in results), key=str)
    assert codes == [302] + [400] * (THREADS - 1), results
    assert User.objects.filter(display_name__startswith="Twin").count() == 1
    refused = next(r for r in results if r.status_code == 400).content.decode()
    assert "already exists" in refused


def test_profiles_changed_at_once_to_one_email_leave_it_to_one_of_them():
    people = [factories.user(f"person{i}") for i in range(THREADS)]

    def claim(person):
        client = Client()
        client.force_login(person)
        return client.post(
            "/accounts/profile/",
            {"display_name": person.display_name, "email": "shared@example.org"},
        )

    results = race([lambda p=p: claim(p) for p in people])
    codes = sorted((getattr(r, "status_code", repr(r)) for r in results), key=str)
    assert codes == [302] + [400] * (THREADS - 1), results
    assert User.objects.filter(email="shared@example.org").count() == 1
