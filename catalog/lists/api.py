"""/api/v1/lists/: the owner's saved lists (DESIGN §10). Token or session auth as the rest of
the API; another person's list is a 404. Thin: every write is a call to the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.db.models import Count, Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from toolkit.site import absolute

from . import services
from .models import SavedItem, SavedList
from .serializers import (
    ItemUpdateSerializer,
    ItemWriteSerializer,
    ListWriteSerializer,
    SavedItemSerializer,
    SavedListDetailSerializer,
    SavedListSerializer,
    ShareRequestSerializer,
    ShareSerializer,
)

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.routers import BaseRouter

    from toolkit.accounts.models import User

UUID = r"[0-9a-fA-F-]{36}"
SLUG_PARAM = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, description="The saved resource's slug."
)


def user_of(request: Request) -> User:
    """request.user behind IsAuthenticated (the API's default permission): a real user."""
    return cast("User", request.user)


class SavedListViewSet(viewsets.GenericViewSet[SavedList]):
    """Your saved lists: create, rename, delete; add, annotate, reorder and remove items;
    share by a read-only link or stop sharing. Other people's lists do not exist here."""

    lookup_field = "uuid"
    lookup_value_regex = UUID
    serializer_class = SavedListSerializer

    def get_queryset(self) -> QuerySet[SavedList]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, with no user
            return SavedList.objects.none()
        lists = SavedList.objects.filter(owner=user_of(self.request))
        if self.action == "list":
            return lists.annotate(count=Count("items")).order_by("name", "pk")
        ordered = SavedItem.objects.select_related("resource").order_by("position", "pk")
        return lists.prefetch_related(Prefetch("items", queryset=ordered))

    def _detail(self, saved_list: SavedList, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=saved_list.pk)
        return Response(SavedListDetailSerializer(fresh).data, status=code)

    @extend_schema(summary="Your lists", responses=SavedListSerializer(many=True))
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SavedListSerializer(page, many=True).data)

    @extend_schema(
        summary="Create a list",
        request=ListWriteSerializer,
        responses={201: SavedListDetailSerializer},
    )
    def create(self, request: Request) -> Response:
        data = ListWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved_list = services.create_list(
            user_of(request), data.validated_data["name"], data.validated_data.get("description")
        )
        if data.validated_data.get("share_notes") is not None:
            services.update_list(
                saved_list, user_of(request), share_notes=data.validated_data["share_notes"]
            )
        return self._detail(saved_list, status.HTTP_201_CREATED)

    @extend_schema(summary="One of your lists, with its items", responses=SavedListDetailSerializer)
    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(SavedListDetailSerializer(self.get_object()).data)

    @extend_schema(
        summary="Rename a list, change its description or whether its link shows the notes",
        request=ListWriteSerializer(partial=True),
        responses=SavedListDetailSerializer,
    )
    def partial_update(self, request: Request, uuid: str) -> Response:
        data = ListWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        saved_list = services.update_list(
            self.get_object(), user_of(request), **data.validated_data
        )
        return self._detail(saved_list)

    @extend_schema(summary="Delete a list and its items", responses={204: None})
    def destroy(self, request: Request, uuid: str) -> Response:
        services.delete_list(self.get_object(), user_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        methods=["GET"],
        summary="The list's items, in order",
        responses=SavedItemSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"],
        summary="Save a published resource to the list",
        request=ItemWriteSerializer,
        responses={
            200: OpenApiResponse(SavedItemSerializer, description="Already on the list."),
            201: SavedItemSerializer,
            409: OpenApiResponse(description="The resource is retired."),
        },
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def items(self, request: Request, uuid: str) -> Response:
        saved_list = self.get_object()
        if request.method == "GET":
            return Response(SavedItemSerializer(saved_list.items.all(), many=True).data)
        data = ItemWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item, created = services.add_item(
            saved_list,
            user_of(request),
            data.validated_data["resource"],
            data.validated_data.get("note", ""),
        )
        item = SavedItem.objects.select_related("resource").get(pk=item.pk)
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(SavedItemSerializer(item).data, status=code)

    @extend_schema(
        methods=["PATCH"],
        summary="Change an item's note, or move it to a position (1 = first)",
        parameters=[SLUG_PARAM],
        request=ItemUpdateSerializer,
        responses=SavedItemSerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Take a resource off the list",
        parameters=[SLUG_PARAM],
        responses={204: None},
    )
    @action(detail=True, methods=["patch", "delete"], url_path=r"items/(?P<slug>[-a-zA-Z0-9_]+)")
    def item(self, request: Request, uuid: str, slug: str) -> Response:
        saved_list = self.get_object()
        if request.method == "DELETE":
            services.remove_item(saved_list, user_of(request), slug)
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = ItemUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values: dict[str, Any] = data.validated_data
        if "note" in values:
            services.set_note(saved_list, user_of(request), slug, values["note"])
        if "position" in values:
            services.move_item(saved_list, user_of(request), slug, values["position"])
        item = saved_list.items.select_related("resource").get(resource__slug=slug)
        return Response(SavedItemSerializer(item).data)

    @extend_schema(
        methods=["POST"],
        summary="Share the list by a read-only link (or make a new link)",
        request=ShareRequestSerializer,
        responses=ShareSerializer,
    )
    @extend_schema(methods=["DELETE"], summary="Stop sharing the list", responses={204: None})
    @action(detail=True, methods=["post", "delete"])
    def share(self, request: Request, uuid: str) -> Response:
        saved_list = self.get_object()
        if request.method == "DELETE":
            services.unshare_list(saved_list, user_of(request))
            return Response(status=status.HTTP_204_NO_CONTENT)
        data = ShareRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.share_list(
            saved_list, user_of(request), regenerate=data.validated_data["regenerate"]
        )
        saved_list.refresh_from_db()
        return Response({"url": absolute(saved_list.share_path())})


def register(router: BaseRouter) -> None:
    router.register("lists", SavedListViewSet, basename="savedlist")
