"""Bitmaps as Python ints: bit *p* set when the resource at index position *p* is in the set."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

_BYTE_BITS = tuple(tuple(i for i in range(8) if b >> i & 1) for b in range(256))


def bitmap(positions: Iterable[int]) -> int:
    """A bitmap with the given positions set."""
    positions = list(positions)
    if not positions:
        return 0
    data = bytearray(max(positions) // 8 + 1)
    for p in positions:
        data[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(data, "little")


def bitmap_of_array(positions: np.ndarray) -> int:
    """A bitmap with the given positions set (a numpy array: vectorised, for large sets)."""
    if not len(positions):
        return 0
    mask = np.zeros(int(positions.max()) + 1, dtype=bool)
    mask[positions] = True
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def bit_positions(bits: int, start: int = 0, stop: int | None = None) -> list[int]:
    """Positions of the set bits of `bits`, ascending, from the start-th to the stop-th."""
    out: list[int] = []
    seen = 0
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for i, byte in enumerate(data):
        if not byte:
            continue
        here = _BYTE_BITS[byte]
        if seen + len(here) <= start:
            seen += len(here)
            continue
        for b in here:
            if seen >= start:
                if stop is not None and seen >= stop:
                    return out
                out.append(i * 8 + b)
            seen += 1
    return out


def first_members(order: Sequence[int], bits: int, start: int, stop: int) -> list[int]:
    """The start-th to stop-th positions of `order` that are set in `bits`."""
    if stop <= start:
        return []
    data = bits.to_bytes((bits.bit_length() + 7) // 8 + 1, "little")
    limit = len(data) * 8
    out: list[int] = []
    seen = 0
    for p in order:
        if p < limit and data[p >> 3] >> (p & 7) & 1:
            if seen >= start:
                out.append(p)
                if len(out) >= stop - start:
                    break
            seen += 1
    return out
