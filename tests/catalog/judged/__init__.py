"""A judged query set for the demo catalog and the figures it gives (issue 13, item 8).

`python -m tests.catalog.judged` (run by `make search-quality` on a freshly seeded demo
database) prints nDCG@10 and success@3 per kind of query; test_search_quality.py guards them.
"""
