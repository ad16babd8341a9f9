"""`manage.py check_links` against a local HTTP server: 200, 404, 405 then GET, a timeout,
redirects (followed, and too many), with the status recorded per link for the queue."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from catalog.currency.links import NOT_PUBLIC, LinkChecker
from catalog.models import LinkCheck
from tests import factories


class Handler(BaseHTTPRequestHandler):
    seen: list = []

    def log_message(self, *args):
        pass

    def answer(self, method):
        Handler.seen.append((method, self.path))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/missing":
            self.send_response(404)
        elif self.path == "/no-head":
            self.send_response(405 if method == "HEAD" else 200)
        elif self.path == "/slow":
            threading.Event().wait(1.5)
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.seen = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def checker():
    return LinkChecker(concurrency=3, delay=0, timeout=0.5, max_redirects=3, allow_private=True)


def test_a_live_link_is_200_with_one_head_request(server):
    outcome = checker().check(f"{server}/ok")
    assert (outcome.status, outcome.ok) == (200, True)
    assert Handler.seen == [("HEAD", "/ok")]


def test_a_missing_page_is_404_and_broken(server):
    outcome = checker().check(f"{server}/missing")
    assert (outcome.status, outcome.ok) == (404, False)


def test_a_server_refusing_head_is_asked_again_with_get(server):
    outcome = checker().check(f"{server}/no-head")
    assert (outcome.status, outcome.ok) == (200, True)
    assert Handler.seen == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_slow_server_times_out(server):
    outcome = checker().check(f"{server}/slow")
    assert outcome.status is None and not outcome.ok
    assert "timed out" in outcome.error.lower()


def test_a_redirect_is_followed_keeping_head(server):
    outcome = checker().check(f"{server}/moved")
    assert outcome.ok and outcome.final_url == f"{server}/ok"
    assert Handler.seen == [("HEAD", "/moved"), ("HEAD", "/ok")]


def test_too_many_redirects_is_a_failure(server):
    outcome = checker().check(f"{server}/loop")
    assert not outcome.ok
    assert len(Handler.seen) <= 5


def test_requests_to_one_host_are_spaced_by_the_delay(server):
    import time

    started = time.monotonic()
    LinkChecker(concurrency=4, delay=0.2, timeout=1, allow_private=True).check_all(
        [f"{server}/ok", f"{server}/missing", f"{server}/moved"]
    )
    assert time.monotonic() - started >= 0.4


def test_check_links_records_the_status_of_every_link_of_published_resources(db, server):
    resource = factories.resource(
        "Links",
        references=f"Smith 2020. {server}/missing.\nSee <{server}/no-head>",
        description=f"[Slides]({server}/ok) and {server}/slow",
    )
    retired = factories.resource("Gone", references=f"{server}/moved")
    retired.retired_at = retired.published_at
    retired.save()
    out = StringIO()
    for _ in range(2):
        call_command(
            "check_links",
            "--delay=0",
            "--timeout=0.5",
            "--no-progress",
            "--allow-private",
            stdout=out,
            stderr=out,
        )
    checks = {c.url.removeprefix(server): c for c in LinkCheck.objects.filter(resource=resource)}
    assert set(checks) == {"/missing", "/no-head", "/ok", "/slow"}
    assert (checks["/ok"].status_code, checks["/ok"].consecutive_failures) == (200, 0)
    assert (checks["/no-head"].status_code, checks["/no-head"].consecutive_failures) == (200, 0)
    assert (checks["/missing"].status_code, checks["/missing"].consecutive_failures) == (404, 2)
    assert checks["/slow"].status_code is None and checks["/slow"].consecutive_failures == 2
    assert not LinkCheck.objects.filter(resource=retired).exists()
    assert "2 broken" in out.getvalue()


@pytest.mark.parametrize(
    "address",
    ["/ok", "http://localhost/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"],
)
def test_by_default_addresses_on_loopback_or_private_networks_are_refused_unrequested(
    server, address
):
    url = f"{server}{address}" if address.startswith("/") else address
    outcome = LinkChecker(delay=0, timeout=0.5).check(url)
    assert (outcome.status, outcome.ok, outcome.error) == (None, False, NOT_PUBLIC)
    assert Handler.seen == []


def test_a_redirect_to_a_private_address_is_not_followed(monkeypatch, server):
    from catalog.currency import links

    checked = []

    def public_except_loopback(url):
        checked.append(url)
        if "/ok" in url:  # where /moved redirects: treated as the private address
            raise ValueError(NOT_PUBLIC)

    monkeypatch.setattr(links, "require_public_host", public_except_loopback)
    outcome = LinkChecker(delay=0, timeout=0.5).check(f"{server}/moved")
    assert outcome.ok is False and outcome.error == NOT_PUBLIC
    assert Handler.seen == [("HEAD", "/moved")]
