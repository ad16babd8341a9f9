"""The appeal of a rejection, in a real Chromium (issue 16 item 7): the contributor appeals
from the submission page, the editor who decided cannot answer, another editor upholds it,
and the contributor reads the answer."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews import services
from tests import factories
from tests.browser.helpers import sign_in, step
from tests.browser.worlds import people

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Interpreters in the emergency department"


def test_the_contributor_appeals_and_another_editor_upholds_the_decision(page: Page, browsing):
    who = people()
    factories.user("editor2", roles=["contributor", "editor"], display_name="Ada Other")
    r1, r2 = who.reviewers[:2]
    submission, _ = factories.in_review(who.owner, who.editor, [r1, r2], title=TITLE, completed=2)
    services.reject(submission, who.editor, letter="Both reviews found the case too short.")

    with step("The contributor appeals from the submission page"):
        sign_in(page, "amara")
        page.goto(submission.get_absolute_url())
        page.get_by_label("Why should the decision be reconsidered?").fill(
            "The reviews judged it as a workshop; it is a ten-minute case for residents."
        )
        page.get_by_role("button", name="Send the appeal").click()
        expect(page.locator(".messages")).to_contain_text("Your appeal has been sent")
        appeal = page.get_by_role("region", name="Appeal")
        expect(appeal).to_contain_text("Pending")
        expect(appeal).to_contain_text("ten-minute case for residents")

    with step("The editor who decided sees the appeal but cannot answer it"):
        editor = browsing.new_page()
        sign_in(editor, "editor")
        editor.goto(submission.get_editor_url())
        expect(editor.get_by_role("region", name="Appeal")).to_contain_text(
            "another editor answers it"
        )
        expect(editor.get_by_label("Uphold the decision")).to_have_count(0)

    with step("Another editor finds it on the desk and upholds the decision"):
        other = browsing.new_page()
        sign_in(other, "editor2")
        other.goto("/editor/")
        other.get_by_role("region", name=re.compile("Appeals")).get_by_role(
            "link", name=TITLE
        ).click()
        form = other.locator("#decide-letter")
        form.get_by_label("Uphold the decision").check()
        form.get_by_label("Letter to the authors").fill("A ten-minute case still needs a debrief.")
        form.get_by_role("button", name="Send decision").click()
        expect(other.locator(".messages")).to_contain_text("The decision is upheld")

    with step("The contributor reads the answer"):
        page.goto(submission.get_absolute_url())
        appeal = page.get_by_role("region", name="Appeal")
        expect(appeal).to_contain_text("Decision upheld")
        expect(appeal).to_contain_text("still needs a debrief")
        expect(appeal).not_to_contain_text("Ada Other")
