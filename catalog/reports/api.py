"""Implementation reports in the API (DESIGN §10). Thin: every write is a call to the services.

- /api/v1/resources/<slug>/reports/  a resource's published reports and their summary,
  readable without signing in;
- /api/v1/reports/                   the reports the caller may see (their own in every
  state, published ones, and for editors every report but withdrawn ones), filtered by
  ?state= and ?resource=; POST posts a report (429 past the throttle);
- /api/v1/reports/<uuid>/            read; PATCH: the reporter edits (back to moderation);
  POST …/withdraw/, …/approve/, …/reject/, …/hide/ (with a reason), …/answer/ (authors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from catalog.models import Resource

from . import services
from .models import ImplementationReport, ReportState
from .serializers import (
    AnswerSerializer,
    PublicReportSerializer,
    ReasonSerializer,
    ReportCreateSerializer,
    ReportSerializer,
    ReportWriteSerializer,
    ResourceReportsSerializer,
)
from .templatetags.implementation_reports import summarise

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.routers import BaseRouter

    from toolkit.accounts.models import User

UUID = r"[0-9a-fA-F-]{36}"
RELATED = ("resource", "reporter", "learner_level", "answered_by")


def user_of(request: Request) -> User:
    return cast("User", request.user)


class ResourceReportsViewSet(viewsets.GenericViewSet[ImplementationReport]):
    """A published resource's published implementation reports, newest first."""

    permission_classes = [AllowAny]
    pagination_class = None
    serializer_class = ResourceReportsSerializer
    queryset = ImplementationReport.objects.none()  # the schema's model; list() reads its own

    @extend_schema(
        summary="A resource's published implementation reports, with the average usefulness",
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)],
        responses={
            200: ResourceReportsSerializer,
            404: OpenApiResponse(description="No such resource."),
        },
    )
    def list(self, request: Request, slug: str) -> Response:
        resource = get_object_or_404(Resource.objects.only("pk", "retired_at"), slug=slug)
        reports = list(
            ImplementationReport.objects.public()
            .filter(resource=resource)
            .select_related(*RELATED)
            .order_by("-published_at", "-pk")
        )
        summary = summarise(reports)
        return Response(
            {
                "summary": {**vars(summary), "text": summary.text},
                "results": PublicReportSerializer(reports, many=True).data,
            }
        )


def _posted(call: Any) -> Any:
    """A service call that may be throttled: 429 with the reason."""
    try:
        return call()
    except services.TooManyReports as error:
        raise Throttled(detail=error.detail) from None


class ReportViewSet(viewsets.GenericViewSet[ImplementationReport]):
    """Implementation reports: post, edit and withdraw your own; editors moderate; the
    resource's authors answer."""

    lookup_field = "uuid"
    lookup_value_regex = UUID
    serializer_class = ReportSerializer

    def get_queryset(self) -> QuerySet[ImplementationReport]:
        if getattr(self, "swagger_fake_view", False):
            return ImplementationReport.objects.none()
        return (
            ImplementationReport.objects.visible_to(user_of(self.request))
            .select_related(*RELATED)
            .order_by("-submitted_at", "-pk")
        )

    def _one(self, report: ImplementationReport, code: int = status.HTTP_200_OK) -> Response:
        fresh = ImplementationReport.objects.select_related(*RELATED).get(pk=report.pk)
        return Response(ReportSerializer(fresh).data, status=code)

    @extend_schema(
        summary="Reports you may see",
        parameters=[
            OpenApiParameter("state", str, enum=ReportState.values),
            OpenApiParameter("resource", str, description="A resource's slug."),
        ],
        responses=ReportSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        reports = self.get_queryset()
        state = request.query_params.get("state")
        if state:
            if state not in ReportState.values:
                return Response(
                    {"state": [f"One of: {', '.join(ReportState.values)}."]},
                    status=status.HTTP_400_BAD_REQUEST,
                )
            reports = reports.filter(state=state)
        if request.query_params.get("resource"):
            reports = reports.filter(resource__slug=request.query_params["resource"])
        page = self.paginate_queryset(reports)
        return self.get_paginated_response(ReportSerializer(page, many=True).data)

    @extend_schema(
        summary="Post a report on a published resource (it waits for moderation)",
        request=ReportCreateSerializer,
        responses={201: ReportSerializer, 429: OpenApiResponse(description="Throttled.")},
    )
    def create(self, request: Request) -> Response:
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        resource = get_object_or_404(Resource, slug=values.pop("resource"))
        report = _posted(lambda: services.create_report(user_of(request), resource, values))
        return self._one(report, status.HTTP_201_CREATED)

    @extend_schema(summary="One report", responses=ReportSerializer)
    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(ReportSerializer(self.get_object()).data)

    @extend_schema(
        summary="Edit your report: it goes back to moderation",
        request=ReportWriteSerializer(partial=True),
        responses=ReportSerializer,
    )
    def partial_update(self, request: Request, uuid: str) -> Response:
        report = self.get_object()
        data = ReportWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = {
            "learner_level": report.learner_level.slug,
            "group_size": report.group_size,
            "changes": report.changes,
            "outcome": report.outcome,
            "rating": report.rating,
            **data.validated_data,
        }
        return self._one(services.edit_report(report, user_of(request), values))

    @extend_schema(summary="Withdraw your report", request=None, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, uuid: str) -> Response:
        return self._one(services.withdraw_report(self.get_object(), user_of(request)))

    @extend_schema(
        summary="Approve a pending report (editors)", request=None, responses=ReportSerializer
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, uuid: str) -> Response:
        return self._one(services.approve_report(self.get_object(), user_of(request)))

    def _with_reason(self, request: Request, call: Any) -> Response:
        report = self.get_object()
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._one(call(report, user_of(request), data.validated_data["reason"]))

    @extend_schema(
        summary="Reject a pending report with a reason (editors)",
        request=ReasonSerializer,
        responses=ReportSerializer,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, uuid: str) -> Response:
        return self._with_reason(request, services.reject_report)

    @extend_schema(
        summary="Hide a published report with a reason (editors)",
        request=ReasonSerializer,
        responses=ReportSerializer,
    )
    @action(detail=True, methods=["post"])
    def hide(self, request: Request, uuid: str) -> Response:
        return self._with_reason(request, services.hide_report)

    @extend_schema(
        summary="Answer a published report, once (the resource's authors)",
        request=AnswerSerializer,
        responses=ReportSerializer,
    )
    @action(detail=True, methods=["post"])
    def answer(self, request: Request, uuid: str) -> Response:
        report = self.get_object()
        data = AnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._one(
            services.answer_report(report, user_of(request), data.validated_data["answer"])
        )


def register(router: BaseRouter) -> None:
    router.register(
        r"resources/(?P<slug>[-a-zA-Z0-9_]+)/reports",
        ResourceReportsViewSet,
        basename="resource-reports",
    )
    router.register("reports", ReportViewSet, basename="report")
