"""The cell key method: zeros stay zeros, small counts are a class, the rest moves by at most two,
the same way every time."""

from __future__ import annotations

import numpy as np
import pytest

from query.cellkey import KEY_RANGE, NOISE, NOISE_MAX, State, display, publish


def test_noise_is_centred_bounded_and_spread_over_the_keys() -> None:
    assert NOISE.shape == (KEY_RANGE,)
    values, counts = np.unique(NOISE, return_counts=True)
    assert values.tolist() == list(range(-NOISE_MAX, NOISE_MAX + 1))
    assert counts.min() >= 51 and counts.max() <= 52  # each value on a fifth of the keys
    assert abs(NOISE.mean()) < 0.02
    assert (NOISE[1:] != NOISE[:-1]).mean() > 0.7  # neighbouring keys mostly differ


def test_zero_and_small_counts_read_as_one_class() -> None:
    n = np.array([0, 1, 4, 5, 5, 100, 7])
    keys = np.array([9, 300, 17, 0, 255, 1234, 7 + KEY_RANGE * 3])
    out = publish(n, keys, threshold=5)
    assert out.state.tolist()[:3] == ["small", "small", "small"]
    assert out.texts(5)[:3] == ["<5", "<5", "<5"]  # no incident reads as a few
    assert np.isnan(out.value[:3]).all()
    for i in (3, 4, 5, 6):
        moved = n[i] + NOISE[keys[i] % KEY_RANGE]
        if moved >= 5:
            assert out.state[i] == "shown" and out.value[i] == moved
        else:
            assert out.state[i] == "small" and np.isnan(out.value[i])
    assert abs(out.value[5] - 100) <= NOISE_MAX


def test_the_same_records_always_read_the_same() -> None:
    rng = np.random.default_rng(1)
    n, keys = rng.integers(0, 40, 500), rng.integers(0, 10_000, 500)
    first, again = publish(n, keys, 5), publish(n.copy(), keys.copy(), 5)
    assert first.texts(5) == again.texts(5)
    # a key sum is only read modulo 256: a sum of more records with the same total reads alike
    assert publish(n, keys + KEY_RANGE, 5).texts(5) == first.texts(5)


def test_published_counts_never_read_zero_to_four() -> None:
    rng = np.random.default_rng(2)
    n, keys = rng.integers(0, 12, 5_000), rng.integers(0, KEY_RANGE, 5_000)
    texts = publish(n, keys, 5).texts(5)
    assert not {"0", "1", "2", "3", "4"} & set(texts)
    assert {"<5", "5"} <= set(texts)


@pytest.mark.parametrize(
    ("n", "keys", "threshold", "message"),
    [
        ([1, -1], [0, 0], 5, "negative"),
        ([1], [0, 0], 5, "1 counts for 2"),
        ([1], [0], 0, "at least 1"),
    ],
)
def test_bad_input_is_refused(n: list, keys: list, threshold: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        publish(n, keys, threshold)


def test_display_needs_a_known_state() -> None:
    assert display(12.0, State.SHOWN, 5) == "12" and display(1234.0, "shown", 5) == "1,234"
    with pytest.raises(ValueError):
        display(1.0, "hidden", 5)
