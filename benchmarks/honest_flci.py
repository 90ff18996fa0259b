"""Check: the sensitivity's interval (``analysis.sensitivity``) beside the fixed-length
confidence interval of moderndid's port of the HonestDiD package (Rambachan and Roth), on the
same coefficients and covariance.

Run: PYTHONPATH=/tmp/cvx .venv/bin/python -m benchmarks.honest_flci

moderndid's ``didhonest`` module needs cvxpy, which the atlas does not depend on: install it
aside, e.g. ``.venv/bin/pip install --target /tmp/cvx --no-deps cvxpy clarabel scs osqp qdldl``.
Coefficients are drawn at random (seeds 1 to 4) with a covariance of the working form (each
variance plus one shared covariance), so that both choose their estimator's weights from the
same matrix. At M = 0 the two intervals should agree; for M > 0 the atlas keeps the M = 0
weights, so its interval may only be wider (its breakdown value a lower bound of theirs).
``tests/analysis/test_sensitivity.py`` keeps the M = 0 figures this printed.
"""

from __future__ import annotations

import sys
import warnings

import numpy as np
import pandas as pd

from analysis import sensitivity

CASES = ((3, 3, 1), (3, 3, 2), (7, 4, 3), (7, 4, 4))  # pre quarters, post quarters, seed


def draw(npre: int, npost: int, seed: int):
    """Codes, coefficients, covariance and incidents by post quarter, drawn at random."""
    rng = np.random.default_rng(seed)
    codes = np.r_[np.arange(-npre - 1, -1), np.arange(0, npost)]
    sigma = np.diag(rng.uniform(0.005, 0.02, len(codes))) + 0.004
    beta = rng.normal(0, 0.1, len(codes)) + np.r_[np.zeros(npre), -0.4 * np.ones(npost)]
    incidents = pd.Series(rng.integers(50, 150, npost), index=codes[npre:])
    return codes, beta, sigma, incidents


def atlas_interval(codes, beta, sigma, incidents, m: float) -> tuple[float, float]:
    """The sensitivity's interval at bound ``m`` (log scale)."""
    pre, post = codes < -1, codes >= 0
    working = sensitivity.working_covariance(sigma)
    weights = sensitivity._estimator_weights(codes, pre, post, working, incidents)
    theta, se = weights @ beta, np.sqrt(weights @ sigma @ weights)
    half = sensitivity.folded_cv(m * sensitivity.worst_bias(weights, codes) / se) * se
    return float(theta - half), float(theta + half)


def main() -> None:
    """Print both intervals for a few shapes and bounds M."""
    try:
        from moderndid.didhonest import compute_flci
    except ImportError:
        print("moderndid's didhonest needs cvxpy: install it aside (see the module's docstring)")
        sys.exit(2)
    warnings.simplefilter("ignore")
    print("pre, post quarters, seed; M; atlas interval (length); HonestDiD FLCI (length)")
    for npre, npost, seed in CASES:
        codes, beta, sigma, incidents = draw(npre, npost, seed)
        share = incidents.to_numpy(float) / incidents.sum()
        for m in (0.0, 0.01, 0.05):
            lo, hi = atlas_interval(codes, beta, sigma, incidents, m)
            tlo, thi = compute_flci(beta, sigma, m, npre, npost, post_period_weights=share).flci
            print(f"  {npre}, {npost}, {seed}; {m:.2f}; [{lo:+.4f}, {hi:+.4f}] ({hi - lo:.4f}); "
                  f"[{tlo:+.4f}, {thi:+.4f}] ({thi - tlo:.4f})")  # fmt: skip


if __name__ == "__main__":
    main()
