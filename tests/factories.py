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


def resource(title="Working with medical interpreters", *, levels=("gme-residency",), **fields):
    """A published catalog resource, made through the publish projection."""
    from catalog import services
    from catalog.models import Language, LearnerLevel, License, ResourceType, Topic

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
