"""Accessibility audit in a real Chromium (issue 7): WCAG 2.0/2.1 A and AA with axe-core on every
page type for each role that sees it, at desktop and phone widths; no horizontal scrolling at
390 px; the skip link; a logical focus order; error summaries whose links reach their fields.

Full-page screenshots of every page type go to test-results/screenshots/ for a visual check.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    axe_violations,
    describe_violations,
    focused,
    horizontal_overflow,
    screenshot,
    skip_to_main,
    step,
)
from tests.browser.worlds import audit_world
from tests.samples import exe_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    return audit_world()


def errors_shown(page: Page) -> None:
    expect(page.locator(".error-summary").first).to_be_visible()


# --- page types: each function opens one page in the state to audit ----------------------------


def home(page, w):
    page.goto("/")


def catalog_with_filters(page, w):
    page.goto("/catalog/?level=gme-residency&topic=language-access&q=interpreters")
    expect(page.locator("#results-count")).to_contain_text("result")


def catalog_with_a_correction(page, w):
    page.goto("/catalog/?q=interpretrs")
    expect(page.locator(".catalog-correction")).to_contain_text("Showing results for")


def resource_detail(page, w):
    page.goto(w.resource.get_absolute_url())


def resource_with_a_doi(page, w):
    """The cite box with deposited DOIs (catalog.doi): the concept DOI and the version's."""
    from django.utils import timezone

    from catalog.models import Resource

    concept = f"10.5072/hdtk.{w.resource.first_published_at.year}.{w.resource.pk}"
    Resource.objects.filter(pk=w.resource.pk).update(
        doi=concept,
        doi_deposited_at=timezone.now(),
        version_doi=f"{concept}.v{w.resource.version}",
        updated_at=timezone.now(),  # a new page-cache key
    )
    page.goto(w.resource.get_absolute_url())
    expect(page.locator(".cite-box__dois a")).to_have_count(2)


def facilitator_sheet(page, w):
    page.goto(f"/catalog/{w.resource.slug}/facilitator-sheet/")


def collection_list(page, w):
    page.goto("/collections/")
    expect(page.locator(".collection-card").first).to_be_visible()


def collection_detail(page, w):
    page.goto(w.collection.get_absolute_url())
    expect(page.locator(".collection-item__note").first).to_be_visible()


def draft_collection(page, w):
    page.goto(w.draft_collection.get_absolute_url())
    expect(page.locator(".version-notice")).to_be_visible()


def tombstone(page, w):
    response = page.goto(f"/catalog/{w.retired.slug}/")
    assert response.status == 410


def not_found(page, w):
    response = page.goto("/catalog/no-such-resource/")
    assert response.status == 404


def api_docs(page, w):
    page.goto("/api/docs/")
    expect(page.locator(".opblock").first).to_be_visible()


def api_docs_operation_open(page, w):
    api_docs(page, w)
    operation = page.locator("#operations-assignments-assignments_list")
    operation.locator(".opblock-summary-control").click()
    expect(operation.locator(".opblock-body")).to_be_visible()


def login(page, w):
    page.goto("/accounts/login/")


def login_with_errors(page, w):
    login(page, w)
    page.get_by_label("User name or e-mail").fill("nobody")
    page.locator("#id_password").fill("wrong password")
    page.locator("main").get_by_role("button", name="Sign in").click()
    errors_shown(page)


def signup(page, w):
    page.goto("/accounts/signup/")


def signup_with_errors(page, w):
    signup(page, w)
    page.locator("main").get_by_role("button", name="Create account").click()
    errors_shown(page)


def profile(page, w):
    page.goto("/accounts/profile/")


def my_submissions(page, w):
    page.goto("/submissions/")


def new_submission(page, w):
    page.goto("/submissions/new/")


def submission_form_with_errors(page, w):
    page.goto(f"/submissions/{w.draft.uuid}/edit/about/")
    page.get_by_label("E-mail address (author 1)").fill("not an e-mail address")
    page.get_by_label("ORCID iD (author 1)").fill("1234")
    page.get_by_role("button", name="Save draft").click()
    errors_shown(page)


def learners_form_with_errors(page, w):
    page.goto(f"/submissions/{w.draft.uuid}/edit/learners/")
    page.get_by_label("Time required (minutes)").fill("0")
    page.get_by_role("button", name="Save draft").click()
    errors_shown(page)


def materials_with_a_refused_upload(page, w):
    page.goto(f"/submissions/{w.draft.uuid}/edit/materials/")
    upload = page.get_by_role("region", name="Upload a file")
    upload.get_by_label("File").set_input_files(
        {"name": "handout.pdf", "mimeType": "application/pdf", "buffer": exe_bytes()}
    )
    upload.get_by_role("button", name="Upload the file").click()
    errors_shown(page)


def declarations(page, w):
    page.goto(f"/submissions/{w.draft.uuid}/edit/declarations/")


def submit_refused(page, w):
    """The button is disabled on an incomplete draft; a POST that gets there anyway (another
    tab, a stale page) is refused with the list of what is missing."""
    page.goto(f"/submissions/{w.draft.uuid}/edit/review/")
    expect(page.get_by_role("button", name="Submit for review")).to_be_disabled()
    with page.expect_navigation():
        page.evaluate(
            """() => {
              const form = document.createElement("form");
              form.method = "post";
              form.action = location.pathname.replace("edit/review/", "submit/");
              form.append(document.querySelector("input[name=csrfmiddlewaretoken]").cloneNode());
              document.body.append(form);
              form.submit();
            }"""
        )
    errors_shown(page)


def submission_detail(page, w):
    page.goto(f"/submissions/{w.revisions.uuid}/")


def reviewer_list(page, w):
    page.goto("/reviews/")


def invitation(page, w):
    page.goto(f"/reviews/{w.invitation.uuid}/")


def decline_with_errors(page, w):
    invitation(page, w)
    page.get_by_text("Decline this invitation…").click()
    page.get_by_role("button", name="Decline", exact=True).click()
    errors_shown(page)


def rubric(page, w):
    page.goto(f"/reviews/{w.accepted_assignment.uuid}/")
    expect(page.locator("form.rubric-form")).to_be_visible()


def rubric_with_errors(page, w):
    rubric(page, w)
    page.get_by_role("button", name="Submit review").click()
    errors_shown(page)


def more_time_with_errors(page, w):
    rubric(page, w)
    page.get_by_text("Ask the editors for more time").click()
    page.get_by_role("button", name="Send the request").click()
    errors_shown(page)


def my_reviewing(page, w):
    page.goto("/reviews/history/")
    expect(page.locator("main table").first).to_be_visible()


def thank_you(page, w):
    page.goto("/reviewers/")
    expect(page.locator(".thank-you-list li").first).to_be_visible()


def editor_reviewer_record(page, w):
    page.goto(f"/editor/reviewers/{w.reviewers[2].pk}/")
    expect(page.locator("main table").first).to_be_visible()


def editor_queue(page, w):
    page.goto("/editor/")


def editor_submission(page, w):
    page.goto(f"/editor/submissions/{w.in_review.uuid}/")
    expect(page.locator(".divergence-flag")).to_be_visible()


def editor_more_time_refusal_open(page, w):
    editor_submission(page, w)
    page.locator("#extensions summary").first.click()
    expect(page.get_by_label("Note to the reviewer (optional)")).to_be_visible()


def editor_triage(page, w):
    page.goto(f"/editor/submissions/{w.submitted.uuid}/")


def editor_decision_letter(page, w):
    """The decision picked and its letter shown (with JavaScript: no second step)."""
    editor_submission(page, w)
    decision = page.locator("form[data-decision-form]")
    decision.get_by_label("Request revisions").check()
    expect(decision.get_by_label("Decision letter to the authors")).to_be_visible()


def editor_letter_step(page, w):
    """The second step without JavaScript: the letter of the decision picked (?decision=)."""
    page.goto(f"/editor/submissions/{w.in_review.uuid}/?decision=reject#decision")
    expect(page.get_by_role("button", name="Send decision")).to_be_visible()


def editor_ready_to_publish(page, w):
    page.goto(f"/editor/submissions/{w.accepted.uuid}/")


def editor_preview(page, w):
    """What Publish will put in the catalog, marked as a preview."""
    editor_ready_to_publish(page, w)
    page.get_by_role("link", name="Preview the public page").first.click()
    expect(page.locator(".preview-banner")).to_be_visible()


def invite_with_errors(page, w):
    editor_submission(page, w)
    page.locator("form.invite-form").get_by_role("button", name="Send the invitation").click()
    errors_shown(page)


def search_log(page, w):
    page.goto("/editor/searches/")


def my_lists(page, w):
    page.goto("/lists/")


def my_lists_with_errors(page, w):
    my_lists(page, w)
    page.locator("#id_name").fill(w.saved_list.name)
    page.get_by_role("button", name="Create list").click()
    errors_shown(page)


def saved_list(page, w):
    page.goto(w.saved_list.get_absolute_url())
    expect(page.locator(".saved-item__notice--retired")).to_be_visible()


def saved_list_handout(page, w):
    page.goto(f"{w.saved_list.get_absolute_url()}print/?notes=1")


def catalog_save_form_open(page, w):
    page.goto("/catalog/?q=interpreters")
    page.locator("li.result").first.locator("summary").click()
    expect(page.locator("li.result").first.locator("form.save-form")).to_be_visible()


def shared_list(page, w):
    page.goto(w.saved_list.share_path())


def shared_list_handout(page, w):
    page.goto(f"{w.saved_list.share_path()}print/")


def my_reports(page, w):
    page.goto("/reports/")


def own_report(page, w):
    page.goto(w.pending_report.get_absolute_url())


def report_edit(page, w):
    page.goto(f"/reports/{w.pending_report.uuid}/edit/")


def report_new(page, w):
    page.goto(f"/catalog/{w.unreported.slug}/reports/new/")


def report_new_with_errors(page, w):
    report_new(page, w)
    page.get_by_role("button", name="Send the report to the editors").click()
    errors_shown(page)


def resource_report_answer_open(page, w):
    """The owner (an author) opens the answer form under a published report."""
    page.goto(f"{w.resource.get_absolute_url()}#reports")
    page.get_by_text("Answer this report").first.click()


def report_moderation(page, w):
    page.goto(w.pending_report.get_absolute_url())


def report_reject_with_errors(page, w):
    report_moderation(page, w)
    page.get_by_role("button", name="Reject").click()
    errors_shown(page)


def report_hide(page, w):
    page.goto(w.published_report.get_absolute_url())


def currency_rubric(page, w):
    page.goto(w.currency_reviewing.get_absolute_url())
    expect(page.get_by_role("button", name="Submit the currency review")).to_be_visible()


def currency_rubric_with_errors(page, w):
    currency_rubric(page, w)
    page.get_by_role("button", name="Submit the currency review").click()
    errors_shown(page)


def currency_editor_decide(page, w):
    page.goto(w.currency_submitted.get_editor_url())
    expect(page.get_by_role("button", name="Re-certify")).to_be_visible()


def currency_decide_with_errors(page, w):
    currency_editor_decide(page, w)
    page.get_by_role("button", name="Ask for an update").click()
    errors_shown(page)


def currency_resource(page, w):
    page.goto(f"/editor/currency/resources/{w.currency_reviewing.resource.slug}/")


def collection_curriculum_map(page, w):
    page.goto(f"{w.collection.get_absolute_url()}curriculum-map/")
    expect(page.locator("table.curriculum-table")).to_be_visible()


def saved_list_curriculum_map(page, w):
    page.goto(f"{w.saved_list.get_absolute_url()}curriculum-map/")
    expect(page.locator("table.curriculum-table")).to_be_visible()


def shared_list_curriculum_map(page, w):
    page.goto(f"{w.saved_list.share_path()}curriculum-map/")
    expect(page.locator("table.curriculum-table")).to_be_visible()


def site_page(path):
    """The about pages (toolkit.pages): text, the board, the rubric, the licences."""

    def open_page(page, w):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()

    open_page.__name__ = "site_page_" + (path.strip("/").split("/")[-1] or "about")
    return open_page


SITE_PAGES = [
    site_page(path)
    for path in (
        "/about/",
        "/about/board/",
        "/about/peer-review/",
        "/about/authors/",
        "/about/reviewers/",
        "/about/privacy/",
        "/about/terms/",
        "/about/accessibility/",
        "/about/contact/",
    )
]
PUBLIC = [
    home,
    catalog_with_filters,
    catalog_with_a_correction,
    resource_detail,
    tombstone,
    not_found,
]
PAGES = {
    "anonymous": [
        *PUBLIC,
        login,
        login_with_errors,
        signup,
        signup_with_errors,
        api_docs,
        api_docs_operation_open,
        facilitator_sheet,
        collection_list,
        collection_detail,
        shared_list,
        shared_list_handout,
        collection_curriculum_map,
        shared_list_curriculum_map,
        thank_you,
        *SITE_PAGES,
        resource_with_a_doi,
    ],
    "contributor": [
        *PUBLIC,
        profile,
        my_submissions,
        new_submission,
        submission_form_with_errors,
        learners_form_with_errors,
        materials_with_a_refused_upload,
        declarations,
        submit_refused,
        submission_detail,
        catalog_save_form_open,
        my_lists,
        my_lists_with_errors,
        saved_list,
        saved_list_handout,
        my_reports,
        own_report,
        report_edit,
        resource_report_answer_open,
        saved_list_curriculum_map,
    ],
    "reviewer": [
        *PUBLIC,
        profile,
        reviewer_list,
        invitation,
        decline_with_errors,
        rubric,
        rubric_with_errors,
        more_time_with_errors,
        report_new,
        report_new_with_errors,
        currency_rubric,
        currency_rubric_with_errors,
        my_reviewing,
    ],
    "editor": [
        *PUBLIC,
        profile,
        editor_queue,
        editor_submission,
        editor_more_time_refusal_open,
        editor_triage,
        editor_decision_letter,
        editor_letter_step,
        editor_ready_to_publish,
        editor_preview,
        invite_with_errors,
        search_log,
        collection_list,
        draft_collection,
        report_moderation,
        report_reject_with_errors,
        report_hide,
        currency_editor_decide,
        currency_decide_with_errors,
        currency_resource,
        editor_reviewer_record,
    ],
}


def person(world, role):
    return {
        "anonymous": None,
        "contributor": world.owner,
        "reviewer": world.reviewers[0],
        "editor": world.editor,
    }[role]


@pytest.mark.parametrize("role", list(PAGES))
def test_every_page_type_has_no_axe_violations_and_no_horizontal_scrolling(browsing, world, role):
    problems = []
    for device in ("desktop", "phone"):
        page = browsing.new_page(device, user=person(world, role))
        for open_page in PAGES[role]:
            name = open_page.__name__
            with step(f"{role} · {name} · {device}"):
                open_page(page, world)
                violations = axe_violations(page)
                if violations:
                    problems.append(
                        f"{name} on a {device} ({page.url}):\n{describe_violations(violations)}"
                    )
                if device == "phone":
                    width, viewport = horizontal_overflow(page)
                    if width > viewport:
                        problems.append(
                            f"{name} on a phone scrolls sideways: {width}px wide in {viewport}px"
                        )
                if role == "anonymous" or open_page not in PUBLIC or open_page is home:
                    screenshot(page, f"{role}-{name}-{device}")  # each page type once
    assert not problems, f"{len(problems)} problem(s) for {role}:\n" + "\n".join(problems)


# --- keyboard ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/catalog/", "/accounts/login/"])
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    link = page.get_by_role("link", name="Skip to main content")
    expect(link).to_be_focused()
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, f"the focused skip link is hidden: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside, f"after the skip link, Tab went to {focused(page)}"


# One key for a Tab stop and for a control on the page; a radio group is one Tab stop.
CONTROL_KEY_JS = """el => el.type === 'radio' ? 'radio:' + el.name
  : el.id || (['A', 'BUTTON'].includes(el.tagName)
              ? el.innerText.replace(/\\s+/g, ' ').trim() : el.name)"""


def tab_stops(page: Page) -> list[dict]:
    """From the skip link into <main>, every Tab stop until the focus leaves <main>."""
    skip_to_main(page)
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        if not page.evaluate("document.getElementById('main').contains(document.activeElement)"):
            return stops
        stop = focused(page)
        stop["key"] = page.evaluate(f"({CONTROL_KEY_JS})(document.activeElement)")
        stops.append(stop)
    raise AssertionError("the focus never left <main>")


def visible_controls(page: Page) -> list[str]:
    """Keys of every visible, enabled control in <main>, in document order."""
    return page.evaluate(
        f"""() => {{
      const key = {CONTROL_KEY_JS};
      const keys = [];
      const all = document.querySelectorAll(
        'main a[href], main button, main input:not([type=hidden]), main select, main textarea');
      for (const el of all) {{
        const r = el.getBoundingClientRect();
        if (el.disabled || r.width === 0 || r.height === 0) continue;
        if (!keys.includes(key(el))) keys.push(key(el));
      }}
      return keys;
    }}"""
    )


def assert_reading_order(stops: list[dict]) -> None:
    """Each Tab stop is below the previous one, or on the same line to its right."""
    for before, after in zip(stops, stops[1:], strict=False):
        below = after["top"] >= before["bottom"] - 2
        same_line = after["top"] < before["bottom"] and after["bottom"] > before["top"]
        right = after["left"] >= before["right"] - 2
        assert below or (same_line and right), (
            f"Tab goes from {before['key']!r} ({before['left']:.0f},{before['top']:.0f}) "
            f"back to {after['key']!r} ({after['left']:.0f},{after['top']:.0f})"
        )


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_tab_order_follows_the_visual_order_on_sign_in_and_the_submission_form(
    browsing, world, device
):
    page = browsing.new_page(device)
    with step(f"Sign-in page on a {device}"):
        page.goto("/accounts/login/")
        stops = tab_stops(page)
        assert [s["key"] for s in stops[:3]] == ["id_username", "id_password", "Sign in"]
        assert [s["key"] for s in stops] == visible_controls(page)
        assert_reading_order(stops)

    page = browsing.new_page(device, user=world.owner)
    for path in ("/submissions/new/", f"/submissions/{world.draft.uuid}/edit/about/"):
        with step(f"Submission form {path} on a {device}"):
            page.goto(path)
            stops = tab_stops(page)
            keys = [s["key"] for s in stops]
            assert keys == visible_controls(page)
            assert keys.index("id_title") < keys.index("id_summary") < keys.index("id_references")
            assert keys[-1] in ("Save draft", "Save and come back later"), keys[-3:]
            assert_reading_order(stops)


# --- error summaries ---------------------------------------------------------------------------

SUMMARIES = {
    "anonymous": [signup_with_errors],
    "contributor": [
        submission_form_with_errors,
        learners_form_with_errors,
        materials_with_a_refused_upload,
        submit_refused,
    ],
    "reviewer": [decline_with_errors, rubric_with_errors],
    "editor": [invite_with_errors],
}


def without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


@pytest.mark.parametrize("role", list(SUMMARIES))
def test_every_error_summary_link_moves_focus_to_its_field(browsing, world, role):
    page = browsing.new_page(user=person(world, role))
    for open_page in SUMMARIES[role]:
        with step(f"{role} · {open_page.__name__}"):
            open_page(page, world)
            summary = page.locator(".error-summary").first
            expect(summary).to_be_focused()
            hrefs = summary.locator("a[href*='#']").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
            assert hrefs, "the error summary links to no field"
            here = without_fragment(page.url)
            for href in hrefs:
                if without_fragment(page.url) != here:  # the last link led to another page
                    open_page(page, world)
                    here = without_fragment(page.url)
                link = page.locator(".error-summary").first.locator(f'a[href="{href}"]')
                link.focus()
                page.keyboard.press("Enter")
                target = re.sub(r"^.*#", "", href)
                expect(page.locator(f'[id="{target}"]')).to_be_focused()
