"""Demo data (DESIGN §12): accounts, a catalog published through the real workflow, and
submissions parked in every workflow state. Idempotent: a second run changes nothing.

The content (resources, submissions, reviews, letters) is read from `toolkit/demo/data/`
and validated as a contributor's input is before anything is written.

Everything goes through `reviews.services`, so the demo exercises the same checks,
logs, files and anonymity as real use; timestamps are then spread over the past
(`dates.backdate`) so that "newest", years and turnaround metrics look real.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from catalog.models import (
    Competency,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceType,
    Topic,
    UsageCount,
)
from reviews import services
from reviews.letters import quote_reviews
from reviews.models import ReviewAssignment, Submission

from ..accounts.models import User
from ..accounts.permissions import ADMIN, CONTRIBUTOR, EDITOR, REVIEWER
from .collections import seed_collections
from .content import DemoContent, load
from .currency import seed_currency
from .dates import STEP, backdate, backdate_resource, publication_dates
from .dois import seed_dois
from .files import files_for, links_for
from .lists import seed_lists
from .reports import seed_reports
from .validation import validate

DEMO_PASSWORD = "toolkit-demo"  # noqa: S105 - published demo credential, refused in production

DEMO_USERS = [
    # username, display name, affiliation, roles, expertise levels, expertise topics
    ("contributor", "Dr. Amara Okafor", "Riverside School of Medicine", [CONTRIBUTOR], [], []),
    (
        "reviewer1",
        "Dr. Luis Fernández",
        "Lakeshore University Hospital",
        [CONTRIBUTOR, REVIEWER],
        ["ume-clerkship", "gme-residency"],
        ["language-access", "structural-racism", "social-determinants"],
    ),
    (
        "reviewer2",
        "Dr. Mei-Ling Chen",
        "Northgate College of Medicine",
        [CONTRIBUTOR, REVIEWER],
        ["ume-preclerkship", "cpd-faculty"],
        ["implicit-bias", "race-in-clinical-algorithms", "microaggressions"],
    ),
    (
        "reviewer3",
        "Dr. Kwame Asante",
        "Prairie Regional Health System",
        [CONTRIBUTOR, REVIEWER],
        ["gme-residency", "cpd-clinicians"],
        ["rural-health", "food-insecurity", "housing-instability"],
    ),
    (
        "editor",
        "Dr. Rosa Delgado",
        "Health Disparities Toolkit editorial office",
        [CONTRIBUTOR, EDITOR],
        [],
        [],
    ),
    ("admin", "Site administrator", "Health Disparities Toolkit", [CONTRIBUTOR, ADMIN], [], []),
]
# Reviewers listed by name on the public "Thank you to our reviewers" pages (an opt-in).
THANKED_PUBLICLY = {"reviewer1"}
# The owner of the catalog's demo resources; their bylines come from the data files.
ARCHIVE_USER = ("demo-authors", "Toolkit demo authors", "Health Disparities Toolkit")

# Short, generic reviews for the published demo catalog (the workflow needs two each).
CATALOG_REVIEWS = [
    (
        "accept",
        "The objectives match the learners and the facilitator notes make this easy to run. "
        "The equity framing is careful and the materials are complete.",
    ),
    (
        "minor_revisions",
        "A well-grounded, adoptable resource. Consider adding a short note on adapting the "
        "timing for smaller groups and on accessibility of the handouts.",
    ),
]


def seed_users() -> dict[str, User]:
    """Create or refresh the demo accounts, keyed by user name."""
    user_model = get_user_model()
    users = {}
    for username, name, affiliation, roles, levels, topics in DEMO_USERS:
        user, _ = user_model.objects.update_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "display_name": name,
                "affiliation": affiliation,
                "is_staff": ADMIN in roles,
                "is_superuser": ADMIN in roles,
                "is_active": True,
                "thanked_publicly": username in THANKED_PUBLICLY,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=roles))
        user.expertise_levels.set(LearnerLevel.objects.filter(slug__in=levels))
        user.expertise_topics.set(Topic.objects.filter(slug__in=topics))
        users[username] = user
    username, name, affiliation = ARCHIVE_USER
    archive, created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "display_name": name,
            "affiliation": affiliation,
        },
    )
    if created:
        archive.set_unusable_password()
        archive.save()
        archive.groups.set(Group.objects.filter(name=CONTRIBUTOR))
    users[username] = archive
    return users


# --- building blocks ---------------------------------------------------------------


def metadata(entry: dict) -> dict:
    """A data file's vocabulary slugs and codes as the objects services take."""
    data = {key: entry.get(key, "") for key in Submission.TEXT_FIELDS}
    data.update(
        resource_type=ResourceType.objects.get(slug=entry["type"]),
        learner_levels=list(LearnerLevel.objects.filter(slug__in=entry["levels"])),
        topics=list(Topic.objects.filter(slug__in=entry["topics"])),
        methods=list(InstructionalMethod.objects.filter(code__in=entry["methods"])),
        competencies=list(Competency.objects.filter(slug__in=entry.get("competencies") or ())),
        language=Language.objects.get(slug=entry["language"]),
        license=License.objects.get(slug=entry["license"]),
        interprofessional=entry["interprofessional"],
        time_required_minutes=entry["time_required_minutes"],
        group_size_min=entry.get("group_size_min"),
        group_size_max=entry.get("group_size_max"),
        rights_confirmed=True,
        privacy_confirmed=True,
    )
    return data


def make_draft(entry: dict, owner: User) -> Submission:
    submission = services.create_draft(owner, **metadata(entry))
    if entry.get("authors"):
        services.set_authors(submission, owner, entry["authors"])
    for _kind, label, filename, data in files_for(entry):
        services.add_file(submission, owner, SimpleUploadedFile(filename, data), label)
    for label, url in links_for(entry):
        services.add_link(submission, owner, url, label)
    return submission


def review(
    assignment: ReviewAssignment, reviewer: User, text: dict, *, complete: bool = True
) -> None:
    """The reviewer accepts and writes the review; a draft unless `complete`."""
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    services.save_review_draft(
        assignment,
        reviewer,
        answers=text["answers"],
        recommendation=text.get("recommendation", ""),
        comments_to_authors=text.get("comments_to_authors", ""),
        confidential_comments=text.get("confidential_comments", ""),
    )
    if complete:
        services.complete_review(assignment, reviewer)


def generic_review(index: int, content: DemoContent) -> dict:
    recommendation, comments = CATALOG_REVIEWS[index % len(CATALOG_REVIEWS)]
    answers = content.reviews[4 + index % 2]["answers"]
    return {
        "recommendation": recommendation,
        "answers": answers,
        "comments_to_authors": comments,
        "confidential_comments": "",
    }


def letter(kind: str, submission: Submission, content: DemoContent) -> str:
    return content.letters[kind].format(title=submission.title, reviews=quote_reviews(submission))


def reviewed(
    submission: Submission, owner: User, editor: User, pairs: list[tuple[User, dict]]
) -> Submission:
    """Submit, send to review and have each (reviewer, review text) complete a review."""
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    for reviewer, text in pairs:
        assignment = services.invite(submission, editor, reviewer=reviewer)
        review(assignment, reviewer, text)
    return submission


def published(
    entry: dict,
    owner: User,
    editor: User,
    reviewers: list[User],
    content: DemoContent,
    *,
    change_note: str = "",
    submission: Submission | None = None,
) -> Submission:
    """Take a draft all the way to the catalog through the workflow."""
    submission = submission or make_draft(entry, owner)
    pairs = [(reviewers[i], generic_review(i, content)) for i in range(2)]
    reviewed(submission, owner, editor, pairs)
    services.accept(submission, editor, letter=letter("accept", submission, content))
    return services.publish(submission, editor, change_note=change_note)


# --- the catalog ---------------------------------------------------------------------


def seed_catalog(users: dict[str, User], content: DemoContent) -> int:
    """Publish the data files' resources (all but the last, which waits in review)."""
    owner, editor = users["demo-authors"], users["editor"]
    reviewers = [users["reviewer1"], users["reviewer2"], users["reviewer3"]]
    made = 0
    for index, entry in enumerate(content.resources[:-1]):
        if Submission.objects.filter(owner=owner, title=entry["title"]).exists():
            continue
        pair = [reviewers[index % 3], reviewers[(index + 1) % 3]]
        days = entry["published_days_ago"]
        versions = entry.get("versions", [])
        first_days = days + 180 * len(versions)
        submission = published(entry, owner, editor, pair, content)
        backdate(submission, timezone.now() - timedelta(days=first_days))
        dates = {1: publication_dates(submission)}
        for number, change in enumerate(versions, start=2):
            draft = services.start_new_version(submission, owner)
            services.update_draft(draft, owner, **change["changes"])
            submission = published(
                entry,
                owner,
                editor,
                pair,
                content,
                change_note=change["change_note"],
                submission=draft,
            )
            ago = days + 180 * (len(versions) - number + 1)
            backdate(submission, timezone.now() - timedelta(days=ago))
            dates[number] = publication_dates(submission)
        if submission.resource is not None:  # published above
            backdate_resource(submission.resource, dates)
        made += 1
    waiting = content.resources[-1]
    if not Submission.objects.filter(owner=owner, title=waiting["title"]).exists():
        submission = make_draft(waiting, owner)
        services.submit(submission, owner)
        services.send_to_review(submission, editor)
        accepted = services.invite(submission, editor, reviewer=users["reviewer2"])
        review(accepted, users["reviewer2"], content.reviews[4], complete=False)
        services.invite(submission, editor, reviewer=users["reviewer1"])
    return made


# --- the contributor's submissions, one per state --------------------------------------


def rate_reviews(submission: Submission, editor: User) -> None:
    """The editor rates the helpfulness of the submission's reviews: 3, then 2."""
    assignments = ReviewAssignment.objects.filter(
        round__submission=submission, state="completed"
    ).order_by("reviewer_number")
    for assignment, score in zip(assignments, (3, 2), strict=False):
        services.rate_review(assignment, editor, helpfulness=score)


def _park(entry: dict, users: dict[str, User], content: DemoContent) -> Submission:
    """Drive one of the data files' submissions to its state."""
    owner, editor = users["contributor"], users["editor"]
    r1, r2, r3 = users["reviewer1"], users["reviewer2"], users["reviewer3"]
    texts = content.reviews
    plan = [texts[i] for i in content.review_plan.get(entry["state"], [])]
    submission = make_draft(entry, owner)
    state = entry["state"]
    if state == "draft":
        return submission
    if state == "submitted":
        return services.submit(submission, owner)
    if state == "in_review":
        services.submit(submission, owner)
        services.send_to_review(submission, editor)
        review(services.invite(submission, editor, reviewer=r1), r1, texts[0], complete=False)
        services.invite(submission, editor, reviewer=r2)
        declined = services.invite(submission, editor, reviewer=r3)
        services.decline_invitation(
            declined, r3, reason="outside_expertise", suggestion="A clerkship director"
        )
        return submission
    if state == "rejected":
        services.submit(submission, owner)
        return services.desk_reject(
            submission,
            editor,
            reason="Out of scope",
            letter=letter("desk_reject", submission, content),
        )
    if state == "withdrawn":
        services.submit(submission, owner)
        services.send_to_review(submission, editor)
        services.invite(submission, editor, reviewer=r2)
        return services.withdraw(submission, owner, reason=content.withdraw_reason)
    reviewers = {
        "revisions_requested": (r1, r2),
        "accepted": (r1, r3),
        "published": (r2, r3),
        "appealed": (r3, r2),
    }
    if state in reviewers:
        reviewed(submission, owner, editor, list(zip(reviewers[state], plan, strict=True)))
        if state == "revisions_requested":
            letter_text = letter("request_revisions", submission, content)
            return services.request_revisions(submission, editor, letter=letter_text)
        if state == "appealed":  # rejected after review; the authors appeal, an editor is due
            services.reject(submission, editor, letter=letter("reject", submission, content))
            return services.appeal(submission, owner, reasons=content.appeal_reasons)
        services.accept(submission, editor, letter=letter("accept", submission, content))
        if state == "accepted":  # the editor rates the reviews (editors only: recognition)
            rate_reviews(submission, editor)
        if state == "published":
            return services.publish(submission, editor)
        return submission
    # retired: published with generic reviews, then retired
    submission = published(entry, owner, editor, [r1, r3], content, submission=submission)
    return services.retire(submission, editor, reason=content.retire_reason)


def seed_workflow(users: dict[str, User], content: DemoContent) -> int:
    made = 0
    for age, entry in enumerate(reversed(content.submissions)):
        owner = users["contributor"]
        if Submission.objects.filter(owner=owner, title=entry["title"]).exists():
            continue
        submission = _park(entry, users, content)
        end, step = timezone.now() - timedelta(days=3 * age + 1), STEP
        if entry["state"] == "in_review":  # the last week: its invitations are not yet due
            end, step = timezone.now() - timedelta(hours=20), timedelta(days=1)
        backdate(submission, end, step)
        if submission.resource_id:
            backdate_resource(submission.resource, {1: publication_dates(submission)})
            retired = submission.log_entries.filter(transition="retire").first()
            if retired:
                Resource.objects.filter(pk=submission.resource_id).update(
                    retired_at=retired.created_at
                )
        made += 1
    return made


def seed_usage(months: int = 12) -> int:
    """Page views and downloads for every published resource, month by month since it was
    published (at most `months` back): figures that vary by resource and month, the same on
    every run. Returns how many rows were written."""
    this_month = timezone.localdate().replace(day=1)
    rows = []
    resources = Resource.objects.published().order_by("first_published_at", "slug")
    for n, resource in enumerate(resources.prefetch_related("versions__files")):
        first = timezone.localdate(resource.first_published_at).replace(day=1)
        files = [f for v in resource.versions.all() for f in v.files.all() if f.file]
        month = this_month
        for back in range(months):
            if month < first:
                break
            views = 15 + (n * 37 + back * 11) % 140
            rows.append(UsageCount(resource=resource, month=month, kind="view", count=views))
            for k, file in enumerate(files):
                downloads = max(1, views // (3 + k))
                rows.append(
                    UsageCount(
                        resource=resource,
                        target=str(file.uuid),
                        month=month,
                        kind="download",
                        count=downloads,
                    )
                )
            month = (month - timedelta(days=1)).replace(day=1)
    UsageCount.objects.bulk_create(rows, ignore_conflicts=True)  # a second seeding adds none
    return len(rows)


def seed_all(content: DemoContent | None = None) -> tuple[dict[str, User], int, int]:
    """Check the content, then seed users, the catalog, the workflow examples, the curated
    collections, usage figures and a resource with DOIs."""
    content = content or load()
    validate(content)
    users = seed_users()
    resources, submissions = seed_catalog(users, content), seed_workflow(users, content)
    seed_collections(users["editor"])
    seed_lists(users)  # after the workflow, which retires a resource one list holds
    seed_reports(users)  # after the workflow, which publishes the contributor's resource
    seed_usage()
    seed_dois()  # one resource with DOIs (DataCite's test prefix)
    seed_currency(users["editor"])
    return users, resources, submissions
