"""Curated collections (issue 15 item 1): models, public pages, API and the editors'
notices. Their transitions are `catalog.services`' (publish_collection, archive_collection)."""
