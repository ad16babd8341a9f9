"""Set-up for the browser tests, through services and factories only."""

from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.lists import services as lists
from catalog.lists.models import SavedItem
from reviews import services
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
    submission = factories.draft(owner, title=title, link=False)
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


def audit_world():
    """One of every page type: a catalog with a retired resource, submissions in the states
    each role works on, an invitation, an accepted assignment and reviews that diverge."""
    who = people()
    owner, editor = who.owner, who.editor
    r1, r2, r3, r4 = who.reviewers
    resource = published_with_pdf(who, "Working with medical interpreters on the wards")
    clerkship = factories.resource("Interpreters for clerkship students", levels=["ume-clerkship"])
    factories.resource(
        "Medical interpreters in primary care", levels=["gme-residency"], topics=["health-literacy"]
    )
    retired = factories.submission_in("retired", owner, editor, [r3, r4]).resource

    draft = factories.draft(owner, title="Bus schedules and missed appointments", link=False)
    revisions = factories.submission_in("revisions_requested", owner, editor, [r3, r4])
    submitted = factories.draft(owner, title="Implicit bias in triage: a simulation")
    services.submit(submitted, owner)

    in_review, (a3, a4, a1, a2) = factories.in_review(
        owner, editor, [r3, r4, r1, r2], title="Heat, housing and health: a case"
    )
    factories.review_and_complete(a3, r3, recommendation="accept")
    factories.review_and_complete(a4, r4, recommendation="reject", answers=DIVERGENT_ANSWERS)
    services.accept_invitation(a1, r1, coi_declaration="None.")
    _, (invitation,) = factories.in_review(
        owner, editor, [r1], title="Food insecurity screening in clinic"
    )
    saved_list = saved_list_of(owner, [resource, clerkship], retired)
    return SimpleNamespace(
        **vars(who),
        resource=resource,
        retired=retired,
        saved_list=saved_list,
        draft=draft,
        revisions=revisions,
        submitted=Submission.objects.get(pk=submitted.pk),
        in_review=Submission.objects.get(pk=in_review.pk),
        accepted_assignment=a1,
        invitation=invitation,
    )
