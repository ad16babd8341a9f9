"""The metrics of the judged query set, against figures computed by hand."""

import math

import pytest

from tests.catalog.judged.metrics import dcg, ndcg_at, success_at

GRADES = {"a": 3, "b": 2, "c": 1}


def test_ndcg_of_a_hand_computed_ranking():
    # Ranking c, x, a, b: gains 1, 0, 7, 3 at positions 1..4.
    #   DCG  = 1/log2(2) + 0 + 7/log2(4) + 3/log2(5) = 1 + 3.5 + 1.292030 = 5.792030
    #   IDCG = 7/log2(2) + 3/log2(3) + 1/log2(4)     = 7 + 1.892789 + 0.5 = 9.392789
    assert dcg([1, 0, 3, 2], 10) == pytest.approx(1 + 3.5 + 3 / math.log2(5))
    assert ndcg_at(10, ["c", "x", "a", "b"], GRADES) == pytest.approx(5.792030 / 9.392789)
    assert ndcg_at(10, ["c", "x", "a", "b"], GRADES) == pytest.approx(0.616646, abs=1e-6)


def test_ndcg_is_one_for_the_ideal_ranking_and_zero_for_no_relevant_result():
    assert ndcg_at(10, ["a", "b", "c", "x"], GRADES) == pytest.approx(1.0)
    assert ndcg_at(10, ["x", "y"], GRADES) == 0.0
    assert ndcg_at(10, [], GRADES) == 0.0


def test_ndcg_counts_only_the_first_k_results():
    # At k=2 the ideal is 7 + 3/log2(3); "a" third does not count.
    assert ndcg_at(2, ["c", "x", "a"], GRADES) == pytest.approx(1 / (7 + 3 / math.log2(3)))


def test_success_at_3_needs_a_grade_of_at_least_2_in_the_first_three():
    assert success_at(3, ["x", "y", "b", "a"], GRADES) == 1.0
    assert success_at(3, ["c", "x", "y", "a"], GRADES) == 0.0
    assert success_at(3, [], GRADES) == 0.0


def test_the_figures_are_averaged_per_kind_and_overall_and_printed_as_a_table():
    from tests.catalog.judged.evaluation import JudgedQuery, evaluate, summary, table

    queries = [
        JudgedQuery("racism", "broad", {"a": 3}),
        JudgedQuery("racsim", "typo", {"a": 3}),
        JudgedQuery("rascism", "typo", {"a": 3}),
    ]
    found = {"racism": ["a"], "racsim": ["x", "a"], "rascism": []}
    rows = summary(evaluate(queries, found.__getitem__))
    assert [(row.kind, row.queries) for row in rows] == [
        ("typo", 2),
        ("broad", 1),
        ("overall", 3),
    ]
    # typo: nDCG (1/log2(3) + 0) / 2 = 0.315465; success@3 (1 + 0) / 2.
    assert rows[0].ndcg_at_10 == pytest.approx(1 / math.log2(3) / 2)
    assert rows[0].success_at_3 == 0.5
    assert rows[2].ndcg_at_10 == pytest.approx((1 + 1 / math.log2(3)) / 3)
    assert table(rows).splitlines()[1].split() == ["typo", "2", "0.315", "0.500"]
