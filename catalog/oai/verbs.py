"""The six OAI-PMH verbs and the endpoint's answer to a request."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from django.conf import settings
from django.db.models import Min, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from lxml import etree

from .. import records
from ..models import STAGE_NAMES, Collection, LearnerLevel, Resource, ResourceType, Stage
from .arguments import (
    GRANULARITY,
    TOKEN_MAX_AGE,
    ListQuery,
    OAIError,
    argument,
    check_arguments,
    parse_bounds,
)
from .lom import LOM_SCHEMA, NS_LOM, lom
from .queries import PUBLIC_SETS, current_formats, harvestable, list_queryset, resource_for
from .xml import (
    NS_OAI_DC,
    NS_OAI_ID,
    NS_XSI,
    OAI_DC_SCHEMA,
    OAI_ID_SCHEMA,
    base_url,
    datestamp,
    dublin_core,
    envelope,
    header,
    oai,
    serialize,
    sub,
)


@dataclass(frozen=True)
class MetadataFormat:
    schema: str
    namespace: str
    write: Callable[[etree._Element, records.ResourceRecord, list[str]], etree._Element]


FORMATS = {  # metadataPrefix -> format; every record is disseminated in each
    "oai_dc": MetadataFormat(OAI_DC_SCHEMA, NS_OAI_DC, dublin_core),
    "lom": MetadataFormat(LOM_SCHEMA, NS_LOM, lom),
}
DOMAIN_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")


def identify(root: etree._Element, params: QueryDict, now: datetime) -> None:
    body = sub(root, oai("Identify"))
    earliest = harvestable().aggregate(first=Min("updated_at"))["first"]
    sub(body, oai("repositoryName"), settings.TOOLKIT_SITE_NAME)
    sub(body, oai("baseURL"), base_url())
    sub(body, oai("protocolVersion"), "2.0")
    sub(body, oai("adminEmail"), settings.TOOLKIT_OAI_ADMIN_EMAIL)
    sub(body, oai("earliestDatestamp"), datestamp(earliest) if earliest else "1970-01-01T00:00:00Z")
    sub(body, oai("deletedRecord"), "persistent")
    sub(body, oai("granularity"), GRANULARITY)
    host = records.site_host()
    if DOMAIN_RE.fullmatch(host):
        description = sub(body, oai("description"))
        ident = etree.SubElement(
            description, f"{{{NS_OAI_ID}}}oai-identifier", nsmap={None: NS_OAI_ID}
        )
        ident.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI_ID} {OAI_ID_SCHEMA}")
        sub(ident, f"{{{NS_OAI_ID}}}scheme", "oai")
        sub(ident, f"{{{NS_OAI_ID}}}repositoryIdentifier", host)
        sub(ident, f"{{{NS_OAI_ID}}}delimiter", ":")
        sub(
            ident, f"{{{NS_OAI_ID}}}sampleIdentifier", records.oai_identifier("a-teaching-resource")
        )


def list_metadata_formats(root: etree._Element, params: QueryDict, now: datetime) -> None:
    if "identifier" in params:
        resource_for(argument(params, "identifier"))
    body = sub(root, oai("ListMetadataFormats"))
    for prefix, metadata_format in FORMATS.items():
        fmt = sub(body, oai("metadataFormat"))
        sub(fmt, oai("metadataPrefix"), prefix)
        sub(fmt, oai("schema"), metadata_format.schema)
        sub(fmt, oai("metadataNamespace"), metadata_format.namespace)


def list_sets(root: etree._Element, params: QueryDict, now: datetime) -> None:
    if "resumptionToken" in params:
        raise OAIError("badResumptionToken", "ListSets is answered in one response.")
    body = sub(root, oai("ListSets"))

    def add(spec: str, name: str) -> None:
        element = sub(body, oai("set"))
        sub(element, oai("setSpec"), spec)
        sub(element, oai("setName"), name)

    add("level", "By learner level")
    for level in LearnerLevel.objects.all():
        add(f"level:{level.slug}", f"Learner level: {level.get_stage_display()} – {level.name}")
    add("stage", "By stage of the medical-education continuum")
    for stage in Stage:
        add(f"stage:{stage.value}", f"Stage: {stage.label} – {STAGE_NAMES[stage]}")
    add("type", "By resource type")
    for rtype in ResourceType.objects.all():
        add(f"type:{rtype.slug}", f"Resource type: {rtype.name}")
    add("collection", "By curated collection")
    for collection in Collection.objects.published():
        add(f"collection:{collection.slug}", f"Collection: {collection.title}")


def check_prefix(prefix: str) -> MetadataFormat:
    if prefix not in FORMATS:
        raise OAIError(
            "cannotDisseminateFormat", f"The formats disseminated are {', '.join(FORMATS)}."
        )
    return FORMATS[prefix]


def _list_query(params: QueryDict, now: datetime, verb: str) -> ListQuery:
    """The arguments of a list request: from its resumption token, or checked afresh."""
    if "resumptionToken" in params:
        return ListQuery.load(argument(params, "resumptionToken"), verb)
    if any(name in params and not params[name] for name in ("from", "until", "set")):
        raise OAIError("badArgument", "from, until and set must not be empty when given.")
    query = ListQuery(
        verb=verb,
        prefix=argument(params, "metadataPrefix"),
        from_=params.get("from", ""),
        until=params.get("until", ""),
        set=params.get("set", ""),
        started=now.isoformat(),
    )
    parse_bounds(query.from_, query.until)  # badArgument comes before the format
    check_prefix(query.prefix)
    return query


def _page(full: QuerySet, query: ListQuery, size: int) -> tuple[list[Resource], bool]:
    """The records after the token's position (at most `size`), and whether more follow."""
    page_qs = full
    if query.after:
        moment, pk = datetime.fromisoformat(query.after[0]), query.after[1]
        page_qs = full.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk))
    page_qs = page_qs.select_related("resource_type").prefetch_related("levels", PUBLIC_SETS)
    if query.verb == "ListRecords":
        page_qs = page_qs.select_related("language", "license").prefetch_related(
            "topics", "methods", "competencies"
        )
    page = list(page_qs[: size + 1])
    if not page:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    return page[:size], len(page) > size


def _record(
    body: etree._Element,
    resource: Resource,
    metadata_format: MetadataFormat,
    formats: list[str],
    vocab: records.Vocabularies | None = None,
) -> None:
    """A record: its header, and its metadata unless it is deleted (a retired resource)."""
    element = sub(body, oai("record"))
    header(element, resource)
    if not resource.is_retired:
        metadata = sub(element, oai("metadata"))
        metadata_format.write(metadata, records.build(resource, vocab=vocab), formats)


def _records(body: etree._Element, page: list[Resource], prefix: str) -> None:
    vocab = records.Vocabularies()
    formats = current_formats(page)
    for resource in page:
        _record(body, resource, FORMATS[prefix], formats[resource.pk], vocab)


def _resumption_token(
    body: etree._Element, query: ListQuery, page: list[Resource], more: bool, now: datetime
) -> None:
    """The list's size and position, with the token of the next page if one follows (the
    last page of a resumed list has an empty token)."""
    total = list_queryset(query).count()
    token = sub(body, oai("resumptionToken"), completeListSize=str(total), cursor=str(query.cursor))
    if more:
        last = page[-1]
        following = replace(
            query, after=(last.updated_at.isoformat(), last.pk), cursor=query.cursor + len(page)
        )
        token.text = following.dump()
        token.set("expirationDate", datestamp(now + TOKEN_MAX_AGE))


def list_items(root: etree._Element, params: QueryDict, now: datetime, verb: str) -> None:
    """ListIdentifiers and ListRecords: a page of the list, keyset-paged by token."""
    query = _list_query(params, now, verb)
    full = list_queryset(query)
    page, more = _page(full, query, max(1, int(settings.TOOLKIT_OAI_PAGE_SIZE)))
    body = sub(root, oai(verb))
    if verb == "ListRecords":
        _records(body, page, query.prefix)
    else:
        for resource in page:
            header(body, resource)
    if more or query.cursor:
        _resumption_token(body, query, page, more, now)


def get_record(root: etree._Element, params: QueryDict, now: datetime) -> None:
    metadata_format = check_prefix(argument(params, "metadataPrefix"))
    resource = resource_for(argument(params, "identifier"))
    body = sub(root, oai("GetRecord"))
    _record(body, resource, metadata_format, current_formats([resource])[resource.pk])


HANDLERS: dict[str, Callable[[etree._Element, QueryDict, datetime], None]] = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": partial(list_items, verb="ListIdentifiers"),
    "ListRecords": partial(list_items, verb="ListRecords"),
    "GetRecord": get_record,
}


def respond(params: QueryDict, now: datetime | None = None) -> bytes:
    """The OAI-PMH response document (UTF-8 XML) to the request arguments `params`."""
    now = now or timezone.now()
    try:
        verb = check_arguments(params)
    except OAIError as error:
        root = envelope(params, None, now)
        sub(root, oai("error"), error.message, code=error.code)
        return serialize(root)
    root = envelope(params, verb, now)
    try:
        HANDLERS[verb](root, params, now)
    except OAIError as error:
        echo_verb = None if error.code == "badArgument" else verb
        root = envelope(params, echo_verb, now, error=True)
        sub(root, oai("error"), error.message, code=error.code)
    return serialize(root)
