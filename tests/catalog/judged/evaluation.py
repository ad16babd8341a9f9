"""The judged query set, run through the public search API and scored.

`judged_set()` reads queries.yaml; `evaluate()` runs each query through a `search` callable
(the slugs it returns, best first) and scores it; `api_search()` is that callable for the
catalog's public contract, `GET /api/v1/resources/?q=…`; `table()` prints the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

import yaml
from django.test import Client

from tests.catalog.judged.metrics import ndcg_at, success_at

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
KINDS = ("plain", "typo", "abbreviation", "synonym", "spanish", "phrase", "broad")
K = 10
API_URL = "/api/v1/resources/"

Search = Callable[[str], list[str]]


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    kind: str
    grades: dict[str, int]


@dataclass(frozen=True)
class JudgedSet:
    queries: tuple[JudgedQuery, ...]
    floors: dict[str, dict[str, float]]  # database vendor -> {"ndcg_at_10", "success_at_3"}


@dataclass(frozen=True)
class Score:
    query: JudgedQuery
    ranking: tuple[str, ...]
    ndcg_at_10: float
    success_at_3: float


@dataclass(frozen=True)
class Row:
    kind: str
    queries: int
    ndcg_at_10: float
    success_at_3: float


def judged_set(path: Path = QUERIES_FILE) -> JudgedSet:
    """The queries and floors of queries.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = tuple(
        JudgedQuery(text=str(item["q"]), kind=item["kind"], grades=dict(item["grades"]))
        for item in data["queries"]
    )
    return JudgedSet(queries=queries, floors=data["floors"])


def score(query: JudgedQuery, ranking: list[str]) -> Score:
    """One query's nDCG@10 and success@3 for the slugs the search returned."""
    return Score(
        query=query,
        ranking=tuple(ranking[:K]),
        ndcg_at_10=ndcg_at(K, ranking, query.grades),
        success_at_3=success_at(3, ranking, query.grades),
    )


def evaluate(queries: Iterable[JudgedQuery], search: Search) -> list[Score]:
    """Every query run through `search` and scored."""
    return [score(query, search(query.text)) for query in queries]


def summary(scores: list[Score]) -> list[Row]:
    """Mean figures per kind (in KINDS order, kinds with no query left out), then overall."""
    groups = [(kind, [s for s in scores if s.query.kind == kind]) for kind in KINDS]
    groups.append(("overall", scores))
    return [
        Row(
            kind=kind,
            queries=len(group),
            ndcg_at_10=fmean(s.ndcg_at_10 for s in group),
            success_at_3=fmean(s.success_at_3 for s in group),
        )
        for kind, group in groups
        if group
    ]


def table(rows: list[Row]) -> str:
    """The figures as a plain-text table: kind, queries, nDCG@10, success@3."""
    lines = [f"{'kind':<14}{'queries':>8}{'nDCG@10':>10}{'success@3':>11}"]
    lines += [
        f"{row.kind:<14}{row.queries:>8}{row.ndcg_at_10:>10.3f}{row.success_at_3:>11.3f}"
        for row in rows
    ]
    return "\n".join(lines)


def misses(scores: list[Score]) -> str:
    """The queries without a grade-2 result in the top 3, with what came first instead."""
    return "\n".join(
        f"  [{s.query.kind}] {s.query.text!r}: {', '.join(s.ranking[:3]) or 'no results'}"
        for s in scores
        if not s.success_at_3
    )


def api_search(client: Client | None = None) -> Search:
    """A `search` that asks the public API for the first K results of a query."""
    client = client or Client(HTTP_HOST="localhost")

    def search(text: str) -> list[str]:
        return _results(client, {"q": text, "page_size": K})

    return search


def catalog_slugs(client: Client | None = None) -> set[str]:
    """The slugs of every resource the public API lists (at most 100)."""
    client = client or Client(HTTP_HOST="localhost")
    return set(_results(client, {"page_size": 100}))


def _results(client: Client, params: dict[str, str | int]) -> list[str]:
    response = client.get(API_URL, params)
    if response.status_code != 200:
        raise RuntimeError(f"GET {API_URL} {params} answered {response.status_code}")
    return [item["slug"] for item in response.json()["results"]]
