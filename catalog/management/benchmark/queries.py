"""The requests a benchmark sends: a different one every time, for each kind of search.

Words are chosen by their real document frequency in the catalog under test (the
search engine counts them), from the vocabulary seed_corpus writes with, so "a word
in about 4 % of the resources" is one, whatever the corpus' size.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from catalog import facets, search
from catalog.management.corpus import CONTENT_WORDS, MIDDLE_WORDS, RARE_WORDS
from catalog.models import Resource
from catalog.search import engine as engines

BROWSE_KINDS = ("browse", "browse + level", "facet-only", "many facets")
NEAR = 2.0  # how far a kind's words may be from its share of the catalog (a factor)
MIN_WORDS = 5


@dataclass(frozen=True)
class Kind:
    """One kind of request and its paths, all different."""

    name: str
    paths: list[str]

    @property
    def browsing(self) -> bool:
        return self.name in BROWSE_KINDS


def document_shares(words: list[str]) -> dict[str, float]:
    """word (or query) -> share of the published resources it finds (the engine's count)."""
    engine = engines.synced()
    total = max(1, engine.searcher.num_docs)
    return {w: engine.count(engine.query(search.parse_query(w))) / total for w in words}


def _near(shares: dict[str, float], target: float, n: int) -> list[str]:
    """At most n words, nearest `target` first (by ratio), each found in between 1/NEAR and
    NEAR times the share `target` of the catalog; on a catalog too small for MIN_WORDS such
    words, the MIN_WORDS nearest. (`_distinct` makes more queries of them: without the
    bound, the 2,000 requests of the load test took every word of the vocabulary for each
    kind, and its "rare words" found 18 % of the catalog.)"""
    ranked = sorted(
        (w for w, s in shares.items() if s > 0), key=lambda w: abs(shares[w] / target - 1)
    )
    within = [w for w in ranked if target / NEAR <= shares[w] <= target * NEAR]
    return (within if len(within) >= MIN_WORDS else ranked[:MIN_WORDS])[:n]


def _path(params: dict | list[tuple[str, str]]) -> str:
    return "/catalog/?" + urlencode(params, doseq=True) if params else "/catalog/"


def _distinct(base: list[str], filler: list[str], n: int) -> list[str]:
    """n different queries: the base words, then each ANDed with a word of nearly every
    resource (`filler`), which keeps the share of the catalog they match nearly the same."""
    out = list(base)
    for f in filler:
        out += [f"{w} {f}" for w in base if w != f]
    return out[:n]


def kinds(n: int, seed: int = 7) -> list[Kind]:
    """`n` different requests of each kind."""
    rng = random.Random(seed)  # noqa: S311 - benchmark data, not security
    shares = document_shares(sorted({*CONTENT_WORDS, *MIDDLE_WORDS, *RARE_WORDS}))
    top = sorted(shares, key=shares.__getitem__, reverse=True)
    filler = top[:20]
    rare = _distinct(_near(shares, 0.003, n), filler, n)
    medium = _distinct(_near(shares, 0.04, n), filler, n)
    broad = _distinct(_near(shares, 0.13, n), filler, n)
    broadest = _distinct(top[:3], filler, n)
    index = facets.get_index()
    levels = sorted(index.bits["level"])
    values = [
        (name, v)
        for name in ("type", "topic", "language", "year", "method")
        for v in sorted(index.bits.get(name, {}))
    ]
    titles = list(
        Resource.objects.published().order_by("?").values_list("title", flat=True)[: n * 3]
    )

    def pages(make: Callable[[int], dict | list]) -> list[str]:
        return [_path(make(i)) for i in range(n)]

    phrases = []
    for title in titles:
        words = title.lower().split()
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            phrase = f'"{words[i]} {words[i + 1]}"'
            if phrase not in phrases:
                phrases.append(phrase)
    singles = [q for q in medium + broad if " " not in q]
    pairs = {" ".join(sorted(rng.sample(singles, 2))) for _ in range(n * 4)}
    return [
        Kind("rare word", [_path({"q": w}) for w in rare]),
        Kind("medium word", [_path({"q": w}) for w in medium]),
        Kind("broad word", [_path({"q": w}) for w in broad]),
        Kind("broadest word", [_path({"q": w}) for w in broadest]),
        Kind("two words", [_path({"q": q}) for q in sorted(pairs)[:n]]),
        Kind("phrase", [_path({"q": p}) for p in phrases[:n]]),
        Kind(
            "exclusion/or",
            pages(
                lambda i: (
                    {"q": f"{broad[i % len(broad)]} -{medium[i % len(medium)]}"}
                    if i % 2
                    else {"q": f"{rare[i % len(rare)]} or {rare[(i + 1) % len(rare)]}"}
                )
            ),
        ),
        Kind(
            "words + level",
            pages(lambda i: {"q": broad[i % len(broad)], "level": levels[i % len(levels)]}),
        ),
        Kind(
            "browse",
            pages(lambda i: {"page": i + 1} if i % 2 else {"page": i + 1, "sort": "title"}),
        ),
        Kind(
            "browse + level",
            pages(lambda i: {"level": levels[i % len(levels)], "page": i // len(levels) + 1}),
        ),
        Kind(
            "facet-only",
            pages(lambda i: [values[i % len(values)], ("page", str(i // len(values) + 1))]),
        ),
        Kind(
            "many facets",
            pages(
                lambda i: [
                    ("level", levels[i % len(levels)]),
                    ("level", levels[(i + 3) % len(levels)]),
                    values[i % len(values)],
                    values[(i * 7 + 1) % len(values)],
                    ("max_minutes", str([30, 60, 120, 240][i % 4])),
                ]
            ),
        ),
    ]


# The load test's kinds and their shares of its requests (issue 13 item 6).
MIX = (
    ("rare word", 0.50),
    ("medium word", 0.30),
    ("broad word", 0.10),
    ("broadest word", 0.05),
    ("browse", 0.05),
)


def shares_found(requests: list[tuple[str, str]]) -> dict[str, float]:
    """kind -> median share of the catalog its requests find (browsing finds it all)."""
    texts = [(name, parse_qs(urlsplit(path).query).get("q", [""])[0]) for name, path in requests]
    shares = document_shares([text for _, text in texts if text])
    found: dict[str, list[float]] = {}
    for name, text in texts:
        found.setdefault(name, []).append(shares[text] if text else 1.0)
    return {name: statistics.median(shares) for name, shares in found.items()}


def search_mix(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """The load test's search mix, (kind, path): 50 % rare words, 30 % ~4 %, 10 % ~13 %,
    5 % broadest, 5 % browsing; different paths as far as the vocabulary allows."""
    by_name = {k.name: k.paths for k in kinds(n, seed)}
    mix = []
    for name, share in MIX:
        pool = by_name[name]
        mix += [(name, pool[i % len(pool)]) for i in range(round(n * share))]
    random.Random(seed).shuffle(mix)  # noqa: S311 - benchmark data, not security
    return mix
