"""Small, dependency-free statistics for the trend marts: two proportions and FDR control.

Only the standard library is used (``math.erfc`` for the normal tail), so the marts need no SciPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: The two-sided 95% normal quantile, Φ⁻¹(0.975).
Z95 = 1.959963984540054


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for ``k`` successes in ``n`` trials (``n`` > 0)."""
    _check_counts(k, n)
    p = k / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    low = min(p, max(0.0, (centre - spread) / denominator))
    return low, max(p, min(1.0, (centre + spread) / denominator))  # rounding never crosses p


def two_proportion_test(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float, float, float]:
    """Compare ``k1/n1`` with ``k2/n2``: ``(diff, low, high, p)`` for ``diff = k1/n1 - k2/n2``.

    ``low``/``high`` bound a 95% interval for the difference by Newcombe's hybrid score method
    (his method 10: each proportion gets a Wilson interval, and the two are combined by squaring
    their one-sided distances), which stays inside [-1, 1] and behaves well near 0 and for small
    ``n``. ``p`` is the two-sided p-value of the pooled two-proportion z-test. When the pooled
    proportion is 0 or 1 (no successes, or nothing but successes, on both sides) the statistic is
    0/0; the observed difference is then exactly 0 and ``p`` is 1.
    """
    _check_counts(k1, n1)
    _check_counts(k2, n2)
    p1, p2 = k1 / n1, k2 / n2
    diff = p1 - p2
    l1, u1 = wilson_interval(k1, n1)
    l2, u2 = wilson_interval(k2, n2)
    low = diff - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = diff + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    pooled = (k1 + k2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return diff, low, high, 1.0
    z = diff / math.sqrt(variance)
    p_value = min(1.0, math.erfc(abs(z) / math.sqrt(2)))
    return diff, low, high, p_value


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order of ``pvalues``.

    ``q_(i) = min over j >= i of m * p_(j) / j`` for the p-values sorted ascending, capped at 1;
    rejecting every hypothesis with ``q < alpha`` controls the false discovery rate at ``alpha``.
    """
    m = len(pvalues)
    for p in pvalues:
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"p-values must lie in [0, 1], got {p!r}")
    order = sorted(range(m), key=lambda i: pvalues[i])
    qvalues = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, m * pvalues[i] / rank)
        qvalues[i] = max(pvalues[i], running)  # exact arithmetic gives q >= p; keep it so
    return qvalues


def _check_counts(k: int, n: int) -> None:
    if n <= 0:
        raise ValueError(f"a proportion needs n > 0, got n={n}")
    if not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
