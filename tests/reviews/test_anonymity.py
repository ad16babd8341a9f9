"""Canary test (DESIGN §7): planted identities never cross the double-anonymous line.

Author identities are planted in every identity-bearing field, in file names and
in file metadata; reviewer identities in their profiles and in their own words.
Every reviewer-facing API response, download and e-mail is searched for the
author canaries, and every author-facing one for the reviewer canaries.
"""

import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from reviews import services
from tests import factories, samples

pytestmark = pytest.mark.django_db

AUTHOR_CANARIES = [
    "Zebulon Canarywing",
    "Canarywing",
    "zebulon.canary@canary-institute.example",
    "Canary Institute of Medicine",
    "Philippa Songbird",
    "Songbird",
    "philippa@songbird.example",
    "Songbird College",
    "0000-0002-1825-0097",
    "zcanary",
]
REVIEWER_CANARIES = [
    "Rosalind Hiddenreview",
    "Hiddenreview",
    "rosalind@hidden-review.example",
    "Secret Reviewer University",
    "rhidden",
]


def texts_of(payload: bytes) -> str:
    """The bytes of a response or file, plus every member of it if it is a zip."""
    parts = [payload.decode("utf-8", "replace")]
    if payload[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            parts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return "\n".join(parts)


def assert_absent(canaries, haystacks):
    for where, text in haystacks:
        lowered = text.lower()
        found = [c for c in canaries if c.lower() in lowered]
        context = [lowered[max(0, lowered.find(c.lower()) - 80) :][:160] for c in found]
        assert found == [], f"{where} leaks {found}: {context}"


def api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    author = factories.user(
        "zcanary",
        display_name="Zebulon Canarywing",
        email="zebulon.canary@canary-institute.example",
        affiliation="Canary Institute of Medicine",
        orcid="0000-0002-1825-0097",
    )
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    canary_reviewer = factories.reviewer_user(
        "rhidden",
        display_name="Rosalind Hiddenreview",
        email="rosalind@hidden-review.example",
        affiliation="Secret Reviewer University",
    )
    other_reviewer = factories.reviewer_user("rother", display_name="Other Reviewer")
    with django_capture_on_commit_callbacks(execute=True):
        submission = factories.draft(
            author,
            link=False,
            acknowledgements="We thank Zebulon Canarywing's team at Canary Institute of Medicine.",
            summary="Built by Zebulon Canarywing and Philippa Songbird for residents.",
            coi_statement="Philippa Songbird consults for nobody.",
        )
        services.set_authors(
            submission,
            author,
            [
                {
                    "name": "Zebulon Canarywing",
                    "email": "zebulon.canary@canary-institute.example",
                    "affiliation": "Canary Institute of Medicine",
                    "orcid": "0000-0002-1825-0097",
                },
                {
                    "name": "Philippa Songbird",
                    "email": "philippa@songbird.example",
                    "affiliation": "Songbird College",
                },
            ],
        )
        planted = [
            (
                "Canarywing_guide.pdf",
                samples.pdf_bytes(
                    text="Facilitator guide",
                    author="Zebulon Canarywing",
                    title="Canary Institute of Medicine",
                    xmp_creator="Philippa Songbird",
                    annotation_author="Zebulon Canarywing",
                ),
            ),
            (
                "Songbird-handout.docx",
                samples.docx_bytes(
                    text="Handout",
                    author="Zebulon Canarywing",
                    last_modified_by="Philippa Songbird",
                    comment_author="Zebulon Canarywing",
                    company="Songbird College",
                    revision_author="Philippa Songbird",
                    custom_property="Canarywing",
                ),
            ),
            (
                "slides.pptx",
                samples.pptx_bytes(
                    text="Slides", author="Philippa Songbird", comment_author="Zebulon Canarywing"
                ),
            ),
        ]
        for name, data in planted:
            services.add_file(
                submission,
                author,
                SimpleUploadedFile(name, data),
                label=f"Material from {name.split('.')[0]}",
            )
        services.add_link(submission, author, "https://video.example.org/v", "Video by Songbird")
        services.submit(submission, author)
        services.send_to_review(submission, editor)
        mine = services.invite(
            submission,
            editor,
            reviewer=canary_reviewer,
            message="Dear reviewer, see the materials.",
        )
        other = services.invite(submission, editor, reviewer=other_reviewer)
        services.accept_invitation(mine, canary_reviewer, coi_declaration="None.")
        services.save_review_draft(
            mine,
            canary_reviewer,
            answers=factories.COMPLETE_ANSWERS,
            recommendation="accept",
            comments_to_authors="Strong work. — Rosalind Hiddenreview, Secret Reviewer University",
            confidential_comments="I know Rosalind Hiddenreview's colleagues.",
        )
        services.complete_review(mine, canary_reviewer)
        factories.review_and_complete(other, other_reviewer)
        services.request_revisions(
            submission,
            editor,
            letter="Reviewer 1 (Rosalind Hiddenreview) praised the cases. Please revise.",
        )
    return author, editor, canary_reviewer, submission, mine


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
    assert any("metadata" in where for where, _ in flagged)


def test_the_canary_texts_are_really_in_the_originals(world):
    """Guard against a vacuous test: the originals do carry the planted identities."""
    author, editor, reviewer, submission, assignment = world
    client = api(author)
    pdf = submission.versions.get(number=1).files.get(original_name="Canarywing_guide.pdf")
    response = client.get(f"/api/v1/submissions/{submission.uuid}/files/{pdf.uuid}/download/")
    assert b"Zebulon Canarywing" in b"".join(response.streaming_content)
    assert "Canarywing_guide.pdf" in response["Content-Disposition"]
