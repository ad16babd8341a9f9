"""What editors are told of author identities left in a version (DESIGN §7): each place
that still names an author, and whether reviewers get it redacted or as written.

What a viewer may see is decided in reviews.anonymity; this is the editors' report of what
its redaction cannot remove (a file's body text, a link's address) and what it does.
"""

from __future__ import annotations

from . import identity
from .anonymity import REDACTED_FOR_REVIEWERS, Identities, Viewer
from .models import Submission


def identity_flags(submission: Submission, viewer: Viewer | None = None) -> list[dict]:
    """For editors: where the current version names an author ({where, term, redacted}).

    `redacted` says whether reviewers get it removed (metadata text, file labels, file
    properties) or as written (a file's body text, a link's address), which only the
    authors can change. File text is searched again for today's authors.
    """
    version = submission.current_version
    if version is None:
        return []
    terms = (viewer.identities if viewer else Identities(submission)).authors
    data = version.metadata or submission.snapshot()
    places = [(name.replace("_", " "), data.get(name), True) for name in REDACTED_FOR_REVIEWERS]
    stored = []
    for item in version.files.all():
        place = item.label or item.original_name or item.url
        places += [
            (f"{place} (label)", item.label, True),
            (f"{place} (address)", item.url, False),
            (f"{place} (text)", item.extracted_text, False),
        ]
        stored += [
            _flag(f"{place} ({f['where']})", f["term"], f.get("redacted", f["where"] == "metadata"))
            for f in item.identity_flags
        ]
    flags = [
        _flag(where, term, redacted)
        for where, text, redacted in places
        for term in identity.find_identities(text or "", terms)
    ]
    return list({(f["where"], f["term"]): f for f in [*flags, *stored]}.values())


def _flag(where: str, term: str, redacted: bool) -> dict:
    return {"where": where, "term": term, "redacted": redacted}
