"""Two-proportion comparisons and Benjamini–Hochberg q-values, against published worked examples."""

from __future__ import annotations

import itertools
import math
import random

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse import db
from warehouse.stats import benjamini_hochberg, two_proportion_test, wilson_interval

SQL = duckdb.connect()
db.run(SQL, "schema/macros")

# Newcombe (1998), "Interval estimation for the difference between independent proportions",
# Statistics in Medicine 17, Table II, method 10 (hybrid score): (k1, n1, k2, n2) -> (low, high).
NEWCOMBE_METHOD_10 = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]


@pytest.mark.parametrize(("counts", "interval"), NEWCOMBE_METHOD_10)
def test_interval_matches_newcombe_method_10(
    counts: tuple[int, int, int, int], interval: tuple[float, float]
) -> None:
    k1, n1, k2, n2 = counts
    diff, low, high, _ = two_proportion_test(k1, n1, k2, n2)
    assert diff == pytest.approx(k1 / n1 - k2 / n2)
    assert (round(low, 4), round(high, 4)) == interval


def test_pooled_z_test_by_hand() -> None:
    # 30/100 against 20/100: pooled p = 0.25, se = sqrt(0.25 * 0.75 * (1/100 + 1/100)) = 0.061237,
    # z = 0.1 / 0.061237 = 1.632993; two-sided p = 0.102470 (chi-square 2.6667 on 1 df).
    diff, _, _, p = two_proportion_test(30, 100, 20, 100)
    assert diff == pytest.approx(0.1)
    assert p == pytest.approx(0.102470, abs=1e-6)
    # 56/70 against 48/80: pooled 104/150, se = 0.075467, z = 2.650172, p = 0.008045.
    assert two_proportion_test(56, 70, 48, 80)[3] == pytest.approx(0.008045, abs=1e-6)


def test_no_difference_when_both_sides_are_all_or_nothing() -> None:
    assert two_proportion_test(0, 10, 0, 20)[3] == 1.0
    assert two_proportion_test(7, 7, 3, 3)[3] == 1.0


def test_wilson_interval_by_hand() -> None:
    # 0 of 10: upper bound z² / (n + z²) = 3.8415 / 13.8415 = 0.2775.
    low, high = wilson_interval(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.277532, abs=1e-6)


@pytest.mark.parametrize(("k1", "n1", "k2", "n2"), [(1, 0, 0, 5), (6, 5, 0, 5), (0, 5, -1, 5)])
def test_impossible_counts_are_rejected(k1: int, n1: int, k2: int, n2: int) -> None:
    with pytest.raises(ValueError, match=r"need|n > 0"):
        two_proportion_test(k1, n1, k2, n2)


# Benjamini & Hochberg (1995), section 4: fifteen p-values from a trial; at FDR 0.05 the first four
# are rejected. Expected q-values are min over j >= i of 15 * p_(j) / j, worked by hand.
BH_1995_P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
             0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000]  # fmt: skip
BH_1995_Q = [0.0015, 0.0030, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645,
             0.0765, 0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1.0]  # fmt: skip


def test_bh_matches_the_worked_example_in_any_order() -> None:
    assert benjamini_hochberg(BH_1995_P) == pytest.approx(BH_1995_Q, abs=1e-7)
    order = list(range(len(BH_1995_P)))
    random.Random(7).shuffle(order)
    shuffled = benjamini_hochberg([BH_1995_P[i] for i in order])
    assert shuffled == pytest.approx([BH_1995_Q[i] for i in order], abs=1e-7)
    assert sum(q < 0.05 for q in shuffled) == 4


def test_bh_small_example_and_edges() -> None:
    # sorted 0.005, 0.01, 0.03, 0.04 -> 4p/j = 0.02, 0.02, 0.04, 0.04
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert benjamini_hochberg([]) == []
    assert benjamini_hochberg([0.3]) == [0.3]
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        benjamini_hochberg([0.2, 1.5])


probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@given(st.lists(probabilities, max_size=60))
def test_bh_q_values_are_monotone_in_p_and_bounded(pvalues: list[float]) -> None:
    qvalues = benjamini_hochberg(pvalues)
    assert len(qvalues) == len(pvalues)
    pairs = sorted(zip(pvalues, qvalues, strict=True))
    for (_, q_before), (_, q_after) in itertools.pairwise(pairs):
        assert q_before <= q_after
    assert all(0.0 <= q <= 1.0 for q in qvalues)
    assert all(q >= p for p, q in zip(pvalues, qvalues, strict=True))


@st.composite
def two_samples(draw: st.DrawFn) -> tuple[int, int, int, int]:
    n1 = draw(st.integers(1, 5000))
    n2 = draw(st.integers(1, 5000))
    return draw(st.integers(0, n1)), n1, draw(st.integers(0, n2)), n2


@given(two_samples())
def test_interval_holds_the_difference_and_swaps_sign(counts: tuple[int, int, int, int]) -> None:
    k1, n1, k2, n2 = counts
    diff, low, high, p = two_proportion_test(k1, n1, k2, n2)
    assert -1.0 - 1e-12 <= low <= diff <= high <= 1.0 + 1e-12
    assert 0.0 <= p <= 1.0
    back = two_proportion_test(k2, n2, k1, n1)
    assert back[0] == pytest.approx(-diff)
    assert (back[1], back[2]) == pytest.approx((-high, -low))
    assert back[3] == pytest.approx(p)
    assert not math.isnan(p)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=2_000_000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
))  # fmt: skip
def test_wilson_bounds_never_cross_the_share_in_python_or_sql(counts: tuple[int, int]) -> None:
    """At 0 of 17,874 the unclamped SQL lower bound was 1.4e-20: above the share."""
    k, n = counts
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0
    sql_low, sql_high = SQL.execute(
        "select wilson_low(?::double / ?, ?), wilson_high(?::double / ?, ?)", [k, n, n] * 2
    ).fetchone()
    assert 0.0 <= sql_low <= k / n <= sql_high <= 1.0
    # SQL uses z = 1.96, Python the exact 1.95996…: the bounds agree to about 1e-5.
    assert sql_low == pytest.approx(low, abs=1e-4) and sql_high == pytest.approx(high, abs=1e-4)


def test_wilson_bounds_at_the_edges_that_rounding_broke() -> None:
    assert SQL.execute("select wilson_low(0.0, 17874), wilson_high(1.0, 70)").fetchone() == (
        0.0,
        1.0,
    )
