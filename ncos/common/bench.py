"""Shared by the benchmark commands (bench_register, bench_signin)."""

from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank value at `share` (0–1) of `values`: a measured time, not interpolated."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]
