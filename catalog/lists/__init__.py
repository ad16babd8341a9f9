"""Saved lists: an instructor's private lists of published resources (issue 15, item 2).

models        SavedList and SavedItem
permissions   who may manage a list (its owner) and read it (anyone with its share link)
services      one function per action: permission, transaction and row lock, log
entries       what a list shows of each saved resource (retired, updated since saved), and
              the citation records of a whole list (catalog.citations.render_many writes
              its RIS, BibTeX and CSL-JSON)
forms, views, urls: the pages; serializers, api: /api/v1/lists/
"""
