"""Reports posted and moderated at the same moment (DESIGN §11): the reporter's row lock
keeps one pending report per resource and the daily limit exact; the report's row lock lets
one moderation win."""

import pytest

from catalog.reports import services
from catalog.reports.models import ImplementationReport
from tests import factories
from tests.catalog.reports.conftest import REPORT, post
from tests.races import THREADS, outcomes, race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_one_report_posted_many_times_at_once_waits_once(reporter, resource):
    results = race([lambda: post(reporter, resource)] * THREADS)
    assert outcomes(results) == {"ok": 1, "TooManyReports": THREADS - 1}
    assert ImplementationReport.objects.count() == 1


def test_reports_posted_at_once_never_pass_the_daily_limit(reporter, settings):
    settings.TOOLKIT_REPORTS_PER_DAY = 2
    resources = [factories.resource(f"Resource {n}") for n in range(4)]
    results = race([lambda r=r: services.create_report(reporter, r, REPORT) for r in resources])
    assert outcomes(results) == {"ok": 2, "TooManyReports": 2}
    assert ImplementationReport.objects.count() == 2


def test_an_approval_and_a_rejection_at_once_one_wins(pending, editor):
    other = factories.user("editor2", roles=["contributor", "editor"])
    results = race(
        [
            lambda: services.approve_report(pending, editor),
            lambda: services.reject_report(pending, other, "Off topic."),
        ]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": 1}
    assert ImplementationReport.objects.get().state in ("published", "rejected")
