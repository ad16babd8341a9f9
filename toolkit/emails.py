"""Templated e-mail: one message (text + HTML) per recipient, from templates/emails/.

A message named `<name>` uses `emails/<name>_subject.txt` and `emails/<name>_body.txt`.
`send_email` renders it and queues it in the outbox (toolkit.mail) in the caller's
transaction; a worker (or, with TOOLKIT_MAIL_EAGER, the commit itself) delivers it.

What users typed never becomes markup:
- the subject and the text part are rendered without autoescaping and then stripped of
  every tag by nh3 (the sanitizer the site already uses), applied to the whole rendered
  text: the templates hold no markup, so every tag in it came from a user;
- the HTML part renders the same body template WITH autoescaping, so every value is
  escaped, then lays it out in `emails/base.html`. Only the links the site made are
  clickable: `site_url` is replaced by a one-time random marker while rendering, and only
  that marker (followed by a path) becomes an <a>; an address a user typed stays text.
  Paragraphs become <p> and line breaks <br>, as Django's `linebreaks`; lines quoted with
  "> " (a decision letter quoting the reviews) become a <blockquote>, as mail programs
  show them. The text part keeps the "> ".
"""

import html
import re
import secrets
from typing import Any, NamedTuple, cast

import nh3
from django.conf import settings
from django.template import Context
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template, render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from toolkit import site
from toolkit.mail import services as outbox
from toolkit.mail.models import OutboundMessage

# What a path the site builds may hold (uuids, slugs, reset tokens); anything else ends it.
SITE_PATH = r"(?:/[A-Za-z0-9_\-./~%]*)?"


class RenderedEmail(NamedTuple):
    subject: str
    text: str
    html: str


def strip_markup(text: str) -> str:
    """Plain text with every HTML tag (and script/style content) removed; the rest verbatim.

    `&` is escaped first so that an entity a user typed stays as typed (no `&lt;img&gt;`
    decoded into a tag); nh3 parses like a browser, so malformed tags go too.
    """
    return html.unescape(nh3.clean(text.replace("&", "&amp;"), tags=set()))


def _render_text(template_name: str, context: dict[str, Any]) -> str:
    """Plain text is not HTML: render without autoescaping, then strip any markup."""
    template = cast(DjangoTemplate, get_template(template_name)).template
    return strip_markup(template.render(Context(context, autoescape=False)))


QUOTED = re.compile(r"^&gt; ?")  # a line quoted with "> ", once escaped
QUOTE_STYLE = "margin: 0 0 1em; padding: 0 0 0 1em; border-left: 3px solid #767676;"


def _block(lines: list[str], quoted: bool) -> str:
    if not quoted:
        return f"<p>{'<br>'.join(lines)}</p>"
    inner = _paragraphs("\n".join(QUOTED.sub("", line) for line in lines))
    return f'<blockquote style="{QUOTE_STYLE}">{inner}</blockquote>' if inner else ""


def _paragraphs(escaped: str) -> str:
    """HTML paragraphs of escaped text: a blank line ends one, a line break is a <br>, and a
    run of lines starting with "&gt;" (typed "> ") is a blockquote of the rest of them."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", escaped.replace("\r\n", "\n").strip()):
        run: list[str] = []
        quoted = False
        for line in paragraph.split("\n"):
            is_quote = bool(QUOTED.match(line))
            if run and is_quote != quoted:
                blocks.append(_block(run, quoted))
                run = []
            quoted = is_quote
            run.append(line)
        if run:
            blocks.append(_block(run, quoted))
    return "\n\n".join(block for block in blocks if block not in ("", "<p></p>"))


def _render_html(name: str, context: dict[str, Any]) -> str:
    """The body template rendered with autoescaping; only site-made links become <a>."""
    marker = f"site-url-{secrets.token_hex(16)}"
    escaped = get_template(f"emails/{name}_body.txt").render({**context, "site_url": marker})
    body = _paragraphs(escaped)  # escaped above: keep it
    site_url = escape(site.site_url())

    def link(match: re.Match[str]) -> str:
        path = match.group("path")
        kept = path.rstrip(".")  # a full stop ends the sentence, not the address
        url = site_url + kept
        return f'<a href="{url}">{url}</a>{path[len(kept) :]}'

    linked = re.sub(re.escape(marker) + f"(?P<path>{SITE_PATH})", link, body)
    return render_to_string("emails/base.html", {**context, "body": mark_safe(linked)})  # noqa: S308 - escaped above


def render_email(name: str, context: dict[str, Any]) -> RenderedEmail:
    """Render the subject, text body and HTML body of a message."""
    context = {
        **context,
        "site_name": settings.TOOLKIT_SITE_NAME,
        "site_url": site.site_url(),
    }
    subject = " ".join(_render_text(f"emails/{name}_subject.txt", context).split())
    text = _render_text(f"emails/{name}_body.txt", context)
    return RenderedEmail(subject, text, _render_html(name, context))


def send_email(
    name: str, to: str, context: dict[str, Any], headers: dict[str, str] | None = None
) -> OutboundMessage:
    """Render one templated message to one address and queue it in the caller's transaction.

    Returns the outbox row. Nothing talks to the mail server here (see toolkit.mail).
    """
    message = render_email(name, context)
    return outbox.enqueue(
        event=name,
        recipient=to,
        subject=message.subject,
        text=message.text,
        html=message.html,
        headers=headers,
    )
