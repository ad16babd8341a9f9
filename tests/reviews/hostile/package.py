"""Zip surgery on Office packages: parts added, related and typed as Office would write them."""

import io
import itertools
import posixpath
import struct
import zipfile
import zlib

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS = "http://schemas.microsoft.com/office"
R = f'xmlns:r="{REL}"'
CT = "application/vnd.openxmlformats-officedocument"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels_name(source: str) -> str:
    folder, _, name = source.rpartition("/")
    return posixpath.join(folder, "_rels", f"{name}.rels")


class Package:
    """A package's members in order, edited as text, packed again with an optional comment."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.members = {info.filename: archive.read(info) for info in archive.infolist()}
        self.comment = b""
        self._ids = itertools.count(900)

    def put(self, name: str, body, content_type: str = "") -> None:
        self.members[name] = body.encode() if isinstance(body, str) else body
        if content_type:
            self.override(name, content_type)

    def insert(self, name: str, before: str, fragment: str) -> None:
        """Put `fragment` in front of the first `before` in a member."""
        text = self.members[name].decode()
        assert before in text, f"{before!r} not in {name}"
        self.members[name] = text.replace(before, fragment + before, 1).encode()

    def override(self, name: str, content_type: str) -> None:
        override = f'<Override PartName="/{name}" ContentType="{content_type}"/>'
        self.insert("[Content_Types].xml", "</Types>", override)

    def retype(self, name: str, content_type: str) -> None:
        """Change the content type a part's override gives."""
        types = self.members["[Content_Types].xml"].decode()
        start = types.index(f'PartName="/{name}" ContentType="') + len(f'PartName="/{name}" ')
        end = types.index('"', start + len('ContentType="'))
        self.members["[Content_Types].xml"] = (
            f'{types[:start]}ContentType="{content_type}{types[end:]}'.encode()
        )

    def default(self, extension: str, content_type: str) -> None:
        default = f'<Default Extension="{extension}" ContentType="{content_type}"/>'
        self.insert("[Content_Types].xml", "</Types>", default)

    def relate(self, source: str, rel_type: str, target: str, external=False) -> str:
        """Add a relationship from `source` ("" for the package); returns its id."""
        rid = f"rIdZx{next(self._ids)}"
        name = rels_name(source)
        if name not in self.members:
            self.members[name] = f'<Relationships xmlns="{_RELS}"></Relationships>'.encode()
        mode = ' TargetMode="External"' if external else ""
        relationship = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/>'
        self.insert(name, "</Relationships>", relationship)
        return rid

    def add(self, source, rel_type, name, body, content_type="", target="") -> str:
        """A new part, typed and related from `source`; returns the relationship id."""
        self.put(name, body, content_type)
        folder = posixpath.dirname(source)
        return self.relate(source, rel_type, target or posixpath.relpath(name, folder or "."))

    def pack(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.comment = self.comment
            for name, body in self.members.items():
                archive.writestr(name, body)
        return out.getvalue()


# --- Zip bombs, built without inflating anything ------------------------------------------------


def repeated_deflate(chunk: bytes, times: int) -> bytes:
    """A raw deflate stream of `chunk` repeated `times`, compressed once: a full flush resets
    the compressor, so every further copy compresses to the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return piece * times + compressor.flush()


def _bomb_headers(name: bytes, compressed: int, size: int, crc: int, offset: int):
    sizes = (crc, compressed, size, len(name))
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, *sizes, 0)
    central = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, offset
    )
    return local + name, central + name


def _crc(chunk: bytes, times: int) -> int:
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return crc


def zip_with_bombs(members: dict[str, bytes], bombs: dict[str, tuple[bytes, int]], crc=True):
    """A zip of `members` plus each bomb, a member that inflates to `chunk` × `times` bytes.
    The declared sizes are honest. Without `crc` the checksums are left at 0, which only a
    reader that gets to the end of a member notices: quicker, for bombs that must be refused."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, body in members.items():
            archive.writestr(member, body)
    head = out.getvalue()
    count, _, directory_at = struct.unpack_from("<HLL", head, len(head) - 12)
    body, directory = head[:directory_at], head[directory_at:-22]
    for name, (chunk, times) in bombs.items():
        compressed = repeated_deflate(chunk, times)
        checksum = _crc(chunk, times) if crc else 0
        local, central = _bomb_headers(
            name.encode(), len(compressed), len(chunk) * times, checksum, len(body)
        )
        body += local + compressed
        directory += central
    total = count + len(bombs)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, total, total, len(directory), len(body), 0)
    return body + directory + end
