"""Templated e-mail: one message (text + HTML) per recipient, from templates/emails/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_email(name: str, context: dict) -> tuple[str, str, str]:
    """Render emails/<name>_subject.txt, _body.txt and _body.html."""
    context = {
        "site_name": settings.TOOLKIT_SITE_NAME,
        "site_url": settings.TOOLKIT_SITE_URL,
        **context,
    }
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    text = render_to_string(f"emails/{name}_body.txt", context)
    html = render_to_string(f"emails/{name}_body.html", context)
    return subject, text, html


def send_email(name: str, to: str, context: dict) -> None:
    """Send one templated message to one address."""
    subject, text, html = render_email(name, context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()
