"""Implementation reports: the services' transitions from every state, permissions, input,
throttle, e-mails and the log."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from catalog import services as catalog_services
from catalog.reports import services
from catalog.reports.models import ImplementationReport, ReportLog
from tests import factories
from tests.catalog.reports.conftest import REPORT, fresh, in_state, post
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

STATES = ("pending", "published", "rejected", "hidden", "withdrawn")


# --- posting ---------------------------------------------------------------------------------


def test_a_posted_report_waits_for_moderation_signed_with_the_display_name(reporter, resource):
    report = post(reporter, resource)
    assert report.state == "pending" and report.signature == "Rae Reporter"
    assert report.learner_level.slug == "gme-residency" and report.group_size == 12
    assert report.rating == 4
    assert ImplementationReport.objects.public().count() == 0
    assert ReportLog.objects.get(report=report).event == "posted"


def test_a_visitor_cannot_post_a_report(resource):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        post(AnonymousUser(), resource)


def test_an_author_of_the_resource_cannot_report_on_it(author, resource):
    with pytest.raises(PermissionDenied):
        post(author, resource)


def test_a_retired_resource_takes_no_reports(reporter, resource):
    catalog_services.retire_resource(resource, "Out of date.")
    with pytest.raises(Conflict):
        post(reporter, resource)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("learner_level", "no-such-level"),
        ("group_size", "0"),
        ("group_size", "twelve"),
        ("group_size", "1.5"),
        ("outcome", "   "),
        ("outcome", "x" * 4001),
        ("rating", "6"),
        ("rating", "0"),
    ],
)
def test_bad_input_is_refused_with_a_message_on_its_field(reporter, resource, field, value):
    with pytest.raises(ValidationError) as error:
        post(reporter, resource, **{field: value})
    assert field in error.value.message_dict
    assert not ImplementationReport.objects.exists()


def test_the_rating_and_the_changes_are_optional(reporter, resource):
    report = post(reporter, resource, rating="", changes="")
    assert report.rating is None and report.changes == ""


def test_one_pending_report_per_resource_is_a_throttle(reporter, resource):
    post(reporter, resource)
    with pytest.raises(services.TooManyReports) as error:
        post(reporter, resource)
    assert "/edit/" in error.value.edit_url
    assert ImplementationReport.objects.count() == 1


def test_a_second_report_is_allowed_once_the_first_was_moderated(reporter, resource, editor):
    services.approve_report(post(reporter, resource), editor)
    assert post(reporter, resource).state == "pending"


def test_posting_is_throttled_per_account_per_day(reporter, settings, editor, outsider):
    settings.TOOLKIT_REPORTS_PER_DAY = 2
    resources = [factories.resource(f"Resource {n}") for n in range(3)]
    post(reporter, resources[0])
    post(reporter, resources[1])
    with pytest.raises(services.TooManyReports) as error:
        post(reporter, resources[2])
    assert "2 reports today" in error.value.detail
    assert post(outsider, resources[2]).state == "pending"  # another account is not held


def test_a_refused_post_does_not_count_against_the_throttle(reporter, resource, settings):
    settings.TOOLKIT_REPORTS_PER_DAY = 1
    with pytest.raises(ValidationError):
        post(reporter, resource, outcome="")
    assert post(reporter, resource).state == "pending"


# --- transitions from every state --------------------------------------------------------------

ALLOWED = {
    "approve": {"pending": "published"},
    "reject": {"pending": "rejected"},
    "hide": {"published": "hidden"},
    "edit": {"pending": "pending", "published": "pending"},
    "withdraw": {"pending": "withdrawn", "published": "withdrawn"},
}


def run(name, report, reporter, editor):
    if name == "approve":
        return services.approve_report(report, editor)
    if name == "reject":
        return services.reject_report(report, editor, "Off topic.")
    if name == "hide":
        return services.hide_report(report, editor, "Names a patient.")
    if name == "edit":
        return services.edit_report(report, reporter, {**REPORT, "outcome": "Changed."})
    return services.withdraw_report(report, reporter)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(ALLOWED))
def test_each_transition_runs_from_its_states_and_is_a_conflict_from_the_others(
    name, state, reporter, resource, editor
):
    report = in_state(state, reporter, resource, editor)
    target = ALLOWED[name].get(state)
    if state == "withdrawn" and name in ("approve", "reject", "hide"):
        with pytest.raises(Http404):  # editors do not see withdrawn reports
            run(name, report, reporter, editor)
        return
    if target is None:
        with pytest.raises(Conflict):
            run(name, report, reporter, editor)
        assert fresh(report).state == state
        return
    assert run(name, report, reporter, editor).state == target
    assert fresh(report).state == target
    assert ReportLog.objects.filter(report=report).first().to_state == target


def test_an_edited_published_report_leaves_the_page_until_approved_again(
    published, reporter, editor
):
    services.edit_report(published, reporter, {**REPORT, "outcome": "Second thoughts."})
    assert not ImplementationReport.objects.public().exists()
    assert fresh(published).published_at is None
    services.approve_report(published, editor)
    assert ImplementationReport.objects.public().get().outcome == "Second thoughts."


def test_a_rejection_and_a_hiding_need_a_reason(editor, reporter, outsider, resource):
    pending = in_state("pending", reporter, resource, editor)
    published = in_state("published", outsider, resource, editor)
    with pytest.raises(ValidationError):
        services.reject_report(pending, editor, " ")
    with pytest.raises(ValidationError):
        services.hide_report(published, editor, "")
    assert (fresh(pending).state, fresh(published).state) == ("pending", "published")


# --- the permission ladder -----------------------------------------------------------------


def test_the_reporter_and_other_users_cannot_moderate(reporter, outsider, editor, resource):
    pending = in_state("pending", reporter, resource, editor)
    published = in_state("published", factories.user("third"), resource, editor)
    with pytest.raises(PermissionDenied):
        services.approve_report(pending, reporter)  # their own: they see it, lack the role
    with pytest.raises(Http404):
        services.approve_report(pending, outsider)  # not published: not visible
    with pytest.raises(PermissionDenied):
        services.hide_report(published, outsider, "Mine to hide?")


def test_an_editor_who_authored_the_resource_cannot_moderate_its_reports(pending, author):
    author.groups.add(*factories.user("e2", roles=["editor"]).groups.all())
    with pytest.raises(PermissionDenied):
        services.approve_report(pending, author)


def test_only_the_reporter_edits_or_withdraws(published, outsider, editor, author):
    for person in (outsider, editor, author):
        with pytest.raises(PermissionDenied):
            services.edit_report(published, person, REPORT)
        with pytest.raises(PermissionDenied):
            services.withdraw_report(published, person)


def test_another_users_pending_report_is_not_found(pending, outsider, author):
    for person in (outsider, author):
        with pytest.raises(Http404):
            services.withdraw_report(pending, person)


# --- answers -----------------------------------------------------------------------------------


def test_an_author_answers_a_published_report_once(published, author, reporter, outsider, editor):
    for person in (reporter, outsider, editor):
        with pytest.raises(PermissionDenied):
            services.answer_report(published, person, "Thanks!")
    answered = services.answer_report(published, author, "Thank you: we shortened it too.")
    assert answered.answer == "Thank you: we shortened it too." and answered.answered_by == author
    with pytest.raises(Conflict):
        services.answer_report(published, author, "And another thing.")
    assert fresh(published).answer == "Thank you: we shortened it too."


def test_a_pending_report_cannot_be_answered(pending, author, editor):
    author.groups.add(*factories.user("e3", roles=["editor"]).groups.all())  # so they see it
    with pytest.raises(Conflict):
        services.answer_report(pending, author, "Too early.")


def test_an_empty_answer_is_refused(published, author):
    with pytest.raises(ValidationError):
        services.answer_report(published, author, "  ")


# --- e-mails -------------------------------------------------------------------------------------


def test_approval_tells_the_reporter_and_the_authors_once_after_commit(
    pending, editor, author, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.approve_report(pending, editor)
        assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == [author.email, reporter.email]
    [to_author] = [m for m in mail.outbox if m.to == [author.email]]
    assert "Working with medical interpreters" in to_author.subject
    assert "Rae Reporter" in to_author.body and "answer" in to_author.body
    assert reporter.email not in to_author.body


def test_a_rejection_tells_the_reporter_the_reason(
    pending, editor, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_report(pending, editor, "It describes a different resource.")
    [message] = mail.outbox
    assert message.to == [reporter.email]
    assert "It describes a different resource." in message.body


def test_hiding_tells_the_reporter_the_reason(
    published, editor, reporter, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.hide_report(published, editor, "It names a patient.")
    [message] = mail.outbox
    assert message.to == [reporter.email] and "It names a patient." in message.body


def test_a_refused_action_sends_nothing(pending, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.reject_report(pending, editor, "")
    assert mail.outbox == []


def test_an_answer_tells_the_reporter(
    published, author, reporter, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_report(published, author, "Thanks.")
    [message] = mail.outbox
    assert message.to == [reporter.email]


# --- summary -----------------------------------------------------------------------------------


def test_the_summary_averages_the_published_ratings_only(resource, editor, outsider, reporter):
    services.approve_report(post(reporter, resource, rating="5"), editor)
    services.approve_report(post(outsider, resource, rating="4"), editor)
    third = factories.user("third")
    post(third, resource, rating="1")  # pending: not counted
    summary = services.summary(resource)
    assert (summary.count, summary.average) == (2, 4.5)
    assert summary.text == "4.5 of 5 from 2 reports"


def test_the_summary_says_how_many_were_rated(resource, editor, outsider, reporter):
    services.approve_report(post(reporter, resource, rating="3"), editor)
    services.approve_report(post(outsider, resource, rating=""), editor)
    assert services.summary(resource).text == "3.0 of 5 from 2 reports (1 rated)"
