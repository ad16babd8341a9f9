"""Planted identities for the anonymity canary tests (DESIGN §7), shared by API and page tests.

Author identities are planted in every identity-bearing field, in file names and in
file metadata; reviewer identities in their profiles and in their own words.
Use the `world` fixture (tests/conftest.py) and `assert_absent`.
"""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from catalog.models import Competency
from reviews import services
from reviews.identity import fold
from tests import factories, samples

AUTHOR_CANARIES = [
    "Zebulon Canarywing",
    "Canarywing",
    "zebulon.canary@canary-institute.example",
    "Canary Institute of Medicine",
    "Canary Inst",
    "Philippa Songbird",
    "Songbird",
    "philippa@songbird.example",
    "Songbird College",
    "0000-0002-1825-0097",
    "0000000218250097",
    "zcanary",
]
# Ordinary variants of the author canaries, planted in the text reviewers are shown
# (the canaries are compared after reviews.identity.fold, so these must not survive).
AUTHOR_VARIANTS = (
    "Designed by ZEBULON\u2011CANARYWING and Philippa Songbírd (Canary Inst. of Med.); "
    "see https://orcid.org/0000000218250097 and the zcanary site. "
    "Canarywing’s colleagues at Songbird Coll. helped."
)
REVIEWER_CANARIES = [
    "Rosalind Hiddenreview",
    "Hiddenreview",
    "rosalind@hidden-review.example",
    "Secret Reviewer University",
    "rhidden",
]


# The canary authors every world submits under (their names, e-mails and institutions must
# never reach a reviewer).
AUTHORS = [
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
]


def texts_of(payload: bytes) -> str:
    """The bytes of a response or file, plus every member of it if it is a zip."""
    parts = [payload.decode("utf-8", "replace")]
    if payload[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            parts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return "\n".join(parts)


def assert_absent(canaries, haystacks):
    """No canary in any haystack, compared after folding case, accents and hyphens."""
    for where, text in haystacks:
        folded = fold(text)
        found = [c for c in canaries if fold(c) in folded]
        context = [folded[max(0, folded.find(fold(c)) - 80) :][:160] for c in found]
        assert found == [], f"{where} leaks {found}: {context}"


def recognition_haystacks(client, reviewer):
    """What a reviewer is shown of their reviewing (issue 16 item 6): the My reviewing page,
    each year's certificate (its text, parsed) and the public thank-you pages of those years."""
    from pypdf import PdfReader

    from reviews import recognition

    client.force_login(reviewer)
    haystacks = [("My reviewing", client.get("/reviews/history/").content.decode())]
    for year in recognition.history(reviewer):
        pdf = client.get(f"/reviews/history/{year.year}/certificate.pdf").content
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        haystacks.append((f"certificate {year.year}", text + texts_of(pdf)))
        haystacks.append(
            (f"thank you {year.year}", client.get(f"/reviewers/{year.year}/").content.decode())
        )
    return haystacks


def api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {factories.api_key(user)}")
    return client


def build_world(django_capture_on_commit_callbacks):
    """(author, editor, canary reviewer, submission, that reviewer's assignment) after one
    round: the canary reviewer and another completed reviews, `rdeclined` declined and
    `rcancelled` was cancelled (each invited with a note naming the authors); revisions
    were requested, and the authors' working copy now has a title naming them."""
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
            title="Interpreters on the wards: the Canarywing method",
            acknowledgements="We thank Zebulon Canarywing's team at Canary Institute of Medicine.",
            summary="Built by Zebulon Canarywing and Philippa Songbird for residents.",
            description=AUTHOR_VARIANTS,
            coi_statement="Philippa Songbird consults for nobody.",
            # Tagged (issue 16 item 5): reviewer and author pages show the competencies too.
            competencies=list(
                Competency.objects.filter(slug__in=["acgme-sbp", "aamc-dei-2022-msg-d3"])
            ),
        )
        services.set_authors(
            submission,
            author,
            AUTHORS,
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
            message="Dear reviewer, Zebulon Canarywing's team hopes you like the materials.",
        )
        other = services.invite(submission, editor, reviewer=other_reviewer)
        _declined_and_cancelled(submission, editor)
        services.accept_invitation(mine, canary_reviewer, coi_declaration="None.")
        _more_time_asked_twice(mine, canary_reviewer, editor)
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
        services.update_draft(submission, author, title="The Zebulon Canarywing method, revised")
    return author, editor, canary_reviewer, submission, mine


def _declined_and_cancelled(submission, editor):
    """Two more reviewers: `rdeclined` declines, `rcancelled` is cancelled by the editor."""
    declined = factories.reviewer_user("rdeclined", display_name="Dee Clined")
    cancelled = factories.reviewer_user("rcancelled", display_name="Cal Celled")
    note = "Philippa Songbird (zcanary, ORCID 0000000218250097) asked for you."
    invitation = services.invite(submission, editor, reviewer=declined, message=note)
    services.decline_invitation(invitation, declined, reason="too_busy")
    invitation = services.invite(submission, editor, reviewer=cancelled, message=note)
    services.cancel_assignment(invitation, editor, reason="Enough reviewers.")


def _more_time_asked_twice(assignment, reviewer, editor):
    """The canary reviewer asks for more time, naming themselves; the editor refuses with a
    note naming the authors; asked again, the editor approves."""
    from datetime import timedelta

    from reviews.models import ReviewAssignment

    for answer in ("refuse", "approve"):
        assignment = ReviewAssignment.objects.get(pk=assignment.pk)
        extension = services.request_extension(
            assignment,
            reviewer,
            requested_due=assignment.review_due + timedelta(days=7),
            reason="Rosalind Hiddenreview has exams at Secret Reviewer University.",
        )
        if answer == "refuse":
            services.refuse_extension(
                extension, editor, note="Zebulon Canarywing's team needs it by then."
            )
        else:
            services.approve_extension(extension, editor)


def build_currency_world(django_capture_on_commit_callbacks):
    """(author, editor, canary reviewer, currency review) of a published resource whose
    authors are planted everywhere (names in the title, summary, text and a link's label);
    the canary reviewer was invited with a note naming the authors and has accepted."""
    from reviews.services import currency

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
    others = [factories.reviewer_user(f"rother{i}") for i in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        submission = factories.draft(
            author,
            link=False,
            title="Interpreters on the wards: the Canarywing method",
            summary="Built by Zebulon Canarywing and Philippa Songbird for residents.",
            description=AUTHOR_VARIANTS,
            references="Canarywing Z, Songbird P. Interpreters. 2020.",
        )
        services.set_authors(
            submission,
            author,
            AUTHORS,
        )
        services.add_link(submission, author, "https://video.example.org/v", "Video by Songbird")
        services.submit(submission, author)
        services.send_to_review(submission, editor)
        for reviewer in others:
            factories.review_and_complete(
                services.invite(submission, editor, reviewer=reviewer), reviewer
            )
        services.accept(submission, editor)
        submission = services.publish(submission, editor)
        review = currency.open_review(submission.resource, editor)
        review = currency.invite(
            review,
            editor,
            reviewer=canary_reviewer,
            message="Zebulon Canarywing's team at Canary Institute of Medicine asks you to check.",
        )
        review = currency.accept(review, canary_reviewer, coi_declaration="None.")
    return author, editor, canary_reviewer, review
