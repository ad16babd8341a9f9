"""API shapes of implementation reports. The public one (a resource's published reports)
names the reporter by the display name the report is signed with, never an e-mail address;
the reporter and the editors also see the state, the editor's reason and the dates."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from toolkit.site import absolute
from toolkit.text import render_markdown

from .models import GROUP_SIZE_MAX, REASON_MAX, TEXT_MAX, ImplementationReport


def _html(text: str) -> str:
    return render_markdown(text, top_heading=4, line_breaks=True) if text else ""


class PublicReportSerializer(serializers.ModelSerializer[ImplementationReport]):
    resource = serializers.CharField(source="resource.slug", read_only=True)
    learner_level = serializers.CharField(source="learner_level.slug", read_only=True)
    learner_level_name = serializers.CharField(source="learner_level.name", read_only=True)
    signature = serializers.CharField(read_only=True, help_text="The reporter's display name.")
    changes_html = serializers.SerializerMethodField(help_text="`changes`, sanitised HTML.")
    outcome_html = serializers.SerializerMethodField(help_text="`outcome`, sanitised HTML.")
    answer_html = serializers.SerializerMethodField(help_text="`answer`, sanitised HTML.")
    answered_by = serializers.SerializerMethodField(help_text="The answering author's name.")
    url = serializers.SerializerMethodField(help_text="The report on the resource's page.")

    class Meta:
        model = ImplementationReport
        fields = [
            "uuid",
            "resource",
            "learner_level",
            "learner_level_name",
            "group_size",
            "changes",
            "changes_html",
            "outcome",
            "outcome_html",
            "rating",
            "signature",
            "published_at",
            "answer",
            "answer_html",
            "answered_by",
            "answered_at",
            "url",
        ]
        read_only_fields = fields

    def get_changes_html(self, report: ImplementationReport) -> str:
        return _html(report.changes)

    def get_outcome_html(self, report: ImplementationReport) -> str:
        return _html(report.outcome)

    def get_answer_html(self, report: ImplementationReport) -> str:
        return _html(report.answer)

    def get_answered_by(self, report: ImplementationReport) -> str | None:
        return report.answered_by.display_name if report.answered_by else None

    def get_url(self, report: ImplementationReport) -> str:
        return absolute(report.get_public_url())


class ReportSerializer(PublicReportSerializer):
    """What the reporter and the editors see: the state and the editor's reason too."""

    class Meta(PublicReportSerializer.Meta):
        fields = [*PublicReportSerializer.Meta.fields, "state", "reason", "submitted_at"]
        read_only_fields = fields


class SummarySerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField(help_text="Published reports.")
    rated = serializers.IntegerField(help_text="Of which with a usefulness rating.")
    average = serializers.FloatField(allow_null=True, help_text="Average usefulness, 1–5.")
    text = serializers.CharField(help_text="E.g. “4.3 of 5 from 6 reports”.")


class ResourceReportsSerializer(serializers.Serializer[Any]):
    summary = SummarySerializer()
    results = PublicReportSerializer(many=True)


class ReportWriteSerializer(serializers.Serializer[Any]):
    """The fields of a report; the services check them (400 with every message)."""

    learner_level = serializers.CharField(
        help_text="A learner level's slug (/api/v1/learner-levels/)."
    )
    group_size = serializers.IntegerField(min_value=1, max_value=GROUP_SIZE_MAX)
    changes = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True)
    outcome = serializers.CharField(max_length=TEXT_MAX)
    rating = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)


class ReportCreateSerializer(ReportWriteSerializer):
    resource = serializers.SlugField(help_text="The published resource's slug.")


class ReasonSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=REASON_MAX, help_text="Sent to the reporter.")


class AnswerSerializer(serializers.Serializer[Any]):
    answer = serializers.CharField(max_length=TEXT_MAX, help_text="Markdown; once per report.")
