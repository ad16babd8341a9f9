"""The picture a link to a resource shows when it is shared (Open Graph, Twitter cards) and
the thumbnail of a video's JSON-LD: 1200 × 630 PNG, drawn once per version and cached."""

import hashlib
import io
import textwrap

from django.conf import settings
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

from .records import ResourceRecord

SIZE = (1200, 630)
BRAND, WASH, INK = "#0b5563", "#e4f1f3", "#ffffff"
CACHE_SECONDS = 7 * 24 * 3600  # a version never changes; the key names it


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)  # Pillow's bundled FreeType font: no system fonts


def _lines(text: str, width: int, most: int) -> list[str]:
    lines = textwrap.wrap(text, width=width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return lines


def draw(record: ResourceRecord) -> bytes:
    """The PNG: site name, resource type and levels, the title, 'Peer reviewed'."""
    image = Image.new("RGB", SIZE, BRAND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, SIZE[1] - 90, SIZE[0], SIZE[1]), fill=WASH)
    pen.text((64, 56), settings.TOOLKIT_SITE_NAME, font=_font(34), fill=INK)
    levels = ", ".join(level.name for level in record.levels[:3])
    kind = " · ".join(part for part in (record.resource_type.name, levels) if part)
    pen.text((64, 120), _lines(kind, 60, 1)[0], font=_font(30), fill=WASH)
    y = 200
    for line in _lines(record.title, 34, 4):
        pen.text((64, y), line, font=_font(58), fill=INK)
        y += 72
    pen.text((64, SIZE[1] - 66), "Peer-reviewed teaching resource", font=_font(32), fill=BRAND)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def png(record: ResourceRecord) -> bytes:
    site = hashlib.sha256(settings.TOOLKIT_SITE_NAME.encode()).hexdigest()[:12]
    key = f"share-image:{record.slug}:{record.number}:{site}"
    data = cache.get(key)
    if data is None:
        data = draw(record)
        cache.set(key, data, CACHE_SECONDS)
    return data
