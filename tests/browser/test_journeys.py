"""The journeys that matter, in a real Chromium (issue 7).

Each test sets up what the journey starts from with services and factories, then uses the
pages only: links, forms and buttons, as the person would. Every step is named in the
output (`step(...)`), and a failure says which step broke.
"""

import re
from urllib.parse import urlsplit

import pytest
import rispy
from django.contrib.auth.models import Group
from django.utils.text import slugify
from playwright.sync_api import Page, expect

from reviews import services
from reviews.models import ReviewAssignment, Submission
from tests import factories
from tests.browser.helpers import focused, sign_in, sign_out, skip_to_main, step, tab_to
from tests.browser.worlds import DIVERGENT_ANSWERS, people, published_with_pdf
from tests.samples import docx_bytes, exe_bytes, pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Briefing a medical interpreter before a family meeting"


def message(page: Page):
    return page.locator(".messages")


def main(page: Page):
    return page.locator("main")


def nav(page: Page, area: str) -> None:
    """Follow a link of the main navigation ("My reviews 2" names its count too)."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(area)).click()


# --- 1. the contributor ----------------------------------------------------------------------


def test_contributor_signs_up_drafts_returns_uploads_and_submits(page: Page):
    with step("Sign up from the home page"):
        page.goto("/")
        page.get_by_role("link", name="Create an account").first.click()
        page.locator("#id_username").fill("amara")
        page.get_by_label("E-mail address").fill("amara@example.org")
        page.locator("#id_display_name").fill("Amara Okafor")
        page.get_by_label("Affiliation").fill("Riverside School of Medicine")
        page.locator("#id_password1").fill("a-long-unusual-passphrase")
        page.locator("#id_password2").fill("a-long-unusual-passphrase")
        page.get_by_role("button", name="Create account").click()
        expect(message(page)).to_contain_text("Your account is ready")
        expect(page.get_by_role("link", name="My submissions")).to_be_visible()

    with step("Start a submission and save step 1 (About)"):
        nav(page, "My submissions")
        page.get_by_role("link", name="Start a new submission").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Step 1 of 5: About")
        page.get_by_label("Title").fill(TITLE)
        page.get_by_label("Summary").fill("Residents practise a pre-session briefing.")
        page.get_by_label("Learning objectives").fill(
            "Brief an interpreter before a visit\nUse first-person speech"
        )
        page.get_by_label("Background and content").fill("Language barriers harm patients.")
        expect(page.get_by_label("Name (author 1)")).to_have_value("Amara Okafor")
        page.get_by_role("button", name="Save and continue").click()
        expect(message(page)).to_contain_text("Draft saved")
        expect(page.get_by_role("heading", level=1)).to_have_text("Step 2 of 5: Learners and use")

    with step("Save step 2 (Learners and use)"):
        page.get_by_label("Resource type").select_option(label="Session plan / facilitator guide")
        page.get_by_role("checkbox", name="Residency").check()
        page.get_by_role("checkbox", name="Language access and working with interpreters").check()
        page.get_by_role("checkbox", name="Role Play/Dramatization (IM022)").check()
        page.get_by_label("Language", exact=True).select_option(label="English")
        page.get_by_label("Time required (minutes)").fill("90")
        page.get_by_role("button", name="Save and continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Step 3 of 5: Materials")

    with step("Type on step 4; a link away asks first, and staying keeps the text"):
        page.get_by_role("link", name=re.compile("Continue to step 4")).click()
        page.get_by_label("Conflicts of interest").fill("None to declare.")
        asked: list[str] = []

        def stay(dialog) -> None:
            asked.append(dialog.type)
            dialog.dismiss()

        page.on("dialog", stay)
        page.get_by_role("navigation", name="Steps").get_by_role("link", name="About").click()
        page.remove_listener("dialog", stay)
        assert asked == ["beforeunload"]
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Step 4 of 5: Declarations and licence"
        )
        expect(page.get_by_label("Conflicts of interest")).to_have_value("None to declare.")

    with step("Save and come back later, sign out, and come back"):
        page.get_by_role("button", name="Save and come back later").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        sign_out(page)
        sign_in(page, "amara", "a-long-unusual-passphrase")
        nav(page, "My submissions")
        drafts = page.get_by_role("region", name="Drafts")
        expect(drafts.get_by_role("link", name=TITLE, exact=True)).to_be_visible()

    with step("Find the draft intact"):
        drafts.get_by_role("link", name=re.compile("Finish and submit")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Step 5 of 5: Review and submit")
        page.get_by_role("navigation", name="Steps").get_by_role("link", name="About").click()
        expect(page.get_by_label("Title")).to_have_value(TITLE)
        expect(page.get_by_label("Summary")).to_have_value(
            "Residents practise a pre-session briefing."
        )
        expect(page.get_by_label("Learning objectives")).to_have_value(
            "Brief an interpreter before a visit\nUse first-person speech"
        )
        page.get_by_role("navigation", name="Steps").get_by_role("link", name="Learners").click()
        expect(page.get_by_label("Resource type")).to_have_value(re.compile(r"\d+"))
        expect(page.get_by_role("checkbox", name="Residency")).to_be_checked()
        expect(
            page.get_by_role("checkbox", name="Language access and working with interpreters")
        ).to_be_checked()
        expect(page.get_by_label("Time required (minutes)")).to_have_value("90")

        page.get_by_role("navigation", name="Steps").get_by_role(
            "link", name="Declarations"
        ).click()
        expect(page.get_by_label("Conflicts of interest")).to_have_value("None to declare.")

    with step("Upload a PDF and a DOCX"):
        page.get_by_role("navigation", name="Steps").get_by_role("link", name="Materials").click()
        upload = page.get_by_role("region", name="Upload a file")
        listed = page.get_by_role("region", name="Files and links in this draft")
        for name, mime, data, label in (
            ("facilitator-guide.pdf", "application/pdf", pdf_bytes(), "Facilitator guide"),
            (
                "case-for-learners.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx_bytes(),
                "Case for learners",
            ),
        ):
            upload.get_by_label("File").set_input_files(
                {"name": name, "mimeType": mime, "buffer": data}
            )
            upload.get_by_label("What it is").fill(label)
            upload.get_by_role("button", name="Upload the file").click()
            expect(message(page)).to_contain_text(f"Added “{label}”")
            expect(listed.get_by_role("link", name=label)).to_be_visible()

    with step("An .exe renamed .pdf is refused with a clear message"):
        upload = page.get_by_role("region", name="Upload a file")
        upload.get_by_label("File").set_input_files(
            {"name": "handout.pdf", "mimeType": "application/pdf", "buffer": exe_bytes()}
        )
        upload.get_by_label("What it is").fill("Handout")
        upload.get_by_role("button", name="Upload the file").click()
        error = upload.locator(".error-message")
        expect(error).to_contain_text(
            "“handout.pdf” is named as a PDF document but looks like a Windows executable."
        )
        expect(page.locator(".error-summary")).to_contain_text("handout.pdf")
        expect(upload.get_by_label("What it is")).to_have_value("Handout")  # nothing else lost
        listed = page.get_by_role("region", name="Files and links in this draft")
        expect(listed.get_by_role("link", name="Handout")).to_have_count(0)
        expect(listed.get_by_role("link")).to_have_count(2)

    with step("Complete step 4 (Declarations and licence)"):
        page.get_by_role("link", name=re.compile("Continue to step 4")).click()
        page.get_by_role("radio", name=re.compile(r"^Creative Commons Attribution 4\.0")).check()
        page.get_by_role("checkbox", name=re.compile("I hold the rights")).check()
        page.get_by_role("checkbox", name=re.compile("no identifiable patient")).check()
        page.get_by_label("Conflicts of interest").fill("None.")
        page.get_by_role("button", name="Save and continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Step 5 of 5: Review and submit")
        expect(main(page)).to_contain_text("Everything required is there")

    with step("Submit"):
        page.get_by_role("button", name="Submit for review").click()
        expect(message(page)).to_contain_text("Submitted. The editors have it now")
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(main(page).locator(".page-header")).to_contain_text("Submitted")
        submission = Submission.objects.get(title=TITLE)
        assert submission.state == "submitted"
        assert submission.current_version.files.count() == 2


# --- 2. the editor triages -------------------------------------------------------------------


def test_editor_sends_to_review_invites_two_and_the_author_is_refused(page: Page):
    who = people()
    owner, (r1, r2) = who.owner, who.reviewers[:2]
    owner.groups.add(Group.objects.get(name="reviewer"))  # the author also reviews
    submission = factories.draft(owner, title=TITLE)
    services.submit(submission, owner)

    with step("The editor finds the submission in the queue"):
        sign_in(page, "editor")
        nav(page, "Editor desk")
        triage = page.get_by_role("region", name=re.compile("Needs triage"))
        triage.get_by_role("link", name=TITLE).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    with step("Send it to review"):
        decision = page.get_by_role("region", name="Decision")
        decision.get_by_role("button", name="Send to review").click()
        expect(message(page)).to_contain_text("Sent to review")
        expect(main(page).locator(".page-header")).to_contain_text("In review")

    with step("Invite two reviewers"):
        for reviewer in (r1, r2):
            invite = page.locator("form.invite-form")
            invite.get_by_label("Reviewer").select_option(label=reviewer.display_name)
            invite.get_by_role("button", name="Send the invitation").click()
            expect(message(page)).to_contain_text(f"{reviewer.display_name} has been invited")
        table = page.locator("table.assignment-table")
        for reviewer in (r1, r2):
            row = table.get_by_role("row", name=re.compile(reviewer.display_name))
            expect(row).to_contain_text("Invited")

    with step("The author is not offered as a reviewer, and the page says why"):
        suggestions = page.locator("table.suggestion-table")
        author_row = suggestions.get_by_role("row", name=re.compile("Amara Okafor"))
        expect(author_row).to_contain_text("Not eligible: This person is an author")
        expect(author_row.get_by_role("button")).to_have_count(0)
        invite = page.locator("form.invite-form")
        menu = invite.get_by_label("Reviewer")
        expect(menu.locator("option", has_text="Amara Okafor")).to_have_count(0)
        expect(invite).to_contain_text("Amara Okafor (This person is an author of the submission)")
        assert not ReviewAssignment.objects.filter(reviewer=owner).exists()
        assert ReviewAssignment.objects.filter(round__submission=submission).count() == 2


# --- 3. the reviewers ------------------------------------------------------------------------

# Criterion by criterion, the keyboard answers of reviewer 1: the radio groups in page order.
KEYBOARD_ANSWERS = [
    ("objectives.score", 4),
    ("grounding.score", 4),
    ("methods.score", 3),
    ("evaluation.implemented", 1),  # Yes
    ("evaluation.score", 3),
    ("accuracy.score", 5),
    ("significance.score", 4),
    # --- reload here: the draft above was autosaved
    ("completeness.score", 4),
    ("critique.score", 3),
    ("adoptability.score", 4),
    ("usability.score", 4),
    ("compliance.rights", 1),
    ("compliance.privacy", 1),
    ("compliance.license", 1),
    ("compliance.coi", 1),
    ("equity_framing.score", 5),
    ("recommendation", 2),  # Minor revisions
]
RELOAD_AFTER = "significance.score"


def choose_with_keyboard(page: Page, name: str, position: int) -> None:
    """Tab into a radio group, Space to pick the first option, arrows to the one wanted."""
    now = tab_to(page, name)
    if not now["checked"]:
        page.keyboard.press("Space")
    for _ in range(position - 1 - _index(page)):
        page.keyboard.press("ArrowDown")
    now = focused(page)
    assert now["name"] == name and now["checked"], now
    assert _index(page) == position - 1, f"{name}: option {_index(page) + 1} is chosen"


def _index(page: Page) -> int:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return [...document.getElementsByName(el.name)].indexOf(el); }"""
    )


def test_reviewers_accept_decline_and_review_one_with_the_keyboard_only(page: Page, browsing):
    who = people()
    r1, r2, r3 = who.reviewers[:3]
    submission, (a1, a2) = factories.in_review(who.owner, who.editor, [r1, r2], title=TITLE)

    with step("Reviewer 1 accepts the invitation"):
        sign_in(page, "reviewer1")
        nav(page, "My reviews")
        invitations = page.get_by_role("region", name=re.compile("Invitations to answer"))
        invitations.get_by_role("link", name=TITLE).click()
        page.get_by_label("Conflicts of interest").fill("None.")
        page.get_by_role("button", name="Accept and start reviewing").click()
        expect(message(page)).to_contain_text("Thank you for accepting")
        expect(page.get_by_role("heading", name="Your review")).to_be_visible()

    with step("Reviewer 1 fills half the rubric with the keyboard only"):
        page.reload()  # a fresh page; the keyboard starts at the top
        skip_to_main(page)
        for name, position in KEYBOARD_ANSWERS:
            choose_with_keyboard(page, name, position)
            if name == "objectives.score":
                page.keyboard.press("Tab")
                assert focused(page)["name"] == "objectives.strengths"
                page.keyboard.type("Specific, measurable objectives.")
            if name == RELOAD_AFTER:
                break
        # Shift+Tab back to criterion 3 and change 3 → 4 with an arrow key.
        now = tab_to(page, "methods.score", key="Shift+Tab")
        assert now["value"] == "3"
        page.keyboard.press("ArrowRight")
        assert focused(page)["value"] == "4" and focused(page)["checked"]
        expect(page.locator("#autosave-status")).to_contain_text("Saved at", timeout=15_000)

    with step("Reviewer 1 reloads mid-way and finds the draft autosaved"):
        page.evaluate("window.localStorage.clear()")  # so only the server's draft can restore it
        page.reload()
        expect(page.locator("#autosave-status")).to_contain_text("Draft last saved at")
        expect(page.locator(".restore-notice")).to_have_count(0)
        for name, value in (
            ("objectives.score", "4"),
            ("methods.score", "4"),
            ("evaluation.implemented", "yes"),
            ("significance.score", "4"),
        ):
            expect(page.locator(f'input[name="{name}"][value="{value}"]')).to_be_checked()
        expect(page.locator('[name="objectives.strengths"]')).to_have_value(
            "Specific, measurable objectives."
        )
        expect(page.locator('input[name="completeness.score"]:checked')).to_have_count(0)

    with step("Reviewer 1 finishes the rubric with the keyboard and submits"):
        skip_to_main(page)
        remaining = KEYBOARD_ANSWERS[[n for n, _ in KEYBOARD_ANSWERS].index(RELOAD_AFTER) + 1 :]
        for name, position in remaining:
            choose_with_keyboard(page, name, position)
        tab_to(page, "comments_to_authors")
        page.keyboard.type("Runnable next week; add a debrief guide.")
        tab_to(page, "confidential_comments")
        page.keyboard.type("Solid work.")
        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Save draft"
        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Submit review"
        page.keyboard.press("Enter")
        expect(message(page)).to_contain_text("your review was submitted")
        a1.refresh_from_db()
        assert a1.state == "completed"
        assert a1.review.answers["methods"]["score"] == 4
        assert a1.review.recommendation == "minor_revisions"

    with step("Reviewer 2 declines with a reason"):
        page2 = browsing.new_page()
        sign_in(page2, "reviewer2")
        nav(page2, "My reviews")
        page2.get_by_role("link", name=TITLE).click()
        page2.get_by_text("Decline this invitation…").click()
        page2.get_by_role("radio", name="Too busy at the moment").check()
        page2.get_by_label("Note to the editor").fill("Away until next month.")
        page2.get_by_role("button", name="Decline", exact=True).click()
        expect(message(page2)).to_contain_text("You declined the invitation")
        past = page2.get_by_role("region", name=re.compile("Completed and closed"))
        expect(past).to_contain_text("Declined")

    with step("The editor sees the reason and invites reviewer 3"):
        page3 = browsing.new_page()
        sign_in(page3, "editor")
        nav(page3, "Editor desk")
        in_review = page3.get_by_role("region", name=re.compile("In review"))
        in_review.get_by_role("link", name=TITLE).click()
        table = page3.locator("table.assignment-table")
        expect(table.get_by_role("row", name=re.compile("Ravi Reviewer"))).to_contain_text(
            "Too busy at the moment"
        )
        invite = page3.locator("form.invite-form")
        invite.get_by_label("Reviewer").select_option(label="Rosa Reviewer")
        invite.get_by_role("button", name="Send the invitation").click()
        expect(message(page3)).to_contain_text("Rosa Reviewer has been invited")

    with step("Reviewer 3 accepts and submits"):
        page4 = browsing.new_page()
        sign_in(page4, "reviewer3")
        nav(page4, "My reviews")
        page4.get_by_role("link", name=TITLE).click()
        page4.get_by_label("Conflicts of interest").fill("None.")
        page4.get_by_role("button", name="Accept and start reviewing").click()
        for name, position in KEYBOARD_ANSWERS:
            page4.locator(f'input[name="{name}"]').nth(position - 1).check()
        page4.get_by_label("Comments to the authors").fill("Clear and useful.")
        page4.get_by_role("button", name="Submit review").click()
        expect(message(page4)).to_contain_text("your review was submitted")
        assert ReviewAssignment.objects.get(reviewer=r3).state == "completed"


# --- 4. decision, revision, acceptance, publication -------------------------------------------


def test_editor_compares_requests_revisions_then_accepts_and_publishes(page: Page, browsing):
    who = people()
    r1, r2 = who.reviewers[:2]
    submission, (a1, a2) = factories.in_review(who.owner, who.editor, [r1, r2], title=TITLE)
    factories.review_and_complete(a1, r1, recommendation="accept")
    factories.review_and_complete(a2, r2, recommendation="reject", answers=DIVERGENT_ANSWERS)

    with step("The editor compares the reviews side by side"):
        sign_in(page, "editor")
        nav(page, "Editor desk")
        page.get_by_role("region", name=re.compile("In review")).get_by_role(
            "link", name=TITLE
        ).click()
        table = page.locator("table.compare-table")
        expect(table.locator("thead")).to_contain_text("Rita Reviewer")
        expect(table.locator("thead")).to_contain_text("Ravi Reviewer")
        expect(page.locator(".divergence-flag")).to_contain_text("Reviews diverge")
        objectives = table.get_by_role("row", name=re.compile("1. Learning objectives"))
        expect(objectives).to_contain_text("divergent: spread 2")
        expect(
            table.get_by_role("row", name=re.compile("5. Content accuracy"))
        ).not_to_contain_text("divergent")

    with step("The page says what is needed now, before the reviews and the decision"):
        expect(page.get_by_role("region", name="Needed now")).to_contain_text(
            "2 of 2 reviews in; enough to decide."
        )
        cards = page.locator(".review-grid .review-card")
        expect(cards).to_have_count(2)
        first, second = (cards.nth(i).bounding_box() for i in range(2))
        assert first and second and first["y"] == second["y"], "the reviews are not side by side"

    with step("Picking a decision shows its letter; another decision switches it"):
        decision = page.locator("form[data-decision-form]")
        letter = decision.get_by_label("Decision letter to the authors")
        expect(letter).to_be_hidden()
        expect(decision.get_by_role("button", name="Continue")).to_have_count(0)  # JS: one step
        decision.get_by_label("Reject").check()
        expect(letter).to_be_visible()
        expect(letter).to_have_value(re.compile("decided not to accept it"))
        decision.get_by_label("Request revisions").check()
        expect(letter).to_have_value(re.compile("invite you to revise and resubmit"))
        expect(letter).to_have_value(re.compile("Reviewer 1:"))

    with step("An edited letter is replaced only if the editor says so"):
        letter.fill(letter.input_value() + "\n\nPlease also shorten the pre-reading.")
        asked = []

        def keep_my_letter(dialog):
            asked.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", keep_my_letter)
        decision.get_by_label("Accept").check()
        expect(letter).to_have_value(re.compile("shorten the pre-reading"))
        decision.get_by_label("Request revisions").check()
        expect(letter).to_have_value(re.compile("shorten the pre-reading"))
        page.remove_listener("dialog", keep_my_letter)
        assert len(asked) == 2 and "Replace it with the draft" in asked[0], asked

    with step("The editor sends the decision"):
        decision.get_by_role("button", name="Send decision").click()
        expect(message(page)).to_contain_text("Revisions requested")

    with step("The contributor reads the anonymous reviews"):
        author = browsing.new_page()
        sign_in(author, "amara")
        nav(author, "My submissions")
        author.get_by_role("region", name="Revisions requested").get_by_role(
            "link", name=TITLE, exact=True
        ).click()
        reviews = author.get_by_role("region", name="Reviews")
        expect(reviews.get_by_role("heading", name=re.compile("^Reviewer 1"))).to_be_visible()
        expect(reviews.get_by_role("heading", name=re.compile("^Reviewer 2"))).to_be_visible()
        expect(main(author)).not_to_contain_text("Rita Reviewer")
        expect(main(author)).not_to_contain_text("Ravi Reviewer")

    with step("The contributor reads the quoted reviews in the letter as quotes"):
        body = author.get_by_role("region", name="Decision letters").locator(".letter__body")
        expect(body.locator("blockquote").first).to_contain_text("Thoughtful and runnable")
        expect(body).to_contain_text("shorten the pre-reading")
        expect(body).not_to_contain_text("> Thoughtful")

    with step("The contributor resubmits with a response"):
        author.get_by_role("link", name="Revise the submission").click()
        author.get_by_role("navigation", name="Steps").get_by_role("link", name="Review").click()
        author.get_by_label(re.compile("Response to the reviewers", re.I)).fill(
            "We lowered the objectives to the residents' level and added a debrief guide."
        )
        author.get_by_role("button", name="Resubmit the new version").click()
        expect(message(author)).to_contain_text("Resubmitted")

    with step("The editor accepts the new version"):
        nav(page, "Editor desk")
        triage = page.get_by_role("region", name=re.compile("Needs triage"))
        triage.get_by_role("link", name=TITLE).click()
        expect(main(page).locator(".page-header")).to_contain_text("Submitted")
        decision = page.locator("form[data-decision-form]")
        decision.get_by_label("Accept").check()
        expect(decision.get_by_label("Decision letter to the authors")).to_have_value(
            re.compile("We are pleased to accept")
        )
        decision.get_by_role("button", name="Send decision").click()
        expect(message(page)).to_contain_text("Accepted")

    with step("The editor previews the public page before publishing"):
        page.get_by_role("region", name="Needed now").get_by_role(
            "link", name="Preview the public page"
        ).click()
        expect(page.locator(".preview-banner")).to_contain_text("not public yet")
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        page.get_by_role("link", name="Back to the submission").click()

    with step("The editor publishes it and follows the link to the live page"):
        page.locator("#decide-publish").get_by_role("button", name="Publish").click()
        expect(message(page)).to_contain_text("Published in the catalog")
        expect(main(page).locator(".page-header")).to_contain_text("Published")
        submission.refresh_from_db()
        assert submission.state == "published"
        page.get_by_role("link", name=re.compile("View the live page")).click()
        expect(page).to_have_url(re.compile(f"/catalog/{submission.resource.slug}/$"))
        expect(page.locator(".preview-banner")).to_have_count(0)

    with step("The contributor finds it published in the catalog"):
        nav(author, "My submissions")
        published = author.get_by_role("region", name="Accepted and published")
        published.get_by_role("link", name=re.compile("View in the catalog")).click()
        expect(author.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(author).to_have_url(re.compile(f"/catalog/{submission.resource.slug}/$"))


# --- 5. the instructor -----------------------------------------------------------------------

PHRASE_TITLE = "Working with medical interpreters on the wards"


@pytest.fixture
def catalog():
    """A published resource with a PDF, among others that the filters or the phrase leave out."""
    resource = published_with_pdf(people(), PHRASE_TITLE)
    factories.resource("Interpreters for clerkship students", levels=["ume-clerkship"])
    factories.resource(
        "Medical interpreters in primary care", levels=["gme-residency"], topics=["health-literacy"]
    )
    factories.resource("Interpreting wards data with medical students", levels=["gme-residency"])
    return resource


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_instructor_filters_searches_opens_downloads_and_cites(browsing, catalog, device):
    page = browsing.new_page(device)

    with step(f"Open the catalog on a {device}"):
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Catalog").click()
        expect(page.locator("#results-count")).to_have_text(re.compile(r"^4 results"))

    with step("Filter by learner level and topic"):
        filters = page.get_by_role("complementary", name="Filter results")
        fold = filters.locator("details.catalog-filters__fold")
        if device == "phone":  # on a phone the filters are folded under one toggle
            filters.locator("summary.catalog-filters__toggle").click()
            expect(fold).to_have_attribute("open", "")
        level = filters.locator("details.facet", has=page.get_by_text("Learner level", exact=True))
        if not level.evaluate("d => d.open"):
            level.locator("summary").click()
        level.get_by_role("checkbox", name=re.compile("^Residency")).check()
        topic = filters.locator("details.facet", has=page.get_by_text("Topic", exact=True))
        if not topic.evaluate("d => d.open"):
            topic.locator("summary").click()
        topic.get_by_role("checkbox", name=re.compile("^Language access")).check()
        filters.get_by_role("button", name="Apply filters").click()
        expect(page.locator("#results-count")).to_have_text(re.compile(r"^2 results"))
        chips = page.locator(".chips")
        expect(chips).to_contain_text("Residency")
        expect(chips).to_contain_text("Language access")

    with step("Search a phrase"):
        page.get_by_role("searchbox", name="Search the catalog").fill('"medical interpreters"')
        page.get_by_role("search").get_by_role("button", name="Search").click()
        expect(page.locator("#results-count")).to_have_text(re.compile(r"^1 result\b"))
        results = page.locator("ol.results")
        expect(results.get_by_role("link")).to_have_text([PHRASE_TITLE])
        expect(page.locator(".chips")).to_contain_text("Residency")  # filters kept

    with step("Open the resource"):
        results.get_by_role("link", name=PHRASE_TITLE).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(PHRASE_TITLE)
        expect(page).to_have_url(re.compile(f"/catalog/{catalog.slug}/$"))

    with step("Download the file"):
        files = page.get_by_role("region", name="Files and links")
        with page.expect_download() as info:
            files.get_by_role("link", name="Guide").click()
        download = info.value
        assert download.suggested_filename == f"{slugify(PHRASE_TITLE)}-guide.pdf"
        with open(download.path(), "rb") as handle:
            assert handle.read(5) == b"%PDF-"

    with step("Download the RIS citation"):
        with page.expect_download() as info:
            page.get_by_role("link", name="RIS citation").click()
        download = info.value
        assert download.suggested_filename == f"{catalog.slug}.ris"
        with open(download.path(), encoding="utf-8") as handle:
            ris = handle.read()
        assert re.search(r"^TY  - ", ris, re.M), ris
        assert f"TI  - {PHRASE_TITLE}" in ris, ris
        assert "Amara Okafor" in ris or "Okafor" in ris, ris


# --- 5b. the instructor keeps a list -------------------------------------------------------


LIST_NAME = "PGY-2 noon conference"


def test_instructor_saves_two_results_to_a_new_list_shares_it_and_exports_ris(page, catalog):
    factories.user("ines", roles=[], display_name="Ines Instructor")
    sign_in(page, "ines")

    with step("Search the catalog"):
        nav(page, "Catalog")
        page.get_by_role("searchbox", name="Search the catalog").fill("interpreters")
        page.get_by_role("search").get_by_role("button", name="Search").click()
        expect(page.locator("#results-count")).to_have_text(re.compile(r"^\d+ results"))
        url = page.url

    results = page.locator("li.result")
    first, second = results.nth(0), results.nth(1)
    titles = [first.locator("h3").inner_text(), second.locator("h3").inner_text()]

    with step("Save the first result to a new list, without leaving the page"):
        first.locator("summary", has_text="Save to a list").click()
        expect(first.get_by_label("List", exact=True)).to_have_value("")  # "A new list"
        first.get_by_label("Name of a new list").fill(LIST_NAME)
        first.get_by_role("button", name=re.compile("^Save")).click()
        expect(first.get_by_role("status")).to_have_text(f"Saved to “{LIST_NAME}”.")
        assert page.url == url

    with step("Save the second result to the list just made (offered without a reload)"):
        second.locator("summary", has_text="Save to a list").click()
        second.get_by_label("List", exact=True).select_option(label=LIST_NAME)
        second.get_by_role("button", name=re.compile("^Save")).click()
        expect(second.get_by_role("status")).to_have_text(f"Saved to “{LIST_NAME}”.")

    with step("Open the list and share it"):
        nav(page, "My lists")
        main(page).get_by_role("link", name=LIST_NAME).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(LIST_NAME)
        expect(page.locator(".saved-item__title")).to_have_text(titles)
        page.get_by_role("button", name="Create a share link").click()
        expect(message(page)).to_contain_text("Anyone with the link")
        link = page.get_by_label("Share link").input_value()
        assert "/lists/shared/" in link

    with step("Open the link signed out"):
        sign_out(page)
        page.goto(urlsplit(link).path)
        expect(page.get_by_role("heading", level=1)).to_have_text(LIST_NAME)
        expect(page.locator(".saved-item__title")).to_have_text(titles)
        expect(main(page)).not_to_contain_text("Ines Instructor")

    with step("Export the list as RIS"):
        with page.expect_download() as info:
            page.get_by_role("link", name=re.compile("^RIS")).click()
        download = info.value
        assert download.suggested_filename == "pgy-2-noon-conference.ris"
        with open(download.path(), encoding="utf-8") as handle:
            entries = rispy.loads(handle.read())
        assert [entry["title"] for entry in entries] == titles


# --- 6. another reviewer's assignment ---------------------------------------------------------


def test_a_reviewer_cannot_open_another_reviewers_assignment(page: Page):
    who = people()
    _submission, (a1, a2) = factories.in_review(
        who.owner, who.editor, who.reviewers[:2], title=TITLE
    )

    with step("Reviewer 2 opens their own assignment"):
        sign_in(page, "reviewer2")
        response = page.goto(f"/reviews/{a2.uuid}/")
        assert response.status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    with step("Reviewer 2 opens reviewer 1's assignment URL: not found"):
        response = page.goto(f"/reviews/{a1.uuid}/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(main(page)).not_to_contain_text(TITLE)
