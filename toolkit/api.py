"""API plumbing shared by the apps: error mapping, a safe parser and field, the schema's errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import Http404, HttpRequest
from rest_framework import parsers, serializers, status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response

from .errors import Conflict, validation_payload

if TYPE_CHECKING:  # at run time it would import rest_framework.views too early (see below)
    from rest_framework.schemas.generators import BaseSchemaGenerator


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser; a document nested too deeply for Python's parser is a 400, not a 500."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc


class SlugRelatedField(serializers.SlugRelatedField):
    """DRF's SlugRelatedField, refusing a NUL character as its CharField does (PostgreSQL
    cannot compare text with one: the lookup would fail with a DataError, a 500)."""

    default_error_messages = {"null_characters": ProhibitNullCharactersValidator.message}

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_characters")
        return super().to_internal_value(data)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DESIGN §10 errors: 409 with {detail, code, state}; 400 with field messages."""
    # Not at the top: rest_framework.views reads DEFAULT_PARSER_CLASSES (this module's
    # JSONParser) as it loads, so importing it from here failed whenever this module (or
    # reviews.serializers) was the first to load DRF's views, as in a management command.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, Conflict):
        return Response(exc.as_dict(), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        return Response(validation_payload(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):  # one message, never "No ReviewAssignment matches…"
        exc = NotFound()
    if isinstance(exc, RequestDataTooBig | TooManyFieldsSent):  # else Django's HTML 400 page
        detail = (
            "The request body is too large."
            if isinstance(exc, RequestDataTooBig)
            else "The request has too many fields."
        )
        return Response({"detail": detail}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)


# --- the error responses in the OpenAPI schema ---------------------------------------

ERROR_SCHEMAS = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "Conflict": {
        "type": "object",
        "description": "The object is in the wrong state, or another request came first.",
        "properties": {
            "detail": {"type": "string"},
            "code": {"type": "string", "example": "transition_not_allowed"},
            "state": {"type": "string", "nullable": True},
        },
        "required": ["detail", "code", "state"],
    },
    "ValidationErrors": {
        "type": "object",
        "description": "Messages by field (lists of strings; nested for lists of objects), "
        "`non_field_errors` for the whole object, or `detail` for an unreadable body.",
        "additionalProperties": {},
    },
}
ERROR_RESPONSES = {  # status: (schema, description)
    "400": ("ValidationErrors", "Bad input."),
    "401": ("Error", "Not signed in, or an unknown token."),
    "403": ("Error", "Signed in, but not allowed to do this."),
    "404": ("Error", "No such object, or none this user may see."),
    "409": ("Conflict", "Not possible in the object's current state."),
    "415": ("Error", "The body is neither JSON, a form nor multipart."),
    "429": ("Error", "Too many requests: try again later."),
}
WORKFLOW_PATHS = ("/api/v1/submissions/", "/api/v1/assignments/", "/api/v1/metrics/")


def document_error_responses(
    result: dict[str, Any],
    generator: BaseSchemaGenerator,
    request: HttpRequest | None,
    public: bool,
) -> dict[str, Any]:
    """drf-spectacular hook: the error answers of DESIGN §10 on every operation they apply to."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(ERROR_SCHEMAS)
    for path, item in result.get("paths", {}).items():
        workflow = path.startswith(WORKFLOW_PATHS)
        for method, operation in item.items():
            if method not in ("get", "put", "patch", "post", "delete"):
                continue
            writes = method != "get"
            codes = ["401", "429"]
            if workflow:
                codes.append("403")
            if "{" in path or any(p["name"] == "page" for p in operation.get("parameters", [])):
                codes.append("404")
            if operation.get("parameters") or "requestBody" in operation:
                codes.append("400")
            if "requestBody" in operation:
                codes.append("415")
            if workflow and writes:
                codes.append("409")
            responses = operation.setdefault("responses", {})
            for code in codes:
                schema, description = ERROR_RESPONSES[code]
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{schema}"}
                            }
                        },
                    },
                )
    return result
