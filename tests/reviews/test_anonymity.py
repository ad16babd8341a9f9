"""Canary test (DESIGN §7): planted identities never cross the double-anonymous line.

Author identities are planted in every identity-bearing field, in file names and
in file metadata; reviewer identities in their profiles and in their own words.
Every reviewer-facing API response, download and e-mail is searched for the
author canaries, and every author-facing one for the reviewer canaries.
"""

import html

import pytest
from django.core import mail

from tests.canaries import (
    AUTHOR_CANARIES,
    REVIEWER_CANARIES,
    api,
    assert_absent,
    recognition_haystacks,
    texts_of,
)

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
        f"/api/v1/assignments/{assignment.uuid}/extensions/",
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
    assert len(reviewer_mail) >= 4  # the invitation, the answers on more time, the thank-you
    assert any("More time" in m.subject for m in reviewer_mail)
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
    extensions = f"/api/v1/assignments/{assignment.uuid}/extensions/"
    assert client.get(extensions).status_code == 404
    assert not any("extension" in entry["transition"] for entry in detail["log"])
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
    # The files' metadata was cleaned away: only their (redacted) labels name the authors.
    from_files = {where for where, _ in flagged if where.startswith("Material from")}
    assert from_files and all(where.endswith("(label)") for where in from_files)


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
        ("Dr GREEN wrote it", "Dr [redacted] wrote it"),  # a surname in any case but lower
        ("Dr Green wrote it; green vegetables", "Dr [redacted] wrote it; green vegetables"),
        ("olive.green@example.org sent Green_guide.pdf", "[redacted] sent [redacted]_guide.pdf"),
        ("Reviewer 1 thanks the editor", "Reviewer 1 thanks the editor"),
    ],
)
def test_redaction_removes_names_but_not_ordinary_words_or_role_labels(text, expected):
    from reviews.anonymity import redact

    terms = ["Olive Green", "Green", "olive.green@example.org", "Reviewer", "editor"]
    assert redact(text, terms) == expected


def _seen_by(client, person, paths):
    """(label, body) of each path for this person, all expected to answer 200."""
    haystacks = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (person.username, path)
        haystacks.append((f"{person.username} {path}", response.content.decode()))
    return haystacks


@pytest.mark.parametrize("username", ["rdeclined", "rcancelled"])
def test_a_declined_or_cancelled_reviewer_sees_only_the_redacted_title_and_note(
    world, client, username
):
    from django.contrib.auth import get_user_model

    _, _, _, submission, _ = world
    person = get_user_model().objects.get(username=username)
    assignment = person.assignments.get()
    detail = api(person).get(f"/api/v1/assignments/{assignment.uuid}/").json()
    assert detail["state"] in {"declined", "cancelled"}
    assert detail["title"] == "Interpreters on the wards: the [redacted] method"
    assert detail["message"].startswith("[redacted] ([redacted], ORCID [redacted]) asked")
    assert api(person).get(f"/api/v1/submissions/{submission.uuid}/").status_code == 404
    haystacks = _seen_by(
        api(person), person, ["/api/v1/assignments/", f"/api/v1/assignments/{assignment.uuid}/"]
    )
    client.force_login(person)
    haystacks += _seen_by(client, person, ["/reviews/", f"/reviews/{assignment.uuid}/"])
    mails = [m for m in mail.outbox if m.to == [person.email]]
    assert len(mails) == 1 + (username == "rcancelled")  # the invitation (and the cancellation)
    haystacks += [(m.subject, m.subject + m.body + m.alternatives[0][0]) for m in mails]
    assert_absent(AUTHOR_CANARIES, haystacks)


def test_the_invitation_note_reaches_the_reviewer_redacted_everywhere(world, client):
    _, _, reviewer, _, assignment = world
    expected = "Dear reviewer, [redacted]'s team hopes you like the materials."
    assert api(reviewer).get(f"/api/v1/assignments/{assignment.uuid}/").json()["message"] == (
        expected
    )
    invitation = next(m for m in mail.outbox if m.to == [reviewer.email])
    assert expected in invitation.body
    client.force_login(reviewer)
    assert expected in html.unescape(client.get(f"/reviews/{assignment.uuid}/").content.decode())


def test_reviewers_get_ordinary_variants_of_author_names_redacted(world):
    _, _, reviewer, submission, _ = world
    metadata = api(reviewer).get(f"/api/v1/submissions/{submission.uuid}/").json()["metadata"]
    assert metadata["description"] == (
        "Designed by [redacted] and [redacted] ([redacted]); see https://orcid.org/[redacted] "
        "and the [redacted] site. [redacted]’s colleagues at [redacted] helped."
    )


def test_the_editor_learns_which_identities_reviewers_see_as_written(world):
    _, editor, _, submission, _ = world
    flags = api(editor).get(f"/api/v1/submissions/{submission.uuid}/").json()["identity_flags"]
    kept = {(f["where"], f["term"]) for f in flags if not f["redacted"]}
    redacted = {(f["where"], f["term"]) for f in flags if f["redacted"]}
    assert ("summary", "Zebulon Canarywing") in redacted
    assert ("description", "0000-0002-1825-0097") in redacted
    assert ("description", "zcanary") in redacted
    assert ("Material from Canarywing_guide (label)", "Canarywing") in redacted
    assert kept == set()  # the world plants nothing reviewers would see as written


def test_a_reviewer_reads_the_other_reviews_without_any_reviewers_name(world):
    from django.contrib.auth import get_user_model

    _, _, _, submission, _ = world
    other = get_user_model().objects.get(username="rother")
    reviews = api(other).get(f"/api/v1/submissions/{submission.uuid}/").json()["reviews"]
    canary_review = next(r for r in reviews if r["reviewer"] == "Reviewer 1")
    assert canary_review["comments_to_authors"] == "Strong work. — [redacted], [redacted]"
    assert_absent(REVIEWER_CANARIES, [("reviews", str(reviews))])


def test_the_editors_note_on_more_time_reaches_the_reviewer_redacted(world, client):
    author, editor, reviewer, submission, assignment = world
    (refused, _approved) = (
        api(reviewer).get(f"/api/v1/assignments/{assignment.uuid}/extensions/").json()
    )
    assert refused["note"] == "[redacted]'s team needs it by then."
    (listed, _) = api(editor).get(f"/api/v1/assignments/{assignment.uuid}/extensions/").json()
    assert listed["note"] == "Zebulon Canarywing's team needs it by then."
    assert listed["reviewer"].startswith("Rosalind Hiddenreview")  # editors see who asks
    client.force_login(editor)
    page = html.unescape(client.get(f"/editor/submissions/{submission.uuid}/").content.decode())
    assert "Rosalind Hiddenreview has exams" in page


def test_the_decision_email_shows_another_reviewer_the_canary_review_without_any_name(world):
    from django.contrib.auth import get_user_model

    _, _, reviewer, _, _ = world
    other = get_user_model().objects.get(username="rother")
    (message,) = [m for m in mail.outbox if m.to == [other.email] and "reviewing" in m.subject]
    text = message.subject + message.body + message.alternatives[0][0]
    assert "Reviewer 1:\n> Strong work. — [redacted], [redacted]" in message.body
    assert "I know" not in text  # the canary's confidential comments to the editor
    assert_absent(REVIEWER_CANARIES + AUTHOR_CANARIES, [("decision e-mail", text)])


def test_my_reviewing_the_certificates_and_the_thank_you_page_name_no_author(world, client):
    _, _, reviewer, _, _ = world
    reviewer.thanked_publicly = True
    reviewer.save()
    haystacks = recognition_haystacks(client, reviewer)
    assert len(haystacks) == 3  # the page, one year's certificate and its thank-you page
    assert "Rosalind Hiddenreview" in haystacks[1][1]  # the certificate names its reviewer
    assert "Rosalind Hiddenreview" in haystacks[2][1]  # who chose to be thanked by name
    assert_absent(AUTHOR_CANARIES, haystacks)
