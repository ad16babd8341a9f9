"""Fixtures of the implementation-report tests: a published resource with an author
account, a reporter, an editor, and reports in each state (made through the services)."""

import pytest

from catalog.reports import services
from catalog.reports.models import ImplementationReport
from reviews.models import Submission
from tests import factories

REPORT = {
    "learner_level": "gme-residency",
    "group_size": "12",
    "changes": "Shortened the lecture to 20 minutes.",
    "outcome": "The residents *engaged*; the debrief ran long.",
    "rating": "4",
}


@pytest.fixture
def author(db):
    return factories.user("author", display_name="Ada Author")


@pytest.fixture
def resource(author):
    published = factories.resource("Working with medical interpreters")
    submission = factories.draft(author)
    Submission.objects.filter(pk=submission.pk).update(resource=published)
    return published


@pytest.fixture
def reporter(db):
    return factories.user("reporter", display_name="Rae Reporter")


def post(reporter, resource, **changes):
    return services.create_report(reporter, resource, {**REPORT, **changes})


@pytest.fixture
def pending(reporter, resource):
    return post(reporter, resource)


@pytest.fixture
def published(pending, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.approve_report(pending, editor)


def in_state(state, reporter, resource, editor):
    """A report by `reporter` in `state`, through the services."""
    report = post(reporter, resource)
    if state == "pending":
        return report
    if state == "withdrawn":
        return services.withdraw_report(report, reporter)
    if state == "rejected":
        return services.reject_report(report, editor, "Off topic.")
    report = services.approve_report(report, editor)
    if state == "hidden":
        return services.hide_report(report, editor, "Names a patient.")
    return report


def fresh(report):
    return ImplementationReport.objects.get(pk=report.pk)
