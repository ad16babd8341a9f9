"""Anonymised copies of uploads for reviewers, within bounded work (issue 11 items 3 and 4).

`reviews.files` is the entry point (validate_upload, sanitize, extract_text, metadata_text,
identity_flags); these modules do the work: `limits` (bounds and refusals), `opc` and
`xmlparts` and `office` (Office Open XML), `pdf`, `media` (images and MP4), `text` (streamed
Word and PowerPoint text) and `residue` (what a cleaned copy still says, for the editor).
"""
