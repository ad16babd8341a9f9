"""Text shared by the apps: plain-text hygiene and sanitized Markdown."""

import re
import threading

import markdown as markdown_lib
import nh3

# Control characters but tab, line feed and carriage return. A NUL above all: PostgreSQL
# cannot store one in text, nor compare text with one.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str | None) -> str:
    """`text` with each control character (see above) turned into a space."""
    return CONTROL_CHARACTERS.sub(" ", text or "")


MARKDOWN_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}


_converters = threading.local()


def _converter(line_breaks: bool) -> markdown_lib.Markdown:
    """This thread's Markdown converter (one per setting): making one registers every
    extension's processors, 2 ms, several times what converting a summary costs."""
    name = "line_breaks" if line_breaks else "paragraphs"
    converter: markdown_lib.Markdown | None = getattr(_converters, name, None)
    if converter is None:
        extensions = ["extra", "sane_lists", *(["nl2br"] if line_breaks else [])]
        converter = markdown_lib.Markdown(extensions=extensions)
        setattr(_converters, name, converter)
    return converter


def render_markdown(text: str, *, top_heading: int = 3, line_breaks: bool = False) -> str:
    """Markdown to HTML, sanitized with nh3: the only way user text becomes markup.

    Headings above <h`top_heading`> are dropped (their text stays): user text sits under a
    page's own headings. The site pages (toolkit.pages), whose title is the <h1>, pass 2.
    `line_breaks`: each line break is kept (<br>), for text written as plain text first,
    such as decision letters, whose "> " lines quote the reviews (<blockquote>).
    """
    html = _converter(line_breaks).reset().convert(text or "")
    return nh3.clean(
        html,
        tags=MARKDOWN_TAGS | {f"h{level}" for level in range(top_heading, 7)},
        attributes={"a": {"href", "title"}, "th": {"scope"}, "td": set()},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


def iso_duration(minutes: int | None) -> str:
    """ISO 8601 duration of a number of minutes: 90 → "PT90M"."""
    return f"PT{minutes}M" if minutes else ""


def human_duration(minutes: int | None) -> str:
    """A duration for people: 90 → "1 h 30 min", 120 → "2 h", 45 → "45 min"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} h"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} min")
    return " ".join(parts)
