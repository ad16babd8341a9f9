"""Ranking metrics for the judged query set: nDCG@k and success@k.

`ranking` is the list of slugs the search returned, best first; `grades` maps a slug to its
judged grade (0–3; a slug that is not in it is graded 0).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def gain(grade: int) -> float:
    """The standard exponential gain of a grade: 2^grade − 1."""
    return float(2**grade - 1)


def dcg(grades_in_order: Sequence[int], k: int) -> float:
    """Discounted cumulative gain of the first k grades: Σ (2^rel_i − 1) / log2(i + 1)."""
    return sum(
        gain(grade) / math.log2(position + 1)
        for position, grade in enumerate(grades_in_order[:k], start=1)
    )


def ndcg_at(k: int, ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    """DCG@k of the ranking divided by that of the ideal ranking of the judged grades."""
    ideal = dcg(sorted(grades.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg([grades.get(slug, 0) for slug in ranking], k) / ideal


def success_at(
    k: int, ranking: Sequence[str], grades: Mapping[str, int], *, grade: int = 2
) -> float:
    """1.0 when a result of at least `grade` is among the first k, else 0.0."""
    return 1.0 if any(grades.get(slug, 0) >= grade for slug in ranking[:k]) else 0.0
