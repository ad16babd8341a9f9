"""Keeping published resources current (issue 16 item 4): review-by dates, external link
checks and the editable list of outdated or harmful terms.

models     LinkCheck (one row per external link), OutdatedTerm, TermFlag
services   the review-by date, link extraction, term matching, the editors' queue
links      the polite link checker behind `manage.py check_links`
"""
