"""The canary identity planted in every hiding place, and a scanner that finds every trace of it.

A trace is the canary's surname, first name, username or ORCID in any readable form of a file:
its raw bytes, every zip member (recursively, embedded packages included), a PDF with every
stream decoded and every string object, in UTF-8, UTF-16LE and UTF-16BE, ignoring case.
"""

import io
import zipfile

import pikepdf

NAME = "Zebedee Xanthos"
EMAIL = "zebedee.xanthos@canary-lab.example"
USERNAME = "zxanthos"
ORCID = "0000-0003-1415-9265"
HOME = "C:\\Users\\zxanthos\\Documents"
TEMPLATE = f"{HOME}\\Custom Office Templates\\Thesis.dotm"
REMOTE = "https://templates.canary-lab.example/zxanthos/thesis.dotm"
# The surname is in the name, the e-mail, the username and the home folder.
NEEDLES = ("xanthos", "zebedee", ORCID)
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _found(where: str, body: bytes) -> list[str]:
    lowered = body.lower()
    return [
        f"{where}: {needle} ({encoding})"
        for needle in NEEDLES
        for encoding in _ENCODINGS
        if needle.encode(encoding) in lowered
    ]


def _pdf_forms(data: bytes) -> dict[str, bytes]:
    """A PDF with every stream decoded and no object streams, and all its strings as text."""
    out = io.BytesIO()
    strings = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            strings += _pdf_strings(obj)
        pdf.save(
            out,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.all,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return {"decoded PDF": out.getvalue(), "PDF strings": "\n".join(strings).encode()}


def _pdf_strings(value, depth: int = 0) -> list[str]:
    """Strings and names in an object and its direct children (indirect ones come on their own)."""
    if depth > 12 or (depth and isinstance(value, pikepdf.Object) and value.is_indirect):
        return []
    if isinstance(value, pikepdf.String):
        return [str(value)]
    if isinstance(value, pikepdf.Name):
        return [str(value)]
    if isinstance(value, pikepdf.Dictionary | pikepdf.Stream):
        pairs = [(pikepdf.Name(key), item) for key, item in value.items()]
        return [text for pair in pairs for item in pair for text in _pdf_strings(item, depth + 1)]
    if isinstance(value, pikepdf.Array):
        return [text for item in value for text in _pdf_strings(item, depth + 1)]
    return []


def _zip_forms(data: bytes, prefix: str) -> dict[str, bytes]:
    forms = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        forms[f"{prefix}zip comment"] = archive.comment
        for info in archive.infolist():
            body = archive.read(info)
            forms[f"{prefix}{info.filename}"] = body
            forms |= readable_forms(body, f"{prefix}{info.filename} › ")
    return forms


def readable_forms(data: bytes, prefix: str = "") -> dict[str, bytes]:
    """Every form in which a leftover string could be read, by place."""
    forms = {}
    if data.startswith(b"PK"):
        forms |= _zip_forms(data, prefix)
    if data.startswith(b"%PDF"):
        forms |= {f"{prefix}{where}": body for where, body in _pdf_forms(data).items()}
    return forms


def traces(data: bytes) -> list[str]:
    """Every trace of the canary in the file, as "place: needle (encoding)"."""
    found = _found("raw bytes", data)
    for where, body in readable_forms(data).items():
        found += _found(where, body)
    return found
