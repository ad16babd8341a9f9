"""Set-up for the browser tests, through services and factories only."""

from datetime import timedelta
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from catalog import services as catalog_services
from catalog.lists import services as lists
from catalog.lists.models import SavedItem
from catalog.models import Collection, CollectionItem, Competency
from reviews import letters, services
from reviews.models import Submission
from tests import factories
from tests.samples import pdf_bytes

DIVERGENT_ANSWERS = {
    **factories.COMPLETE_ANSWERS,
    "objectives": {"score": 2, "concerns": "Pitched above the stated level."},
    "methods": {"score": 2},
}


def people():
    """An author, an editor and four reviewers, as an admin would have set them up."""
    return SimpleNamespace(
        owner=factories.user("amara", display_name="Amara Okafor"),
        editor=factories.user(
            "editor", roles=["contributor", "editor"], display_name="Eddie Editor"
        ),
        reviewers=[
            factories.reviewer_user(f"reviewer{n}", display_name=name)
            for n, name in enumerate(
                ("Rita Reviewer", "Ravi Reviewer", "Rosa Reviewer", "Remy Reviewer"), 1
            )
        ],
    )


def published_with_pdf(who, title):
    """A submission taken through the whole workflow to the catalog, with a PDF attached."""
    owner, editor = who.owner, who.editor
    submission = factories.draft(
        owner,
        title=title,
        link=False,
        preparation_time="2–3 weeks",
        facilitator="special",
        facilitator_requirements="A professional interpreter co-facilitates.",
        group_size_min=6,
        group_size_max=12,
        equipment="Two rooms with a speakerphone.",
        competencies=list(Competency.objects.filter(slug__in=["acgme-ics", "aamc-dei-2022-rg-d2"])),
    )
    upload = SimpleUploadedFile("interpreter-guide.pdf", pdf_bytes())
    services.add_file(submission, owner, upload, "Guide")
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    for reviewer in who.reviewers[:2]:
        assignment = services.invite(submission, editor, reviewer=reviewer)
        factories.review_and_complete(assignment, reviewer)
    services.accept(Submission.objects.get(pk=submission.pk), editor, letter="Accepted.")
    services.publish(Submission.objects.get(pk=submission.pk), editor)
    return Submission.objects.get(pk=submission.pk).resource


def collection(slug, title, resources, notes):
    """A collection of these resources in order, each with the editor's note (a draft)."""
    made = Collection.objects.create(
        slug=slug,
        title=title,
        curators="Eddie Editor, Rita Reviewer",
        introduction="Use these **in order** over one clerkship block.",
    )
    for position, (resource, note) in enumerate(zip(resources, notes, strict=True), start=1):
        CollectionItem.objects.create(
            collection=made, resource=resource, position=position, note=note
        )
    return made


def saved_list_of(owner, resources, retired=None):
    """The owner's shared list of `resources` with notes, and `retired` saved before it was
    retired (the list says so)."""
    saved = lists.create_list(owner, "Week 3: language access", "For the clerkship block.")
    for resource in resources:
        lists.add_item(saved, owner, resource, f"Use with the {resource.title.lower()} case.")
    if retired is not None:  # saved before it was retired: the service refuses it now
        SavedItem.objects.create(list=saved, resource=retired, position=len(resources) + 1)
    lists.share_list(saved, owner)
    saved.refresh_from_db()
    return saved


def reports_of(who, resource, clerkship, primary_care):
    """Implementation reports: two published on the owner's resource (one answered by the
    owner), and the owner's own report on another resource, waiting for the editor."""
    from catalog.reports import services as reports

    report = {"learner_level": "ume-clerkship", "group_size": "12", "rating": "4"}
    r1, r2 = who.reviewers[:2]
    answered = reports.create_report(
        r2, resource, {**report, "outcome": "Worked in **two** groups.", "changes": "Two rooms."}
    )
    reports.approve_report(answered, who.editor)
    reports.answer_report(answered, who.owner, "Thank you: we do that too.")
    published = reports.create_report(
        r1, resource, {**report, "outcome": "Ran long.", "rating": "5"}
    )
    reports.approve_report(published, who.editor)
    pending = reports.create_report(who.owner, clerkship, {**report, "outcome": "A good start."})
    return {"published_report": published, "pending_report": pending, "unreported": primary_care}


def audit_world():
    """One of every page type: a catalog with a retired resource, submissions in the states
    each role works on, an invitation, an accepted assignment and reviews that diverge."""
    who = people()
    owner, editor = who.owner, who.editor
    r1, r2, r3, r4 = who.reviewers
    resource = published_with_pdf(who, "Working with medical interpreters on the wards")
    clerkship = factories.resource(
        "Interpreters for clerkship students",
        levels=["ume-clerkship"],
        competencies=["acgme-ics", "aamc-dei-2022-msg-d2"],
    )
    language_access = collection(
        "language-access",
        "Language access across the clerkships",
        [clerkship, resource],
        ["Start here, in orientation week.", "Then practise on the wards."],
    )
    catalog_services.publish_collection(language_access, editor)
    draft_collection = collection(
        "draft-series", "A series in preparation", [resource], ["Use after the primer."]
    )

    primary_care = factories.resource(
        "Medical interpreters in primary care", levels=["gme-residency"], topics=["health-literacy"]
    )
    retired = factories.submission_in("retired", owner, editor, [r3, r4]).resource

    draft = factories.draft(owner, title="Bus schedules and missed appointments", link=False)
    revisions, _ = factories.in_review(owner, editor, [r3, r4], completed=2)
    services.request_revisions(  # the drafted letter: its quoted reviews show as quotes
        revisions, editor, letter=letters.draft_letter(revisions, "request_revisions")
    )
    submitted = factories.draft(owner, title="Implicit bias in triage: a simulation")
    services.submit(submitted, owner)

    in_review, (a3, a4, a1, a2) = factories.in_review(
        owner, editor, [r3, r4, r1, r2], title="Heat, housing and health: a case"
    )
    factories.review_and_complete(a3, r3, recommendation="accept")
    factories.review_and_complete(a4, r4, recommendation="reject", answers=DIVERGENT_ANSWERS)
    services.accept_invitation(a1, r1, coi_declaration="None.")
    services.accept_invitation(a2, r2, coi_declaration="None.")
    services.request_extension(  # the editor's page shows a request for more time
        a2,
        r2,
        requested_due=a2.review_due + timedelta(days=14),
        reason="Night shifts until the end of the month.",
    )
    _, (invitation,) = factories.in_review(
        owner, editor, [r1], title="Food insecurity screening in clinic"
    )
    accepted = factories.submission_in("accepted", owner, editor, [r3, r4])
    # reviewer1 has one completed review and is thanked by name (issue 16 item 6)
    factories.in_review(owner, editor, [r1], completed=1, title="Transport to dialysis")
    r1.thanked_publicly = True
    r1.save(update_fields=["thanked_publicly"])

    saved_list = saved_list_of(owner, [resource, clerkship], retired)
    currency_reviewing, currency_submitted = currency_reviews(who)
    return SimpleNamespace(
        **vars(who),
        **reports_of(who, resource, clerkship, primary_care),
        resource=resource,
        retired=retired,
        collection=language_access,
        draft_collection=draft_collection,
        saved_list=saved_list,
        draft=draft,
        revisions=revisions,
        submitted=Submission.objects.get(pk=submitted.pk),
        in_review=Submission.objects.get(pk=in_review.pk),
        accepted_assignment=a1,
        accepted=accepted,
        invitation=invitation,
        currency_reviewing=currency_reviewing,
        currency_submitted=currency_submitted,
    )


CURRENCY_ANSWERS = {
    key: {"answer": "yes"} for key in ("evidence", "terminology", "links", "levels")
}


def currency_reviews(who):
    """Two currency reviews (issue 16 item 4) by the first reviewer: one accepted (the rubric
    to fill), one submitted (the editor decides); both resources due within 30 days."""
    from django.utils import timezone

    from catalog.models import Resource
    from reviews.services import currency

    reviewer = who.reviewers[0]
    made = []
    for title, submit in (
        ("Hidden in the equation: race correction in eGFR", False),
        ("Words matter: language in clinical notes", True),
    ):
        submission = _published(who, title)
        Resource.objects.filter(pk=submission.resource_id).update(
            review_by=timezone.localdate() + timedelta(days=20)
        )
        review = currency.open_review(submission.resource, who.editor)
        review = currency.invite(review, who.editor, reviewer=reviewer)
        review = currency.accept(review, reviewer, coi_declaration="None.")
        if submit:
            review = currency.submit(review, reviewer, answers=CURRENCY_ANSWERS)
        made.append(review)
    return made


def _published(who, title):
    r3, r4 = who.reviewers[2:]
    submission, _ = factories.in_review(who.owner, who.editor, [r3, r4], completed=2, title=title)
    services.accept(submission, who.editor)
    return services.publish(submission, who.editor)
