"""The demo shows reviewer recognition and an appeal in progress (issue 16 items 6 and 7)."""

import io
import os

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from reviews import recognition
from reviews.choices import AppealOutcome, SubmissionState
from reviews.models import Appeal, HelpfulnessRating, Submission
from toolkit.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_thanked_reviewer_with_a_certificate_and_an_appeal_in_progress(client):
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", "--force", stdout=devnull)
    # a reviewer with completed reviews, a certificate and their name on the thank-you page
    reviewer = User.objects.get(username="reviewer1")
    assert reviewer.thanked_publicly
    assert not User.objects.get(username="reviewer2").thanked_publicly
    years = recognition.history(reviewer)
    assert years and years[0].completed >= 1
    latest = years[0].year
    client.force_login(reviewer)
    assert client.get("/reviews/history/").status_code == 200
    pdf = client.get(f"/reviews/history/{latest}/certificate.pdf")
    assert pdf.status_code == 200
    text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Dr. Luis Fernández" in text
    assert f"completed {years[0].completed} review" in text and str(latest) in text
    client.logout()
    thanks = client.get(f"/reviewers/{latest}/").content.decode()
    assert "Dr. Luis Fernández" in thanks and "Dr. Mei-Ling Chen" not in thanks
    # the editor rated the accepted submission's two reviews
    assert sorted(HelpfulnessRating.objects.values_list("score", flat=True)) == [2, 3]
    # the contributor's rejection is appealed and waits for another editor
    appealed = Submission.objects.get(state=SubmissionState.APPEALED)
    assert appealed.owner.username == "contributor"
    appeal = Appeal.objects.get(submission=appealed)
    assert appeal.outcome == AppealOutcome.PENDING and appeal.reasons.startswith("We ask")
    assert appeal.decision.kind == "reject" and appeal.decision.editor.username == "editor"
    assert appeal.decision.created_at <= appeal.filed_at <= appealed.state_changed_at
    client.force_login(appealed.owner)
    page = client.get(f"/submissions/{appealed.uuid}/").content.decode()
    assert "Under appeal" in page
