"""Serializers of the public catalog API."""

import re
from typing import Any, cast

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from toolkit import site

from .models import (
    Competency,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceFile,
    ResourceType,
    ResourceVersion,
    Topic,
    file_url,
)

VOCABULARY_FIELDS = ("slug", "name", "description", "position", "is_active")


class LearnerLevelSerializer(serializers.ModelSerializer):
    stage_name = serializers.CharField(read_only=True)

    class Meta:
        model = LearnerLevel
        fields = (*VOCABULARY_FIELDS, "stage", "stage_name")


class ResourceTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResourceType
        fields = (*VOCABULARY_FIELDS, "lrmi_type")


class InstructionalMethodSerializer(serializers.ModelSerializer):
    class Meta:
        model = InstructionalMethod
        fields = (*VOCABULARY_FIELDS, "code")


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = VOCABULARY_FIELDS


class LicenseSerializer(serializers.ModelSerializer):
    class Meta:
        model = License
        fields = (*VOCABULARY_FIELDS, "url")


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = (*VOCABULARY_FIELDS, "english_name")


class CompetencySerializer(serializers.ModelSerializer):
    framework = serializers.CharField(source="framework.slug", read_only=True)
    source_url = serializers.URLField(read_only=True)

    class Meta:
        model = Competency
        fields = (
            *VOCABULARY_FIELDS,
            "code",
            "framework",
            "level",
            "domain",
            "number",
            "source_url",
        )


# --- resources --------------------------------------------------------------------


class LevelRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    stage = serializers.CharField()


class TermRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class MethodRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()


class LanguageRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 639-1 code.")
    name = serializers.CharField()


class LicenseRefSerializer(serializers.Serializer):
    spdx = serializers.CharField(help_text="SPDX identifier.")
    name = serializers.CharField()
    url = serializers.CharField()


class ResourceAuthorSerializer(serializers.Serializer):
    name = serializers.CharField()
    affiliation = serializers.CharField(allow_blank=True)
    orcid = serializers.CharField(allow_blank=True)


def absolute(serializer: serializers.BaseSerializer[Any], path: str) -> str:
    """`path` on the site address (toolkit.site), whatever host the request came to."""
    return site.absolute(path)


class ResourceSerializer(serializers.ModelSerializer):
    """A published resource as listed: what an instructor needs to choose it."""

    authors = serializers.SerializerMethodField()
    levels = LevelRefSerializer(many=True)
    resource_type = TermRefSerializer()
    topics = TermRefSerializer(many=True)
    methods = MethodRefSerializer(many=True)
    language = LanguageRefSerializer()
    license = LicenseRefSerializer()
    html_url = serializers.SerializerMethodField(help_text="The resource's page.")
    doi = serializers.CharField(
        source="public_doi",
        read_only=True,
        help_text="The concept DOI (resolves to the newest version) once registered, else .",
    )
    version_doi = serializers.CharField(
        read_only=True, help_text="The current version's DOI once registered, else ."
    )

    class Meta:
        model = Resource
        fields: tuple[str, ...] = (
            "slug",
            "title",
            "summary",
            "authors",
            "levels",
            "resource_type",
            "topics",
            "methods",
            "language",
            "license",
            "interprofessional",
            "time_required_minutes",
            "facilitator",
            "group_size_min",
            "group_size_max",
            "version",
            "published_at",
            "reviewed_at",
            "review_by",
            "html_url",
            "doi",
            "version_doi",
        )

    @extend_schema_field(ResourceAuthorSerializer(many=True))
    def get_authors(self, obj: Resource) -> list[dict]:
        return [
            {
                "name": a.get("name", ""),
                "affiliation": a.get("affiliation", ""),
                "orcid": a.get("orcid", ""),
            }
            for a in obj.authors
        ]

    def get_html_url(self, obj: Resource) -> str:
        return absolute(self, obj.get_absolute_url())


class VersionRefSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    html_url = serializers.SerializerMethodField()
    doi = serializers.CharField(
        source="public_doi", help_text="The version's DOI once registered, else ."
    )

    def get_html_url(self, obj: ResourceVersion) -> str:
        return absolute(self, obj.get_absolute_url())


class FileRefSerializer(serializers.Serializer):
    """A file of the current version (`download_url`) or an external link (`url`)."""

    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes (0 for a link).")
    download_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_download_url(self, obj: ResourceFile) -> str | None:
        if obj.is_link:
            return None
        slug = self.context["resource"].slug
        return absolute(self, file_url(slug, obj.uuid))

    def get_url(self, obj: ResourceFile) -> str | None:
        return obj.url or None


class ResourceDetailSerializer(ResourceSerializer):
    """Everything needed to run the resource next week."""

    learning_objectives = serializers.ListField(
        child=serializers.CharField(), source="objective_list"
    )
    keywords = serializers.SerializerMethodField()
    versions = serializers.SerializerMethodField()
    files = serializers.SerializerMethodField()
    competencies = CompetencySerializer(many=True, read_only=True)

    class Meta(ResourceSerializer.Meta):
        fields = (
            *ResourceSerializer.Meta.fields,
            "competencies",
            "learning_objectives",
            "description",
            "materials",
            "facilitator_notes",
            "evaluation",
            "group_size",
            "preparation_time",
            "facilitator_requirements",
            "equipment",
            "keywords",
            "versions",
            "files",
        )

    def get_keywords(self, obj: Resource) -> list[str]:
        return [k.strip() for k in re.split(r"[,;\n]", obj.keywords) if k.strip()]

    @extend_schema_field(VersionRefSerializer(many=True))
    def get_versions(self, obj: Resource) -> list[dict[str, Any]]:
        versions = list(
            obj.versions.order_by("-number").only("number", "published_at", "doi", "doi_status")
        )
        for version in versions:
            version.resource = obj  # for get_absolute_url, without a query per version
        data = VersionRefSerializer(versions, many=True, context=self.context).data
        return cast(list[dict[str, Any]], data)  # many=True: a ListSerializer's list

    @extend_schema_field(FileRefSerializer(many=True))
    def get_files(self, obj: Resource) -> list[dict[str, Any]]:
        files = ResourceFile.objects.filter(
            version__resource=obj, version__number=obj.version
        ).order_by("position", "pk")
        context = {**self.context, "resource": obj}
        data = FileRefSerializer(files, many=True, context=context).data
        return cast(list[dict[str, Any]], data)  # many=True: a ListSerializer's list


class RetiredSerializer(serializers.Serializer):
    detail = serializers.CharField()
    reason = serializers.CharField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    count = serializers.IntegerField(help_text="Results if this value were chosen (too).")
    selected = serializers.BooleanField()
