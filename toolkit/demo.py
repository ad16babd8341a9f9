"""Demo accounts (DESIGN §12). Idempotent: running it again changes nothing."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from catalog.models import LearnerLevel, Topic

from .accounts.permissions import ADMIN, CONTRIBUTOR, EDITOR, REVIEWER

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


def seed_users() -> list:
    """Create or refresh the demo accounts; returns them in DEMO_USERS order."""
    user_model = get_user_model()
    users = []
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
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=roles))
        user.expertise_levels.set(LearnerLevel.objects.filter(slug__in=levels))
        user.expertise_topics.set(Topic.objects.filter(slug__in=topics))
        users.append(user)
    return users
