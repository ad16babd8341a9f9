"""Public catalog API: vocabularies (and, later, resources)."""

from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from . import serializers
from .models import InstructionalMethod, Language, LearnerLevel, License, ResourceType, Topic


class VocabularyViewSet(viewsets.ReadOnlyModelViewSet):
    """A controlled vocabulary, readable without signing in."""

    permission_classes = [AllowAny]
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []


def vocabulary_viewset(model, serializer_class):
    return type(
        f"{model.__name__}ViewSet",
        (VocabularyViewSet,),
        {"queryset": model.objects.all(), "serializer_class": serializer_class},
    )


VOCABULARY_ROUTES = [
    ("learner-levels", LearnerLevel, serializers.LearnerLevelSerializer),
    ("resource-types", ResourceType, serializers.ResourceTypeSerializer),
    ("instructional-methods", InstructionalMethod, serializers.InstructionalMethodSerializer),
    ("topics", Topic, serializers.TopicSerializer),
    ("licenses", License, serializers.LicenseSerializer),
    ("languages", Language, serializers.LanguageSerializer),
]


def register(router):
    for prefix, model, serializer_class in VOCABULARY_ROUTES:
        router.register(prefix, vocabulary_viewset(model, serializer_class), basename=prefix)
