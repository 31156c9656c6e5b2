"""Damaged copies of a PDF's bytes, for fuzz tests: what a cut-short download, a bad disk or a broken tool does.

Each damage is a pure function of the bytes and a seeded random generator, so a failing variant can be rebuilt
from the seed alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

# "12 0 obj ... endobj": one object of the file, to drop whole.
PDF_OBJECT = re.compile(rb"\d+ 0 obj\b.*?endobj", re.DOTALL)
MAX_FLIPS = 64
MAX_ZEROED = 8192
MAX_DROPPED = 3


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file short, most often near its end (where a stalled download stops)."""
    return data[: int(len(data) * (1 - rng.random() ** 3))]


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, MAX_FLIPS)):
        damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def zero_range(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, MAX_ZEROED))
    return data[:start] + bytes(end - start) + data[end:]


def drop_objects(data: bytes, rng: random.Random) -> bytes:
    objects = list(PDF_OBJECT.finditer(data))
    if not objects:
        return truncate(data, rng)
    dropped = sorted(rng.sample(objects, min(len(objects), rng.randint(1, MAX_DROPPED))), key=lambda m: m.start())
    kept, position = [], 0
    for match in dropped:
        kept.append(data[position : match.start()])
        position = match.end()
    return b"".join(kept) + data[position:]


DAMAGES: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": truncate,
    "flip-bits": flip_bits,
    "zero-range": zero_range,
    "drop-objects": drop_objects,
}


def damaged_variants(data: bytes, seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """`count` damaged copies of `data`, taking each kind of damage in turn: (name of the damage, bytes)."""
    rng = random.Random(seed)
    names = list(DAMAGES)
    for number in range(count):
        name = names[number % len(names)]
        yield name, DAMAGES[name](data, rng)
