"""The rubric in a real Chromium: stale tabs, the device copy and an ended session (issue 11
item 7). toolkit/static/toolkit/review.js is exercised as the reviewer meets it."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from reviews import services
from reviews.models import Review
from tests import factories
from tests.browser.helpers import step
from tests.browser.worlds import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AUTOSAVE_WAIT_MS = 15_000


@pytest.fixture
def accepted():
    who = people()
    reviewer = who.reviewers[0]
    _, (assignment,) = factories.in_review(who.owner, who.editor, [reviewer])
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    return reviewer, assignment


def local_copy(page: Page, assignment) -> str | None:
    return page.evaluate(f"window.localStorage.getItem('toolkit.review.{assignment.uuid}')")


def status(page: Page):
    return page.locator("#autosave-status")


def draft(assignment) -> Review:
    return Review.objects.get(assignment=assignment)


def test_a_stale_tab_stops_autosaving_keeps_its_text_and_no_confidential_comment_is_stored(
    browsing, accepted
):
    reviewer, assignment = accepted
    url = f"/reviews/{assignment.uuid}/"
    stale = browsing.new_page(user=reviewer)
    stale.goto(url)
    fresh = stale.context.new_page()  # a second tab: same session, same device storage
    browsing.pages.append(fresh)
    fresh.goto(url)

    with step("The newer tab writes the rubric; the device copy never holds the confidential part"):
        fresh.get_by_label("Confidential comments to the editor").fill("Secret for the editors.")
        fresh.get_by_label("Comments to the authors").fill("The full review from the new tab.")
        copy = local_copy(fresh, assignment)
        assert "The full review from the new tab." in copy
        assert "Secret for the editors." not in copy and "confidential" not in copy
        expect(status(fresh)).to_contain_text("Saved at", timeout=AUTOSAVE_WAIT_MS)
        assert local_copy(fresh, assignment) is None  # saved: no copy left on the device
        assert draft(assignment).confidential_comments == "Secret for the editors."

    with step("The stale tab's autosave is refused and says what happened"):
        stale.get_by_label("Comments to the authors").fill("One comment from the old tab.")
        expect(status(stale)).to_contain_text(
            re.compile(r"changed in another tab or window at \d\d:\d\d"), timeout=AUTOSAVE_WAIT_MS
        )
        expect(stale.get_by_label("Comments to the authors")).to_have_value(
            "One comment from the old tab."
        )
        assert draft(assignment).comments_to_authors == "The full review from the new tab."

    with step("It no longer saves by itself, whatever is typed"):
        version = draft(assignment).version
        stale.get_by_label("Comments to the authors").fill("Still typing in the old tab.")
        stale.wait_for_timeout(4_000)  # longer than the autosave delay
        assert draft(assignment).version == version
        assert draft(assignment).comments_to_authors == "The full review from the new tab."

    with step("“Save draft” then replaces the saved draft, knowingly"):
        stale.get_by_role("button", name="Save draft").click()
        expect(stale.locator(".messages")).to_contain_text("Draft saved at")
        assert draft(assignment).comments_to_authors == "Still typing in the old tab."
        assert local_copy(stale, assignment) is None


def test_a_rubric_saved_after_the_session_ended_comes_back_after_signing_in(browsing, accepted):
    reviewer, assignment = accepted
    page = browsing.new_page(user=reviewer)
    page.goto(f"/reviews/{assignment.uuid}/")

    with step("The session ends on the server while the reviewer writes"):
        page.get_by_label("Comments to the authors").fill("Written before the session ended.")
        page.get_by_label("Confidential comments to the editor").fill("For the editors only.")
        Session.objects.all().delete()

    with step("Saving sends the reviewer to sign in, with the rubric kept"):
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".messages")).to_contain_text("It is kept for you")
        sign_in_here(page, reviewer.username)

    with step("Back on the review, the text is in the form, not yet saved"):
        expect(page).to_have_url(re.compile(f"/reviews/{assignment.uuid}/$"))
        expect(page.locator("#restored-notice")).to_contain_text("not saved yet")
        expect(page.get_by_label("Comments to the authors")).to_have_value(
            "Written before the session ended."
        )
        expect(page.get_by_label("Confidential comments to the editor")).to_have_value(
            "For the editors only."
        )
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".messages")).to_contain_text("Draft saved at")
        assert draft(assignment).confidential_comments == "For the editors only."


def sign_in_here(page: Page, username: str) -> None:
    """Sign in on the sign-in page the browser was sent to (keeping its `next`)."""
    page.get_by_label("User name or e-mail").fill(username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
