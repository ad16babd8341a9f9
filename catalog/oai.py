"""OAI-PMH 2.0 data provider: the six verbs, oai_dc, sets, stateless resumption tokens.

Only published, non-retired resources exist for harvesters (deletedRecord "no"):
the product keeps unpublished and retired items out of every public channel.

- Identifiers: ``oai:<host of TOOLKIT_SITE_URL>:<slug>``.
- Datestamps: ``Resource.updated_at`` in UTC, seconds granularity.
- Sets: ``level``/``level:<slug>``, ``stage``/``stage:ume|gme|cpd``, ``type``/``type:<slug>``.
- Lists are ordered by (updated_at, pk) and paged by keyset. A resumption token is
  signed with ``django.core.signing`` and carries the original arguments, the
  position (last key and cursor) and the harvest's start time: records changed
  after the first page are left to the next incremental harvest, so a harvest
  sees every record of its list exactly once.
"""

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.core import signing
from django.db.models import F, Min, Q
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from . import records
from .models import STAGE_NAMES, LearnerLevel, Resource, ResourceFile, ResourceType, Stage

NS_OAI = "http://www.openarchives.org/OAI/2.0/"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_OAI_ID = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
OAI_ID_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
METADATA_PREFIX = "oai_dc"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
RESUMPTION_SALT = "catalog.oai.resumption-token"
TOKEN_MAX_AGE = timedelta(days=1)
ERROR_ECHO_CHARS = 40  # of an argument echoed in an error answer

DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
DOMAIN_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")

_SPEC_CHARS = r"[A-Za-z0-9\-_.!~*'()]+"
ECHO_PATTERNS = {  # the XML schema types of the <request> attributes that have one
    "metadataPrefix": re.compile(_SPEC_CHARS),
    "set": re.compile(rf"{_SPEC_CHARS}(:{_SPEC_CHARS})*"),
    "from": re.compile(rf"{DAY_RE.pattern}|{SECOND_RE.pattern}"),
    "until": re.compile(rf"{DAY_RE.pattern}|{SECOND_RE.pattern}"),
}
# verb → (required arguments, optional arguments, accepts a resumptionToken)
VERBS = {
    "Identify": ((), (), False),
    "ListMetadataFormats": ((), ("identifier",), False),
    "ListSets": ((), (), True),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), True),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), True),
    "GetRecord": (("identifier", "metadataPrefix"), (), False),
}

DCMI_TYPES = {  # DCMI Type Vocabulary term of each resource type (default Text)
    "video": "MovingImage",
    "podcast": "Sound",
    "simulation": "InteractiveResource",
    "collection": "Collection",
}


class OAIError(Exception):
    """An OAI-PMH error condition: `code` is the protocol's error code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def base_url() -> str:
    return records.absolute(reverse("catalog:oai"))


def admin_email() -> str:
    """TOOLKIT_OAI_ADMIN_EMAIL if set, else the first of ADMINS, else DEFAULT_FROM_EMAIL."""
    configured = getattr(settings, "TOOLKIT_OAI_ADMIN_EMAIL", "")
    admins = [address for _, address in getattr(settings, "ADMINS", [])]
    candidates = [configured, *admins, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]
    return next((c for c in candidates if c and "@" in c), "webmaster@localhost")


# --- Arguments ------------------------------------------------------------------


@dataclass
class ListQuery:
    """The arguments of a list request, as carried from page to page by the token."""

    verb: str
    prefix: str
    from_: str = ""
    until: str = ""
    set: str = ""
    started: str = ""  # ISO time of the first page: later changes wait for the next harvest
    after: tuple | None = None  # (updated_at ISO, pk) of the last record delivered
    cursor: int = 0

    def dump(self) -> str:
        payload = {
            "v": self.verb,
            "p": self.prefix,
            "f": self.from_,
            "u": self.until,
            "s": self.set,
            "t": self.started,
            "a": list(self.after) if self.after else None,
            "c": self.cursor,
        }
        return signing.dumps(payload, salt=RESUMPTION_SALT, compress=True)

    @classmethod
    def load(cls, token: str, verb: str) -> "ListQuery":
        try:
            payload = signing.loads(
                token, salt=RESUMPTION_SALT, max_age=TOKEN_MAX_AGE.total_seconds()
            )
            query = cls(
                verb=payload["v"],
                prefix=payload["p"],
                from_=payload["f"],
                until=payload["u"],
                set=payload["s"],
                started=payload["t"],
                after=(str(payload["a"][0]), int(payload["a"][1])) if payload["a"] else None,
                cursor=int(payload["c"]),
            )
            if query.verb != verb:
                raise ValueError("a token of another verb")
            datetime.fromisoformat(query.started)
            if query.after:
                datetime.fromisoformat(query.after[0])
            parse_bounds(query.from_, query.until)
        except signing.SignatureExpired as exc:
            raise OAIError("badResumptionToken", "The resumptionToken has expired.") from exc
        except (signing.BadSignature, OAIError, KeyError, TypeError, ValueError, IndexError) as exc:
            raise OAIError("badResumptionToken", "The resumptionToken is invalid.") from exc
        return query


def check_arguments(params) -> str:
    """The verb, once the arguments are legal for it; raises badVerb or badArgument."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if not verbs:
            raise OAIError("badVerb", "The verb argument is missing.")
        if len(verbs) > 1:
            raise OAIError("badVerb", "The verb argument is repeated.")
        raise OAIError("badVerb", "Illegal OAI verb.")
    verb = verbs[0]
    required, optional, resumable = VERBS[verb]
    allowed = {"verb", *required, *optional} | ({"resumptionToken"} if resumable else set())
    for key in params:
        if key not in allowed:
            name = records.xml_text(key)[:50]
            raise OAIError("badArgument", f"Illegal argument for {verb}: {name}.")
        if len(params.getlist(key)) > 1:
            raise OAIError("badArgument", f"The argument {key} is repeated.")
    if "resumptionToken" in params:
        if set(params) - {"verb", "resumptionToken"}:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
    else:
        missing = [name for name in required if name not in params]
        if missing:
            raise OAIError("badArgument", f"Missing required argument: {', '.join(missing)}.")
    return verb


def parse_bounds(from_: str, until: str) -> tuple[datetime | None, datetime | None]:
    """(inclusive lower, exclusive upper) bounds of `from`/`until`, validated."""

    def parse(value, name):
        try:
            if DAY_RE.fullmatch(value):
                return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
            if SECOND_RE.fullmatch(value):
                moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
                return moment.replace(tzinfo=UTC), "second"
        except ValueError:
            pass
        raise OAIError("badArgument", f"{name} must be a UTC date: YYYY-MM-DD or {GRANULARITY}.")

    lower, lower_grain = parse(from_, "from") if from_ else (None, None)
    upper, upper_grain = parse(until, "until") if until else (None, None)
    if lower_grain and upper_grain and lower_grain != upper_grain:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if lower and upper and lower > upper:
        raise OAIError("badArgument", "from must not be later than until.")
    if upper is not None:
        step = timedelta(days=1) if upper_grain == "day" else timedelta(seconds=1)
        try:
            upper = upper + step
        except OverflowError:
            upper = None
    return lower, upper


# --- Queries ----------------------------------------------------------------------


def set_filter(spec: str) -> Q | None:
    """The filter of a setSpec; None when no such set exists."""
    family, _, value = spec.partition(":")
    if "\x00" in value:  # no set has one, and PostgreSQL cannot compare text with it
        return None
    if not value:
        return Q() if family in {"level", "stage", "type"} else None
    through = Resource.levels.through.objects
    if family == "level":
        return Q(pk__in=through.filter(learnerlevel__slug=value).values("resource_id"))
    if family == "stage" and value in Stage.values:
        return Q(pk__in=through.filter(learnerlevel__stage=value).values("resource_id"))
    if family == "type":
        return Q(resource_type__slug=value)
    return None


def harvestable():
    return Resource.objects.published().defer("attachment_text")


def list_queryset(query: ListQuery):
    """Every record of the list (without the position), ordered by (updated_at, pk)."""
    lower, upper = parse_bounds(query.from_, query.until)
    qs = harvestable().filter(updated_at__lte=datetime.fromisoformat(query.started))
    if lower:
        qs = qs.filter(updated_at__gte=lower)
    if upper:
        qs = qs.filter(updated_at__lt=upper)
    if query.set:
        condition = set_filter(query.set)
        if condition is None:
            return qs.none()
        qs = qs.filter(condition)
    return qs.order_by("updated_at", "pk")


def set_specs(resource: Resource) -> list[str]:
    levels = list(resource.levels.all())
    stages = [s for s in Stage.values if any(lv.stage == s for lv in levels)]
    return (
        [f"level:{lv.slug}" for lv in levels]
        + [f"stage:{s}" for s in stages]
        + [f"type:{resource.resource_type.slug}"]
    )


def current_formats(resources) -> dict[int, list[str]]:
    """MIME types of the files of each resource's current version: one query."""
    formats: dict[int, list[str]] = {r.pk: [] for r in resources}
    rows = (
        ResourceFile.objects.filter(
            version__resource__in=[r.pk for r in resources],
            version__number=F("version__resource__version"),
        )
        .exclude(content_type="")
        .values_list("version__resource_id", "content_type")
        .order_by("version__resource_id", "position")
    )
    for resource_id, content_type in rows:
        if content_type not in formats[resource_id]:
            formats[resource_id].append(content_type)
    return formats


# --- XML --------------------------------------------------------------------------


def echoable(name: str, value: str) -> bool:
    """Whether an argument may be echoed in <request>: only values valid for the schema."""
    pattern = ECHO_PATTERNS.get(name)
    return pattern is None or bool(pattern.fullmatch(value))


def echoed(params, *, error: bool) -> dict:
    """The <request> attributes; an error echoes no long value whole (a bad token, say).

    A long free-text value (resumptionToken, identifier) is cut to ERROR_ECHO_CHARS and
    "…"; a long patterned one (set, metadataPrefix) is left out, keeping the schema valid.
    """
    attrs = {}
    for key in params:
        value = params.get(key)
        if not echoable(key, value):
            continue
        if error and len(value) > ERROR_ECHO_CHARS:
            if key in ECHO_PATTERNS:
                continue
            value = f"{value[:ERROR_ECHO_CHARS]}…"
        attrs[key] = value
    return attrs


def _oai(tag: str) -> str:
    return f"{{{NS_OAI}}}{tag}"


def sub(parent, tag: str, text=None, **attrs):
    element = etree.SubElement(parent, tag, {k: records.xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = records.xml_text(text)
    return element


def envelope(params, verb: str | None, now: datetime, *, error: bool = False):
    root = etree.Element(_oai("OAI-PMH"), nsmap={None: NS_OAI, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI} {OAI_SCHEMA}")
    sub(root, _oai("responseDate"), datestamp(now))
    # badVerb and badArgument answers echo the base URL only
    attrs = echoed(params, error=error) if verb else {}
    sub(root, _oai("request"), base_url(), **attrs)
    return root


def header(parent, resource: Resource):
    element = sub(parent, _oai("header"))
    sub(element, _oai("identifier"), records.oai_identifier(resource.slug))
    sub(element, _oai("datestamp"), datestamp(resource.updated_at))
    for spec in set_specs(resource):
        sub(element, _oai("setSpec"), spec)
    return element


def dublin_core(parent, record: records.ResourceRecord, formats: list[str]):
    """oai_dc of a record: the Dublin Core elements harvesters expect of a learning object."""
    dc = etree.SubElement(
        parent,
        f"{{{NS_OAI_DC}}}dc",
        nsmap={"oai_dc": NS_OAI_DC, "dc": NS_DC, "xsi": NS_XSI},
    )
    dc.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_OAI_DC} {OAI_DC_SCHEMA}")

    def put(name, value):
        if value:
            sub(dc, f"{{{NS_DC}}}{name}", value)

    put("title", record.title)
    for author in record.authors:
        put("creator", author.inverted)
    for subject in record.subjects + [lv.name for lv in record.levels]:
        put("subject", subject)
    put("description", record.summary_text)
    put("publisher", settings.TOOLKIT_SITE_NAME)
    put("date", record.published_at.date().isoformat())
    put("type", DCMI_TYPES.get(record.resource_type.slug, "Text"))
    put("type", record.resource_type.name)
    put("format", "text/html")
    for content_type in formats:
        put("format", content_type)
    put("identifier", record.resource_url)
    put("language", record.language.slug)
    put("rights", record.license.url or record.license.name)
    return dc


# --- Verbs ------------------------------------------------------------------------


def identify(root, params, now):
    body = sub(root, _oai("Identify"))
    earliest = harvestable().aggregate(first=Min("updated_at"))["first"]
    sub(body, _oai("repositoryName"), settings.TOOLKIT_SITE_NAME)
    sub(body, _oai("baseURL"), base_url())
    sub(body, _oai("protocolVersion"), "2.0")
    sub(body, _oai("adminEmail"), admin_email())
    sub(
        body, _oai("earliestDatestamp"), datestamp(earliest) if earliest else "1970-01-01T00:00:00Z"
    )
    sub(body, _oai("deletedRecord"), "no")
    sub(body, _oai("granularity"), GRANULARITY)
    host = records.site_host()
    if DOMAIN_RE.fullmatch(host):
        description = sub(body, _oai("description"))
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


def resource_for(identifier: str) -> Resource:
    prefix = f"oai:{records.site_host()}:"
    slug = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
    # No slug has a NUL character, and PostgreSQL cannot compare text with one.
    resource = harvestable().filter(slug=slug).first() if slug and "\x00" not in slug else None
    if resource is None:
        raise OAIError("idDoesNotExist", "No record has this identifier.")
    return resource


def list_metadata_formats(root, params, now):
    if "identifier" in params:
        resource_for(params["identifier"])
    body = sub(root, _oai("ListMetadataFormats"))
    fmt = sub(body, _oai("metadataFormat"))
    sub(fmt, _oai("metadataPrefix"), METADATA_PREFIX)
    sub(fmt, _oai("schema"), OAI_DC_SCHEMA)
    sub(fmt, _oai("metadataNamespace"), NS_OAI_DC)


def list_sets(root, params, now):
    if "resumptionToken" in params:
        raise OAIError("badResumptionToken", "ListSets is answered in one response.")
    body = sub(root, _oai("ListSets"))

    def add(spec, name):
        element = sub(body, _oai("set"))
        sub(element, _oai("setSpec"), spec)
        sub(element, _oai("setName"), name)

    add("level", "By learner level")
    for level in LearnerLevel.objects.all():
        add(f"level:{level.slug}", f"Learner level: {level.get_stage_display()} – {level.name}")
    add("stage", "By stage of the medical-education continuum")
    for stage in Stage:
        add(f"stage:{stage.value}", f"Stage: {stage.label} – {STAGE_NAMES[stage]}")
    add("type", "By resource type")
    for rtype in ResourceType.objects.all():
        add(f"type:{rtype.slug}", f"Resource type: {rtype.name}")


def check_prefix(prefix: str):
    if prefix != METADATA_PREFIX:
        raise OAIError("cannotDisseminateFormat", f"Only {METADATA_PREFIX} is disseminated.")


def list_items(root, params, now, verb):
    if "resumptionToken" in params:
        query = ListQuery.load(params["resumptionToken"], verb)
    else:
        if any(name in params and not params[name] for name in ("from", "until", "set")):
            raise OAIError("badArgument", "from, until and set must not be empty when given.")
        query = ListQuery(
            verb=verb,
            prefix=params["metadataPrefix"],
            from_=params.get("from", ""),
            until=params.get("until", ""),
            set=params.get("set", ""),
            started=now.isoformat(),
        )
        parse_bounds(query.from_, query.until)  # badArgument comes before the format
        check_prefix(query.prefix)
    full = list_queryset(query)
    page_qs = full
    if query.after:
        moment, pk = datetime.fromisoformat(query.after[0]), query.after[1]
        page_qs = full.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk))
    size = max(1, int(settings.TOOLKIT_OAI_PAGE_SIZE))
    page_qs = page_qs.select_related("resource_type").prefetch_related("levels")
    if verb == "ListRecords":
        page_qs = page_qs.select_related("language", "license").prefetch_related(
            "topics", "methods"
        )
    page = list(page_qs[: size + 1])
    if not page:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    more, page = len(page) > size, page[:size]

    body = sub(root, _oai(verb))
    if verb == "ListRecords":
        vocab = records.Vocabularies()
        formats = current_formats(page)
        for resource in page:
            element = sub(body, _oai("record"))
            header(element, resource)
            metadata = sub(element, _oai("metadata"))
            dublin_core(metadata, records.build(resource, vocab=vocab), formats[resource.pk])
    else:
        for resource in page:
            header(body, resource)

    if more or query.cursor:
        total = full.count()
        token = sub(
            body, _oai("resumptionToken"), completeListSize=str(total), cursor=str(query.cursor)
        )
        if more:
            last = page[-1]
            following = replace(
                query,
                after=(last.updated_at.isoformat(), last.pk),
                cursor=query.cursor + len(page),
            )
            token.text = following.dump()
            token.set("expirationDate", datestamp(now + TOKEN_MAX_AGE))


def get_record(root, params, now):
    check_prefix(params["metadataPrefix"])
    resource = resource_for(params["identifier"])
    body = sub(root, _oai("GetRecord"))
    element = sub(body, _oai("record"))
    header(element, resource)
    metadata = sub(element, _oai("metadata"))
    dublin_core(metadata, records.build(resource), current_formats([resource])[resource.pk])


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": partial(list_items, verb="ListIdentifiers"),
    "ListRecords": partial(list_items, verb="ListRecords"),
    "GetRecord": get_record,
}


def respond(params, now: datetime | None = None) -> bytes:
    """The OAI-PMH response document (UTF-8 XML) to the request arguments `params`."""
    now = now or timezone.now()
    try:
        verb = check_arguments(params)
    except OAIError as error:
        root = envelope(params, None, now)
        sub(root, _oai("error"), error.message, code=error.code)
        return serialize(root)
    root = envelope(params, verb, now)
    try:
        HANDLERS[verb](root, params, now)
    except OAIError as error:
        echo_verb = None if error.code == "badArgument" else verb
        root = envelope(params, echo_verb, now, error=True)
        sub(root, _oai("error"), error.message, code=error.code)
    return serialize(root)


def serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
