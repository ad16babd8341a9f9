"""Every seeded PDF reads back as the text it was built from (issue 14 item 9): en dashes,
curly apostrophes and accented letters survive, as the catalog's text extraction reads them."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest

from reviews import files
from toolkit.demo.content import load
from toolkit.demo.files import files_for, markdown_blocks, sections_for


def _words(text: str) -> list[str]:
    return text.split()


def _source_text(entry: dict) -> str:
    """The title, then each section's heading and text as the PDF lays them out."""
    parts = [entry["title"]]
    for heading, body in sections_for(entry, "pdf"):
        parts.append(heading)
        for kind, text in markdown_blocks(body):
            numbered = re.match(r"^\d+\. ", text)
            parts.append(f"\u2022 {text}" if kind == "bullet" and not numbered else text)
    return "\n".join(parts)


def _entries_with_pdfs() -> list[dict]:
    content = load()
    return [
        entry
        for entry in content.resources + content.submissions
        if any(f["kind"] == "pdf" for f in entry.get("files", []))
    ]


ENTRIES = _entries_with_pdfs()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["title"][:30] for e in ENTRIES])
def test_the_text_read_back_from_a_seeded_pdf_is_its_source_text(entry: dict) -> None:
    (data,) = [data for kind, _label, _name, data in files_for(entry) if kind == "pdf"]
    extracted = files.extract_text(files.sanitize(data, "pdf"), "pdf")
    assert _words(extracted) == _words(_source_text(entry))


def test_the_seeded_pdfs_include_en_dashes_apostrophes_and_spanish_accents() -> None:
    text = "".join(_source_text(entry) for entry in ENTRIES)
    assert {"\u2013", "\u2019", "é", "ó", "ñ"} <= set(text)


def test_a_seeded_pdfs_fonts_map_their_codes_to_unicode_so_any_reader_keeps_the_en_dash() -> None:
    entry = next(e for e in ENTRIES if "2\u20133 weeks" in _source_text(e))
    (data,) = [data for kind, _label, _name, data in files_for(entry) if kind == "pdf"]
    with pikepdf.open(io.BytesIO(files.sanitize(data, "pdf"))) as pdf:
        fonts = pdf.pages[0].Resources.Font
        cmaps = [fonts[name].ToUnicode.read_bytes() for name in fonts.keys()]
    assert len(cmaps) == 2
    for cmap in cmaps:  # WinAnsiEncoding's 0x96 is the en dash, 0xF1 ñ, 0x92 the apostrophe
        assert {b"<96> <2013>", b"<F1> <00F1>", b"<92> <2019>"} <= set(cmap.split(b"\n"))
