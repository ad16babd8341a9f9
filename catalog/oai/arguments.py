"""OAI-PMH arguments: which are legal for a verb, from/until bounds, resumption tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from django.core import signing
from django.http import QueryDict

from .. import records

RESUMPTION_SALT = "catalog.oai.resumption-token"
TOKEN_MAX_AGE = timedelta(days=1)
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
SECOND_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")

# verb → (required arguments, optional arguments, accepts a resumptionToken)
VERBS = {
    "Identify": ((), (), False),
    "ListMetadataFormats": ((), ("identifier",), False),
    "ListSets": ((), (), True),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), True),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), True),
    "GetRecord": (("identifier", "metadataPrefix"), (), False),
}


class OAIError(Exception):
    """An OAI-PMH error condition: `code` is the protocol's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


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
    def load(cls, token: str, verb: str) -> ListQuery:
        try:
            payload = signing.loads(token, salt=RESUMPTION_SALT, max_age=TOKEN_MAX_AGE)
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


def check_arguments(params: QueryDict) -> str:
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

    def parse(value: str, name: str) -> tuple[datetime, str]:
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


def argument(params: QueryDict, name: str) -> str:
    """The value of argument `name`, as `params[name]` gives it.

    QueryDict's stubs allow a list (for a key whose list is empty), which a request's own
    QueryDict never has: every key of a parsed query string holds at least one value.
    """
    return cast(str, params[name])
