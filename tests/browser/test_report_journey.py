"""An implementation report from posting to display, in a real Chromium (issue 15 item 3):
a colleague posts a report from the resource page, it shows nowhere before moderation, the
editor approves it on the desk, and the resource page shows it with the average usefulness;
the resource's author answers it once."""

import pytest
from playwright.sync_api import Page, expect

from catalog.reports.models import ImplementationReport
from reviews.models import Submission
from tests import factories
from tests.browser.helpers import sign_in, sign_out, step

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Interpreters at the bedside"


def test_a_report_is_posted_approved_on_the_desk_and_shown_with_the_average(page: Page, browsing):
    author = factories.user("amara", display_name="Amara Okafor")
    factories.user("rae", display_name="Rae Reporter")
    factories.user("editor", roles=["contributor", "editor"], display_name="Eddie Editor")
    resource = factories.resource(TITLE, levels=["ume-clerkship"])
    Submission.objects.filter(pk=factories.draft(author).pk).update(resource=resource)

    with step("A signed-out visitor is asked to sign in to post"):
        page.goto(resource.get_absolute_url())
        reports = page.get_by_role("region", name="Implementation reports")
        expect(reports).to_contain_text("No implementation reports yet")
        expect(reports.get_by_role("link", name="Sign in to post a report")).to_be_visible()

    with step("A colleague posts a report from the resource page"):
        sign_in(page, "rae")
        page.goto(resource.get_absolute_url())
        form = page.get_by_role("form", name="Post a report")
        form.get_by_label("Learners").select_option("ume-clerkship")
        form.get_by_label("Group size").fill("12")
        form.get_by_label("What you changed").fill("We ran it in **two** groups of six.")
        form.get_by_label("How it went").fill("Students <script>alert(1)</script> loved it.")
        form.get_by_label("4", exact=True).check()
        form.get_by_role("button", name="Send the report to the editors").click()
        expect(page.locator(".messages")).to_contain_text("waiting for an editor")
        expect(page.locator("main")).to_contain_text("Waiting for moderation")

    with step("Before approval the resource page shows nothing of it"):
        page.goto(resource.get_absolute_url())
        reports = page.get_by_role("region", name="Implementation reports")
        expect(reports).to_contain_text("Your report is waiting for an editor")
        expect(reports).not_to_contain_text("loved it")
        sign_out(page)
        page.goto(resource.get_absolute_url())
        expect(page.get_by_role("region", name="Implementation reports")).not_to_contain_text(
            "loved it"
        )

    with step("The editor approves it under Reports to moderate on the desk"):
        sign_in(page, "editor")
        page.goto("/editor/")
        desk = page.get_by_role("region", name="Reports to moderate")
        expect(desk).to_contain_text(TITLE)
        expect(desk).to_contain_text("Rae Reporter")
        desk.get_by_role("button", name="Approve").click()
        expect(page.locator(".messages")).to_contain_text("published on the resource")
        expect(page.get_by_role("region", name="Reports to moderate")).to_contain_text(
            "No report is waiting"
        )
        sign_out(page)

    with step("The resource page shows the report and the average usefulness"):
        page.goto(resource.get_absolute_url())
        reports = page.get_by_role("region", name="Implementation reports")
        expect(reports).to_contain_text("4.0 of 5 from 1 report")
        expect(reports).to_contain_text("Usefulness: 4 of 5")
        expect(reports).to_contain_text("By Rae Reporter")
        expect(reports.locator("strong", has_text="two")).to_be_visible()  # Markdown
        expect(reports.locator("script")).to_have_count(0)

    with step("The resource's author answers once"):
        sign_in(page, "amara")
        page.goto(resource.get_absolute_url())
        reports = page.get_by_role("region", name="Implementation reports")
        reports.get_by_text("Answer this report").click()
        reports.get_by_label("Your answer").fill("Thank you: two groups is what we do now too.")
        reports.get_by_role("button", name="Post the answer").click()
        expect(page.locator(".messages")).to_contain_text("Your answer shows under the report")
        reports = page.get_by_role("region", name="Implementation reports")
        expect(reports).to_contain_text("Answer from the authors")
        expect(reports).to_contain_text("two groups is what we do now too")
        expect(reports.get_by_text("Answer this report")).to_have_count(0)
    assert ImplementationReport.objects.get().answered_by == author
