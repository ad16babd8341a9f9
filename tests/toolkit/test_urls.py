"""The public URL contract (DESIGN §10) pinned both ways: each named route reverses to its
documented literal path and that path resolves back to the route; every named route is listed."""

import re
from pathlib import Path

import pytest
from django.urls import URLResolver, get_resolver, resolve, reverse

from catalog.lists.models import SavedList
from catalog.models import Resource, ResourceVersion, file_url
from reviews.models import ReviewAssignment, Submission

ROOT = Path(__file__).resolve().parents[2]
U = "0b7f8a3e-5c1d-4e2f-9a6b-1c2d3e4f5a6b"
V = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"

# name, arguments, the literal path. Add a row with every new route.
CONTRACT = [
    # site
    ("home", [], "/"),
    ("healthz", [], "/healthz"),
    ("robots", [], "/robots.txt"),
    # site pages (toolkit.pages)
    ("pages:about", [], "/about/"),
    ("pages:board", [], "/about/board/"),
    ("pages:peer-review", [], "/about/peer-review/"),
    ("pages:authors", [], "/about/authors/"),
    ("pages:reviewers", [], "/about/reviewers/"),
    ("pages:privacy", [], "/about/privacy/"),
    ("pages:terms", [], "/about/terms/"),
    ("pages:accessibility", [], "/about/accessibility/"),
    ("pages:contact", [], "/about/contact/"),
    # public catalog
    ("catalog:resource-list", [], "/catalog/"),
    ("catalog:resource-feed", [], "/catalog/feed/"),
    ("catalog:feed-stylesheet", [], "/catalog/feed.xsl"),
    ("catalog:resource-detail", ["race-in-algorithms"], "/catalog/race-in-algorithms/"),
    ("catalog:resource-version", ["race-in-algorithms", 2], "/catalog/race-in-algorithms/v2/"),
    ("catalog:resource-file", ["race-in-algorithms", U], f"/catalog/race-in-algorithms/files/{U}/"),
    (
        "catalog:resource-share-image",
        ["race-in-algorithms", 2],
        "/catalog/race-in-algorithms/v2/share.png",
    ),
    ("catalog:resource-cite-ris", ["a-case"], "/catalog/a-case/cite.ris"),
    ("catalog:resource-cite-bib", ["a-case"], "/catalog/a-case/cite.bib"),
    ("catalog:resource-cite-json", ["a-case"], "/catalog/a-case/cite.json"),
    ("catalog:resource-version-cite-ris", ["a-case", 1], "/catalog/a-case/v1/cite.ris"),
    ("catalog:resource-version-cite-bib", ["a-case", 1], "/catalog/a-case/v1/cite.bib"),
    ("catalog:resource-version-cite-json", ["a-case", 1], "/catalog/a-case/v1/cite.json"),
    ("catalog:resource-materials", ["a-case"], "/catalog/a-case/materials.zip"),
    ("catalog:resource-version-materials", ["a-case", 1], "/catalog/a-case/v1/materials.zip"),
    ("catalog:resource-facilitator-sheet", ["a-case"], "/catalog/a-case/facilitator-sheet/"),
    (
        "catalog:resource-version-facilitator-sheet",
        ["a-case", 1],
        "/catalog/a-case/v1/facilitator-sheet/",
    ),
    ("catalog:oai", [], "/oai"),
    ("catalog:sitemap", [], "/sitemap.xml"),
    ("catalog:search-log", [], "/editor/searches/"),
    ("catalog:collection-list", [], "/collections/"),
    ("catalog:collection-detail", ["language-access"], "/collections/language-access/"),
    (
        "catalog:collection-map",
        ["language-access"],
        "/collections/language-access/curriculum-map/",
    ),
    (
        "catalog:collection-map-csv",
        ["language-access"],
        "/collections/language-access/curriculum-map.csv",
    ),
    # saved lists (catalog.lists): the owner's pages and the read-only share link
    ("lists:index", [], "/lists/"),
    ("lists:save", [], "/lists/save/"),
    ("lists:detail", [U], f"/lists/{U}/"),
    ("lists:settings", [U], f"/lists/{U}/settings/"),
    ("lists:delete", [U], f"/lists/{U}/delete/"),
    ("lists:share", [U], f"/lists/{U}/share/"),
    ("lists:print", [U], f"/lists/{U}/print/"),
    ("lists:map", [U], f"/lists/{U}/curriculum-map/"),
    ("lists:map-csv", [U], f"/lists/{U}/curriculum-map.csv"),
    ("lists:export-ris", [U], f"/lists/{U}/export.ris"),
    ("lists:export-bib", [U], f"/lists/{U}/export.bib"),
    ("lists:export-json", [U], f"/lists/{U}/export.json"),
    ("lists:item-note", [U, "a-case"], f"/lists/{U}/items/a-case/note/"),
    ("lists:item-move", [U, "a-case"], f"/lists/{U}/items/a-case/move/"),
    ("lists:item-remove", [U, "a-case"], f"/lists/{U}/items/a-case/remove/"),
    ("lists:shared", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/"),
    ("lists:shared-print", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/print/"),
    ("lists:shared-map", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/curriculum-map/"),
    ("lists:shared-map-csv", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/curriculum-map.csv"),
    ("lists:shared-export-ris", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/export.ris"),
    ("lists:shared-export-bib", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/export.bib"),
    ("lists:shared-export-json", ["Tok3n_-x"], "/lists/shared/Tok3n_-x/export.json"),
    # accounts
    ("accounts:login", [], "/accounts/login/"),
    ("accounts:logout", [], "/accounts/logout/"),
    ("accounts:signup", [], "/accounts/signup/"),
    ("accounts:profile", [], "/accounts/profile/"),
    ("accounts:token", [], "/accounts/token/"),
    ("accounts:token-create", [], "/accounts/token/create/"),
    ("accounts:token-revoke", [], "/accounts/token/revoke/"),
    ("accounts:password_change", [], "/accounts/password/change/"),
    ("accounts:password_reset", [], "/accounts/password/reset/"),
    ("accounts:password_reset_done", [], "/accounts/password/reset/sent/"),
    (
        "accounts:password_reset_confirm",
        ["MQ", "set-password"],
        "/accounts/password/reset/MQ/set-password/",
    ),
    ("accounts:password_reset_complete", [], "/accounts/password/reset/done/"),
    # contributors
    ("reviews:submission-list", [], "/submissions/"),
    ("reviews:submission-new", [], "/submissions/new/"),
    ("reviews:submission-detail", [U], f"/submissions/{U}/"),
    ("reviews:submission-edit", [U, "materials"], f"/submissions/{U}/edit/materials/"),
    ("reviews:submission-file", [U, V], f"/submissions/{U}/files/{V}/"),
    ("reviews:submission-file-add", [U], f"/submissions/{U}/files/add/"),
    ("reviews:submission-file-remove", [U, V], f"/submissions/{U}/files/{V}/remove/"),
    ("reviews:submission-link-add", [U], f"/submissions/{U}/links/add/"),
    ("reviews:submission-submit", [U], f"/submissions/{U}/submit/"),
    ("reviews:submission-appeal", [U], f"/submissions/{U}/appeal/"),
    ("reviews:submission-usage-csv", [U], f"/submissions/{U}/usage.csv"),
    ("reviews:submission-resubmit", [U], f"/submissions/{U}/resubmit/"),
    ("reviews:submission-withdraw", [U], f"/submissions/{U}/withdraw/"),
    ("reviews:submission-delete", [U], f"/submissions/{U}/delete/"),
    ("reviews:submission-new-version", [U], f"/submissions/{U}/new-version/"),
    # reviewers
    ("reviews:reviewer-assignments", [], "/reviews/"),
    ("reviews:reviewer-assignment", [U], f"/reviews/{U}/"),
    ("reviews:reviewer-accept", [U], f"/reviews/{U}/accept/"),
    ("reviews:reviewer-decline", [U], f"/reviews/{U}/decline/"),
    # currency re-review (issue 16 item 4)
    ("reviews:reviewer-currency", [U], f"/reviews/currency/{U}/"),
    ("reviews:reviewer-currency-accept", [U], f"/reviews/currency/{U}/accept/"),
    ("reviews:reviewer-currency-decline", [U], f"/reviews/currency/{U}/decline/"),
    ("reviews:reviewer-currency-submit", [U], f"/reviews/currency/{U}/submit/"),
    (
        "reviews:editor-currency-open",
        ["race-in-algorithms"],
        "/editor/currency/open/race-in-algorithms/",
    ),
    (
        "reviews:editor-currency-resource",
        ["race-in-algorithms"],
        "/editor/currency/resources/race-in-algorithms/",
    ),
    (
        "reviews:editor-currency-review-by",
        ["race-in-algorithms"],
        "/editor/currency/resources/race-in-algorithms/review-by/",
    ),
    ("reviews:editor-currency", [U], f"/editor/currency/{U}/"),
    ("reviews:editor-currency-invite", [U], f"/editor/currency/{U}/invite/"),
    ("reviews:editor-currency-cancel", [U], f"/editor/currency/{U}/cancel/"),
    ("reviews:editor-currency-decide", [U, "recertify"], f"/editor/currency/{U}/decide/recertify/"),
    ("reviews:reviewer-save", [U], f"/reviews/{U}/save/"),
    ("reviews:reviewer-autosave", [U], f"/reviews/{U}/autosave/"),
    ("reviews:reviewer-submit", [U], f"/reviews/{U}/submit/"),
    ("reviews:reviewer-extension", [U], f"/reviews/{U}/more-time/"),
    ("reviews:reviewer-extension-withdraw", [U], f"/reviews/{U}/more-time/withdraw/"),
    ("reviews:reviewer-history", [], "/reviews/history/"),
    ("reviews:reviewer-certificate", [2026], "/reviews/history/2026/certificate.pdf"),
    ("reviews:thank-you-latest", [], "/reviewers/"),
    ("reviews:thank-you", [2026], "/reviewers/2026/"),
    # editors
    ("reviews:editor-queue", [], "/editor/"),
    ("reviews:editor-submission", [U], f"/editor/submissions/{U}/"),
    ("reviews:editor-invite", [U], f"/editor/submissions/{U}/invite/"),
    ("reviews:editor-decide", [U, "accept"], f"/editor/submissions/{U}/decide/accept/"),
    ("reviews:editor-decision", [U], f"/editor/submissions/{U}/decision/"),
    ("reviews:editor-preview", [U], f"/editor/submissions/{U}/preview/"),
    ("reviews:editor-remind", [U, V], f"/editor/submissions/{U}/assignments/{V}/remind/"),
    ("reviews:editor-cancel", [U, V], f"/editor/submissions/{U}/assignments/{V}/cancel/"),
    ("reviews:editor-reviewer", [7], "/editor/reviewers/7/"),
    (
        "reviews:editor-rate-review",
        [U, V],
        f"/editor/submissions/{U}/assignments/{V}/helpfulness/",
    ),
    (
        "reviews:editor-extension-approve",
        [U, V],
        f"/editor/submissions/{U}/more-time/{V}/approve/",
    ),
    ("reviews:editor-extension-refuse", [U, V], f"/editor/submissions/{U}/more-time/{V}/refuse/"),
    ("mail:undelivered", [], "/editor/mail/"),
    ("mail:resend", [U], f"/editor/mail/{U}/resend/"),
    # API
    ("api:schema", [], "/api/schema/"),
    ("api:docs", [], "/api/docs/"),
    ("api:api-root", [], "/api/v1/"),
    ("api:metrics", [], "/api/v1/metrics/"),
    ("api:resource-list", [], "/api/v1/resources/"),
    ("api:resource-detail", ["a-case"], "/api/v1/resources/a-case/"),
    ("api:collection-list", [], "/api/v1/collections/"),
    ("api:collection-detail", ["language-access"], "/api/v1/collections/language-access/"),
    ("api:learner-levels-list", [], "/api/v1/learner-levels/"),
    ("api:learner-levels-detail", ["clerkship"], "/api/v1/learner-levels/clerkship/"),
    ("api:resource-types-list", [], "/api/v1/resource-types/"),
    ("api:resource-types-detail", ["case"], "/api/v1/resource-types/case/"),
    ("api:topics-list", [], "/api/v1/topics/"),
    ("api:topics-detail", ["implicit-bias"], "/api/v1/topics/implicit-bias/"),
    ("api:instructional-methods-list", [], "/api/v1/instructional-methods/"),
    ("api:instructional-methods-detail", ["im001"], "/api/v1/instructional-methods/im001/"),
    ("api:licenses-list", [], "/api/v1/licenses/"),
    ("api:licenses-detail", ["cc-by-4-0"], "/api/v1/licenses/cc-by-4-0/"),
    ("api:languages-list", [], "/api/v1/languages/"),
    ("api:languages-detail", ["en"], "/api/v1/languages/en/"),
    ("api:competencies-list", [], "/api/v1/competencies/"),
    ("api:competencies-detail", ["acgme-sbp"], "/api/v1/competencies/acgme-sbp/"),
    ("api:submission-list", [], "/api/v1/submissions/"),
    ("api:submission-detail", [U], f"/api/v1/submissions/{U}/"),
    ("api:submission-files", [U], f"/api/v1/submissions/{U}/files/"),
    ("api:submission-remove-file", [U, V], f"/api/v1/submissions/{U}/files/{V}/"),
    ("api:submission-download", [U, V], f"/api/v1/submissions/{U}/files/{V}/download/"),
    ("api:submission-assignments", [U], f"/api/v1/submissions/{U}/assignments/"),
    ("api:submission-transitions", [U, "submit"], f"/api/v1/submissions/{U}/transitions/submit/"),
    ("api:assignment-list", [], "/api/v1/assignments/"),
    ("api:assignment-detail", [U], f"/api/v1/assignments/{U}/"),
    ("api:assignment-review", [U], f"/api/v1/assignments/{U}/review/"),
    ("api:assignment-helpfulness", [U], f"/api/v1/assignments/{U}/helpfulness/"),
    ("api:assignment-transitions", [U, "accept"], f"/api/v1/assignments/{U}/transitions/accept/"),
    ("api:assignment-extensions", [U], f"/api/v1/assignments/{U}/extensions/"),
    (
        "api:assignment-answer-extension",
        [U, V, "approve"],
        f"/api/v1/assignments/{U}/extensions/{V}/approve/",
    ),
    ("api:savedlist-list", [], "/api/v1/lists/"),
    ("api:savedlist-detail", [U], f"/api/v1/lists/{U}/"),
    ("api:savedlist-items", [U], f"/api/v1/lists/{U}/items/"),
    ("api:savedlist-item", [U, "a-case"], f"/api/v1/lists/{U}/items/a-case/"),
    ("api:savedlist-share", [U], f"/api/v1/lists/{U}/share/"),
    # implementation reports (catalog.reports)
    ("reports:new", ["a-case"], "/catalog/a-case/reports/new/"),
    ("reports:mine", [], "/reports/"),
    ("reports:detail", [U], f"/reports/{U}/"),
    ("reports:edit", [U], f"/reports/{U}/edit/"),
    ("reports:withdraw", [U], f"/reports/{U}/withdraw/"),
    ("reports:approve", [U], f"/reports/{U}/approve/"),
    ("reports:reject", [U], f"/reports/{U}/reject/"),
    ("reports:hide", [U], f"/reports/{U}/hide/"),
    ("reports:answer", [U], f"/reports/{U}/answer/"),
    ("api:resource-reports-list", ["a-case"], "/api/v1/resources/a-case/reports/"),
    ("api:report-list", [], "/api/v1/reports/"),
    ("api:report-detail", [U], f"/api/v1/reports/{U}/"),
    ("api:report-withdraw", [U], f"/api/v1/reports/{U}/withdraw/"),
    ("api:report-approve", [U], f"/api/v1/reports/{U}/approve/"),
    ("api:report-reject", [U], f"/api/v1/reports/{U}/reject/"),
    ("api:report-hide", [U], f"/api/v1/reports/{U}/hide/"),
    ("api:report-answer", [U], f"/api/v1/reports/{U}/answer/"),
]


def named_routes(patterns=None, namespace=""):
    """Every route name of the site as "namespace:name" (Django's admin aside)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from named_routes(pattern.url_patterns, inner)
        elif pattern.name:
            yield ":".join(filter(None, [namespace, pattern.name]))


@pytest.mark.parametrize(("name", "args", "path"), CONTRACT, ids=[row[0] for row in CONTRACT])
def test_each_named_route_reverses_to_its_documented_path_and_back(name, args, path):
    assert reverse(name, args=args) == path
    assert resolve(path).view_name == name


def test_every_named_route_of_the_site_is_in_the_contract_table():
    assert sorted(set(named_routes())) == sorted(name for name, _, _ in CONTRACT)


def test_templates_build_site_links_with_url_tags_not_literal_paths():
    literal = re.compile(r'\b(?:href|action|formaction|src)="/(?!/)')
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if literal.search(line)
    ]
    assert found == []


def test_models_with_a_page_give_its_path():
    submission = Submission(uuid=U)
    assert submission.get_absolute_url() == f"/submissions/{U}/"
    assert submission.get_editor_url() == f"/editor/submissions/{U}/"
    assert ReviewAssignment(uuid=V).get_absolute_url() == f"/reviews/{V}/"
    resource = Resource(slug="a-case")
    assert resource.get_absolute_url() == "/catalog/a-case/"
    assert ResourceVersion(resource=resource, number=3).get_absolute_url() == "/catalog/a-case/v3/"
    assert file_url("a-case", V) == f"/catalog/a-case/files/{V}/"
    assert SavedList(uuid=U).get_absolute_url() == f"/lists/{U}/"
    assert SavedList(share_token="Tok3n").share_path() == "/lists/shared/Tok3n/"


def current_links(page: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" aria-current="page"', page)


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/catalog/?q=bias", "/catalog/"),
        ("/editor/searches/", "/editor/"),
        ("/editor/mail/", "/editor/"),
        ("/accounts/profile/", "/accounts/profile/"),
        ("/lists/", "/lists/"),
        ("/", None),
    ],
)
def test_the_main_menu_marks_the_section_of_the_page(editor_client, path, current):
    page = editor_client.get(path).content.decode()
    assert current_links(page) == ([current] if current else [])
