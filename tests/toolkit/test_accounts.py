from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from toolkit.accounts.models import ApiToken, account_with_roles
from toolkit.mail.models import OutboundMessage

pytestmark = pytest.mark.django_db

User = get_user_model()

SIGNUP = {
    "username": "newcomer",
    "email": "New.Comer@Example.org",
    "display_name": "Dr. New Comer",
    "affiliation": "Coastal Medical School",
    "orcid": "",
    "password1": "a-long-enough-passphrase-42",
    "password2": "a-long-enough-passphrase-42",
}


def test_signup_makes_a_signed_in_contributor(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(username="newcomer")
    assert list(user.groups.values_list("name", flat=True)) == ["contributor"]
    assert user.email == "new.comer@example.org"
    assert client.get("/accounts/profile/").status_code == 200


def test_signup_with_bad_input_keeps_what_was_typed_and_marks_the_field(client):
    factories.user("taken", email="new.comer@example.org")
    data = {**SIGNUP, "orcid": "0000-0002-1825-0098", "password2": "different"}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "An account with this e-mail address already exists." in html
    assert "wrong check digit" in html
    assert 'value="Coastal Medical School"' in html
    assert 'value="Dr. New Comer"' in html
    assert 'href="#id_email"' in html  # the error summary links to the field
    assert 'aria-invalid="true"' in html
    assert "a-long-enough-passphrase-42" not in html  # passwords are never echoed
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.parametrize(
    ("orcid", "valid"),
    [
        ("0000-0002-1825-0097", True),
        ("https://orcid.org/0000-0002-1694-233X", True),
        ("0000-0002-1694-233x", True),
        ("0000-0002-1825-0098", False),
        ("0000-0002-1825", False),
    ],
)
def test_orcid_check_digit_is_validated(orcid, valid):
    from django.core.exceptions import ValidationError

    from toolkit.accounts.validators import validate_orcid

    if valid:
        validate_orcid(orcid)
    else:
        with pytest.raises(ValidationError):
            validate_orcid(orcid)


def test_login_with_user_name_or_email_and_logout_by_post(client):
    factories.user("ines", email="ines@example.org")
    response = client.post("/accounts/login/", {"username": "ines", "password": factories.PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/accounts/profile/").status_code == 302
    response = client.post(
        "/accounts/login/", {"username": "INES@example.org", "password": factories.PASSWORD}
    )
    assert response.status_code == 302


def test_a_wrong_password_is_refused_with_a_message_and_keeps_the_user_name(client):
    factories.user("ines")
    response = client.post("/accounts/login/", {"username": "ines", "password": "nope"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please enter a correct" in html
    assert 'value="ines"' in html


def test_login_pauses_after_repeated_failures_even_with_the_right_password(client, settings):
    settings.TOOLKIT_LOGIN_ATTEMPTS = 3
    factories.user("ines")
    for _ in range(3):
        client.post("/accounts/login/", {"username": "ines", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "ines", "password": factories.PASSWORD})
    assert response.status_code == 400
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def fail_sign_ins(client, names, **headers):
    for name in names:
        client.post("/accounts/login/", {"username": name, "password": "x"}, **headers)


def test_a_client_cannot_escape_the_sign_in_pause_with_a_forged_forwarded_for(client, settings):
    settings.TOOLKIT_LOGIN_ATTEMPTS = 2  # the address may fail 4 times as often: 8
    factories.user("ines")
    for i in range(8):
        fail_sign_ins(client, [f"guess{i}"], HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
    response = client.post(
        "/accounts/login/",
        {"username": "ines", "password": factories.PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert response.status_code == 400
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_behind_the_proxy_failed_sign_ins_pause_their_client_not_everyone(client, settings):
    """Every request comes from the proxy's address: the client is the one it forwarded."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.TOOLKIT_LOGIN_ATTEMPTS = 2
    factories.user("ines")
    fail_sign_ins(client, [f"guess{i}" for i in range(8)], HTTP_X_FORWARDED_FOR="203.0.113.7")
    locked = client.post(
        "/accounts/login/",
        {"username": "ines", "password": factories.PASSWORD},
        HTTP_X_FORWARDED_FOR="forged, 203.0.113.7",
    )
    assert "Too many failed sign-in attempts" in locked.content.decode()
    response = client.post(
        "/accounts/login/",
        {"username": "ines", "password": factories.PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.44",
    )
    assert response.status_code == 302


def test_a_profile_term_number_too_large_for_the_database_is_a_400_not_a_500(
    contributor_client,
):
    response = contributor_client.post(
        "/accounts/profile/",
        {
            "display_name": "Ada",
            "email": "ada@example.org",
            "expertise_levels": ["1", "99999999999999999999"],
            "expertise_topics": ["-99999999999999999999"],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“99999999999999999999” is not a valid value." in html
    assert "“-99999999999999999999” is not a valid value." in html


def test_profile_requires_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/accounts/profile/")


def test_profile_saves_expertise_and_conflicts_with_a_message(contributor_client, contributor):
    response = contributor_client.post(
        "/accounts/profile/",
        {
            "display_name": "Ada C. Contributor",
            "email": "ada@example.org",
            "affiliation": "Hillside University",
            "orcid": "0000-0002-1825-0097",
            "expertise_levels": ["1", "4"],
            "expertise_topics": ["2"],
            "conflict_institutions": "Valley College\n",
            "conflict_people": "Dr. Who\nwho@example.org",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Your profile was saved." in response.content.decode()
    contributor.refresh_from_db()
    assert contributor.orcid == "0000-0002-1825-0097"
    assert contributor.expertise_levels.count() == 2
    assert contributor.conflict_lines() == (["valley college"], ["dr. who", "who@example.org"])


def test_profile_with_a_bad_orcid_keeps_every_typed_value(contributor_client):
    response = contributor_client.post(
        "/accounts/profile/",
        {"display_name": "Typed Name", "email": "ada@example.org", "orcid": "1234"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an ORCID iD" in html
    assert 'value="Typed Name"' in html
    assert 'value="1234"' in html


def test_token_pages_follow_the_permission_ladder(client, contributor):
    assert client.get("/accounts/token/").status_code == 302
    assert client.post("/accounts/token/create/").status_code == 302  # to login
    assert not ApiToken.objects.exists()
    client.force_login(contributor)
    assert client.get("/accounts/token/create/").status_code == 405
    assert client.get("/accounts/token/revoke/").status_code == 405
    assert client.get("/accounts/token/").status_code == 200


def test_a_created_token_authenticates_the_api_and_a_revoked_one_does_not(client, contributor):
    client.force_login(contributor)
    response = client.post("/accounts/token/create/", follow=True)
    assert "A new API token was created" in response.content.decode()
    key = response.context["new_key"]
    assert key in response.content.decode()
    client.logout()
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/topics/").status_code == 200
    client.force_login(contributor)
    client.post("/accounts/token/revoke/")
    assert not ApiToken.objects.filter(user=contributor).exists()
    assert api.get("/api/v1/topics/").status_code == 401  # a bad token is refused, not ignored


def test_password_reset_sends_a_link_that_works(client, django_capture_on_commit_callbacks):
    factories.user("ines", email="ines@example.org")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox delivers on commit
        response = client.post("/accounts/password/reset/", {"email": "ines@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/accounts/password/reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {
            "new_password1": "another-long-passphrase-7",
            "new_password2": "another-long-passphrase-7",
        },
    )
    assert response.status_code == 302
    assert client.login(username="ines", password="another-long-passphrase-7")


def signup_as(client, number, address):
    data = {**SIGNUP, "username": f"newcomer{number}", "email": f"new{number}@example.org"}
    return client.post("/accounts/signup/", data, REMOTE_ADDR=address)


def test_signup_is_refused_after_too_many_accounts_from_one_address(client, settings):
    settings.TOOLKIT_SIGNUPS_PER_HOUR = 2
    for number in range(2):
        assert signup_as(client, number, "198.51.100.1").status_code == 302
        client.logout()
    response = signup_as(client, 2, "198.51.100.1")
    assert response.status_code == 400
    assert "Too many sign-up attempts have come from your network" in response.content.decode()
    assert 'value="newcomer2"' in response.content.decode()  # what was typed is kept
    assert not User.objects.filter(username="newcomer2").exists()
    assert signup_as(client, 3, "198.51.100.2").status_code == 302  # another network


def ask_reset(client, email, address):
    return client.post("/accounts/password/reset/", {"email": email}, REMOTE_ADDR=address)


def queued_resets():
    """Password-reset messages written to the outbox (toolkit.mail)."""
    return OutboundMessage.objects.filter(event="password_reset").count()


def test_password_reset_sends_so_many_links_an_hour_to_one_address(client, settings):
    settings.TOOLKIT_PASSWORD_RESETS_PER_HOUR = 2
    factories.user("ines", email="ines@example.org")
    factories.user("omar", email="omar@example.org")
    for address in ("192.0.2.1", "192.0.2.2"):
        assert ask_reset(client, "ines@example.org", address).status_code == 302
    response = ask_reset(client, "Ines@Example.org", "192.0.2.3")
    assert response.status_code == 400
    assert "Too many reset links" in response.content.decode()
    assert 'value="Ines@Example.org"' in response.content.decode()
    assert queued_resets() == 2
    assert ask_reset(client, "omar@example.org", "192.0.2.3").status_code == 302
    assert queued_resets() == 3


def test_password_reset_counts_unknown_addresses_too_and_limits_each_client(client, settings):
    settings.TOOLKIT_PASSWORD_RESETS_PER_HOUR = 1  # four per client address
    for number in range(4):
        assert ask_reset(client, f"nobody{number}@example.org", "203.0.113.9").status_code == 302
    response = ask_reset(client, "nobody9@example.org", "203.0.113.9")
    assert response.status_code == 400
    assert "Too many reset links" in response.content.decode()
    assert ask_reset(client, "nobody0@example.org", "203.0.113.10").status_code == 400
    assert ask_reset(client, "nobody9@example.org", "203.0.113.10").status_code == 302
    assert queued_resets() == 0


def test_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "contributor",
        "reviewer",
        "editor",
        "admin",
    }


def test_role_names_are_the_users_own_groups_and_follow_a_change_on_the_next_request():
    editor = factories.user("ed", roles=["contributor", "editor"])
    factories.user("rev", roles=["reviewer"])
    nobody = factories.user("nobody", roles=[])
    users = get_user_model().objects
    assert users.get(pk=editor.pk).role_names == {"contributor", "editor"}
    assert users.get(pk=nobody.pk).role_names == frozenset()
    nobody.groups.add(Group.objects.get(name="reviewer"))
    assert users.get(pk=nobody.pk).role_names == {"reviewer"}  # a new request's user object


# --- a signed-in request's session and account, read by two statements ----------------------


def test_a_signed_in_request_reads_its_session_then_its_account_with_roles_in_two_queries(
    client,
):
    editor = factories.user("ed", roles=["contributor", "editor"])
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        request = client.get("/accounts/profile/").wsgi_request
    sql = [q["sql"] for q in queries.captured_queries]
    assert "django_session" in sql[0] and "accounts_user" in sql[1] and "auth_group" in sql[1]
    assert not any("auth_group" in s for s in sql[2:])  # the roles came with the account
    assert request.user == editor and request.user.role_names == {"contributor", "editor"}


def test_the_account_read_with_its_roles_equals_the_orms_in_every_field():
    person = factories.user("ed", roles=["contributor", "reviewer"])
    person.orcid, person.last_login = "0000-0002-1825-0097", timezone.now()
    person.save()
    read = account_with_roles(str(person.pk))  # as the session keeps the id
    expected = get_user_model().objects.get(pk=person.pk)
    for field in expected._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(expected, field.attname), field.name
    assert read.role_names == {"contributor", "reviewer"} and not read._state.adding
    assert account_with_roles(str(person.pk + 999)) is None
    assert account_with_roles("not a number") is None


def test_an_expired_or_unknown_session_signs_nobody_in(client):
    person = factories.user("ed", roles=["contributor"])
    client.force_login(person)
    assert client.get("/accounts/profile/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/accounts/profile/").status_code == 302  # to the sign-in page
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    assert client.get("/accounts/profile/").status_code == 302


def test_a_deactivated_or_deleted_account_is_signed_out_on_its_next_request(client):
    person = factories.user("ed", roles=["contributor"])
    client.force_login(person)
    get_user_model().objects.filter(pk=person.pk).update(is_active=False)
    assert client.get("/accounts/profile/").status_code == 302
    other = factories.user("other", roles=["contributor"])
    client.force_login(other)
    other.delete()
    assert client.get("/accounts/profile/").status_code == 302


@pytest.mark.parametrize(
    "cookie", ['"abcdefgh\\000ijklmnop"', "abcdefgh\x00ijklmnop", "a" * 41, "ABCDEFGH-ijklmnop"]
)
def test_a_session_cookie_django_could_not_have_made_is_no_session_not_an_error(client, cookie):
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the first: a NUL, octal-escaped
    assert client.get("/accounts/profile/").status_code == 302  # to the sign-in page
    assert client.get("/catalog/").status_code == 200
