"""Sending pending DOI deposits to the registration agency (`manage.py deposit_dois`).

DataCite (the default): its REST API, `PUT <endpoint>/dois/<doi>` with a JSON:API body
whose `xml` is the base64 of the DataCite 4.5 XML and `event: publish` (creates the DOI or
updates it: sending twice does no harm), basic auth with the repository ID and password.
A version's deposit is its DOI then the concept DOI (the newest version's metadata).
Crossref: one POST (multipart, `operation=doMDUpload`) of the version's `doi_batch`.

A 2xx is success; 408, 429, 5xx and network errors are tried again (up to
TOOLKIT_DOI_ATTEMPTS in a run, waiting TOOLKIT_DOI_BACKOFF_SECONDS, doubling); other 4xx
are refused for good (status "failed", `--retry-failed` sends them again). Each outcome is
recorded on the version under a row lock; a success makes the DOIs public.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import records
from ..citations import version_url
from ..models import DoiStatus, Resource, ResourceVersion
from . import crossref, datacite

logger = logging.getLogger(__name__)
ERROR_CHARS = 2000


class DepositError(Exception):
    """A deposit the agency did not take; `transient` ones are tried again."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: bytes
    content_type: str


def _auth() -> dict[str, str]:
    if not settings.TOOLKIT_DOI_USERNAME:
        return {}
    pair = f"{settings.TOOLKIT_DOI_USERNAME}:{settings.TOOLKIT_DOI_PASSWORD}".encode()
    return {"Authorization": f"Basic {base64.b64encode(pair).decode()}"}


def send(request: Request) -> None:
    """One HTTP request; DepositError unless the answer is a 2xx."""
    if not request.url.startswith(("https://", "http://")):
        raise DepositError(f"Not an http(s) address: {request.url}", transient=False)
    http = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
        request.url,
        data=request.body,
        method=request.method,
        headers={"Content-Type": request.content_type, "Accept": "*/*", **_auth()},
    )
    try:
        timeout = settings.TOOLKIT_DOI_TIMEOUT_SECONDS
        with urllib.request.urlopen(http, timeout=timeout) as answer:  # noqa: S310
            answer.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(ERROR_CHARS).decode("utf-8", "replace").strip()
        transient = exc.code in (408, 429) or exc.code >= 500
        message = f"HTTP {exc.code} from {request.url}: {detail}"
        raise DepositError(message, transient=transient) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise DepositError(f"{request.url}: {exc}", transient=True) from exc


def _datacite_put(record: records.ResourceRecord, doi: str, url: str, data: dict) -> Request:
    body = {
        "data": {
            "id": doi,
            "type": "dois",
            "attributes": {
                "doi": doi,
                "event": "publish",
                "url": url,
                "xml": base64.b64encode(datacite.xml(data).encode()).decode(),
            },
        }
    }
    return Request(
        "PUT",
        f"{settings.TOOLKIT_DOI_ENDPOINT}/dois/{doi}",
        json.dumps(body).encode(),
        "application/vnd.api+json",
    )


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> Request:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: application/xml\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return Request(
        "POST", settings.TOOLKIT_DOI_ENDPOINT, body, f"multipart/form-data; boundary={boundary}"
    )


def requests_for(version: ResourceVersion) -> list[Request]:
    """What depositing `version` sends, in order (built before any is sent)."""
    resource = version.resource
    vocab = records.Vocabularies()
    record = records.build(resource, version, vocab=vocab)
    current = records.build(resource, vocab=vocab)
    concept = resource.doi
    if settings.TOOLKIT_DOI_AGENCY == "crossref":
        xml = crossref.deposit(record, version.doi, concept, current=current)
        fields = {
            "operation": "doMDUpload",
            "login_id": settings.TOOLKIT_DOI_USERNAME,
            "login_passwd": settings.TOOLKIT_DOI_PASSWORD,
        }
        return [
            _multipart(
                fields, "fname", f"{crossref.batch_id(version.doi, timezone.now())}.xml", xml
            )
        ]
    numbers = resource.versions.filter(doi_status=DoiStatus.DEPOSITED).values_list(
        "number", flat=True
    )
    versions = tuple(sorted({f"{concept}.v{n}" for n in [*numbers, version.number]}))
    return [
        _datacite_put(
            record,
            version.doi,
            version_url(record),
            datacite.metadata(record, version.doi, concept=concept),
        ),
        _datacite_put(
            current,
            concept,
            current.resource_url,
            datacite.metadata(current, concept, versions=versions),
        ),
    ]


def _record(version_id: int, tries: int, error: str, status: str) -> ResourceVersion | None:
    """The outcome, under a row lock; a success makes the version's DOI (and, for the
    current version, the resource's) public and moves the resource's datestamp."""
    with transaction.atomic():
        version = ResourceVersion.objects.select_for_update().filter(pk=version_id).first()
        if version is None or version.doi_status != DoiStatus.PENDING:
            return version  # deleted, or recorded by another run meanwhile
        now = timezone.now()
        version.doi_attempts += tries
        version.doi_status = status
        version.doi_last_error = error[:ERROR_CHARS]
        if status == DoiStatus.DEPOSITED:
            version.doi_deposited_at = now
        version.save(
            update_fields=["doi_attempts", "doi_status", "doi_last_error", "doi_deposited_at"]
        )
        if status == DoiStatus.DEPOSITED:
            resource = Resource.objects.select_for_update().get(pk=version.resource_id)
            resource.doi_deposited_at = resource.doi_deposited_at or now
            if version.number == resource.version:
                resource.version_doi = version.doi
            # updated_at moves: harvesters and the page cache see the DOI.
            resource.save(update_fields=["doi_deposited_at", "version_doi", "updated_at"])
        logger.info("DOI %s: %s after %s tries. %s", version.doi, status, tries, error)
        return version


def deposit(
    version: ResourceVersion, *, sleep: Callable[[float], None] = time.sleep
) -> ResourceVersion | None:
    """Send one version's deposit, trying again with backoff; record the outcome."""
    try:
        pending = requests_for(version)
    except datacite.InvalidMetadata as exc:
        return _record(version.pk, 0, f"Invalid DataCite metadata: {exc}", DoiStatus.FAILED)
    tries, wait = 0, float(settings.TOOLKIT_DOI_BACKOFF_SECONDS)
    while pending:
        tries += 1
        try:
            send(pending[0])
            pending.pop(0)
        except DepositError as exc:
            if not exc.transient:
                return _record(version.pk, tries, str(exc), DoiStatus.FAILED)
            if tries >= settings.TOOLKIT_DOI_ATTEMPTS:
                return _record(version.pk, tries, str(exc), DoiStatus.PENDING)
            sleep(wait)
            wait *= 2
    return _record(version.pk, tries, "", DoiStatus.DEPOSITED)


def requeue_failed() -> int:
    """Put refused deposits back in the queue (after fixing what the agency refused)."""
    return ResourceVersion.objects.filter(doi_status=DoiStatus.FAILED).update(
        doi_status=DoiStatus.PENDING
    )


def pending() -> Iterable[ResourceVersion]:
    return (
        ResourceVersion.objects.filter(doi_status=DoiStatus.PENDING)
        .exclude(doi="")
        .select_related("resource")
        .order_by("pk")
    )
