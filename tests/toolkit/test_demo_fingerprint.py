"""The seeded demo is pinned: moving its content between files must not change what is seeded.

Measured on main before the demo content moved from Python to data files. If you change
the demo content on purpose, update the numbers and hashes here in the same commit.
"""

import os
from collections import Counter
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from catalog.models import Resource, UsageCount
from reviews.models import Submission
from tests.toolkit.demo_fingerprint import fingerprint, snapshot

pytestmark = pytest.mark.django_db

ROWS = {
    "accounts.User": 7,
    "accounts.User_groups": 12,
    "accounts.User_expertise_levels": 6,
    "accounts.User_expertise_topics": 9,
    "catalog.Resource": 43,
    "catalog.ResourceVersion": 46,
    "catalog.ResourceFile": 80,
    "catalog.Resource_levels": 60,
    "catalog.Resource_topics": 76,
    "catalog.Resource_methods": 89,
    "catalog.Resource_competencies": 24,
    "catalog.Collection": 3,
    "catalog.Collection_levels": 3,
    "catalog.CollectionItem": 15,
    "catalog.CollectionLog": 3,
    "reviews.Submission": 55,
    "reviews.SubmissionAuthor": 100,
    "reviews.SubmissionVersion": 56,
    "reviews.SubmissionFile": 96,
    "reviews.ReviewRound": 52,
    "reviews.ReviewAssignment": 104,
    "reviews.Review": 100,
    "reviews.Decision": 50,
    "reviews.Appeal": 1,
    "reviews.HelpfulnessRating": 2,
    "reviews.TransitionLog": 566,
    "catalog.TermFlag": 10,
    "reviews.Submission_learner_levels": 75,
    "reviews.Submission_topics": 97,
    "reviews.Submission_methods": 110,
    "reviews.Submission_competencies": 26,
    "lists.SavedList": 2,
    "lists.SavedItem": 6,
    "reports.ImplementationReport": 5,
    "reports.ReportLog": 10,
}
# One hash on both databases since decision letters list rubric concerns in the rubric's
# order (they followed the database's JSON key order). Changed on purpose since the move:
# the editorial board's columns on accounts (issue 14 item 10) and that letter order; the
# dates telling one story (issue 14 item 9: every timestamp moves with the log, invitations
# due the configured days after they were sent, counted from that day, peer-reviewed on the
# accept decision's day, the in-review example's invitations sent in the last week; the PDFs'
# fonts carry a ToUnicode map, so their sizes grew); the quoted rubric concerns in the
# letters are set off by an empty quote line, so that they render as a list (issue 14 item 4);
# reviewers numbered when they accept, so invitations declined, cancelled or never answered
# have no number (issue 14 item 6), and the (empty) table of requests for more time (issue 14
# item 5); three curated collections, published by the editor (their members' datestamps
# move), every resource's preparation fields, and the contributor's two saved lists
# (issue 15: data/lists.yaml; their share link's random token left out); DOI columns, and one
# resource whose DOIs are marked deposited under DataCite's test prefix (issue 16 item 1); five
# implementation reports, four published (one answered by its author) and one waiting
# (issue 15 item 3: data/reports.yaml); every resource's currency review date (three years
# after its review), one moved by the editor to 30 days from now, and the outdated terms
# flagged (issue 16 item 4); ten resources tagged with competencies (issue 16 item 5).
# the contributor's tenth submission, rejected after two new reviews and appealed (issue 16
# item 7), the editor's helpfulness ratings of the accepted one's reviews and reviewer1
# thanked by name (issue 16 item 6); the collection and report logs' columns in the order of
# their shared abstract EventLog (the actor first).
FINGERPRINT = "6b11a891e8e646375af278fc92f179fa3dcfe0c66b30dfcbf9dff4e1967a4733"


# The demo is seeded at this instant (the clock then runs on): its dates are days after
# "today" (a review due in 30 days) and days after a row's own timestamp (three years after
# a review), and the fingerprint counts each date from the day of the row's first timestamp,
# so two seedings at different times of day (or across a leap day) could differ by a day.
SEEDED_AT = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@time_machine.travel(SEEDED_AT, tick=True)
def test_the_seeded_demo_is_the_same_row_for_row_as_before_the_content_became_data_files():
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", "--force", stdout=devnull)
    rows = {table: len(values) for table, values in snapshot().items()}
    assert {table: rows[table] for table in ROWS} == ROWS
    states = Counter(Submission.objects.values_list("state", flat=True))
    assert states == {
        "published": 45,
        "draft": 1,
        "submitted": 1,
        "in_review": 2,
        "revisions_requested": 1,
        "accepted": 1,
        "rejected": 1,
        "withdrawn": 1,
        "retired": 1,
        "appealed": 1,
    }
    assert fingerprint() == FINGERPRINT
    # one resource with DOIs, public: its concept DOI and both versions' (DataCite's test prefix)
    (with_doi,) = Resource.objects.exclude(doi_deposited_at=None)
    assert with_doi.public_doi.startswith("10.5072/") and with_doi.version_doi.endswith(".v2")
    assert [v.public_doi for v in with_doi.versions.order_by("number")] == [
        f"{with_doi.doi}.v1",
        f"{with_doi.doi}.v2",
    ]
    # usage figures for every published resource this month, and downloads of its files
    this_month = timezone.localdate().replace(day=1)
    viewed = UsageCount.objects.filter(month=this_month, kind="view")
    published = Resource.objects.published()
    assert set(viewed.values_list("resource_id", flat=True)) == set(
        published.values_list("pk", flat=True)
    )
    assert len(set(viewed.values_list("count", flat=True))) > 10  # figures differ
    assert UsageCount.objects.filter(kind="download").exclude(target="").exists()
