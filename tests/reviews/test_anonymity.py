"""Canary test (DESIGN §7): planted identities never cross the double-anonymous line.

Author identities are planted in every identity-bearing field, in file names and
in file metadata; reviewer identities in their profiles and in their own words.
Every reviewer-facing API response, download and e-mail is searched for the
author canaries, and every author-facing one for the reviewer canaries.
"""

import pytest
from django.core import mail

from tests.canaries import AUTHOR_CANARIES, REVIEWER_CANARIES, api, assert_absent, texts_of

pytestmark = pytest.mark.django_db


def test_no_reviewer_facing_response_download_or_email_names_an_author(world):
    author, editor, reviewer, submission, assignment = world
    client = api(reviewer)
    haystacks = []
    for path in [
        "/api/v1/submissions/",
        f"/api/v1/submissions/{submission.uuid}/",
        f"/api/v1/submissions/{submission.uuid}/files/",
        "/api/v1/assignments/",
        f"/api/v1/assignments/{assignment.uuid}/",
        f"/api/v1/assignments/{assignment.uuid}/review/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        haystacks.append((path, response.content.decode()))
    version = submission.versions.get(number=1)
    files = client.get(f"/api/v1/submissions/{submission.uuid}/files/").json()
    downloads = 0
    for item in version.files.exclude(kind="link"):
        response = client.get(f"/api/v1/submissions/{submission.uuid}/files/{item.uuid}/download/")
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        haystacks.append((f"download {item.original_name}", texts_of(body)))
        haystacks.append((f"headers {item.original_name}", str(response.headers)))
        downloads += 1
    assert downloads == 3 and len(files) == 4
    reviewer_mail = [m for m in mail.outbox if m.to == [reviewer.email]]
    assert len(reviewer_mail) >= 2  # the invitation and the decision thank-you
    for message in reviewer_mail:
        haystacks.append(
            (
                f"e-mail {message.subject}",
                message.subject + message.body + message.alternatives[0][0],
            )
        )
    assert_absent(AUTHOR_CANARIES, haystacks)


def test_no_author_facing_response_or_email_names_a_reviewer(world):
    author, editor, reviewer, submission, assignment = world
    client = api(author)
    haystacks = []
    for path in [
        "/api/v1/submissions/",
        f"/api/v1/submissions/{submission.uuid}/",
        f"/api/v1/submissions/{submission.uuid}/files/",
    ]:
        response = client.get(path)
        assert response.status_code == 200
        haystacks.append((path, response.content.decode()))
    detail = client.get(f"/api/v1/submissions/{submission.uuid}/").json()
    assert {r["reviewer"] for r in detail["reviews"]} == {"Reviewer 1", "Reviewer 2"}
    assert "Strong work." in detail["reviews"][0]["comments_to_authors"]
    assert "confidential_comments" not in detail["reviews"][0]
    assert client.get(f"/api/v1/assignments/{assignment.uuid}/").status_code == 404
    author_mail = [m for m in mail.outbox if m.to == [author.email]]
    assert len(author_mail) >= 2  # the receipt and the decision
    for message in author_mail:
        haystacks.append(
            (
                f"e-mail {message.subject}",
                message.subject + message.body + message.alternatives[0][0],
            )
        )
    assert_absent(REVIEWER_CANARIES, haystacks)


def test_editors_see_both_sides_and_the_identity_flags(world):
    author, editor, reviewer, submission, assignment = world
    detail = api(editor).get(f"/api/v1/submissions/{submission.uuid}/").content.decode()
    assert "Zebulon Canarywing" in detail and "Rosalind Hiddenreview" in detail
    flags = api(editor).get(f"/api/v1/submissions/{submission.uuid}/").json()["identity_flags"]
    flagged = {(f["where"], f["term"]) for f in flags}
    assert ("summary", "Zebulon Canarywing") in flagged
    assert not any(where.startswith("Material from") for where, _ in flagged)  # cleaned


def test_the_canary_texts_are_really_in_the_originals(world):
    """Guard against a vacuous test: the originals do carry the planted identities."""
    author, editor, reviewer, submission, assignment = world
    client = api(author)
    pdf = submission.versions.get(number=1).files.get(original_name="Canarywing_guide.pdf")
    response = client.get(f"/api/v1/submissions/{submission.uuid}/files/{pdf.uuid}/download/")
    assert b"Zebulon Canarywing" in b"".join(response.streaming_content)
    assert "Canarywing_guide.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Built by Olive Green at Hillside.", "Built by [redacted] at Hillside."),
        ("Dr GREEN wrote it", "Dr GREEN wrote it"),  # a lone surname only as written
        ("Dr Green wrote it; green vegetables", "Dr [redacted] wrote it; green vegetables"),
        ("olive.green@example.org sent Green_guide.pdf", "[redacted] sent [redacted]_guide.pdf"),
        ("Reviewer 1 thanks the editor", "Reviewer 1 thanks the editor"),
    ],
)
def test_redaction_removes_names_but_not_ordinary_words_or_role_labels(text, expected):
    from reviews.anonymity import redact

    terms = ["Olive Green", "Green", "olive.green@example.org", "Reviewer", "editor"]
    assert redact(text, terms) == expected
