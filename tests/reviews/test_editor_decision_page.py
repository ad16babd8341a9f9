"""The editor's submission page as an editor works (issue 14, item 4): what is needed now, the
reviews side by side, then the decision with one letter (two steps without JavaScript);
letters whose quoted reviews are quotes; the live page after Publish, a preview before."""

import json
from datetime import timedelta

import lxml.html
import pytest
from django.utils import timezone

from catalog.models import Resource
from reviews import letters, progress, services
from reviews.choices import SubmissionState as S
from reviews.models import Submission
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def page(submission):
    return f"/editor/submissions/{submission.uuid}/"


def decision_url(submission):
    return f"{page(submission)}decision/"


def preview_url(submission):
    return f"{page(submission)}preview/"


@pytest.fixture
def reviewed(contributor, editor, reviewers):
    """In review, both reviews in."""
    submission, _ = factories.in_review(contributor, editor, reviewers[:2], completed=2)
    return submission


def doc(response):
    return lxml.html.document_fromstring(response.content.decode())


# --- the order of the page and what is needed now ---------------------------------------------


def test_the_page_shows_what_is_needed_now_then_the_reviews_then_the_decision_then_the_rest(
    editor_client, reviewed
):
    html = editor_client.get(page(reviewed)).content.decode()
    order = [
        'id="needed-now"',
        'id="reviews"',
        'class="review-grid"',
        'id="decision"',
        'id="reviewers"',
        'id="submission"',
        'id="letters"',
        'id="timeline"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_needed_now_counts_the_reviews_in_and_says_whose_review_is_due_when(
    contributor, editor, reviewers, settings
):
    settings.TOOLKIT_REVIEWS_REQUIRED = 3
    submission, (first, second, third) = factories.in_review(
        contributor, editor, reviewers, completed=1
    )
    services.accept_invitation(second, reviewers[1], coi_declaration="None.")
    second.refresh_from_db()
    third.refresh_from_db()
    needed = progress.needed_now(submission)
    assert needed.headline == "1 of 3 reviews in; waiting for the reviewers."
    assert needed.waiting == [  # what is due first comes first: an answer, then a review
        f"{reviewers[2].display_name} has not answered the invitation; "
        f"answer due {third.response_due:%-d %b}",
        f"{reviewers[1].display_name}: review due {second.review_due:%-d %b}",
    ]
    late = progress.needed_now(submission, today=second.review_due + timedelta(days=1))
    assert late.overdue == 2
    assert f"review due {second.review_due:%-d %b} (overdue)" in " ".join(late.waiting)


def test_needed_now_asks_for_more_reviewers_when_too_few_are_invited(
    contributor, editor, reviewers
):
    submission, _ = factories.in_review(contributor, editor, reviewers[:1])
    assert progress.needed_now(submission).headline == "0 of 2 reviews in; invite 1 more reviewer."


def test_needed_now_says_when_there_are_enough_reviews_and_the_page_shows_it_first(
    editor_client, reviewed
):
    response = editor_client.get(page(reviewed))
    panel = doc(response).get_element_by_id("needed-now").getparent()
    assert "2 of 2 reviews in; enough to decide." in panel.text_content()
    assert panel.xpath(".//a[@href='#decision']")


def test_the_reviews_are_cards_in_a_grid_after_the_side_by_side_scores(editor_client, reviewed):
    tree = doc(editor_client.get(page(reviewed)))
    (grid,) = tree.find_class("review-grid")
    cards = grid.find_class("review-card")
    assert len(cards) == 2
    headings = [card.find("h4").text_content() for card in cards]
    assert [h.split(" (")[0] for h in headings] == ["Reviewer Person 1", "Reviewer Person 2"]


# --- one decision, one letter -----------------------------------------------------------------


def test_the_decisions_with_a_letter_share_one_form_with_one_letter_box(editor_client, reviewed):
    response = editor_client.get(page(reviewed))
    tree = doc(response)
    (form,) = tree.xpath("//form[@data-decision-form]")
    assert form.get("action") == decision_url(reviewed)
    radios = form.xpath(".//input[@type='radio'][@name='decision']")
    assert [r.get("value") for r in radios] == ["request_revisions", "accept", "reject"]
    assert not [r for r in radios if r.get("checked") is not None]  # picked on purpose
    assert len(tree.xpath("//textarea[@name='letter']")) == 1
    drafts = json.loads(tree.get_element_by_id("decision-letters").text)
    for kind in ("request_revisions", "accept", "reject"):
        assert drafts[kind] == letters.draft_letter(reviewed, kind)
    assert len(set(drafts.values())) == 3


def test_without_javascript_continue_shows_the_letter_drafted_for_the_decision_picked(
    editor_client, reviewed
):
    first = doc(editor_client.get(page(reviewed)))
    (step,) = first.xpath("//*[@data-letter-step]")
    assert step.get("hidden") is not None  # no letter until a decision is picked
    assert first.xpath("//button[@name='continue']")

    response = editor_client.post(decision_url(reviewed), {"decision": "reject", "continue": "1"})
    assert response.status_code == 302
    assert response.url == f"{page(reviewed)}?decision=reject#decision"

    second = editor_client.get(response.url)
    assert second.context["letter"].chosen.name == "reject"
    tree = doc(second)
    (step,) = tree.xpath("//*[@data-letter-step]")
    assert step.get("hidden") is None
    (letter,) = tree.xpath("//textarea[@name='letter']")
    assert letter.text_content().strip() == letters.draft_letter(reviewed, "reject")
    assert tree.xpath("//input[@name='letter_for']/@value") == ["reject"]
    assert tree.xpath("//input[@value='reject']/@checked")
    assert tree.xpath("//button[normalize-space()='Send decision']")
    assert not tree.xpath("//button[@name='continue']")
    reviewed.refresh_from_db()
    assert reviewed.state == S.IN_REVIEW  # nothing was decided yet


def test_send_decision_runs_the_decision_with_the_letter_written(editor_client, reviewed):
    response = editor_client.post(
        decision_url(reviewed),
        {
            "decision": "request_revisions",
            "letter_for": "request_revisions",
            "letter": "Dear authors,\r\n\r\nReviewer 1:\r\n> Add a debrief.",
        },
    )
    assert response.status_code == 302
    reviewed.refresh_from_db()
    assert reviewed.state == S.REVISIONS_REQUESTED
    assert reviewed.decisions.get().letter.startswith("Dear authors,")


def test_a_missing_letter_is_400_with_the_decision_still_picked_and_the_reason_kept(
    editor_client, contributor, editor, reviewers
):
    submission = factories.submission_in("submitted", contributor, editor, reviewers)
    response = editor_client.post(
        decision_url(submission),
        {
            "decision": "desk_reject",
            "letter_for": "desk_reject",
            "reason": "Out of scope for the toolkit",
            "letter": "  ",
        },
    )
    assert response.status_code == 400
    tree = doc(response)
    assert tree.xpath("//input[@value='desk_reject']/@checked")
    assert tree.xpath("//input[@name='reason']/@value") == ["Out of scope for the toolkit"]
    assert tree.xpath("//a[@href='#id_desk_reject_letter']")  # the error summary
    (step,) = tree.xpath("//*[@data-letter-step]")
    assert step.get("hidden") is None
    submission.refresh_from_db()
    assert submission.state == S.SUBMITTED


def test_a_decision_changed_after_the_letter_was_edited_keeps_the_letter_and_sends_nothing(
    editor_client, reviewed
):
    response = editor_client.post(
        decision_url(reviewed),
        {"decision": "reject", "letter_for": "accept", "letter": "My own careful words."},
    )
    assert response.status_code == 200
    tree = doc(response)
    assert tree.xpath("//textarea[@name='letter']")[0].text_content().strip() == (
        "My own careful words."
    )
    assert tree.xpath("//input[@name='letter_for']/@value") == ["reject"]
    assert tree.xpath("//input[@value='reject']/@checked")
    assert "Your letter is kept" in response.content.decode()
    reviewed.refresh_from_db()
    assert reviewed.state == S.IN_REVIEW


def test_a_decision_changed_with_its_letter_unedited_goes_to_the_new_decisions_draft(
    editor_client, reviewed
):
    accept_draft = letters.draft_letter(reviewed, "accept").replace("\n", "\r\n")
    response = editor_client.post(
        decision_url(reviewed),
        {"decision": "reject", "letter_for": "accept", "letter": accept_draft + "\r\n"},
    )
    assert response.status_code == 302
    assert response.url.endswith("?decision=reject#decision")
    reviewed.refresh_from_db()
    assert reviewed.state == S.IN_REVIEW


@pytest.mark.parametrize("data", [{}, {"decision": "publish"}, {"decision": "explode"}])
def test_no_decision_or_one_without_a_letter_is_400_asking_to_choose(editor_client, reviewed, data):
    response = editor_client.post(decision_url(reviewed), data)
    assert response.status_code == 400
    assert "Choose a decision first." in response.content.decode()


def test_a_letter_sent_after_another_editor_decided_is_409_and_shown_back(editor_client, reviewed):
    other = factories.user("ed9", roles=["editor"])
    services.reject(reviewed, other, letter="Another editor was faster.")
    response = editor_client.post(
        decision_url(reviewed),
        {"decision": "accept", "letter_for": "accept", "letter": "My careful letter."},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Accept was not done" in html and "My careful letter." in html


def test_the_letter_form_follows_the_desk_rules(client, contributor, editor, reviewers, reviewed):
    assert client_for(client, editor).get(decision_url(reviewed)).status_code == 405
    client_for(client, contributor)
    assert client.post(decision_url(reviewed), {"decision": "reject"}).status_code == 403
    own, _ = factories.in_review(editor, factories.user("ed2", roles=["editor"]), reviewers[:1])
    client_for(client, editor)
    assert client.post(decision_url(own), {"decision": "reject"}).status_code == 404


# --- letters quote the reviews as quotes ---------------------------------------------------------


def test_the_contributor_reads_the_quoted_reviews_as_blockquotes_not_marks(
    client, contributor, editor, reviewed
):
    services.request_revisions(
        reviewed, editor, letter=letters.draft_letter(reviewed, "request_revisions")
    )
    response = client_for(client, contributor).get(f"/submissions/{reviewed.uuid}/")
    tree = doc(response)
    (body,) = tree.find_class("letter__body")
    quotes = body.findall(".//blockquote")
    assert len(quotes) == 2
    assert "Thoughtful and runnable; please add a debrief guide." in quotes[0].text_content()
    assert "&gt;" not in lxml.html.tostring(body, encoding="unicode")
    assert "Reviewer Person" not in body.text_content()


def test_a_letter_is_markdown_sanitised_and_keeps_its_line_breaks(client, contributor, editor):
    submission = factories.submission_in("submitted", contributor, editor, [])
    services.desk_reject(
        submission,
        editor,
        reason="Scope",
        letter="Dear Ada,\nThank you.\n\n<script>alert(1)</script>[x](javascript:alert(1))",
    )
    response = client_for(client, contributor).get(f"/submissions/{submission.uuid}/")
    (body,) = doc(response).find_class("letter__body")
    html = lxml.html.tostring(body, encoding="unicode")
    assert "<br>" in html and "Thank you." in html
    assert "<script" not in html and "javascript:" not in html


# --- the public page: preview before Publish, the live page after -------------------------------


@pytest.fixture
def accepted(contributor, editor, reviewers):
    return factories.submission_in("accepted", contributor, editor, reviewers)


def test_the_preview_is_for_the_editors_who_have_the_submission_on_their_desk(
    client, contributor, editor, reviewers, accepted
):
    url = preview_url(accepted)
    assert client.get(url).status_code == 404  # anonymous: not even the login page
    for person in (contributor, reviewers[0], factories.user("plain", roles=["contributor"])):
        assert client_for(client, person).get(url).status_code == 404, person
    editor_author = factories.user("ed-author", roles=["contributor", "editor"])
    own = factories.submission_in("accepted", editor_author, editor, reviewers)
    assert client_for(client, editor_author).get(preview_url(own)).status_code == 404
    assert client_for(client, editor_author).get(url).status_code == 200  # another editor
    assert client_for(client, editor).get(url).status_code == 200


def test_the_preview_is_the_catalog_page_publish_will_make_marked_and_not_indexed(
    editor_client, editor, accepted
):
    response = editor_client.get(preview_url(accepted))
    assert response.status_code == 200
    assert "catalog/resource_detail.html" in [t.name for t in response.templates]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    tree = doc(response)
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    assert "Preview:" in tree.find_class("preview-banner")[0].text_content()
    assert Resource.objects.count() == 0  # nothing was saved
    (preview,) = tree.find_class("resource")

    services.publish(Submission.objects.get(pk=accepted.pk), editor)
    accepted.refresh_from_db()
    live = doc(editor_client.get(accepted.resource.get_absolute_url()))
    (public,) = live.find_class("resource")
    for reports in public.find_class("resource__reports"):  # colleagues' reports come later
        reports.drop_tree()
    assert preview.text_content().split() == public.text_content().split()


def test_the_preview_links_the_files_to_the_editors_copies(editor_client, contributor, accepted):
    response = editor_client.get(preview_url(accepted))
    (link,) = response.context["links"]
    assert link.url == "https://video.example.org/interpreters" and link.label == "Video"
    assert response.context["files"] == []


def test_the_page_offers_the_preview_before_publish_and_the_live_page_after(
    editor_client, editor, accepted
):
    html = editor_client.get(page(accepted)).content.decode()
    assert f'href="{preview_url(accepted)}"' in html
    assert "View the live page" not in html
    services.publish(accepted, editor)
    accepted.refresh_from_db()
    tree = doc(editor_client.get(page(accepted)))
    (live,) = tree.xpath("//a[starts-with(normalize-space(), 'View the live page')]")
    assert live.get("href") == accepted.resource.get_absolute_url()
    assert not tree.xpath(f"//a[@href='{preview_url(accepted)}']")
    assert editor_client.get(preview_url(accepted)).status_code == 404  # it is live now


def test_a_retired_resource_has_no_live_link(editor_client, contributor, editor, reviewers):
    retired = factories.submission_in("retired", contributor, editor, reviewers)
    assert "View the live page" not in editor_client.get(page(retired)).content.decode()


def test_the_preview_of_a_new_version_shows_it_atop_the_version_history(
    editor_client, contributor, editor, reviewers
):
    published = factories.submission_in("published", contributor, editor, reviewers)
    draft = services.start_new_version(published, contributor)

    def fresh():
        return Submission.objects.get(pk=draft.pk)

    services.submit(fresh(), contributor)
    services.send_to_review(fresh(), editor)
    for reviewer in reviewers[1:]:  # a new submission: two reviews in its own rounds
        assignment = services.invite(fresh(), editor, reviewer=reviewer)
        factories.review_and_complete(assignment, reviewer)
    services.accept(fresh(), editor, letter="Yes.")
    response = editor_client.get(preview_url(draft))
    assert response.status_code == 200
    assert [v.number for v in response.context["versions"]] == [2, 1]
    assert response.context["record"].slug == published.resource.slug
    assert timezone.now() - response.context["record"].published_at < timedelta(minutes=1)
