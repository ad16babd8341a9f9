"""Personal API tokens (issue 11, item 10): shown once, stored hashed, revoked with the
password or the account."""

import hashlib
import importlib

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from tests import factories
from toolkit.accounts.models import ApiToken

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-9"


def api_with(key):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def create_token(client, user) -> str:
    client.force_login(user)
    response = client.post("/accounts/token/create/")
    assert response.status_code == 200
    return response.context["new_key"]


def test_a_new_token_is_shown_once_and_only_its_sha256_is_stored(client, contributor):
    key = create_token(client, contributor)
    assert len(key) >= 40
    stored = ApiToken.objects.get(user=contributor)
    assert stored.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {str(value) for value in ApiToken.objects.values_list(flat=False)[0]}
    assert api_with(key).get("/api/v1/submissions/").status_code == 200
    page = client.get("/accounts/token/").content.decode()
    assert key not in page
    assert "It is not shown again" in page


def test_the_page_showing_a_new_token_is_never_cached(client, contributor):
    client.force_login(contributor)
    response = client.post("/accounts/token/create/")
    assert "no-store" in response["Cache-Control"]


def test_replacing_a_token_disables_the_old_key(client, contributor):
    old = create_token(client, contributor)
    new = create_token(client, contributor)
    assert old != new
    assert api_with(old).get("/api/v1/submissions/").status_code == 401
    assert api_with(new).get("/api/v1/submissions/").status_code == 200
    assert ApiToken.objects.filter(user=contributor).count() == 1


def test_changing_the_password_revokes_the_token(client, contributor):
    key = create_token(client, contributor)
    data = {
        "old_password": factories.PASSWORD,
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
    }
    assert client.post("/accounts/password/change/", data).status_code == 302
    assert api_with(key).get("/api/v1/submissions/").status_code == 401
    assert not ApiToken.objects.filter(user=contributor).exists()


def test_a_password_set_anywhere_revokes_the_token(client, contributor):
    """The reset link, the admin and `changepassword` all end in set_password + save."""
    key = create_token(client, contributor)
    contributor.set_password(NEW_PASSWORD)
    contributor.save()
    assert api_with(key).get("/api/v1/submissions/").status_code == 401


def test_saving_the_profile_or_signing_in_keeps_the_token(client, contributor):
    key = create_token(client, contributor)
    contributor.display_name = "Ada C."
    contributor.save()
    client.logout()
    data = {"username": "contributor", "password": factories.PASSWORD}
    assert client.post("/accounts/login/", data).status_code == 302  # saves last_login
    assert api_with(key).get("/api/v1/submissions/").status_code == 200


def test_deactivating_the_account_in_the_admin_revokes_the_token(client, contributor):
    key = create_token(client, contributor)
    client.logout()
    admin = factories.user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(f"/admin/accounts/user/{contributor.pk}/change/")
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("password", "is_active")
    }
    data["groups"] = [g.pk for g in contributor.groups.all()]
    data["last_login_0"], data["last_login_1"] = "", ""
    now = timezone.localtime(contributor.date_joined)
    data["date_joined_0"], data["date_joined_1"] = f"{now:%Y-%m-%d}", f"{now:%H:%M:%S}"
    for name in ("expertise_levels", "expertise_topics", "user_permissions"):
        data[name] = []
    response = client.post(f"/admin/accounts/user/{contributor.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    contributor.refresh_from_db()
    assert not contributor.is_active
    assert not ApiToken.objects.filter(user=contributor).exists()
    assert api_with(key).get("/api/v1/submissions/").status_code == 401


def test_a_token_of_an_account_deactivated_without_save_is_refused(client, contributor):
    key = create_token(client, contributor)
    type(contributor).objects.filter(pk=contributor.pk).update(is_active=False)
    assert api_with(key).get("/api/v1/submissions/").status_code == 401


def test_an_unknown_or_malformed_token_is_refused_with_401(contributor):
    factories.api_key(contributor)
    for key in ("nope", "x" * 64, hashlib.sha256(b"guess").hexdigest()):
        assert api_with(key).get("/api/v1/submissions/").status_code == 401
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token a b")
    assert api.get("/api/v1/submissions/").status_code == 401


def test_the_schema_documents_the_token_header_and_the_docs_page_works(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    schemes = schema["components"]["securitySchemes"]
    token = schemes["tokenAuth"]
    assert token["type"] == "apiKey"
    assert token["in"] == "header"
    assert token["name"] == "Authorization"
    assert "Token" in token["description"]
    submissions = schema["paths"]["/api/v1/submissions/"]["get"]
    assert {"tokenAuth": []} in submissions["security"]
    assert client.get("/api/docs/").status_code == 200


def test_existing_plain_drf_keys_are_hashed_by_the_migration_and_keep_working(contributor):
    """A database from before: rest_framework.authtoken's table with a plain key."""
    migration = importlib.import_module("toolkit.accounts.migrations.0004_hash_drf_tokens")
    plain = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            'CREATE TABLE authtoken_token ("key" varchar(40) PRIMARY KEY, '
            "created timestamp NOT NULL, user_id bigint NOT NULL UNIQUE)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)",
            [plain, "2024-05-06 07:08:09", contributor.pk],
        )

    class SchemaEditor:
        pass

    editor = SchemaEditor()
    editor.connection = connection
    from django.apps import apps

    migration.hash_drf_tokens(apps, editor)
    token = ApiToken.objects.get(user=contributor)
    assert token.digest == hashlib.sha256(plain.encode()).hexdigest()
    assert token.created.year == 2024
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0  # no plain key is left
    assert api_with(plain).get("/api/v1/submissions/").status_code == 200
