"""Implementation reports (issue 15, item 3): colleagues who ran a published resource say how
it went. Moderated: a report shows nowhere public before an editor approves it.

models        ImplementationReport (a django_fsm state machine) and ReportLog
permissions   who sees, edits, moderates and answers a report
services      one function per action: permission, transaction and row lock, log, e-mail
throttle      how many reports an account may post (per day, one pending per resource)
forms, views, urls: the pages; serializers, api: /api/v1/reports/ and a resource's reports;
templatetags: the resource page's section and the editor desk's "Reports to moderate"
"""
