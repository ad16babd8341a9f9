"""Demo attachments built from a resource's own text: PDF, DOCX and PPTX (DESIGN §12).

The files are real documents whose text the extractors read back (pypdf,
python-docx, python-pptx), so search, sanitizing and downloads behave as they
would with an upload. None of them carries author metadata.
"""

import io
import re
import unicodedata

import pikepdf
from django.utils.text import slugify
from docx import Document
from pptx import Presentation
from pptx.util import Pt

# --- Section headings, in the resource's language ------------------------------------------

HEADINGS = {
    "en": {
        "objectives": "Learning objectives",
        "materials": "Materials",
        "notes": "Facilitator notes",
        "summary": "Summary",
        "description": "Background and content",
    },
    "es": {
        "objectives": "Objetivos de aprendizaje",
        "materials": "Materiales",
        "notes": "Notas para facilitadores",
        "summary": "Resumen",
        "description": "Antecedentes y contenido",
    },
    "fr": {
        "objectives": "Objectifs d’apprentissage",
        "materials": "Matériel",
        "notes": "Notes pour l’animateur",
        "summary": "Résumé",
        "description": "Contexte et contenu",
    },
    "pt": {
        "objectives": "Objetivos de aprendizagem",
        "materials": "Materiais",
        "notes": "Notas para facilitadores",
        "summary": "Resumo",
        "description": "Contexto e conteúdo",
    },
}

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "pptx": "pptx"}

# --- A very small Markdown reader: enough for the demo prose --------------------------------

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1 (\2)", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    return text.replace("`", "").strip()


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """Split Markdown into (kind, text) blocks: "p", "bullet", "heading"; numbers are kept."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("p", _inline(" ".join(paragraph))))
            paragraph.clear()

    for line in (text or "").splitlines():
        if not line.strip():
            flush()
            continue
        if match := _HEADING.match(line):
            flush()
            blocks.append(("heading", _inline(match.group(1))))
        elif match := _BULLET.match(line):
            flush()
            blocks.append(("bullet", _inline(match.group(1))))
        elif match := _NUMBERED.match(line):
            flush()
            blocks.append(("bullet", f"{match.group(1)}. {_inline(match.group(2))}"))
        elif blocks and blocks[-1][0] == "bullet" and not paragraph and line.startswith("  "):
            kind, previous = blocks.pop()
            blocks.append((kind, f"{previous} {_inline(line)}"))
        else:
            paragraph.append(line.strip())
    flush()
    return blocks


# --- PDF ----------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
MARGIN = 56.0

# Helvetica advance widths (1/1000 em) for printable ASCII, from the standard AFM metrics.
_HELVETICA_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 "
    "556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 "
    "1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 "
    "667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 "
    "333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 "
    "556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_HELVETICA = {chr(32 + i): int(w) for i, w in enumerate(_HELVETICA_WIDTHS.split())}

# Characters outside WinAnsiEncoding (cp1252) that the demo prose uses.
_FALLBACKS = {
    "≤": "<=",
    "≥": ">=",
    "→": "->",
    "←": "<-",
    "✓": "x",
    "≈": "~",
    "−": "-",
    "\u2009": " ",
    "\u202f": " ",
    "\u00a0": " ",
}


def _winansi(text: str) -> bytes:
    for char, replacement in _FALLBACKS.items():
        text = text.replace(char, replacement)
    return text.encode("cp1252", errors="replace")


def _width(text: str, size: float, bold: bool = False) -> float:
    units = 0
    for char in text:
        if ord(char) > 126:  # an accented letter is as wide as its base letter
            char = unicodedata.normalize("NFKD", char)[:1] if char.isalpha() else "o"
        units += _HELVETICA.get(char, 556)
    return units * size / 1000 * (1.06 if bold else 1.0)


def _wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _to_unicode_cmap() -> bytes:
    """A ToUnicode CMap for WinAnsiEncoding (cp1252): a reader maps each code to its character
    from the file itself, not from its own idea of the encoding ("2\x963" read as "2–3")."""
    pairs = []
    for code in range(0x20, 0x100):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # the five codes cp1252 leaves unused
            continue
        pairs.append(b"<%02X> <%04X>" % (code, ord(char)))
    blocks = [pairs[i : i + 100] for i in range(0, len(pairs), 100)]  # at most 100 a block
    mappings = b"\n".join(
        b"%d beginbfchar\n%s\nendbfchar" % (len(block), b"\n".join(block)) for block in blocks
    )
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <00> <FF> endcodespacerange",
            mappings,
            b"endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )


def _escape(data: bytes) -> bytes:
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class _PdfWriter:
    """Lays out lines top to bottom, starting a new page when one is full."""

    def __init__(self) -> None:
        self.pages: list[list[bytes]] = [[]]
        self.y = PAGE_HEIGHT - MARGIN

    def space(self, points: float) -> None:
        self.y -= points

    def line(self, text: str, size: float, bold: bool = False, indent: float = 0.0) -> None:
        leading = size * 1.35
        if self.y - leading < MARGIN:
            self.pages.append([])
            self.y = PAGE_HEIGHT - MARGIN
        self.y -= leading
        font = b"/F2" if bold else b"/F1"
        self.pages[-1].append(
            b"BT %s %.1f Tf %.2f %.2f Td (%s) Tj ET"
            % (font, size, MARGIN + indent, self.y, _escape(_winansi(text)))
        )

    def paragraph(self, text: str, size: float, bold: bool = False, indent: float = 0.0) -> None:
        width = PAGE_WIDTH - 2 * MARGIN - indent
        for line in _wrap(text, size, width, bold):
            self.line(line, size, bold, indent)

    def bullet(self, text: str, size: float) -> None:
        marker = "" if re.match(r"^\d+\. ", text) else "\u2022 "
        width = PAGE_WIDTH - 2 * MARGIN - 14
        lines = _wrap(text, size, width)
        self.line(marker + lines[0], size, indent=4 if marker else 0)
        for line in lines[1:]:
            self.line(line, size, indent=14)


def pdf_bytes(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A real PDF (A4, Helvetica, WinAnsiEncoding and its ToUnicode map): bold title and
    headings, wrapped text."""
    writer = _PdfWriter()
    writer.paragraph(title, 18, bold=True)
    writer.space(8)
    for heading, body in sections:
        writer.space(6)
        writer.paragraph(heading, 13, bold=True)
        writer.space(2)
        for kind, text in markdown_blocks(body):
            if kind == "heading":
                writer.space(3)
                writer.paragraph(text, 11, bold=True)
            elif kind == "bullet":
                writer.bullet(text, 10.5)
            else:
                writer.paragraph(text, 10.5)
                writer.space(4)

    pdf = pikepdf.Pdf.new()
    to_unicode = pdf.make_indirect(pikepdf.Stream(pdf, _to_unicode_cmap()))

    def font(name: str) -> pikepdf.Object:
        return pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name(name),
                Encoding=pikepdf.Name.WinAnsiEncoding,
                ToUnicode=to_unicode,
            )
        )

    fonts = pikepdf.Dictionary(F1=font("/Helvetica"), F2=font("/Helvetica-Bold"))
    for operations in writer.pages:
        contents = pikepdf.Stream(pdf, b"\n".join(operations))
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, PAGE_WIDTH, PAGE_HEIGHT],
            Resources=pikepdf.Dictionary(Font=fonts),
            Contents=pdf.make_indirect(contents),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Title"] = pikepdf.String(title)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=True)
    return out.getvalue()


# --- DOCX and PPTX --------------------------------------------------------------------------


def docx_bytes(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A Word document: the title, then a heading and paragraphs or bullets per section."""
    document = Document()
    document.add_heading(title, level=0)
    for heading, body in sections:
        document.add_heading(heading, level=1)
        for kind, text in markdown_blocks(body):
            if kind == "heading":
                document.add_heading(text, level=2)
            elif kind == "bullet":
                document.add_paragraph(text, style="List Bullet")
            else:
                document.add_paragraph(text)
    properties = document.core_properties
    properties.title = title
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pptx_bytes(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A slide deck: a title slide, then one slide per section (text shrinks to fit)."""
    presentation = Presentation()
    cover = presentation.slides.add_slide(presentation.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = ""
    for heading, body in sections:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
        frame.word_wrap = True
        blocks = markdown_blocks(body) or [("p", "")]
        length = sum(len(text) for _, text in blocks)
        size = Pt(20 if length < 350 else 16 if length < 700 else 13 if length < 1100 else 11)
        for index, (_kind, text) in enumerate(blocks):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = text
            paragraph.font.size = size
    properties = presentation.core_properties
    properties.title = title
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


# --- Files of a demo resource ---------------------------------------------------------------


def _objectives_markdown(objectives: str) -> str:
    return "\n".join(f"- {line.strip()}" for line in objectives.splitlines() if line.strip())


def sections_for(resource: dict, kind: str) -> list[tuple[str, str]]:
    """The sections a file of this kind is built from, headed in the resource's language."""
    words = HEADINGS.get(resource.get("language", "en"), HEADINGS["en"])
    objectives = _objectives_markdown(resource.get("learning_objectives", ""))
    if kind == "pdf":  # facilitator guide
        sections = [
            (words["objectives"], objectives),
            (words["materials"], resource.get("materials", "")),
            (words["notes"], resource.get("facilitator_notes", "")),
        ]
    elif kind == "docx":  # handout
        sections = [
            (words["summary"], resource.get("summary", "")),
            (words["description"], resource.get("description", "")),
        ]
    elif kind == "pptx":  # slides
        sections = [(words["objectives"], objectives)]
        sections += [
            (words["description"], text)
            for text in re.split(r"\n\s*\n", resource.get("description", ""))
            if text.strip()
        ]
    else:
        raise ValueError(f"No demo file of kind {kind!r}.")
    return [(heading, body) for heading, body in sections if body.strip()]


BUILDERS = {"pdf": pdf_bytes, "docx": docx_bytes, "pptx": pptx_bytes}


def _short_slug(text: str, limit: int) -> str:
    """An ASCII slug cut at a word boundary (accents folded: "clínico" -> "clinico")."""
    slug = slugify(text)
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0]
    return slug.strip("-")


def files_for(resource: dict) -> list[tuple[str, str, str, bytes]]:
    """(kind, label, filename, bytes) for each file listed in `resource["files"]`.

    External links (kind "link") have no bytes and are skipped here; see `links_for`.
    """
    stem = _short_slug(resource["title"], 60) or "resource"
    built = []
    for entry in resource.get("files", []):
        kind = entry["kind"]
        if kind == "link":
            continue
        label = entry.get("label") or kind.upper()
        filename = f"{stem}-{_short_slug(label, 40) or kind}.{EXTENSIONS[kind]}"
        data = BUILDERS[kind](resource["title"], sections_for(resource, kind))
        built.append((kind, label, filename, data))
    return built


def links_for(resource: dict) -> list[tuple[str, str]]:
    """(label, url) for each external link listed in `resource["files"]`."""
    return [(f["label"], f["url"]) for f in resource.get("files", []) if f["kind"] == "link"]
