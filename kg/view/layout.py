"""Node positions for large graphs, computed before the page opens.

networkx's ``spring_layout`` needs SciPy from 500 nodes on (kg does not depend on it),
and its dense solver holds an n x n x 2 array (400 MB at 5,000 nodes). This is the same
Fruchterman-Reingold scheme with a one-level Barnes-Hut approximation: nodes repel
each other exactly within neighbouring grid cells and repel far cells as one mass at
the cell's centroid. 5,000 nodes take a few seconds. Deterministic for a given seed.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

_PER_CELL = 4         # nodes per grid cell on average
_GRAVITY = 0.02       # pull towards the centre, keeps small components near the rest
_ROWS = 1024          # rows of the node x cell far-field block computed at once


def spring_positions(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    seed: int = 42,
    iterations: int = 50,
    spacing: float = 80.0,
) -> dict[Hashable, tuple[float, float]]:
    """Force-directed positions in pixels, about ``spacing`` pixels of room per node.

    >>> pos = spring_positions(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(pos)
    ['a', 'b', 'c']
    >>> pos == spring_positions(["a", "b", "c"], [("a", "b"), ("b", "c")])
    True
    """
    import numpy as np

    n = len(nodes)
    if n < 2:
        return {node: (0.0, 0.0) for node in nodes}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(a, b), max(a, b)) for a, b in ((index[u], index[v]) for u, v in edges) if a != b})
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)

    rng = np.random.default_rng(seed)
    x, y = rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))          # ideal distance in the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        fx, fy = _repulsion(x, y, k * k)
        if len(src):
            dx, dy = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(dx * dx + dy * dy) / k   # attraction d^2 / k along the edge
            np.subtract.at(fx, src, dx * pull)
            np.add.at(fx, dst, dx * pull)
            np.subtract.at(fy, src, dy * pull)
            np.add.at(fy, dst, dy * pull)
        fx -= _GRAVITY * n * k * (x - x.mean())
        fy -= _GRAVITY * n * k * (y - y.mean())
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step = np.minimum(length, temperature) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    x, y = x - x.mean(), y - y.mean()
    # scale so the bulk of the nodes (outliers aside) gets spacing^2 of area each
    span_x = float(np.percentile(x, 99) - np.percentile(x, 1))
    span_y = float(np.percentile(y, 99) - np.percentile(y, 1))
    scale = spacing / max(math.sqrt(span_x * span_y / n), 1e-6)
    return {node: (round(float(a) * scale, 1), round(float(b) * scale, 1))
            for node, a, b in zip(nodes, x, y)}


def _repulsion(x, y, k2):
    """Repulsive force k^2 / d on every node: exact from nodes in the 3x3 block of grid
    cells around it, from each farther cell as its node count at the cell's centroid."""
    import numpy as np

    n = len(x)
    side = max(1, int(math.sqrt(n / _PER_CELL)))
    x0, y0 = x.min(), y.min()
    width = max(float(x.max() - x0), float(y.max() - y0), 1e-9) * 1.000001
    cx = np.minimum(((x - x0) * (side / width)).astype(np.intp), side - 1)
    cy = np.minimum(((y - y0) * (side / width)).astype(np.intp), side - 1)
    cell = cx * side + cy
    count = np.bincount(cell, minlength=side * side)
    occupied = np.flatnonzero(count)
    mass = count[occupied].astype(np.float32)
    mx = (np.bincount(cell, weights=x, minlength=side * side)[occupied] / mass).astype(np.float32)
    my = (np.bincount(cell, weights=y, minlength=side * side)[occupied] / mass).astype(np.float32)
    ox, oy = occupied // side, occupied % side

    fx, fy = np.empty(n, np.float32), np.empty(n, np.float32)
    for s in range(0, n, _ROWS):
        dx, dy = x[s:s + _ROWS, None] - mx, y[s:s + _ROWS, None] - my
        w = mass / np.maximum(dx * dx + dy * dy, 1e-9)
        fx[s:s + _ROWS], fy[s:s + _ROWS] = (dx * w).sum(axis=1), (dy * w).sum(axis=1)
    # take back what the 3x3 block around each node's own cell added as centroids
    slot = np.full(side * side, -1, np.intp)
    slot[occupied] = np.arange(len(occupied))
    for ddx in (-1, 0, 1):
        for ddy in (-1, 0, 1):
            bx, by = cx + ddx, cy + ddy
            inside = np.flatnonzero((bx >= 0) & (bx < side) & (by >= 0) & (by < side))
            c = slot[bx[inside] * side + by[inside]]
            inside, c = inside[c >= 0], c[c >= 0]
            dx, dy = x[inside] - mx[c], y[inside] - my[c]
            w = mass[c] / np.maximum(dx * dx + dy * dy, 1e-9)
            fx[inside] -= dx * w
            fy[inside] -= dy * w
    fx *= k2
    fy *= k2

    # exact near field: every ordered pair (i, j) of nodes in cells at most one step apart
    order = np.argsort(cell, kind="stable")
    start = np.zeros(side * side, np.intp)
    start[1:] = np.cumsum(count)[:-1]
    a_cells, b_cells = [], []
    for ddx in (-1, 0, 1):
        for ddy in (-1, 0, 1):
            bx, by = ox + ddx, oy + ddy
            ok = (bx >= 0) & (bx < side) & (by >= 0) & (by < side)
            b = bx[ok] * side + by[ok]
            ok2 = count[b] > 0
            a_cells.append(occupied[ok][ok2])
            b_cells.append(b[ok2])
    a, b = np.concatenate(a_cells), np.concatenate(b_cells)
    ca, cb = count[a], count[b]
    total = ca * cb
    pair = np.repeat(np.arange(len(a)), total)
    within = np.arange(int(total.sum())) - np.repeat(np.cumsum(total) - total, total)
    i = order[start[a][pair] + within // cb[pair]]
    j = order[start[b][pair] + within % cb[pair]]
    keep = i != j
    i, j = i[keep], j[keep]
    dx, dy = x[i] - x[j], y[i] - y[j]
    w = k2 / np.maximum(dx * dx + dy * dy, 1e-9)
    fx += np.bincount(i, weights=dx * w, minlength=n).astype(np.float32)
    fy += np.bincount(i, weights=dy * w, minlength=n).astype(np.float32)
    return fx, fy
