"""Throttles that cannot be side-stepped (issue 11, item 9): every sign-in path shares one
lockout per account and per client; sign-up refusals are counted; the API, the vocabularies
and OAI-PMH are rate-limited per user or client."""

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import aauthenticate, authenticate
from django.test import RequestFactory
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-in attempts"
WRONG = "not-the-password"


@pytest.fixture
def ines(db, settings):
    settings.TOOLKIT_LOGIN_ATTEMPTS = 3
    return factories.user("ines", email="ines@example.org", is_staff=True, is_superuser=True)


def sign_in(client, name, password=WRONG, path="/accounts/login/", **headers):
    return client.post(path, {"username": name, "password": password}, **headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_failures_with_the_user_name_lock_the_accounts_email_address_too(client, ines):
    for _ in range(3):
        sign_in(client, "ines")
    response = sign_in(client, "Ines@Example.org", factories.PASSWORD)
    assert response.status_code == 400
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_failures_with_the_email_address_lock_the_user_name_too(client, ines):
    for name in ("ines@example.org", "INES@example.org", " ines@EXAMPLE.org "):
        sign_in(client, name)
    response = sign_in(client, "ines", factories.PASSWORD)
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_the_admin_sign_in_is_locked_after_failures_even_with_the_right_password(client, ines):
    for _ in range(3):
        assert sign_in(client, "ines", path="/admin/login/").status_code in (200, 400)
    response = sign_in(client, "ines", factories.PASSWORD, path="/admin/login/")
    assert LOCKED in response.content.decode()
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # still to the sign-in page


def test_failures_on_the_sign_in_page_lock_the_admin_sign_in_and_the_reverse(client, ines):
    for _ in range(3):
        sign_in(client, "ines")
    assert LOCKED in sign_in(client, "ines", factories.PASSWORD, "/admin/login/").content.decode()
    factories.user("omar", is_staff=True)
    for _ in range(3):
        sign_in(client, "omar", path="/admin/login/")
    assert LOCKED in sign_in(client, "omar@example.org", factories.PASSWORD).content.decode()
    assert not signed_in(client)


def test_a_locked_account_gets_the_same_answer_for_the_right_and_a_wrong_password(client, ines):
    for _ in range(3):
        sign_in(client, "ines")
    right = sign_in(client, "ines", factories.PASSWORD)
    wrong = sign_in(client, "ines", "another-wrong-one")
    assert right.status_code == wrong.status_code == 400
    assert right.context["form"].errors == wrong.context["form"].errors
    assert LOCKED in str(right.context["form"].errors)


def test_an_unknown_name_is_locked_like_an_account_whatever_its_case(client, ines):
    for name in ("nobody@example.org", "Nobody@Example.org"):
        assert "Please enter a correct" in sign_in(client, name).content.decode()
    assert LOCKED in sign_in(client, "NOBODY@example.org").content.decode()  # the third
    assert LOCKED in sign_in(client, " nobody@EXAMPLE.ORG").content.decode()
    assert LOCKED not in sign_in(client, "ines", factories.PASSWORD).content.decode()
    assert signed_in(client)  # another name from the same address is not locked


def test_the_user_name_in_another_case_is_the_same_account_for_the_lock(client, ines):
    for _ in range(3):
        sign_in(client, "ines")
    assert LOCKED in sign_in(client, "INES", factories.PASSWORD).content.decode()


def test_every_caller_of_authenticate_is_throttled_including_async_and_request_less(ines):
    """Any present or future path that checks a password (an API login, HTTP Basic) goes
    through authenticate(), so the lock holds there too."""
    request = RequestFactory().post("/api/v1/anything/")
    async_authenticate = async_to_sync(aauthenticate)  # in this thread: the test's connection
    assert async_authenticate(request, username="ines", password=factories.PASSWORD) == ines
    for _ in range(3):
        assert authenticate(request, username="ines", password=WRONG) is None
    assert authenticate(request, username="ines", password=factories.PASSWORD) is None
    assert authenticate(None, username="ines@example.org", password=factories.PASSWORD) is None
    assert async_authenticate(request, username="ines", password=factories.PASSWORD) is None


def test_a_client_address_is_locked_after_failures_across_many_names(client, ines):
    for number in range(12):  # four times the per-account limit
        sign_in(client, f"guess{number}", REMOTE_ADDR="198.51.100.5")
    response = sign_in(client, "ines", factories.PASSWORD, REMOTE_ADDR="198.51.100.5")
    assert LOCKED in response.content.decode()
    assert (
        sign_in(client, "ines", factories.PASSWORD, REMOTE_ADDR="198.51.100.6").status_code == 302
    )


def test_a_successful_sign_in_forgives_the_accounts_earlier_failures(client, ines):
    for _ in range(2):
        sign_in(client, "ines")
    assert sign_in(client, "ines", factories.PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, "ines@example.org")
    assert sign_in(client, "ines", factories.PASSWORD).status_code == 302


def change_password(client, old, path="/accounts/password/change/"):
    new = "a-brand-new-passphrase-9"
    data = {"old_password": old, "new_password1": new, "new_password2": new}
    return client.post(path, data)


def test_the_password_change_form_counts_wrong_current_passwords_toward_the_lock(client, ines):
    client.force_login(ines)
    for _ in range(3):
        response = change_password(client, WRONG)
        assert response.status_code == 400
    response = change_password(client, factories.PASSWORD)
    assert response.status_code == 400
    assert LOCKED in response.content.decode()
    ines.refresh_from_db()
    assert ines.check_password(factories.PASSWORD)
    client.logout()
    assert LOCKED in sign_in(client, "ines", factories.PASSWORD).content.decode()


def test_the_password_change_form_still_changes_a_password(client, ines):
    client.force_login(ines)
    assert change_password(client, factories.PASSWORD).status_code == 302
    ines.refresh_from_db()
    assert ines.check_password("a-brand-new-passphrase-9")


# --- sign-up ----------------------------------------------------------------------------

SIGNUP = {
    "display_name": "Dr. New Comer",
    "affiliation": "Coastal Medical School",
    "orcid": "",
    "password1": "a-long-enough-passphrase-42",
    "password2": "a-long-enough-passphrase-42",
}


def probe_signup(client, username, email, address="198.51.100.1"):
    data = {**SIGNUP, "username": username, "email": email}
    return client.post("/accounts/signup/", data, REMOTE_ADDR=address)


def test_failed_sign_ups_are_counted_and_then_reveal_nothing(client, settings, ines):
    settings.TOOLKIT_SIGNUP_FAILURES_PER_HOUR = 3
    for number in range(3):
        response = probe_signup(client, f"probe{number}", "ines@example.org")
        assert response.status_code == 400
        assert "already exists" in response.content.decode()
    throttled = probe_signup(client, "ines", "ines@example.org")
    html = throttled.content.decode()
    assert throttled.status_code == 400
    assert "Too many sign-up attempts have come from your network" in html
    assert "already exists" not in html
    assert 'value="Dr. New Comer"' in html  # what was typed is kept
    # Even a good sign-up waits now, so the answer says nothing about the names typed.
    assert "Too many sign-up" in probe_signup(client, "fresh", "fresh@example.org").content.decode()
    assert probe_signup(client, "fresh", "fresh@example.org", "198.51.100.2").status_code == 302


# --- API and OAI-PMH rates ------------------------------------------------------------


@pytest.fixture
def rates(settings):
    def set_rates(**rates):
        current = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        throttle_rates = {**current, **rates}
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": throttle_rates,
        }

    return set_rates


def test_the_per_user_api_rate_applies_to_every_endpoint_for_a_signed_in_user(rates, contributor):
    rates(user="3/minute", anon="100/minute")
    api = APIClient()
    api.force_authenticate(contributor)
    paths = ["/api/v1/submissions/", "/api/v1/topics/", "/api/v1/resources/"]
    assert [api.get(path).status_code for path in paths] == [200, 200, 200]
    response = api.get("/api/v1/assignments/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    other = APIClient()
    other.force_authenticate(factories.user("omar"))
    assert other.get("/api/v1/submissions/").status_code == 200  # per user, not global


def test_anonymous_clients_are_throttled_per_address_on_vocabularies_and_resources(rates):
    rates(anon="2/minute")
    api = APIClient()
    assert api.get("/api/v1/learner-levels/", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert api.get("/api/v1/resources/", REMOTE_ADDR="192.0.2.1").status_code == 200
    response = api.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert api.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_oai_pmh_answers_503_with_retry_after_to_a_client_harvesting_too_fast(client, rates):
    rates(oai="2/minute")
    for _ in range(2):
        assert client.get("/oai", {"verb": "Identify"}, REMOTE_ADDR="192.0.2.7").status_code == 200
    response = client.get("/oai", {"verb": "Identify"}, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 503
    assert 1 <= int(response["Retry-After"]) <= 60
    assert client.post("/oai", {"verb": "Identify"}, REMOTE_ADDR="192.0.2.7").status_code == 503
    assert client.get("/oai", {"verb": "Identify"}, REMOTE_ADDR="192.0.2.8").status_code == 200


def test_the_admin_password_change_counts_wrong_current_passwords_toward_the_lock(client, ines):
    client.force_login(ines)
    for _ in range(3):
        response = change_password(client, WRONG, "/admin/password_change/")
        assert response.status_code == 200  # the admin re-renders its form
    response = change_password(client, factories.PASSWORD, "/admin/password_change/")
    assert LOCKED in response.content.decode()
    ines.refresh_from_db()
    assert ines.check_password(factories.PASSWORD)


def test_the_admin_password_change_still_changes_a_password(client, ines):
    client.force_login(ines)
    response = change_password(client, factories.PASSWORD, "/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_change/done/"
    ines.refresh_from_db()
    assert ines.check_password("a-brand-new-passphrase-9")


def test_the_password_change_checks_the_signed_in_accounts_own_password(client, ines):
    """Even when its user name is another account's e-mail (a sign-in name would mean that
    other account)."""
    odd = factories.user("ines@example.org", email="odd@example.org", password="odd-own-pass-1")
    client.force_login(odd)
    assert change_password(client, factories.PASSWORD).status_code == 400  # ines's password
    assert change_password(client, "odd-own-pass-1").status_code == 302
