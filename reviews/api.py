"""Workflow API (DESIGN §10). Thin: every write is a call to `reviews.services`."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import get_object_or_404  # a malformed UUID is a 404, too
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from toolkit.accounts.permissions import is_editor
from toolkit.api import JSONParser

from . import anonymity, metrics, services
from .downloads import file_response
from .models import ExtensionRequest, Review, ReviewAssignment, Submission, SubmissionFile
from .serializers import (
    AssignmentSerializer,
    ExtensionAnswerSerializer,
    ExtensionAskSerializer,
    ExtensionSerializer,
    FileUploadSerializer,
    HelpfulnessSerializer,
    InviteSerializer,
    ReviewDraftPatchSerializer,
    ReviewDraftSerializer,
    ReviewSerializer,
    StaleDraftSerializer,
    SubmissionFileSerializer,
    SubmissionSerializer,
    SubmissionSummarySerializer,
    SubmissionWriteSerializer,
    TransitionSerializer,
    submission_assignments,
)
from .services import extensions

if TYPE_CHECKING:
    from typing import Any

    from django.db.models import QuerySet
    from django.http.response import HttpResponseBase
    from rest_framework.request import Request
    from rest_framework.routers import BaseRouter
    from rest_framework.serializers import BaseSerializer

    from toolkit.accounts.models import User

UUID = r"[0-9a-fA-F-]{36}"


def user_of(request: Request) -> User:
    """request.user behind IsAuthenticated (the API's default permission): a real user."""
    return cast("User", request.user)


NAME_PARAM = OpenApiParameter("name", str, OpenApiParameter.PATH, description="Transition name.")
EXTENSION_PARAMS = [
    OpenApiParameter("extension_uuid", OpenApiTypes.UUID, OpenApiParameter.PATH),
    OpenApiParameter(
        "name",
        str,
        OpenApiParameter.PATH,
        enum=["approve", "refuse", "withdraw"],
        description="approve or refuse (editors), withdraw (the reviewer who asked).",
    ),
]
EXTENSION_ANSWERS = {  # (extension, user, note) -> the answered request
    "approve": lambda extension, user, note: extensions.approve_extension(extension, user),
    "refuse": lambda extension, user, note: extensions.refuse_extension(extension, user, note=note),
    "withdraw": lambda extension, user, note: extensions.withdraw_extension(extension, user),
}


class SubmissionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Submissions: your own drafts and submissions; editors see every non-draft one."""

    lookup_field = "uuid"
    lookup_value_regex = UUID
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filterset_fields = ["state"]

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.visible_to(self.request.user).select_related(
            "owner", "resource_type", "language", "license"
        )

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action in ("create", "update", "partial_update"):
            return SubmissionWriteSerializer
        if self.action == "list":
            return SubmissionSummarySerializer
        return SubmissionSerializer

    def _detail(self, submission: Submission, status_code: int = status.HTTP_200_OK) -> Response:
        return Response(
            SubmissionSerializer(submission, context=self.get_serializer_context()).data,
            status=status_code,
        )

    @extend_schema(request=SubmissionWriteSerializer, responses=SubmissionSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = SubmissionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        authors = data.pop("authors", None)
        submission = services.create_draft(user_of(request), **data)
        if authors:
            services.set_authors(submission, user_of(request), authors)
        return self._detail(submission, status.HTTP_201_CREATED)

    @extend_schema(request=SubmissionWriteSerializer, responses=SubmissionSerializer)
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        submission = self.get_object()
        serializer = SubmissionWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        authors = data.pop("authors", None)
        services.update_draft(submission, user_of(request), **data)
        if authors is not None:
            services.set_authors(submission, user_of(request), authors)
        return self._detail(Submission.objects.get(pk=submission.pk))

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.delete_draft(self.get_object(), user_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses=SubmissionFileSerializer(many=True), methods=["GET"])
    @extend_schema(
        request=FileUploadSerializer,
        responses={201: SubmissionFileSerializer(many=True)},
        methods=["POST"],
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)  # one list, unpaged
    def files(self, request: Request, uuid: str | None = None) -> Response:
        """GET: the current version's files. POST (multipart): add a file, or a link."""
        submission = self.get_object()
        if request.method == "POST":
            serializer = FileUploadSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
            if data.get("file") is not None:
                services.add_file(submission, user_of(request), data["file"], data.get("label", ""))
            else:
                services.add_link(submission, user_of(request), data["url"], data.get("label", ""))
        viewer = anonymity.Viewer(request.user, submission)
        version = anonymity.visible_version(viewer)
        rows = anonymity.files_for(viewer, version) if version else []
        code = status.HTTP_201_CREATED if request.method == "POST" else status.HTTP_200_OK
        return Response(rows, status=code)

    def _file(self, uuid: str | None, file_uuid: str | None) -> SubmissionFile:
        submission = self.get_object()
        return get_object_or_404(
            SubmissionFile.objects.select_related("version__submission"),
            uuid=file_uuid,
            version__submission=submission,
        )

    @action(detail=True, methods=["delete"], url_path=rf"files/(?P<file_uuid>{UUID})")
    def remove_file(
        self, request: Request, uuid: str | None = None, file_uuid: str | None = None
    ) -> Response:
        """Remove a file or link from the working version."""
        services.remove_file(self._file(uuid, file_uuid), user_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={(200, "*/*"): OpenApiTypes.BINARY})  # the file's own type
    @action(detail=True, methods=["get"], url_path=rf"files/(?P<file_uuid>{UUID})/download")
    def download(
        self, request: Request, uuid: str | None = None, file_uuid: str | None = None
    ) -> HttpResponseBase:
        """Download a file: the original for authors and editors, a sanitized copy for reviewers."""
        item = self._file(uuid, file_uuid)
        return file_response(anonymity.Viewer(request.user, item.version.submission), item)

    @extend_schema(request=TransitionSerializer, parameters=[NAME_PARAM])
    @action(detail=True, methods=["post"], url_path=r"transitions/(?P<name>[a-z_]+)")
    def transitions(
        self, request: Request, uuid: str | None = None, name: str | None = None
    ) -> Response:
        """Run a transition: submit, withdraw, desk_reject, send_to_review, request_revisions,
        resubmit, accept, reject, publish, retire, appeal (the authors, with `reasons`),
        uphold_appeal or overturn_appeal (another editor, with a `letter`), with its reason or
        letter in the body."""
        submission = self.get_object()
        services.run_action(
            services.SUBMISSION_ACTIONS,
            name,  # type: ignore[arg-type]  # the URL always captures name
            submission,
            request.user,
            request.data,
        )
        return self._detail(Submission.objects.get(pk=submission.pk))

    @extend_schema(responses=AssignmentSerializer(many=True), methods=["GET"])
    @extend_schema(
        request=InviteSerializer, responses={201: AssignmentSerializer}, methods=["POST"]
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)  # one list, unpaged
    def assignments(self, request: Request, uuid: str | None = None) -> Response:
        """Editors: list the review assignments, or invite a reviewer to the open round."""
        submission = self.get_object()
        if anonymity.Viewer(request.user, submission).role != anonymity.EDITOR:
            raise PermissionDenied("Only editors manage review assignments.")
        context = self.get_serializer_context()
        if request.method == "POST":
            serializer = InviteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            assignment = services.invite(submission, user_of(request), **serializer.validated_data)
            return Response(
                AssignmentSerializer(assignment, context=context).data,
                status=status.HTTP_201_CREATED,
            )
        rows = submission_assignments(submission)
        return Response(AssignmentSerializer(rows, many=True, context=context).data)


class ExtensionActions(viewsets.GenericViewSet):
    """Requests for more time on a review, as actions of AssignmentViewSet."""

    @extend_schema(responses=ExtensionSerializer(many=True), methods=["GET"])
    @extend_schema(
        request=ExtensionAskSerializer, responses={201: ExtensionSerializer}, methods=["POST"]
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)  # one list, unpaged
    def extensions(self, request: Request, uuid: str | None = None) -> Response:
        """GET: the requests for more time on this review, latest last (its reviewer and the
        editors). POST (its reviewer, while writing it): ask to move the due date to
        `requested_due`, after the current one and at most TOOLKIT_EXTENSION_MAX_DAYS later,
        saying why (`reason`); 409 `extension_pending` while a request waits."""
        assignment = self.get_object()
        context = self.get_serializer_context()
        if request.method == "POST":
            extensions.check_may_ask(assignment, user_of(request))  # 403 and 409 before 400
            serializer = ExtensionAskSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            extension = extensions.request_extension(
                assignment, user_of(request), **serializer.validated_data
            )
            return Response(
                ExtensionSerializer(extension, context=context).data,
                status=status.HTTP_201_CREATED,
            )
        rows = assignment.extension_requests.select_related("answered_by").order_by(
            "requested_at", "pk"
        )
        return Response(ExtensionSerializer(rows, many=True, context=context).data)

    @extend_schema(
        operation_id="assignments_extensions_answer",
        request=ExtensionAnswerSerializer,
        responses=ExtensionSerializer,
        parameters=EXTENSION_PARAMS,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=rf"extensions/(?P<extension_uuid>{UUID})/(?P<name>[a-z]+)",
    )
    def answer_extension(
        self,
        request: Request,
        uuid: str | None = None,
        extension_uuid: str | None = None,
        name: str | None = None,
    ) -> Response:
        """Answer a request for more time: approve (the due date moves to the date asked
        for) or refuse with an optional `note` (editors), or withdraw it (its reviewer).
        409 once it was answered, or when the review is no longer being written."""
        assignment = self.get_object()
        answer = EXTENSION_ANSWERS.get(name or "")
        if answer is None:
            raise Http404
        extension = get_object_or_404(
            ExtensionRequest.objects.select_related("assignment"),
            uuid=extension_uuid,
            assignment=assignment,
        )
        note = request.data.get("note", "") if isinstance(request.data, dict) else ""
        if not isinstance(note, str):
            raise ValidationError({"note": ["Give this as text."]})
        result = answer(extension, user_of(request), note)
        context = self.get_serializer_context()
        return Response(ExtensionSerializer(result, context=context).data)


class AssignmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ExtensionActions):
    """Review assignments: your own; editors see all but those on their own submissions."""

    lookup_field = "uuid"
    lookup_value_regex = UUID
    serializer_class = AssignmentSerializer
    filterset_fields = ["state"]

    def get_queryset(self) -> QuerySet[ReviewAssignment]:
        return ReviewAssignment.objects.visible_to(self.request.user).select_related(
            "round__submission", "round__version", "reviewer"
        )

    def _detail(self, assignment: ReviewAssignment) -> Response:
        assignment = self.get_queryset().get(pk=assignment.pk)
        return Response(
            AssignmentSerializer(assignment, context=self.get_serializer_context()).data
        )

    @extend_schema(request=TransitionSerializer, parameters=[NAME_PARAM])
    @action(detail=True, methods=["post"], url_path=r"transitions/(?P<name>[a-z_]+)")
    def transitions(
        self, request: Request, uuid: str | None = None, name: str | None = None
    ) -> Response:
        """Run a transition: accept (with coi_declaration), decline (reason code, note,
        suggestion), cancel (editors), or complete (submit the saved review)."""
        assignment = self.get_object()
        services.run_action(
            services.ASSIGNMENT_ACTIONS,
            name,  # type: ignore[arg-type]  # the URL always captures name
            assignment,
            request.user,
            request.data,
        )
        return self._detail(assignment)

    @extend_schema(responses=ReviewSerializer, methods=["GET"])
    @extend_schema(
        request=ReviewDraftSerializer,
        responses={200: ReviewSerializer, 409: StaleDraftSerializer},
        methods=["PUT"],
    )
    @extend_schema(
        request=ReviewDraftPatchSerializer,
        responses={200: ReviewSerializer, 409: StaleDraftSerializer},
        methods=["PATCH"],
    )
    @action(detail=True, methods=["get", "put", "patch"])
    def review(self, request: Request, uuid: str | None = None) -> Response:
        """GET the review (the draft for its reviewer) with its `version`. PUT saves the whole
        draft (every field required); PATCH only the fields sent. Both send the `version` they
        were based on: a save based on an older one is refused (409 `stale_draft`)."""
        assignment = self.get_object()
        if request.method in ("PUT", "PATCH"):
            return self._save_review(request, assignment, partial=request.method == "PATCH")
        review = Review.objects.filter(assignment=assignment).first()
        own = assignment.reviewer_id == request.user.pk
        editor = (
            anonymity.Viewer(request.user, assignment.round.submission).role == anonymity.EDITOR
        )
        if review is None or not (own or (editor and review.is_submitted)):
            raise Http404
        return Response(ReviewSerializer(review).data)

    def _save_review(
        self, request: Request, assignment: ReviewAssignment, *, partial: bool
    ) -> Response:
        services.ensure_review_writable(assignment, user_of(request))  # 403 and 409 before 400
        serializer_class = ReviewDraftPatchSerializer if partial else ReviewDraftSerializer
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        review = services.save_review_draft(
            assignment, user_of(request), merge_answers=partial, **serializer.validated_data
        )
        return Response(ReviewSerializer(review).data)

    @extend_schema(request=HelpfulnessSerializer, responses=HelpfulnessSerializer)
    @action(detail=True, methods=["post"])
    def helpfulness(self, request: Request, uuid: str | None = None) -> Response:
        """Editors rate a submitted review's helpfulness, 1 to 3 (403 for others, 409 before
        it is submitted, 400 for another value). Never shown to the reviewer."""
        assignment = self.get_object()
        value = request.data.get("helpfulness") if isinstance(request.data, dict) else None
        score = services.rate_review(assignment, user_of(request), helpfulness=value)
        return Response({"helpfulness": score})


class MetricsView(APIView):
    """Editors: turnaround metrics computed from the transition log."""

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        if not is_editor(request.user):
            raise PermissionDenied("Only editors see metrics.")
        return Response(metrics.summary())


def register(router: BaseRouter) -> None:
    router.register("submissions", SubmissionViewSet, basename="submission")
    router.register("assignments", AssignmentViewSet, basename="assignment")
