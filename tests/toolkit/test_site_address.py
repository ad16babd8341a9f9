"""Every absolute link is on the one site address (toolkit.site).

In development (TOOLKIT_SITE_URL unset) that is the address the request came to, so a server
on any port links to itself; in production it is TOOLKIT_SITE_URL whatever host the request
names. Citations, JSON-LD, OAI-PMH, the sitemap, robots.txt, the feed, the API and e-mails.
"""

import pytest

from tests import factories
from toolkit import site
from toolkit.mail.models import OutboundMessage

pytestmark = pytest.mark.django_db

SERVED = "127.0.0.1:8301"


@pytest.fixture
def resource():
    return factories.resource()


def pages(client, resource, host):
    """The body of every response that carries an absolute link to the resource or the site."""
    slug = resource.slug
    get = {"HTTP_HOST": host}
    return {
        "detail (canonical, JSON-LD, Highwire)": client.get(f"/catalog/{slug}/", **get),
        "RIS citation": client.get(f"/catalog/{slug}/cite.ris", **get),
        "BibTeX citation": client.get(f"/catalog/{slug}/cite.bib", **get),
        "CSL-JSON citation": client.get(f"/catalog/{slug}/cite.json", **get),
        "feed": client.get("/catalog/feed/", **get),
        "sitemap": client.get("/sitemap.xml", **get),
        "API list": client.get("/api/v1/resources/", **get),
        "API detail": client.get(f"/api/v1/resources/{slug}/", **get),
    }


def test_in_development_every_link_is_on_the_address_being_served(client, settings, resource):
    settings.TOOLKIT_SITE_URL = ""  # DEBUG on and the variable unset
    origin = f"http://{SERVED}"
    for name, response in pages(client, resource, SERVED).items():
        body = response.content.decode()
        assert f"{origin}/catalog/{resource.slug}/" in body, name
        assert "127.0.0.1:8000" not in body and "testserver" not in body, name
    robots = client.get("/robots.txt", HTTP_HOST=SERVED).content.decode()
    assert f"Sitemap: {origin}/sitemap.xml" in robots
    identify = client.get("/oai", {"verb": "Identify"}, HTTP_HOST=SERVED).content.decode()
    assert f"<baseURL>{origin}/oai</baseURL>" in identify


def test_in_development_an_email_sent_while_answering_a_request_links_to_that_address(
    client, settings
):
    settings.TOOLKIT_SITE_URL = ""
    factories.user("ines", email="ines@example.org")
    client.post("/accounts/password/reset/", {"email": "ines@example.org"}, HTTP_HOST=SERVED)
    message = OutboundMessage.objects.get(event="password_reset")
    assert f"http://{SERVED}/accounts/password/reset/" in message.text
    assert f'href="http://{SERVED}/accounts/password/reset/' in message.html
    assert message.message_id.endswith("@127.0.0.1>")


def test_in_development_outside_a_request_the_address_is_the_development_default(client, settings):
    settings.TOOLKIT_SITE_URL = ""
    client.get("/", HTTP_HOST=SERVED)  # a request answered before leaves nothing behind
    assert site.site_url() == "http://127.0.0.1:8000"
    assert site.absolute("/catalog/") == "http://127.0.0.1:8000/catalog/"


def test_in_production_every_link_is_on_the_configured_address_whatever_the_host(
    client, settings, resource
):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    settings.ALLOWED_HOSTS = ["toolkit.example.org", "internal.example.org"]
    for name, response in pages(client, resource, "internal.example.org").items():
        body = response.content.decode()
        assert f"https://toolkit.example.org/catalog/{resource.slug}/" in body, name
        assert "internal.example.org" not in body, name
    robots = client.get("/robots.txt", HTTP_HOST="internal.example.org").content.decode()
    assert "Sitemap: https://toolkit.example.org/sitemap.xml" in robots
    identify = client.get("/oai", {"verb": "Identify"}, HTTP_HOST="internal.example.org")
    assert "<baseURL>https://toolkit.example.org/oai</baseURL>" in identify.content.decode()
