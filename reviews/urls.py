"""Workflow pages (DESIGN §10). Transitions are POST-only."""

from django.urls import path

from .views import (
    common,
    contributor,
    currency,
    editor,
    extension_actions,
    preview,
    recognition,
    reviewer,
    wizard,
)

app_name = "reviews"

urlpatterns = [
    path(
        "submissions/<uuid:uuid>/files/<uuid:file_uuid>/",
        common.download,
        name="submission-file",
    ),
    # --- contributor: /submissions/
    path("submissions/", contributor.submission_list, name="submission-list"),
    path("submissions/new/", wizard.submission_new, name="submission-new"),
    path("submissions/<uuid:uuid>/", contributor.submission_detail, name="submission-detail"),
    path(
        "submissions/<uuid:uuid>/edit/<slug:step>/",
        wizard.submission_edit,
        name="submission-edit",
    ),
    path("submissions/<uuid:uuid>/files/add/", wizard.file_add, name="submission-file-add"),
    path("submissions/<uuid:uuid>/links/add/", wizard.link_add, name="submission-link-add"),
    path(
        "submissions/<uuid:uuid>/files/<uuid:file_uuid>/remove/",
        wizard.file_remove,
        name="submission-file-remove",
    ),
    path("submissions/<uuid:uuid>/submit/", contributor.submit, name="submission-submit"),
    path(
        "submissions/<uuid:uuid>/usage.csv",
        contributor.submission_usage_csv,
        name="submission-usage-csv",
    ),
    path("submissions/<uuid:uuid>/resubmit/", contributor.resubmit, name="submission-resubmit"),
    path("submissions/<uuid:uuid>/withdraw/", contributor.withdraw, name="submission-withdraw"),
    path("submissions/<uuid:uuid>/appeal/", contributor.appeal, name="submission-appeal"),
    path("submissions/<uuid:uuid>/delete/", contributor.delete, name="submission-delete"),
    path(
        "submissions/<uuid:uuid>/new-version/",
        contributor.new_version,
        name="submission-new-version",
    ),
    # --- reviewer: /reviews/
    path("reviews/", reviewer.AssignmentListView.as_view(), name="reviewer-assignments"),
    path("reviews/history/", recognition.history, name="reviewer-history"),
    path(
        "reviews/history/<int:year>/certificate.pdf",
        recognition.certificate,
        name="reviewer-certificate",
    ),
    path("reviewers/", recognition.thank_you_latest, name="thank-you-latest"),
    path("reviewers/<int:year>/", recognition.thank_you, name="thank-you"),
    path(
        "reviews/<uuid:uuid>/",
        reviewer.AssignmentDetailView.as_view(),
        name="reviewer-assignment",
    ),
    path("reviews/<uuid:uuid>/accept/", reviewer.accept, name="reviewer-accept"),
    path("reviews/<uuid:uuid>/decline/", reviewer.decline, name="reviewer-decline"),
    path("reviews/<uuid:uuid>/save/", reviewer.save, name="reviewer-save"),
    path("reviews/<uuid:uuid>/autosave/", reviewer.autosave, name="reviewer-autosave"),
    path("reviews/<uuid:uuid>/submit/", reviewer.submit, name="reviewer-submit"),
    path("reviews/<uuid:uuid>/more-time/", extension_actions.ask, name="reviewer-extension"),
    path(
        "reviews/<uuid:uuid>/more-time/withdraw/",
        extension_actions.withdraw,
        name="reviewer-extension-withdraw",
    ),
    # --- currency re-review (issue 16 item 4): the reviewer, then the editor
    path("reviews/currency/<uuid:uuid>/", currency.reviewer_detail, name="reviewer-currency"),
    path("reviews/currency/<uuid:uuid>/accept/", currency.accept, name="reviewer-currency-accept"),
    path(
        "reviews/currency/<uuid:uuid>/decline/", currency.decline, name="reviewer-currency-decline"
    ),
    path("reviews/currency/<uuid:uuid>/submit/", currency.submit, name="reviewer-currency-submit"),
    path("editor/currency/open/<slug:slug>/", currency.open_review, name="editor-currency-open"),
    path(
        "editor/currency/resources/<slug:slug>/",
        currency.resource_detail,
        name="editor-currency-resource",
    ),
    path(
        "editor/currency/resources/<slug:slug>/review-by/",
        currency.review_by,
        name="editor-currency-review-by",
    ),
    path("editor/currency/<uuid:uuid>/", currency.editor_detail, name="editor-currency"),
    path("editor/currency/<uuid:uuid>/invite/", currency.invite, name="editor-currency-invite"),
    path("editor/currency/<uuid:uuid>/cancel/", currency.cancel, name="editor-currency-cancel"),
    path(
        "editor/currency/<uuid:uuid>/decide/<slug:name>/",
        currency.decide,
        name="editor-currency-decide",
    ),
    # --- editor: /editor/
    path("editor/", editor.queue, name="editor-queue"),
    path("editor/submissions/<uuid:uuid>/", editor.submission_detail, name="editor-submission"),
    path("editor/submissions/<uuid:uuid>/invite/", editor.invite, name="editor-invite"),
    path("editor/submissions/<uuid:uuid>/decision/", editor.decision, name="editor-decision"),
    path("editor/submissions/<uuid:uuid>/preview/", preview.preview, name="editor-preview"),
    path(
        "editor/submissions/<uuid:uuid>/decide/<slug:name>/",
        editor.decide,
        name="editor-decide",
    ),
    path("editor/reviewers/<int:pk>/", recognition.reviewer_record, name="editor-reviewer"),
    path(
        "editor/submissions/<uuid:uuid>/assignments/<uuid:assignment_uuid>/helpfulness/",
        recognition.rate,
        name="editor-rate-review",
    ),
    path(
        "editor/submissions/<uuid:uuid>/assignments/<uuid:assignment_uuid>/remind/",
        editor.remind,
        name="editor-remind",
    ),
    path(
        "editor/submissions/<uuid:uuid>/assignments/<uuid:assignment_uuid>/cancel/",
        editor.cancel,
        name="editor-cancel",
    ),
    path(
        "editor/submissions/<uuid:uuid>/more-time/<uuid:extension_uuid>/approve/",
        extension_actions.approve,
        name="editor-extension-approve",
    ),
    path(
        "editor/submissions/<uuid:uuid>/more-time/<uuid:extension_uuid>/refuse/",
        extension_actions.refuse,
        name="editor-extension-refuse",
    ),
]
