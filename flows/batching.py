"""Content-defined batches: stable under additions, so Prefect's task cache keeps hitting.

Documents are ordered by ``doc_id`` and a batch ends after every document whose id hashes to 0
modulo ``target``: batch boundaries depend only on the documents themselves.  Adding or changing one
document changes one batch (its cache key), not every batch after it as fixed-size slices would.
Batches are capped at ``4 * target`` documents so an unlucky run of ids cannot make one huge task.
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def content_batches(items: Sequence[T], key: Callable[[T], str], target: int) -> list[list[T]]:
    if target <= 1:
        return [[it] for it in sorted(items, key=key)]
    batches: list[list[T]] = []
    cur: list[T] = []
    for it in sorted(items, key=key):
        cur.append(it)
        k = key(it)
        if int(k[-8:], 16) % target == 0 or len(cur) >= 4 * target:
            batches.append(cur)
            cur = []
    if cur:
        batches.append(cur)
    return batches
