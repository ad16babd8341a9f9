"""Every kind of page names the site by its configured name, never by the server's address.

Django's sign-in view puts the request's host into its context as `site_name` when the sites
framework is absent; the pages must show TOOLKIT_SITE_NAME in the title, header and footer.
"""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from catalog import services as catalog_services
from tests import factories

pytestmark = pytest.mark.django_db

NAME = "Equity Teaching Commons"
HOST = "127.0.0.1:8301"


@pytest.fixture
def site(settings):
    settings.TOOLKIT_SITE_NAME = NAME
    settings.TOOLKIT_SITE_URL = "https://commons.example.org"


@pytest.fixture
def people(contributor, reviewer, editor):
    submission, (assignment,) = factories.in_review(contributor, editor, [reviewer])
    resource = factories.resource()
    retired = factories.resource("An outdated session")
    catalog_services.retire_resource(retired, "Outdated")
    return {
        "contributor": contributor,
        "reviewer": reviewer,
        "editor": editor,
        "submission": submission,
        "assignment": assignment,
        "resource": resource,
        "retired": retired,
    }


def reset_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/password/reset/{uid}/{default_token_generator.make_token(user)}/"


PAGE_KINDS = [
    pytest.param(None, lambda p: "/", id="home"),
    pytest.param(None, lambda p: "/catalog/", id="catalog"),
    pytest.param(None, lambda p: f"/catalog/{p['resource'].slug}/", id="resource"),
    pytest.param(None, lambda p: f"/catalog/{p['retired'].slug}/", id="tombstone"),
    pytest.param(None, lambda p: "/no-such-page/", id="not-found"),
    pytest.param(None, lambda p: "/api/docs/", id="api-docs"),
    pytest.param(None, lambda p: "/about/", id="about"),
    pytest.param(None, lambda p: "/about/board/", id="editorial-board"),
    pytest.param(None, lambda p: "/about/peer-review/", id="peer-review-policy"),
    pytest.param(None, lambda p: "/accounts/login/", id="sign-in"),
    pytest.param(None, lambda p: "/accounts/signup/", id="sign-up"),
    pytest.param(None, lambda p: "/accounts/password/reset/", id="password-reset"),
    pytest.param(None, lambda p: "/accounts/password/reset/sent/", id="password-reset-sent"),
    pytest.param(None, lambda p: reset_link(p["contributor"]), id="password-reset-confirm"),
    pytest.param(None, lambda p: "/accounts/password/reset/done/", id="password-reset-done"),
    pytest.param("contributor", lambda p: "/accounts/profile/", id="profile"),
    pytest.param("contributor", lambda p: "/accounts/token/", id="token"),
    pytest.param("contributor", lambda p: "/accounts/password/change/", id="password-change"),
    pytest.param("contributor", lambda p: "/submissions/", id="my-submissions"),
    pytest.param("contributor", lambda p: "/submissions/new/", id="new-submission"),
    pytest.param("contributor", lambda p: f"/submissions/{p['submission'].uuid}/", id="submission"),
    pytest.param("reviewer", lambda p: "/reviews/", id="my-reviews"),
    pytest.param("reviewer", lambda p: f"/reviews/{p['assignment'].uuid}/", id="assignment"),
    pytest.param("editor", lambda p: "/editor/", id="editor-queue"),
    pytest.param(
        "editor",
        lambda p: f"/editor/submissions/{p['submission'].uuid}/",
        id="editor-submission",
    ),
    pytest.param("editor", lambda p: "/editor/searches/", id="search-log"),
    pytest.param("editor", lambda p: "/editor/mail/", id="undelivered-mail"),
]


@pytest.mark.parametrize(("role", "path"), PAGE_KINDS)
def test_every_page_kind_shows_the_site_name_and_never_the_server_address(
    client, site, people, role, path
):
    if role:
        client.force_login(people[role])
    response = client.get(path(people), HTTP_HOST=HOST, follow=True)
    assert response.status_code in (200, 404, 410)
    html = response.content.decode()
    assert HOST not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert NAME in title
    header = re.search(r'<header class="site-header">(.*?)</header>', html, re.S).group(1)
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    assert NAME in header and NAME in footer


def test_the_sign_in_page_reads_the_site_name_at_request_time(client, settings):
    settings.TOOLKIT_SITE_NAME = "Another Name"
    html = client.get("/accounts/login/", HTTP_HOST=HOST).content.decode()
    assert "<title>Sign in · Another Name</title>" in html
    assert HOST not in html
