"""Highlighted snippets of the shown results: the only place search text becomes markup.

A result's snippet is the sentence of its prose that best matches the words: the one
with the most distinct query words, then the earliest field (summary, learning
objectives, description, materials, facilitator notes, evaluation, attachment text),
then the earliest sentence; a long sentence is cut around its matches at word
boundaries. Only when no prose matches is a labelled list shown ("Topic: …",
"Keywords: …"); when nothing but the title matches there is no snippet (the page
shows the summary). The choice is made in Python over the shown page's texts (about
20 resources: one query, one more for attachment text and one for topic names when
needed; the attachment text comes with the prose for several words), so it is the same
on both databases; catalog.search.stems finds the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .indexing import MAX_ATTACHMENT_CHARS
from .query import START, STOP, ParsedQuery, clean_text, parsed
from .reading import read_connection
from .stems import Span, Words

# The keywords, then the prose, best first; then, in a second query made only when the
# prose leaves words unmatched, the attachment text; and, only for the resources whose prose
# and attachment match none of the words, their topic names (a correlated subquery of every
# row's topics cost more than the prose itself: ~0.5 ms a page on PostgreSQL, ~1.4 ms cold).
# A search of several words reads the attachment text with the prose: one sentence seldom
# holds them all, so the second query was needed for most pages (85 % in the load test).
# Constant SQL; the ids are integers, one placeholder each.
_PROSE = """
SELECT r.id, r.keywords, r.summary, r.learning_objectives, r.description, r.materials,
       r.facilitator_notes, r.evaluation"""
PROSE_SQL = _PROSE + "\nFROM catalog_resource r WHERE r.id IN ({ids})"
PROSE_AND_ATTACHMENT_SQL = (
    _PROSE + ", substr(r.attachment_text, 1, %s)\nFROM catalog_resource r WHERE r.id IN ({ids})"
)
TOPICS_SQL = """
SELECT rt.resource_id, t.name FROM catalog_resource_topics rt
JOIN catalog_topic t ON t.id = rt.topic_id WHERE rt.resource_id IN ({ids})
"""
ATTACHMENT_SQL = """
SELECT id, substr(attachment_text, 1, %s) FROM catalog_resource
WHERE id IN ({ids}) AND attachment_text <> ''
"""
SNIPPET_CHARS = 200  # a longer sentence is cut around its matches
MAX_LISTED = 4  # matching topics or keywords shown
# A sentence ends at . ! ? … and its closing quotes or brackets, before spaces and anything
# but a lower-case letter; or at a line break. The pattern starts at one of those characters,
# which the regex engine finds quickly (one starting with a lookbehind was tried at every
# character, three times slower); `_sentence_end` leaves the spaces before a line break out.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(\s+)(?=[^\sa-z])|\n\s*")
_LEADING_MARKERS = re.compile(r"[\s\-*•#>]+")  # list and heading markers of a line
_MARKDOWN = re.compile(r"\*\*|__|`")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
# Line breaks in a snippet (between the summary and each objective): a separator on the
# one line a snippet is shown on, or just a space after a sentence's end.
_BREAK_AFTER_SENTENCE = re.compile(r"(?<=[.!?:;…])[ \t]*\n\s*")
_BREAK = re.compile(r"[ \t]*\n\s*")


def _one_line(text: str) -> str:
    return _BREAK.sub(" · ", _BREAK_AFTER_SENTENCE.sub(" ", text.strip()))


def highlight(marked: str) -> SafeString:
    """Escape `marked` and turn our START/STOP markers into balanced <mark> elements.

    Everything else is escaped, and a stray or unbalanced marker can never produce an
    unclosed element. Line breaks become separators, so that listed objectives do not
    run together.
    """
    out, open_ = [], False
    for piece in re.split(f"([{START}{STOP}])", _one_line(marked)):
        if piece == START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == STOP:
            if open_:
                out.append("</mark>")
                open_ = False
        elif piece:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - built from escaped text and our own tags


def _marked(text: str, spans: Sequence[Span], start: int, end: int) -> str:
    """text[start:end] with START/STOP around the spans; next marks merge across spaces."""
    parts, at = [], start
    for span in spans:
        if span.start >= at and span.end <= end:
            parts += [text[at : span.start], START, text[span.start : span.end], STOP]
            at = span.end
    parts.append(text[at:end])
    marked = re.sub(f"{STOP}([ \t]+){START}", r"\1", "".join(parts))
    return _LINK.sub(r"\1", _MARKDOWN.sub("", marked))


def highlight_words(text: str, words: Iterable[str] | Words) -> SafeString:
    """All of `text`, escaped, with the given words (stemmed, accent-folded) in <mark>."""
    words = words if isinstance(words, Words) else Words(words)
    text = clean_text(text)
    return highlight(_marked(text, words.find(text), 0, len(text)))


@dataclass(frozen=True)
class Sentence:
    """The best sentence found so far: how many distinct words it holds, and where it is."""

    distinct: int
    text: str
    start: int
    end: int
    spans: tuple[Span, ...]

    def snippet(self) -> SafeString:
        """The sentence, cut to about SNIPPET_CHARS around its matches, highlighted."""
        start, end = _window(self.text, self.start, self.end, self.spans)
        marked = _marked(self.text, self.spans, start, end)
        before, after = "…" if start > self.start else "", "…" if end < self.end else ""
        return highlight(before + marked + after)


def _distinct(spans: Iterable[Span]) -> int:
    return len({s.key for s in spans})


def _window(text: str, start: int, end: int, spans: Sequence[Span]) -> tuple[int, int]:
    """Where to cut a long sentence: the SNIPPET_CHARS holding the most distinct words
    (a little context before the first), at word boundaries."""
    if end - start <= SNIPPET_CHARS:
        return start, end
    windows = []
    for span in spans:
        cut_end = min(end, max(start, span.start - SNIPPET_CHARS // 4) + SNIPPET_CHARS)
        windows.append((max(start, cut_end - SNIPPET_CHARS), cut_end))

    def covered(window: tuple[int, int]) -> int:
        return _distinct(s for s in spans if s.start >= window[0] and s.end <= window[1])

    cut_start, cut_end = max(windows, key=covered, default=(start, start + SNIPPET_CHARS))
    inside = [s for s in spans if s.start >= cut_start and s.end <= cut_end]
    if cut_start > start and not text[cut_start - 1].isspace():
        space = text.find(" ", cut_start, inside[0].start if inside else cut_end)
        cut_start = space + 1 if space >= 0 else cut_start
    if cut_end < end and not text[cut_end].isspace():
        space = text.rfind(" ", inside[-1].end if inside else cut_start, cut_end)
        cut_end = space if space >= 0 else cut_end
    return cut_start, cut_end


def best_sentence(texts: Iterable[str], words: Words) -> Sentence | None:
    """The sentence of `texts` (in order of preference) holding the most distinct words."""
    best: Sentence | None = None
    everything = len(words.keys)
    for text in texts:
        spans = words.find(text) if text else []
        most = _distinct(spans)  # no sentence of this text can hold more
        if most <= (best.distinct if best else 0):
            continue  # an earlier sentence is as good as any here
        # Cleaned only once it matches: a control character becomes a space, and neither is
        # part of a word, so the words are found at the same offsets in either.
        text = clean_text(text)
        found = iter(spans)
        span = next(found, None)
        breaks = _SENTENCE_END.finditer(text)  # read as far as needed only
        start, following = 0, next(breaks, None)
        while span is not None and (best is None or best.distinct < most):
            # the sentence around `span`: between the breaks before and after it
            while following is not None and following.end() <= span.start:
                start, following = following.end(), next(breaks, None)
            end = _sentence_end(following, text, start) if following is not None else len(text)
            inside = []
            while span is not None and span.start < end:
                inside.append(span)
                span = next(found, None)
            lead = _LEADING_MARKERS.match(text, start, inside[0].start)
            shown = lead.end() if lead else start
            sentence = Sentence(_distinct(inside), text, shown, end, tuple(inside))
            if best is None or sentence.distinct > best.distinct:
                best = sentence
        if best is not None and best.distinct == everything:
            break  # no later sentence can do better
    return best


def _sentence_end(following: re.Match[str], text: str, start: int) -> int:
    """Where the sentence from `start` to the break `following` ends: after its . ! ? … and
    closing quotes or brackets, or before the spaces that lead to its line break."""
    end = following.start(1)
    if end < 0:
        end = following.start()
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


def _listed(label: str, plural: str, items: Iterable[str], words: Words) -> tuple[int, SafeString]:
    """(distinct words, "Label: item · item") of the matching items, or (0, "")."""
    matched = [(item, spans) for item in items if (spans := words.find(item))][:MAX_LISTED]
    if not matched:
        return 0, SafeString()
    marked = "\n".join(_marked(item, spans, 0, len(item)) for item, spans in matched)
    return _distinct(s for _, spans in matched for s in spans), format_html(
        '<span class="result__snippet-label">{}:</span> {}',
        label if len(matched) == 1 else plural,
        highlight(marked),
    )


def _labelled(topics: Sequence[str], keywords: str, words: Words) -> SafeString | None:
    """The topic or keyword list (the better, topics if equal) when it matches."""
    keyword_items = [k.strip() for k in re.split(r"[,;\n]", clean_text(keywords)) if k.strip()]
    by_topic = _listed("Topic", "Topics", map(clean_text, topics), words)
    by_keyword = _listed("Keyword", "Keywords", keyword_items, words)
    best = max(by_topic, by_keyword, key=lambda found: found[0])  # the first if equal
    return best[1] if best[0] else None


def _rows(sql: str, ids: list[int], *first: int) -> list[tuple]:
    """The rows of `sql` for these resource ids (none: no query)."""
    if not ids:
        return []
    connection = read_connection()  # the database the page reads (a replica, maybe)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=", ".join(["%s"] * len(ids))), [*first, *ids])
        return cursor.fetchall()


def snippets(
    query: str | ParsedQuery, resource_ids: Iterable, words: Iterable[str] | None = None
) -> dict[int, SafeString]:
    """Highlighted snippets of the given resources (the page slice only); absent if only
    the title matches. `words` (default: the query's) are those to find and highlight,
    say a query's words with their synonyms."""
    query = parsed(query)
    ids = [int(pk) for pk in resource_ids]
    wanted = Words(query.words if words is None else words)
    if not query or not ids or not wanted:
        return {}
    found: dict[int, Sentence | None] = {}
    keywords: dict[int, str] = {}
    several = len(wanted.keys) > 1
    rows = (
        _rows(PROSE_AND_ATTACHMENT_SQL, ids, MAX_ATTACHMENT_CHARS)
        if several
        else _rows(PROSE_SQL, ids)
    )
    for pk, listed, *texts in rows:  # the attachment text last: the least preferred
        found[pk] = best_sentence(texts, wanted)
        keywords[pk] = listed
    if not several:
        unfinished = [pk for pk, s in found.items() if s is None or s.distinct < len(wanted.keys)]
        for pk, text in _rows(ATTACHMENT_SQL, unfinished, MAX_ATTACHMENT_CHARS):
            sentence, earlier = best_sentence([text], wanted), found[pk]
            if sentence and (earlier is None or sentence.distinct > earlier.distinct):
                found[pk] = sentence
    result = {pk: s.snippet() for pk, s in found.items() if s is not None}
    unmatched = [pk for pk, s in found.items() if s is None]
    topics: dict[int, list[str]] = {pk: [] for pk in unmatched}
    for pk, name in _rows(TOPICS_SQL, unmatched):
        topics[pk].append(name)
    for pk in unmatched:
        labelled = _labelled(sorted(topics[pk]), keywords[pk], wanted)
        if labelled:
            result[pk] = labelled
    return result
