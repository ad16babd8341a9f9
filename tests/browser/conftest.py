"""Real-browser harness (issue 7): Debian's chromium driven by Playwright's sync API against
pytest-django's live_server.

- One chromium per session, launched from /usr/bin/chromium: no browser is ever downloaded.
- A fresh browser context per page a test opens (desktop 1280×800 or phone 390×844), so
  cookies and storage never leak between people or tests.
- When a test fails, every page it opened is saved under test-results/failures/ as a
  full-page screenshot and its HTML, named after the test and the journey step.

Tests here are marked `browser` (deselected by default; `make test-browser` runs them) and
`django_db(transaction=True, serialized_rollback=True)`: the live server reads committed
data, and the vocabularies and role groups come from data migrations.
"""

import shutil
from pathlib import Path

import pytest

# The `browser` extra (make test-browser installs it); without it this directory is skipped.
pytest.importorskip("playwright.sync_api")
pytest.importorskip("axe_playwright_python")

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import helpers  # noqa: E402

TIMEOUT_MS = 10_000


def pytest_configure(config):
    """Journey steps are written live to the terminal (helpers.step)."""
    helpers._terminal["reporter"] = config.pluginmanager.get_plugin("terminalreporter")
    helpers._terminal["capture"] = config.pluginmanager.get_plugin("capturemanager")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so fixtures can tell that the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not Path(helpers.CHROMIUM).exists():
        pytest.fail(f"{helpers.CHROMIUM} is missing: install Debian's chromium package.")
    shutil.rmtree(helpers.FAILURES, ignore_errors=True)  # only this run's failures are kept
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API runs an event loop in this thread, so Django would refuse the
        # tests' own ORM calls (set-up through services and factories) as if they were async.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=helpers.CHROMIUM, args=helpers.LAUNCH_ARGS, headless=True
            )
            yield chromium
            chromium.close()


class Browsing:
    """The pages one test opens, each in its own context, all closed at the end."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.pages = []
        self.script_errors = []  # uncaught exceptions and Content-Security-Policy refusals

    def new_page(self, device="desktop", *, user=None):
        """A page in a fresh context; `user` signs it in by cookie (for set-up only)."""
        phone = device == "phone"
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=helpers.PHONE if phone else helpers.DESKTOP,
            is_mobile=phone,
            has_touch=phone,
            accept_downloads=True,
            locale="en-GB",
            timezone_id="UTC",
        )
        context.set_default_timeout(TIMEOUT_MS)
        if user is not None:
            context.add_cookies([helpers.session_cookie(user, self.base_url)])
        page = context.new_page()
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: self._console(page, message))
        self.contexts.append(context)
        self.pages.append(page)
        return page

    def _console(self, page, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.script_errors.append(f"{page.url}: {message.text}")

    def save_failure(self, nodeid):
        """A full-page screenshot and the HTML of every open page, for the failed test."""
        helpers.FAILURES.mkdir(parents=True, exist_ok=True)
        stem = helpers.slug(nodeid.split("::", 1)[-1])
        if helpers.current_step():
            stem += "--" + helpers.slug(helpers.current_step())
        for n, page in enumerate(self.pages, 1):
            if page.is_closed():
                continue
            base = helpers.FAILURES / f"{stem}--page{n}"
            try:
                page.screenshot(path=f"{base}.png", full_page=True)
                Path(f"{base}.html").write_text(page.content(), encoding="utf-8")
            except Exception as error:  # a crashed page must not hide the real failure
                print(f"could not save {base}: {error}")
            else:
                print(f"saved {base}.png and {base}.html ({page.url})")

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(request, browser, live_server):
    session = Browsing(browser, live_server.url)
    yield session
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        session.save_failure(request.node.nodeid)
    session.close()
    if report is not None and report.passed and session.script_errors:
        pytest.fail("Scripts failed in the pages:\n" + "\n".join(session.script_errors))


@pytest.fixture
def page(browsing):
    """A desktop page (1280×800), signed out."""
    return browsing.new_page("desktop")


@pytest.fixture
def phone(browsing):
    """A phone page (390×844), signed out."""
    return browsing.new_page("phone")
