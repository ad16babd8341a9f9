"""A currency re-review in a real Chromium (issue 16 item 4): the editor opens one from the
desk's queue and invites a reviewer, the reviewer accepts and answers the rubric, the editor
re-certifies, and the resource page shows the new review date."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from catalog.currency.services import review_by_after
from catalog.models import Resource
from reviews import services
from tests import factories
from tests.browser.helpers import sign_in, step
from tests.browser.worlds import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Interpreters in the emergency department"


def test_the_editor_recertifies_a_resource_after_a_currency_review(page: Page, browsing):
    who = people()
    r1, r2, r3 = who.reviewers[:3]
    submission, _ = factories.in_review(who.owner, who.editor, [r1, r2], title=TITLE, completed=2)
    services.accept(submission, who.editor)
    submission = services.publish(submission, who.editor)
    resource = submission.resource
    long_ago = timezone.now() - timedelta(days=3 * 365 - 20)
    Resource.objects.filter(pk=resource.pk).update(
        reviewed_at=long_ago, review_by=review_by_after(long_ago)
    )

    with step("The editor finds the resource due on the desk and opens a currency review"):
        sign_in(page, "editor")
        page.goto("/editor/")
        queue = page.get_by_role("region", name=re.compile("Currency reviews due"))
        expect(queue).to_contain_text(TITLE)
        queue.get_by_role("button", name=f"Open a currency review of {TITLE}").click()
        expect(page.locator(".messages")).to_contain_text("Currency review opened")

    with step("The editor invites a reviewer"):
        page.locator("#id_invite_reviewer").select_option(r3.username)
        page.get_by_role("button", name="Invite").click()
        expect(page.locator(".messages")).to_contain_text("The reviewer was invited")
        review_url = page.url

    with step("The reviewer accepts and answers the currency rubric"):
        reviewer = browsing.new_page()
        sign_in(reviewer, r3.username)
        review = submission.currency_reviews.get()
        reviewer.goto(review.get_absolute_url())
        expect(reviewer.locator("main")).not_to_contain_text(who.owner.display_name)
        reviewer.get_by_label("Conflicts of interest").fill("None.")
        reviewer.get_by_role("button", name="Accept").click()
        form = reviewer.locator(
            "form", has=reviewer.get_by_role("button", name="Submit the currency review")
        )
        for title in ("Evidence still current", "Links alive", "Still fits the learner levels"):
            form.get_by_role("group", name=title).get_by_label("Yes").check()
        form.get_by_role("group", name="Terminology current").get_by_label("Concerns").check()
        form.get_by_label("Terminology current: comment").fill("“Limited English” reads dated.")
        form.get_by_role("button", name="Submit the currency review").click()
        expect(reviewer.locator(".messages")).to_contain_text("sent to the editor")

    with step("The editor reads the answers and re-certifies"):
        page.goto(review_url)
        expect(page.get_by_role("region", name="The reviewer's answers")).to_contain_text(
            "reads dated"
        )
        page.get_by_role("button", name="Re-certify").click()
        expect(page.locator(".messages")).to_contain_text("Re-certified")

    with step("The resource page shows the new review date and the next one"):
        page.goto(resource.get_absolute_url())
        today = timezone.localdate()
        line = page.locator(".resource__review")
        expect(line).to_contain_text(f"Peer reviewed on {today:%-d %B %Y}")
        expect(line).to_contain_text(f"next currency review due {review_by_after(today):%-d %B %Y}")
