"""What the browser journeys and the accessibility audit share: steps, sign-in, axe, focus."""

import re
from contextlib import contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
SCREENSHOTS = RESULTS / "screenshots"
FAILURES = RESULTS / "failures"

# --- journey steps -----------------------------------------------------------------------

_current_step = {"name": ""}
_terminal = {"reporter": None, "capture": None}  # set by conftest.pytest_configure


def show(line: str) -> None:
    """A line in pytest's live output (past output capture), and in the captured output."""
    reporter, capture = _terminal["reporter"], _terminal["capture"]
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.ensure_newline()
            reporter.write_line(line)
    print(line, flush=True)


@contextmanager
def step(name: str):
    """Name a journey step in the output, and in the failure of anything inside it."""
    show(f"    step: {name}")
    _current_step["name"] = name
    try:
        yield
    except BaseException as error:
        error.add_note(f"Journey step that failed: {name}")
        raise
    _current_step["name"] = ""


def current_step() -> str:
    return _current_step["name"]


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:120]


# --- signing in --------------------------------------------------------------------------


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the sign-in page, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("User name or e-mail").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def session_cookie(user, base_url: str) -> dict:
    """A signed-in session for `user` as a browser cookie (set-up only, for audits)."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": base_url}


# --- accessibility -----------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
_axe = Axe()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One line per rule and per element, readable in a test failure."""
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"      {', '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"      … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


def horizontal_overflow(page: Page) -> tuple[int, int]:
    """(document scroll width, viewport width): the first larger means horizontal scrolling."""
    return tuple(page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{slug(name)}.png"
    page.screenshot(path=path, full_page=True)
    return path


# --- keyboard ----------------------------------------------------------------------------

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
          type: el.getAttribute("type") || "", value: el.value === undefined ? "" : el.value,
          text: (el.innerText || el.value || "").trim().slice(0, 80),
          checked: !!el.checked,
          top: r.top + window.scrollY, left: r.left + window.scrollX,
          bottom: r.bottom + window.scrollY, right: r.right + window.scrollX};
}"""


def focused(page: Page) -> dict | None:
    """What has the keyboard focus: tag, id, name, type, value, text and its box."""
    return page.evaluate(FOCUSED_JS)


def tab_to(page: Page, name: str, *, key: str = "Tab", limit: int = 120) -> dict:
    """Press Tab (or Shift+Tab) until a control named `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now and now["name"] == name:
            return now
    raise AssertionError(f"{key} never reached the control named {name!r}")


def skip_to_main(page: Page) -> None:
    """From a fresh page: Tab to the skip link, Enter; the focus is then on <main>."""
    page.keyboard.press("Tab")
    now = focused(page)
    assert now and now["text"] == "Skip to main content", f"first Tab stop is {now}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
