"""Templated e-mail: one message (text + HTML) per recipient, from templates/emails/.

A message named `<name>` uses `emails/<name>_subject.txt` and `emails/<name>_body.txt`,
and `emails/<name>_body.html` when it exists; otherwise the HTML part is the text
body laid out by `emails/base.html`.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

logger = logging.getLogger(__name__)


def _render_text(template_name: str, context: dict) -> str:
    """Plain text is not HTML: render without autoescaping."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(name: str, context: dict) -> tuple[str, str, str]:
    """Render the subject, text body and HTML body of a message."""
    context = {
        "site_name": settings.TOOLKIT_SITE_NAME,
        "site_url": settings.TOOLKIT_SITE_URL,
        **context,
    }
    subject = " ".join(_render_text(f"emails/{name}_subject.txt", context).split())
    text = _render_text(f"emails/{name}_body.txt", context)
    try:
        html = render_to_string(f"emails/{name}_body.html", context)
    except TemplateDoesNotExist:
        html = render_to_string("emails/base.html", {**context, "text_body": text})
    return subject, text, html


def send_email(name: str, to: str, context: dict, headers: dict | None = None) -> bool:
    """Send one templated message to one address; a mail-server failure is logged, not raised."""
    subject, text, html = render_email(name, context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError:
        logger.exception("Could not send %s e-mail to %s", name, to)
        return False
    return True
