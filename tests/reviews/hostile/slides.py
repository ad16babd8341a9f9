"""A PowerPoint presentation with the canary in every hiding place listed in issue 11."""

import pptx
from pptx.util import Inches

from tests.reviews.hostile import media, parts
from tests.reviews.hostile.canary import EMAIL, NAME, USERNAME
from tests.reviews.hostile.package import CT, MS, REL, Package
from tests.reviews.hostile.word import BODY, saved
from tests.reviews.hostile.workbook import simple_workbook

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_MAIN = "ppt/presentation.xml"
_SLIDE = "ppt/slides/slide1.xml"


def _comments(package: Package) -> None:
    """Legacy comment authors and a comment, and the modern authors list."""
    package.add(
        _MAIN,
        f"{REL}/commentAuthors",
        "ppt/commentAuthors.xml",
        f'<p:cmAuthorLst xmlns:p="{_P}"><p:cmAuthor id="0" name="{NAME}" initials="ZX" '
        'lastIdx="1" clrIdx="0"/></p:cmAuthorLst>',
        f"{CT}.presentationml.commentAuthors+xml",
    )
    package.add(
        _SLIDE,
        f"{REL}/comments",
        "ppt/comments/comment1.xml",
        f'<p:cmLst xmlns:p="{_P}"><p:cm authorId="0" dt="2025-01-01T00:00:00.000" idx="1">'
        '<p:pos x="10" y="10"/><p:text>Cite this.</p:text></p:cm></p:cmLst>',
        f"{CT}.presentationml.comments+xml",
    )
    package.add(
        _MAIN,
        f"{MS}/2018/10/relationships/authors",
        "ppt/authors.xml",
        f'<p188:authorLst xmlns:p188="{MS}/powerpoint/2018/8/main"><p188:author '
        f'id="{parts.GUID}" name="{NAME}" initials="ZX" userId="{EMAIL}" providerId="AD"/>'
        "</p188:authorLst>",
        "application/vnd.ms-powerpoint.authors+xml",
    )


def _history(package: Package) -> None:
    """Tags an add-in left, co-authoring change records and client revision records."""
    package.add(
        _SLIDE,
        f"{REL}/tags",
        "ppt/tags/tag1.xml",
        f'<p:tagLst xmlns:p="{_P}"><p:tag name="AUTHOR" val="{NAME}"/></p:tagLst>',
        f"{CT}.presentationml.tags+xml",
    )
    package.add(
        _MAIN,
        f"{MS}/2016/11/relationships/changesInfo",
        "ppt/changesInfos/changesInfo1.xml",
        f'<pc:chgInfo xmlns:pc="{MS}/powerpoint/2013/main/command"><pc:docChgLst><pc:chgData '
        f'name="{NAME}" userId="{EMAIL}" providerId="AD"/></pc:docChgLst></pc:chgInfo>',
        "application/vnd.ms-powerpoint.changesinfo+xml",
    )
    package.add(
        _MAIN,
        f"{MS}/2015/10/relationships/revisionInfo",
        "ppt/revisionInfo.xml",
        f'<p1510:revInfo xmlns:p1510="{MS}/powerpoint/2015/10/main"><p1510:revLst>'
        f'<p1510:client id="{parts.GUID}" v="2521" name="{USERNAME}"/></p1510:revLst>'
        "</p1510:revInfo>",
        "application/vnd.ms-powerpoint.revisioninfo+xml",
    )


def _embedded(package: Package) -> None:
    """A workbook, a video and an OLE object on the slide."""
    parts.embedded_package(
        package, _SLIDE, "ppt/embeddings/Workbook1.xlsx", simple_workbook(), "spreadsheetml.sheet"
    )
    package.default("mp4", "video/mp4")
    package.add(_SLIDE, f"{REL}/video", "ppt/media/media1.mp4", media.mp4_everywhere())
    package.relate(_SLIDE, f"{MS}/2007/relationships/media", "../media/media1.mp4")
    parts.ole_object(package, _SLIDE, "ppt/embeddings/oleObject1.bin")
    parts.active_x(package, _SLIDE, "ppt")


def slides_bytes() -> bytes:
    """A presentation with the canary in every hiding place listed in issue 11."""
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(1)).text_frame.text = BODY
    slide.notes_slide.notes_text_frame.text = "Speaker notes."
    presentation.core_properties.author = NAME
    presentation.core_properties.last_modified_by = USERNAME
    package = Package(saved(presentation))
    parts.everywhere(package, _MAIN)
    _comments(package)
    _history(package)
    _embedded(package)
    parts.macros(package, _MAIN, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    return package.pack()
