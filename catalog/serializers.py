"""Serializers of the public catalog API."""

from rest_framework import serializers

from .models import InstructionalMethod, Language, LearnerLevel, License, ResourceType, Topic

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
