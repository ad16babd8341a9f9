"""Factory functions for test data. Plain functions: explicit and easy to read."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple"
_seq = itertools.count(1)


def user(username=None, *, roles=("contributor",), password=PASSWORD, **fields):
    """A user with the given role groups; the password is PASSWORD unless given."""
    username = username or f"user{next(_seq)}"
    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("display_name", username.title())
    account = get_user_model().objects.create_user(username=username, password=password, **fields)
    account.groups.set(Group.objects.filter(name__in=roles))
    return account


def api_key(user) -> str:
    """The user's personal API key: the same on every call (tokens are stored hashed, so a
    test cannot read one back; this one is derived from the user's id)."""
    import hashlib

    from toolkit.accounts.models import ApiToken
    from toolkit.accounts.tokens import digest

    key = hashlib.sha256(f"test-api-key-{user.pk}".encode()).hexdigest()
    ApiToken.objects.update_or_create(user=user, defaults={"digest": digest(key)})
    return key


def resource(title="Working with medical interpreters", *, levels=("gme-residency",), **fields):
    """A published catalog resource, made through the publish projection."""
    from catalog import services
    from catalog.models import Competency, Language, LearnerLevel, License, ResourceType, Topic

    if "competencies" in fields:  # slugs, e.g. ["acgme-sbp"]
        fields["competencies"] = list(Competency.objects.filter(slug__in=fields["competencies"]))
    data = {
        "title": title,
        "summary": f"A session about {title.lower()}.",
        "learning_objectives": "Describe the problem\nPractise the skill",
        "resource_type": ResourceType.objects.get(slug=fields.pop("type", "session-plan")),
        "language": Language.objects.get(slug=fields.pop("language", "en")),
        "license": License.objects.get(slug=fields.pop("license", "CC-BY-4.0")),
        "levels": list(LearnerLevel.objects.filter(slug__in=levels)),
        "topics": list(Topic.objects.filter(slug__in=fields.pop("topics", ["language-access"]))),
        "authors": [{"name": "Ada Author", "affiliation": "Hillside University", "orcid": ""}],
        "time_required_minutes": 60,
        **fields,
    }
    return services.publish_resource(services.Publication(**data))


# --- workflow ---------------------------------------------------------------------

COMPLETE_ANSWERS = {
    "objectives": {"score": 4, "strengths": "Clear, measurable objectives."},
    "grounding": {"score": 4},
    "methods": {"score": 4},
    "evaluation": {"implemented": True, "score": 3},
    "accuracy": {"score": 5},
    "significance": {"score": 4},
    "completeness": {"score": 4},
    "critique": {"score": 3},
    "adoptability": {"score": 4},
    "usability": {"score": 4},
    "compliance": {"rights": True, "privacy": True, "license": True, "coi": True},
    "equity_framing": {"score": 5},
}


def metadata(**overrides):
    """Complete draft metadata, as services.create_draft takes it."""
    from catalog.models import (
        InstructionalMethod,
        Language,
        LearnerLevel,
        License,
        ResourceType,
        Topic,
    )

    data = {
        "title": "Working with medical interpreters on the wards",
        "summary": "A 90-minute session where residents practise briefing an interpreter.",
        "learning_objectives": "Brief an interpreter before a visit\nUse first-person speech",
        "description": "Language barriers harm patients. This session uses role play.",
        "resource_type": ResourceType.objects.get(slug="session-plan"),
        "learner_levels": list(LearnerLevel.objects.filter(slug__in=["gme-residency"])),
        "topics": list(Topic.objects.filter(slug__in=["language-access"])),
        "methods": list(InstructionalMethod.objects.filter(code__in=["IM022"])),
        "language": Language.objects.get(slug="en"),
        "license": License.objects.get(slug="CC-BY-4.0"),
        "time_required_minutes": 90,
        "group_size": "6–12 residents",
        "rights_confirmed": True,
        "privacy_confirmed": True,
        "coi_statement": "None.",
    }
    data.update(overrides)
    return data


def draft(owner, *, link=True, **overrides):
    """A complete draft with one external link, ready to submit."""
    from reviews import services

    submission = services.create_draft(owner, **metadata(**overrides))
    if link:
        services.add_link(submission, owner, "https://video.example.org/interpreters", "Video")
    return submission


def review_and_complete(assignment, reviewer, *, recommendation="accept", answers=None):
    """The reviewer accepts the invitation, fills the whole rubric and submits."""
    from reviews import services

    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    services.save_review_draft(
        assignment,
        reviewer,
        answers=answers or COMPLETE_ANSWERS,
        recommendation=recommendation,
        comments_to_authors="Thoughtful and runnable; please add a debrief guide.",
        confidential_comments="Solid work.",
    )
    return services.complete_review(assignment, reviewer)


def in_review(owner, editor, reviewers=(), *, completed=0, **overrides):
    """A submission in review with the given reviewers invited; the first `completed` done."""
    from reviews import services

    submission = draft(owner, **overrides)
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    assignments = [services.invite(submission, editor, reviewer=r) for r in reviewers]
    for assignment, reviewer in list(zip(assignments, reviewers, strict=True))[:completed]:
        review_and_complete(assignment, reviewer)
    submission.refresh_from_db()
    return submission, assignments


def reviewer_user(name=None, **fields):
    return user(name, roles=["contributor", "reviewer"], **fields)


OWNER_TRANSITIONS = {"submit", "withdraw", "resubmit", "appeal"}
TRANSITION_TEXT = {
    "withdraw": {"reason": "We are reworking the cases."},
    "desk_reject": {"reason": "Out of scope", "letter": "Thank you; this is out of scope."},
    "request_revisions": {"letter": "Please add a debrief guide."},
    "resubmit": {"response_letter": "We added the debrief guide."},
    "accept": {"letter": "Accepted with thanks."},
    "reject": {"letter": "We cannot accept this version."},
    "retire": {"reason": "Superseded by newer guidance."},
    "appeal": {"reasons": "Both reviews misread the learner level."},
}
WORKFLOW_STATES = [
    "draft",
    "submitted",
    "resubmitted",
    "in_review",
    "revisions_requested",
    "accepted",
    "published",
    "rejected",
    "appealed",
    "withdrawn",
    "retired",
]


def transition(name, submission, owner, editor):
    """Run a submission transition as the person who may, with the text it needs."""
    from reviews import services

    actor = owner if name in OWNER_TRANSITIONS else editor
    return getattr(services, name)(submission, actor, **TRANSITION_TEXT.get(name, {}))


def submission_in(state, owner, editor, reviewers):
    """A submission in `state` (or "resubmitted": submitted again after a reviewed round),
    with what the next steps need: two completed reviews once it has been in review."""
    from reviews import services

    if state in ("draft", "submitted", "withdrawn"):
        submission = draft(owner)
        steps = {"draft": [], "submitted": ["submit"], "withdrawn": ["withdraw"]}[state]
    else:
        submission, _ = in_review(owner, editor, reviewers[:2], completed=2)
        steps = {
            "in_review": [],
            "revisions_requested": ["request_revisions"],
            "resubmitted": ["request_revisions", "resubmit"],
            "accepted": ["accept"],
            "published": ["accept", "publish"],
            "retired": ["accept", "publish", "retire"],
            "rejected": ["reject"],
            "appealed": ["reject", "appeal"],
        }[state]
    for step in steps:
        submission = transition(step, submission, owner, editor)
    return services.Submission.objects.get(pk=submission.pk)
