"""A small upload cannot exhaust the server (issue 11 item 4).

Each bomb is refused (or, for a PDF's text, given up) within a few megabytes of traced memory;
tests/bench/test_upload_memory_bench.py measures the peak RSS of a worker for the same files.
"""

import logging
import os
import tracemalloc

import pytest
from django.core.exceptions import ValidationError

from reviews import files
from reviews.sanitize import limits
from tests import samples
from tests.bench import upload_memory
from tests.reviews.hostile import bombs
from tests.reviews.hostile.package import REL, Package, zip_with_bombs

MB = 2**20


def traced(call):
    """(result or raised ValidationError, peak traced memory in MB) of a call."""
    tracemalloc.start()
    try:
        result = call()
    except ValidationError as error:
        result = error
    finally:
        peak = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return result, peak


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_1_mb_word_document_that_inflates_to_400_mb_is_refused_within_a_few_mb():
    data = bombs.docx_bomb(inflated_mb=400)
    assert len(data) < 1.5 * MB

    error, peak = traced(lambda: files.sanitize(data, "docx"))

    assert isinstance(error, ValidationError) and error.code == "too_large"
    assert "word/document.xml comes to more than 8 MB when unpacked" in message(error)
    assert peak < 16


@pytest.mark.skipif(not os.path.exists("/proc/self/clear_refs"), reason="needs Linux /proc")
def test_a_fresh_worker_refuses_the_400_mb_bomb_within_a_few_mb_of_resident_memory():
    figures = upload_memory.measure("docx-bomb")

    assert figures["outcome"] == "refused (too_large)"
    assert figures["peak_above_idle_mb"] < 32


def test_a_part_just_over_the_xml_limit_is_refused_having_inflated_no_more_than_the_limit():
    data = bombs.docx_bomb(inflated_mb=9)

    error, peak = traced(lambda: files.sanitize(data, "docx"))

    assert error.code == "too_large"
    assert peak < 16


def test_a_member_that_inflates_past_the_size_it_declares_is_read_no_further(monkeypatch):
    data = bombs.docx_bomb(inflated_mb=400)
    honest = (400 * (MB // len(bombs.PARAGRAPH)) * len(bombs.PARAGRAPH)).to_bytes(4, "little")
    lying = data.replace(honest, (1000).to_bytes(4, "little"))  # both headers claim 1000 bytes
    assert lying != data

    error, peak = traced(lambda: files.sanitize(lying, "docx"))

    assert error.code == "corrupt"  # the checksum of the 1000 bytes read does not match
    assert peak < 16


def test_the_public_readers_are_bounded_too():
    data = bombs.docx_bomb(inflated_mb=400)
    logging.disable(logging.WARNING)
    try:
        (text, metadata, flags), peak = traced(
            lambda: (
                files.extract_text(data, "docx"),
                files.metadata_text(data, "docx"),
                files.identity_flags(data, "docx", ["Okafor"]),
            )
        )
    finally:
        logging.disable(logging.NOTSET)

    assert (text, metadata, flags) == ("", "", [files.NOT_CHECKED])
    assert peak < 16


def test_a_zip_with_more_members_than_allowed_is_refused_before_zipfile_reads_its_directory(
    monkeypatch,
):
    data = bombs.many_members_docx(limits.MAX_MEMBERS + 1)

    def unread(*args, **kwargs):
        raise AssertionError("zipfile parsed the directory")

    monkeypatch.setattr(limits.zipfile, "ZipFile", unread)
    with pytest.raises(ValidationError) as caught:
        files.sanitize(data, "docx")

    assert caught.value.code == "cannot_clean"
    assert "it holds more than 5000 parts" in message(caught.value)


def _docx_with_parts(kind: str, content_type: str, body: bytes, count: int) -> bytes:
    """A Word document with `count` related parts whose bytes are `body`."""
    package = Package(samples.docx_bytes())
    bombs_ = {}
    for number in range(count):
        name = f"word/extra{number}.{kind}"
        package.override(name, content_type)
        package.relate(
            "word/document.xml", f"http://example.org/rel/{kind}", f"extra{number}.{kind}"
        )
        bombs_[name] = (body, 1)
    return zip_with_bombs(package.members, bombs_)


def test_xml_parts_that_together_inflate_past_the_xml_budget_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_XML_BYTES", 3 * MB)
    part = b"<w:hdr " + bombs._W.encode() + b">" + bombs.megabyte_of(bombs.PARAGRAPH) + b"</w:hdr>"
    data = _docx_with_parts("xml", "application/vnd.example+xml", part, 4)

    with pytest.raises(ValidationError) as caught:
        files.sanitize(data, "docx")

    assert caught.value.code == "too_large"
    assert "its XML parts come to more than 3 MB" in message(caught.value)


def test_parts_that_together_inflate_past_the_total_budget_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 3 * MB)
    data = _docx_with_parts("emf", "image/x-emf", bytes(MB), 4)

    with pytest.raises(ValidationError) as caught:
        files.sanitize(data, "docx")

    assert caught.value.code == "too_large"
    assert "its parts come to more than 3 MB" in message(caught.value)


def test_xml_nested_deeper_than_libxml2_allows_is_refused():
    with pytest.raises(ValidationError) as caught:
        files.sanitize(bombs.deep_docx(levels=300), "docx")

    assert caught.value.code == "cannot_clean"
    assert "word/document.xml is nested too deeply" in message(caught.value)


def test_xml_entities_are_never_expanded():
    data = bombs.entity_docx()

    error, peak = traced(lambda: files.sanitize(data, "docx"))

    assert error.code == "cannot_clean"
    assert "word/document.xml" in message(error)
    assert peak < 16


@pytest.mark.parametrize("extension", ["png", "docx"])
def test_an_image_with_more_pixels_than_allowed_is_refused_before_it_is_decoded(extension):
    data = bombs.png_bomb(30_000, 30_000)
    if extension == "docx":
        package = Package(samples.docx_bytes())
        package.default("png", "image/png")
        package.put("word/media/huge.png", data)
        package.relate("word/document.xml", f"{REL}/image", "media/huge.png")
        data = package.pack()

    error, peak = traced(lambda: files.sanitize(data, extension))

    assert error.code == "cannot_clean"
    assert "more than the 25 million pixels" in message(error)
    assert peak < 16


def test_an_image_just_over_our_pixel_limit_is_refused_by_our_own_check(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PIXELS", 16 * 12 - 1)

    with pytest.raises(ValidationError) as caught:
        files.sanitize(samples.png_bytes(), "png")

    assert "an image is 16 × 12 pixels" in message(caught.value)


def test_a_pdf_whose_content_inflates_past_the_limit_gives_no_text_and_is_flagged_unread():
    data = bombs.pdf_bomb(inflated_mb=200)
    logging.disable(logging.WARNING)
    try:
        (clean, text, flags), peak = traced(
            lambda: (
                clean := files.sanitize(data, "pdf"),
                files.extract_text(clean, "pdf"),
                files.identity_flags(clean, "pdf", ["Okafor"]),
            )
        )
    finally:
        logging.disable(logging.NOTSET)

    assert (text, flags) == ("", [files.NOT_CHECKED])
    assert peak < 2.5 * limits.MAX_PDF_STREAM_BYTES / MB


def test_a_video_with_too_many_boxes_is_refused():
    with pytest.raises(ValidationError) as caught:
        files.sanitize(bombs.mp4_with_boxes(limits.MAX_MP4_BOXES + 1), "mp4")

    assert caught.value.code == "cannot_clean"
    assert "more than 100000 boxes" in message(caught.value)


def test_a_video_whose_boxes_nest_too_deeply_is_refused():
    with pytest.raises(ValidationError) as caught:
        files.sanitize(bombs.mp4_nested(depth=30), "mp4")

    assert caught.value.code == "cannot_clean"
    assert "nested too deeply" in message(caught.value)
