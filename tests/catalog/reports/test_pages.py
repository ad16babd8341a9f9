"""Implementation reports on the pages: the resource page, posting, editing, the editor desk's
moderation, the authors' answer; the permission ladder, throttle and sanitising."""

import pytest

from catalog.reports import services
from catalog.reports.models import ImplementationReport
from tests import factories
from tests.catalog.reports.conftest import REPORT, fresh, post
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script> It **worked**."


def page(client, resource):
    response = client.get(resource.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def new_url(resource):
    return f"/catalog/{resource.slug}/reports/new/"


# --- the resource page -------------------------------------------------------------------------


def test_a_visitor_sees_published_reports_with_the_average_and_a_sign_in_link(
    client, published, resource
):
    html = page(client, resource)
    assert "Implementation reports" in html
    assert "4.0 of 5 from 1 report" in html
    assert "Usefulness: 4 of 5" in html  # in words, not only stars
    assert "By Rae Reporter" in html
    assert "<em>engaged</em>" in html  # Markdown, sanitised
    assert "Sign in to post a report" in html and "/accounts/login/?next=" in html
    assert "reporter@example.org" not in html


@pytest.mark.parametrize("who", ["anonymous", "other", "author", "reporter"])
def test_a_pending_report_is_shown_to_nobody_on_the_resource_page(
    client, pending, resource, who, outsider, author, reporter
):
    people = {"other": outsider, "author": author, "reporter": reporter}
    if who in people:
        client_for(client, people[who])
    html = page(client, resource)
    assert "The residents" not in html
    assert "No implementation reports yet" in html


def test_the_reporter_is_told_their_report_waits_and_can_edit_it(
    client, pending, resource, reporter
):
    html = page(client_for(client, reporter), resource)
    assert "Your report is waiting for an editor" in html
    assert f"/reports/{pending.uuid}/edit/" in html


def test_a_signed_in_user_gets_the_form_and_an_author_does_not(client, resource, outsider, author):
    html = page(client_for(client, outsider), resource)
    assert 'name="outcome"' in html and 'name="learner_level"' in html
    html = page(client_for(client, author), resource)
    assert 'name="outcome"' not in html and "You are an author of this resource" in html


def test_an_anonymous_cached_page_shows_a_report_once_it_is_approved(
    client, pending, resource, editor, django_capture_on_commit_callbacks
):
    assert "No implementation reports yet" in page(client, resource)  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_report(pending, editor)
    assert "4.0 of 5 from 1 report" in page(client, resource)
    with django_capture_on_commit_callbacks(execute=True):
        services.hide_report(pending, editor, "Names a patient.")
    assert "No implementation reports yet" in page(client, resource)


def test_script_tags_in_a_report_and_an_answer_are_never_rendered(
    client, reporter, resource, editor, author, django_capture_on_commit_callbacks
):
    report = post(reporter, resource, outcome=SCRIPT, changes=SCRIPT)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_report(report, editor)
        services.answer_report(report, author, SCRIPT)
    pages = [
        page(client, resource),
        client_for(client, reporter).get(f"/reports/{report.uuid}/").content.decode(),
        client.get("/reports/").content.decode(),
        client_for(client, editor).get("/editor/").content.decode(),
        client.get(f"/reports/{report.uuid}/").content.decode(),
    ]
    for html in pages:
        assert "<script>alert" not in html
    assert "<strong>worked</strong>" in pages[0]


def test_the_editors_preview_of_a_publication_shows_no_reports_section():
    from django.template.loader import get_template

    source = get_template("reviews/editor_preview.html").template.source
    assert "{% block reports %}{% endblock %}" in source


# --- posting -----------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in_to_post(client, resource):
    response = client.post(new_url(resource), REPORT)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ImplementationReport.objects.exists()


def test_an_author_may_not_post_on_their_own_resource(client, resource, author):
    assert client_for(client, author).post(new_url(resource), REPORT).status_code == 403
    assert client.get(new_url(resource)).status_code == 403


def test_an_unknown_resource_is_a_404(client, outsider):
    assert (
        client_for(client, outsider).get("/catalog/no-such-thing/reports/new/").status_code == 404
    )


def test_posting_a_report_thanks_the_user_and_it_waits(client, resource, outsider):
    client_for(client, outsider)
    response = client.post(new_url(resource), REPORT, follow=True)
    assert response.redirect_chain[-1][0] == "/reports/"
    html = response.content.decode()
    assert "waiting for an editor" in html and "Waiting for moderation" in html
    assert ImplementationReport.objects.get().state == "pending"


def test_bad_input_is_a_400_with_what_was_typed_kept(client, resource, outsider):
    client_for(client, outsider)
    response = client.post(new_url(resource), {**REPORT, "group_size": "0", "outcome": "Kept text"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kept text" in html and "error-message" in html
    assert not ImplementationReport.objects.exists()


def test_a_throttled_user_gets_a_429_with_their_text_kept(client, resource, outsider, settings):
    settings.TOOLKIT_REPORTS_PER_DAY = 1
    client_for(client, outsider)
    other = factories.resource("Another resource")
    assert client.post(new_url(other), REPORT).status_code == 302
    response = client.post(new_url(resource), {**REPORT, "outcome": "My typed words"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "My typed words" in html and "1 reports today" in html


def test_a_second_pending_report_on_a_resource_is_a_429_pointing_to_the_first(
    client, resource, pending, reporter
):
    response = client_for(client, reporter).post(new_url(resource), {**REPORT, "outcome": "Again"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Again" in html and f"/reports/{pending.uuid}/edit/" in html


# --- the reporter's pages ----------------------------------------------------------------------


def test_the_edit_form_says_an_edited_published_report_goes_back_to_moderation(
    client, published, reporter
):
    html = client_for(client, reporter).get(f"/reports/{published.uuid}/edit/").content.decode()
    assert "goes back to the editors" in html and "The residents" in html
    response = client.post(f"/reports/{published.uuid}/edit/", {**REPORT, "outcome": "Edited."})
    assert response.status_code == 302
    assert fresh(published).state == "pending" and fresh(published).outcome == "Edited."


@pytest.mark.parametrize("state", ["pending", "published"])
def test_the_permission_ladder_of_the_edit_page(
    client, reporter, resource, editor, outsider, state
):
    from tests.catalog.reports.conftest import in_state

    report = in_state(state, reporter, resource, editor)
    url = f"/reports/{report.uuid}/edit/"
    assert client.get(url).status_code == 302  # anonymous: sign in
    hidden = 404 if state == "pending" else 403
    assert client_for(client, outsider).get(url).status_code == hidden
    assert client_for(client, editor).get(url).status_code == 403
    assert client_for(client, reporter).get(url).status_code == 200


def test_a_rejected_report_cannot_be_edited(client, reporter, resource, editor):
    report = services.reject_report(post(reporter, resource), editor, "Off topic.")
    response = client_for(client, reporter).get(f"/reports/{report.uuid}/edit/")
    assert response.status_code == 409


def test_withdrawing_is_post_only_and_for_the_reporter(client, published, reporter, outsider):
    url = f"/reports/{published.uuid}/withdraw/"
    assert client_for(client, reporter).get(url).status_code == 405
    assert client_for(client, outsider).post(url).status_code == 403
    assert client_for(client, reporter).post(url).status_code == 302
    assert fresh(published).state == "withdrawn"
    assert client_for(client, reporter).post(url).status_code == 409


def test_my_reports_lists_the_reason_of_a_rejection(client, reporter, resource, editor):
    services.reject_report(post(reporter, resource), editor, "It describes another resource.")
    html = client_for(client, reporter).get("/reports/").content.decode()
    assert "Not published" in html and "It describes another resource." in html
    client.logout()
    assert client.get("/reports/").status_code == 302


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_an_unpublished_report_is_a_404_for_others(
    client, reporter, resource, editor, outsider, state
):
    from tests.catalog.reports.conftest import in_state

    report = in_state(state, reporter, resource, editor)
    url = f"/reports/{report.uuid}/"
    assert client.get(url).status_code == 404
    assert client_for(client, outsider).get(url).status_code == 404
    assert client_for(client, reporter).get(url).status_code == 200
    assert client_for(client, editor).get(url).status_code == 200


# --- moderation on the editor desk -------------------------------------------------------------


def test_the_desk_lists_reports_to_moderate(client, pending, editor):
    html = client_for(client, editor).get("/editor/").content.decode()
    assert "Reports to moderate" in html and 'href="#reports"' in html
    assert f"/reports/{pending.uuid}/approve/" in html and "Rae Reporter" in html


def test_the_desk_leaves_out_reports_on_the_editors_own_resources(client, pending, author):
    author.groups.add(*factories.user("e4", roles=["editor"]).groups.all())
    html = client_for(client, author).get("/editor/").content.decode()
    assert f"/reports/{pending.uuid}/approve/" not in html


def test_an_editor_approves_from_the_desk(client, pending, editor, resource):
    response = client_for(client, editor).post(f"/reports/{pending.uuid}/approve/")
    assert response.status_code == 302 and response["Location"] == "/editor/#reports"
    assert fresh(pending).state == "published"
    assert client.post(f"/reports/{pending.uuid}/approve/").status_code == 409


@pytest.mark.parametrize("action", ["approve", "reject", "hide"])
def test_the_permission_ladder_of_moderation(client, pending, reporter, outsider, action):
    url = f"/reports/{pending.uuid}/{action}/"
    assert client.post(url).status_code == 302  # anonymous: sign in
    assert (
        client_for(client, outsider)
        .post(url, {"hide-reason": "x", "reject-reason": "x"})
        .status_code
        == 404
    )
    assert (
        client_for(client, reporter)
        .post(url, {"hide-reason": "x", "reject-reason": "x"})
        .status_code
        == 403
    )
    assert fresh(pending).state == "pending"


def test_a_rejection_without_a_reason_is_a_400_and_with_one_it_is_done(client, pending, editor):
    client_for(client, editor)
    response = client.post(f"/reports/{pending.uuid}/reject/", {"reject-reason": ""})
    assert response.status_code == 400 and fresh(pending).state == "pending"
    response = client.post(f"/reports/{pending.uuid}/reject/", {"reject-reason": "Off topic."})
    assert response.status_code == 302
    assert fresh(pending).state == "rejected" and fresh(pending).reason == "Off topic."


def test_an_editor_hides_a_published_report_with_a_reason(client, published, editor, resource):
    client_for(client, editor)
    response = client.post(f"/reports/{published.uuid}/hide/", {"hide-reason": "Typed text"})
    assert response.status_code == 302 and fresh(published).state == "hidden"
    client.logout()
    assert "No implementation reports yet" in page(client, resource)


# --- the authors' answer -----------------------------------------------------------------------


def test_an_author_answers_once_on_the_resource_page(client, published, author, resource):
    html = page(client_for(client, author), resource)
    assert f"/reports/{published.uuid}/answer/" in html
    url = f"/reports/{published.uuid}/answer/"
    response = client.post(url, {"answer": "We *also* shortened it."})
    assert response.status_code == 302
    html = page(client, resource)
    assert "Answer from the authors" in html and "<em>also</em>" in html
    assert f"/reports/{published.uuid}/answer/" not in html
    assert client.post(url, {"answer": "Again"}).status_code == 409


def test_others_may_not_answer(client, published, outsider, reporter, editor):
    url = f"/reports/{published.uuid}/answer/"
    for person in (outsider, reporter, editor):
        assert client_for(client, person).post(url, {"answer": "Hi"}).status_code == 403
    assert fresh(published).answer == ""
