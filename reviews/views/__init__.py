"""Workflow pages: contributor (submissions), reviewer (reviews) and editor (editor desk).

Views are thin: they find the object the user may see (404 otherwise), call one
service, and show the result. `common` holds what the three areas share.
"""
