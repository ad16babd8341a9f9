"""The reviewer's pages in a real Chromium (issue 14 item 5): the invitation asks for the answer
first; the rubric shows its scale once, beside the submission at 1280 px and below it on a
phone; the reviewer asks for more time and the editor approves it."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from reviews.models import ReviewAssignment
from tests import factories
from tests.browser.helpers import screenshot, sign_in, sign_out, step
from tests.browser.worlds import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Heat, housing and health: a case for residents"
SCALE_TEXT = "Exemplary: a model for others."


def boxes(page: Page) -> tuple[dict, dict]:
    submission = page.locator(".review-workspace__submission").bounding_box()
    rubric = page.locator("form.rubric-form").bounding_box()
    return submission, rubric


def visible_count(page: Page, text: str) -> int:
    return page.locator(f"text={text} >> visible=true").count()


def test_a_reviewer_answers_first_reviews_beside_the_submission_and_gets_more_time(
    page: Page, browsing
):
    who = people()
    reviewer, editor = who.reviewers[0], who.editor
    _, (assignment,) = factories.in_review(who.owner, editor, [reviewer], title=TITLE)

    with step("The reviewer opens the invitation: the accept form is the first form"):
        sign_in(page, "reviewer1")
        page.get_by_role("navigation", name="Main").get_by_role(
            "link", name=re.compile("My reviews")
        ).click()
        page.get_by_role("link", name=TITLE).click()
        first_form = page.locator("main form").first
        expect(first_form).to_have_attribute("action", re.compile(r"/accept/$"))
        respond = page.locator("#respond")
        expect(respond).to_contain_text(f"{assignment.response_due:%-d %B %Y}")
        expect(respond).to_contain_text("What we ask")
        answer_top = respond.bounding_box()["y"]
        assert answer_top < page.locator("#submission").bounding_box()["y"]
        assert answer_top < 800, f"the answer starts {answer_top}px down"
        screenshot(page, "reviewer-invitation-answer-first-desktop")

    with step("The reviewer accepts"):
        page.get_by_label("Conflicts of interest").fill("None.")
        page.get_by_role("button", name="Accept and start reviewing").click()
        expect(page.locator(".messages")).to_contain_text("Thank you for accepting")

    with step("The scale is described once; a criterion's anchors open on demand"):
        assert visible_count(page, SCALE_TEXT) == 1
        anchors = page.locator("#criterion-objectives details.criterion__anchors")
        anchors.locator("summary").click()
        assert visible_count(page, SCALE_TEXT) == 2
        anchors.locator("summary").click()
        expect(page.get_by_label("4 – Strong").first).to_be_visible()

    with step("At 1280 px the submission and the rubric stand side by side"):
        page.evaluate("window.scrollTo(0, 0)")
        submission, rubric = boxes(page)
        assert submission["x"] + submission["width"] <= rubric["x"], (submission, rubric)
        column = page.locator(".review-workspace__rubric").bounding_box()
        assert abs(submission["y"] - column["y"]) < 2, (submission, column)
        screenshot(page, "reviewer-review-side-by-side-desktop")
        page.mouse.wheel(0, 3000)  # the submission keeps its place while the rubric scrolls
        page.wait_for_timeout(200)
        moved = page.locator(".review-workspace__submission").bounding_box()
        assert moved["y"] >= 0 and moved["y"] < 100, moved

    with step("On a phone they stack, the submission first"):
        phone = browsing.new_page("phone", user=reviewer)
        phone.goto(assignment.get_absolute_url())
        submission, rubric = boxes(phone)
        assert submission["y"] + submission["height"] <= rubric["y"]
        screenshot(phone, "reviewer-review-stacked-phone")

    with step("The reviewer asks for more time"):
        wanted = assignment.review_due + timedelta(days=10)
        page.get_by_text("Ask the editors for more time").click()
        page.get_by_label("New due date").fill(wanted.isoformat())
        page.get_by_label("Why you need more time").fill("Night shifts this month.")
        page.get_by_role("button", name="Send the request").click()
        expect(page.locator(".messages")).to_contain_text("sent to the editors")
        expect(page.locator("#more-time")).to_contain_text("The editors have not answered yet")
        sign_out(page)

    with step("The editor sees the request on the desk and approves it"):
        sign_in(page, "editor")
        page.goto("/editor/")
        page.get_by_role("link", name=re.compile("More time asked: 1 waiting")).click()
        section = page.locator("#extensions")
        expect(section).to_contain_text("Rita Reviewer")
        expect(section).to_contain_text("Night shifts this month.")
        section.get_by_role("button", name=re.compile("^Approve")).click()
        expect(page.locator(".messages")).to_contain_text(f"now due by {wanted:%-d %B %Y}")
        fresh = ReviewAssignment.objects.get(pk=assignment.pk)
        assert fresh.review_due == wanted
