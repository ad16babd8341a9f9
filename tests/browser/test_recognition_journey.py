"""Reviewer recognition in a real Chromium (issue 16 item 6): a reviewer completes a review,
the editor decides and rates the review's helpfulness, and the reviewer opens My reviewing
and downloads the year's certificate (which never shows the rating)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from reviews.models import HelpfulnessRating, ReviewAssignment
from tests import factories
from tests.browser.helpers import sign_in, step
from tests.browser.test_journeys import KEYBOARD_ANSWERS, message, nav
from tests.browser.worlds import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Briefing an interpreter before a family meeting"


def test_a_reviewer_is_thanked_rated_by_the_editor_and_downloads_a_certificate(
    page: Page, browsing, tmp_path
):
    who = people()
    r1, r2 = who.reviewers[:2]
    submission, (a1, a2) = factories.in_review(who.owner, who.editor, [r1, r2], title=TITLE)
    factories.review_and_complete(a2, r2)

    with step("Reviewer 1 accepts, fills the rubric and submits the review"):
        sign_in(page, "reviewer1")
        nav(page, "My reviews")
        page.get_by_role("link", name=TITLE).click()
        page.get_by_label("Conflicts of interest").fill("None.")
        page.get_by_role("button", name="Accept and start reviewing").click()
        for name, position in KEYBOARD_ANSWERS:
            page.locator(f'input[name="{name}"]').nth(position - 1).check()
        page.get_by_label("Comments to the authors").fill("Clear, runnable and well framed.")
        page.get_by_role("button", name="Submit review").click()
        expect(message(page)).to_contain_text("your review was submitted")

    with step("The editor accepts and rates Reviewer 1's review as very helpful"):
        editor = browsing.new_page()
        sign_in(editor, "editor")
        editor.goto(submission.get_editor_url())
        decision = editor.locator("form[data-decision-form]")
        decision.get_by_label("Accept").check()
        decision.get_by_role("button", name="Send decision").click()
        expect(message(editor)).to_contain_text("Accepted")
        card = editor.locator("article.review-card", has_text="Rita Reviewer")
        card.get_by_role("group", name=re.compile("How helpful was this review")).get_by_label(
            "3 · very helpful"
        ).check()
        card.get_by_role("button", name=re.compile("^Rate")).click()
        expect(message(editor)).to_contain_text("Rated: very helpful")
        assert HelpfulnessRating.objects.get(review__assignment=a1).score == 3

    with step("Reviewer 1 opens My reviewing: one review this year, on time, no rating"):
        nav(page, "My reviewing")
        year = timezone.localdate().year
        section = page.get_by_role("region", name=str(year), exact=True)
        expect(section).to_contain_text("1 review completed: 1 on time, 0 late")
        expect(section.get_by_role("link", name=TITLE)).to_be_visible()
        expect(page.locator("main")).not_to_contain_text("helpful")
        assert ReviewAssignment.objects.get(pk=a1.pk).state == "completed"

    with step("Reviewer 1 downloads the year's certificate"):
        with page.expect_download() as info:
            section.get_by_role("link", name=f"Download the {year} certificate (PDF)").click()
        download = info.value
        assert download.suggested_filename == f"certificate-of-peer-review-{year}.pdf"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        text = " ".join(PdfReader(saved).pages[0].extract_text().split())
        assert "Rita Reviewer" in text
        assert f"completed 1 review for the Health Disparities Toolkit in {year}." in text
        assert TITLE not in text and "Amara" not in text and "helpful" not in text
