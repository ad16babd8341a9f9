"""E-mail canary: every kind of e-mail, with HTML in every field a user fills in.

The whole workflow runs (and a password reset) with markup planted in titles, summaries,
objectives, author names, display names, notes, letters, reasons and review comments.
Every part of every message (subject, text, HTML) must carry no element, attribute or
link that came from a user; only the links the site made may be clickable. The set of
messages sent must be the set of templates in templates/emails/, so that a new kind of
e-mail cannot escape this test.
"""

import re
from datetime import timedelta
from pathlib import Path

import lxml.html
import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from catalog import services as catalog_services
from catalog.models import Collection, CollectionItem
from reviews import services
from reviews.models import ReviewAssignment
from tests import factories
from toolkit import emails

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "emails"
SITE = "http://127.0.0.1:8000"
MARK = "cnry"


def payload(field: str) -> str:
    """Markup a hostile user would type, tagged with the field it was planted in."""
    return (
        f'{MARK}-{field} <img src="https://tracker.example/{field}.gif"><script>alert(1)</script>'
        f'<a href="https://evil.example/{field}" onclick="steal()">click</a> '
        f"<b onmouseover=x()>bold</b><style>p{{}}</style> &lt;img src=x&gt; "
        f"https://evil.example/typed {SITE}/typed-by-user"
    )


def name_payload(field: str) -> str:
    """As payload(), short enough for a display name (150 characters)."""
    return f'{MARK}-{field} <img src="https://t.example/q.gif"><script>x()</script><b onclick=x>b'


def person(username, roles=("contributor",)):
    return factories.user(username, roles=roles, display_name=name_payload(username))


@pytest.fixture
def sent(monkeypatch, django_capture_on_commit_callbacks, settings, client):
    """Run the whole workflow with planted markup; return {name: [rendered, ...]}."""
    settings.TOOLKIT_SITE_URL = SITE
    settings.TOOLKIT_REVIEWS_REQUIRED = 1
    rendered = {}
    real_render = emails.render_email

    def spy(name, context):
        result = real_render(name, context)
        rendered.setdefault(name, []).append(result)
        return result

    monkeypatch.setattr(emails, "render_email", spy)
    with django_capture_on_commit_callbacks(execute=True):
        run_workflow()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "owner@example.org"})
    assert response.status_code == 302
    return rendered


def run_workflow():
    owner, editor = person("owner"), person("editor", ["contributor", "editor"])
    r1, r2, r3, r4 = (person(f"rev{i}", ["contributor", "reviewer"]) for i in range(1, 5))
    fields = ("title", "summary", "learning_objectives", "description", "acknowledgements")
    submission = factories.draft(owner, **{f: payload(f) for f in fields})
    services.set_authors(
        submission,
        owner,
        [{"name": name_payload("author"), "affiliation": name_payload("affiliation")}],
    )
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    first, second, third, fourth = (
        services.invite(submission, editor, reviewer=r, message=payload("note"))
        for r in (r1, r2, r3, r4)
    )
    services.accept_invitation(first, r1, coi_declaration=payload("coi"))
    ask_for_more_time(first, r1, editor)
    services.decline_invitation(
        second, r2, reason="other", note=payload("decline"), suggestion=payload("suggestion")
    )
    services.cancel_assignment(third, editor, reason=payload("cancel"))
    services.remind(fourth, editor)
    yesterday = timezone.localdate() - timedelta(days=1)
    ReviewAssignment.objects.filter(pk=fourth.pk).update(response_due=yesterday)
    services.send_due_reminders()
    services.save_review_draft(
        first,
        r1,
        answers=factories.COMPLETE_ANSWERS,
        recommendation="accept",
        comments_to_authors=payload("comments"),
        confidential_comments=payload("confidential"),
    )
    services.complete_review(first, r1)
    quoted = f"Reviewer 1:\n> {payload('quoted')}\n>\n> {payload('quoted-again')}"
    services.request_revisions(submission, editor, letter=f"{payload('letter')}\n\n{quoted}")
    services.resubmit(submission, owner, response_letter=payload("response"))
    services.accept(submission, editor, letter=payload("accept"))
    published = services.publish(submission, editor, change_note=payload("change"))
    collection = Collection.objects.create(slug="canary", title=name_payload("collection"))
    CollectionItem.objects.create(
        collection=collection, resource=published.resource, note=payload("collection-note")
    )
    catalog_services.publish_collection(collection, editor)
    reports_on(published.resource, owner, editor, r1, r2)
    currency_review_of(published.resource, editor, r3)
    services.retire(submission, editor, reason=payload("retire"))  # the collection's editors too
    other, _ = factories.in_review(owner, editor, [r1], title=payload("other"))
    services.withdraw(other, owner, reason=payload("withdraw"))
    # an appeal of a rejection, answered by another editor (issue 16 item 7)
    second_editor = person("editor2", ["contributor", "editor"])
    appealed, _ = factories.in_review(owner, editor, [r1], title=payload("appealed"))
    services.reject(appealed, editor, letter=payload("reject"))
    services.appeal(appealed, owner, reasons=payload("appeal"))
    services.uphold_appeal(appealed, second_editor, letter=payload("upheld"))


def reports_on(resource, author, editor, reporter, other):
    """Implementation reports (issue 15 item 3): one approved (the reporter and the author
    are told), answered by the author and hidden; another rejected."""
    from catalog.reports import services as reports

    data = {
        "learner_level": "gme-residency",
        "group_size": "12",
        "changes": payload("report-changes"),
        "outcome": payload("report-outcome"),
    }
    report = reports.create_report(reporter, resource, data)
    reports.approve_report(report, editor)
    reports.answer_report(report, author, payload("answer"))
    reports.hide_report(report, editor, payload("hide"))
    reports.reject_report(reports.create_report(other, resource, data), editor, payload("refuse"))


def currency_review_of(resource, editor, reviewer):
    """A currency re-review (issue 16 item 4): invited, accepted, submitted, re-certified."""
    from reviews.services import currency

    review = currency.open_review(resource, editor, message=payload("currency-open"))
    review = currency.invite(review, editor, reviewer=reviewer, message=payload("currency-note"))
    review = currency.accept(review, reviewer, coi_declaration=payload("currency-coi"))
    answers = {
        key: {"answer": "concerns", "comment": payload(f"currency-{key}")}
        for key in ("evidence", "terminology", "links", "levels")
    }
    review = currency.submit(review, reviewer, answers=answers, comments=payload("currency"))
    currency.recertify(review, editor, note=payload("currency-decision"))


def ask_for_more_time(assignment, reviewer, editor):
    """Asked, refused with a note; asked, withdrawn; asked, approved."""
    for answer in ("refuse", "withdraw", "approve"):
        assignment = ReviewAssignment.objects.get(pk=assignment.pk)
        extension = services.request_extension(
            assignment,
            reviewer,
            requested_due=assignment.review_due + timedelta(days=3),
            reason=payload("extension"),
        )
        if answer == "refuse":
            services.refuse_extension(extension, editor, note=payload("refusal"))
        elif answer == "withdraw":
            services.withdraw_extension(extension, reviewer)
        else:
            services.approve_extension(extension, editor)


def template_names():
    return {p.name.removesuffix("_subject.txt") for p in TEMPLATES.glob("*_subject.txt")}


ALLOWED = {  # what the site's own layout (templates/emails/base.html) uses
    "html": {"lang"},
    "head": set(),
    "meta": {"charset"},
    "title": set(),
    "body": {"style"},
    "p": {"style"},
    "blockquote": {"style"},  # a letter's "> " lines: quoted reviews
    "br": set(),
    "a": {"href"},
}
TAG = re.compile(r"<\s*(/?)\s*([^\s>/]+)")


def assert_plain(text, where):
    assert not re.search(r"<\s*[/!?a-zA-Z]", text), f"markup in {where}: {text!r}"
    for typed in ("onclick", "onmouseover", "alert(1)", "tracker.example"):
        assert typed not in text, f"{typed} in {where}"


def assert_html_is_the_sites(html, where):
    names = {m.group(2).lower() for m in TAG.finditer(html)} - {"!doctype"}
    assert names <= set(ALLOWED), f"{where} has elements {names - set(ALLOWED)}"
    for element in lxml.html.document_fromstring(html).iter():
        assert isinstance(element.tag, str), f"{where} has a comment or instruction"
        assert element.tag in ALLOWED, f"{where} has <{element.tag}>"
        extra = set(element.attrib) - ALLOWED[element.tag]
        assert not extra, f"{where}: <{element.tag}> has {extra}"
        href = element.get("href")
        if href is not None:
            assert href.startswith(SITE + "/") and "typed" not in href, f"{where} links {href}"
            assert element.text_content() == href, f"{where}: a link's text is not its address"


def test_every_kind_of_email_is_sent_and_no_part_carries_markup_or_links_a_user_typed(sent):
    assert set(sent) == template_names()
    bodies = {p.name for p in TEMPLATES.glob("*_body.txt")}
    assert bodies == {f"{name}_body.txt" for name in template_names()}
    for name, messages in sent.items():
        for n, (subject, text, html) in enumerate(messages):
            where = f"{name}[{n}]"
            assert_plain(subject, f"{where} subject")
            assert_plain(text, f"{where} text")
            assert_html_is_the_sites(html, f"{where} html")
            assert MARK in text and MARK in html, f"{where} lost the user's text"
    # ... and what was delivered is what was checked.
    assert len(mail.outbox) == sum(len(m) for m in sent.values())
    for message in mail.outbox:
        (html, mimetype), *_ = message.alternatives
        assert mimetype == "text/html"
        assert_plain(message.subject, f"{message.subject} subject")
        assert_plain(message.body, f"{message.subject} text")
        assert_html_is_the_sites(html, f"{message.subject} html")


def test_site_links_stay_clickable_and_typed_text_is_kept_escaped_or_stripped(sent):
    (_, text, html), *_ = sent["invited_reviewer"]
    hrefs = lxml.html.document_fromstring(html).xpath("//a/@href")
    assert len(hrefs) == 1 and re.fullmatch(SITE + r"/reviews/[0-9a-f-]{36}/", hrefs[0])
    assert "&lt;img src=&quot;https://tracker.example/title.gif&quot;&gt;" in html
    assert f"{MARK}-title click bold &lt;img src=x&gt; https://evil.example/typed" in text
    ((_, text, html),) = sent["password_reset"]
    (link,) = lxml.html.document_fromstring(html).xpath("//a/@href")
    assert link.startswith(SITE + "/accounts/password/reset/")
    assert link in text


def test_a_letters_quoted_lines_are_a_blockquote_in_html_and_keep_their_marks_in_text(sent):
    (_, text, html), *_ = sent["decision_author"]
    (quote,) = lxml.html.document_fromstring(html).xpath("//blockquote")
    # two paragraphs (the ">" line between them), without their quote marks
    starts = [p.text_content().split()[0] for p in quote.findall("p")]
    assert starts == [f"{MARK}-quoted", f"{MARK}-quoted-again"]
    assert "&lt;img src=&quot;https://tracker.example/quoted.gif&quot;&gt;" in html
    assert f"> {MARK}-quoted " in text and "\n>\n" in text
