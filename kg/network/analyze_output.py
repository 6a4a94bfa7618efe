"""Print an :class:`~kg.network.analyze.Analysis` as tables, CSV or JSON; chart blocs over time."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from kg.network.analyze import AlignmentPath, Analysis, AnalysisError

ANALYSIS_FORMATS = ("table", "csv", "json")
_SECTIONS = ("countries", "blocs", "changes")


def _sections(analysis: Analysis, path: AlignmentPath | None) -> dict[str, list[dict]]:
    """Section name -> rows; list cells joined by ``"; "``; no window column without windows."""
    found = {name: getattr(analysis, name) for name in _SECTIONS}
    if analysis.window is None:
        found.pop("changes")
        found = {name: [{k: v for k, v in r.items() if k != "window"} for r in rows]
                 for name, rows in found.items()}
    if path is not None:
        found["path"] = [{"step": i + 1, "from": s["from"], "to": s["to"], "weight": s["weight"],
                          "agreements": s["agreements"]} for i, s in enumerate(path.steps)]
    return {name: [{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
            for name, rows in found.items()}


def format_analysis(analysis: Analysis, fmt: str, out: TextIO, *, path: AlignmentPath | None = None) -> None:
    """Write the analysis (and an alignment path, if given) as ``table``, ``csv`` or ``json``.

    CSV holds one block per section (``countries``, ``blocs``, ``changes``, ``path``), each a
    ``# name`` line, a header row and its rows, blocks separated by a blank line.
    """
    if fmt not in ANALYSIS_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}; choose one of: {', '.join(ANALYSIS_FORMATS)}")
    if fmt == "json":
        data = analysis.to_dict()
        if path is not None:
            data["path"] = {"countries": path.countries, "labels": path.labels, "steps": path.steps}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    sections = _sections(analysis, path)
    if fmt == "csv":
        for i, (name, rows) in enumerate(sections.items()):
            out.write(("\n" if i else "") + f"# {name}\n")
            if rows:
                writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      width=None if out.isatty() else 200)
    if not analysis.countries:
        console.print("no two countries share an agreement in this store")
    for name, rows in sections.items():
        if not rows:
            continue
        table = Table(*rows[0], title=name)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r.values()))
        console.print(table)
    if path is not None:
        console.print(f"alignment path: {' -> '.join(path.countries)} ({path.hops} hop{'s' if path.hops != 1 else ''})")


def write_chart(analysis: Analysis, out: str | Path) -> Path:
    """Draw bloc membership over time as a PNG: windows on x, countries on y, colour = bloc."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    out = Path(out)
    if out.suffix.lower() != ".png":
        raise AnalysisError(f"chart file {out} must end in .png")
    if not analysis.countries:
        raise AnalysisError("nothing to chart: no two countries share an agreement in this store")
    windows = analysis.windows
    where = {(r["country"], r["window"]): r["bloc"] for r in analysis.countries}
    last = {r["country"]: (windows.index(r["window"]), r["bloc"]) for r in analysis.countries}
    countries = sorted(last, key=lambda c: (last[c][1], c), reverse=True)  # grouped by latest bloc
    blocs = sorted({r["bloc"] for r in analysis.countries})
    fig = Figure(figsize=(max(4.0, 1.2 * len(windows) + 2.5), max(2.5, 0.35 * len(countries) + 1.2)), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    colours = {b: f"C{i % 10}" for i, b in enumerate(blocs)}
    for y, country in enumerate(countries):
        for x, window in enumerate(windows):
            bloc = where.get((country, window))
            if bloc is not None:
                ax.scatter(x, y, s=260, marker="s", color=colours[bloc], edgecolors="black", linewidths=0.4)
    ax.set_xticks(range(len(windows)), windows)
    ax.set_yticks(range(len(countries)), countries)
    ax.set_xlim(-0.6, len(windows) - 0.4)
    ax.set_ylim(-0.6, len(countries) - 0.4)
    ax.set_xlabel("window")
    ax.set_title("Bloc membership over time")
    ax.grid(True, color="0.9", zorder=0)
    ax.set_axisbelow(True)
    ax.legend(handles=[Patch(color=colours[b], label=f"bloc {b}") for b in blocs],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.tight_layout()
    try:
        fig.savefig(out, format="png")
    except OSError as e:
        raise AnalysisError(f"cannot write chart {out}: {e.strerror or e}") from e
    return out


__all__ = ["ANALYSIS_FORMATS", "format_analysis", "write_chart"]
