"""Smoke test of the benchmark: ``bench/run.py --quick`` runs and writes every section."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("## Summary", "## Machine", "## Corpus", "## 1. Extraction throughput",
            "## 2. Store load rate", "## 3. Canned-query latency", "## 4. Peak RSS",
            "## 5. Scaling 1 → 2 workers")


def _summary_rows(text: str) -> dict[str, list[str]]:
    """Summary table: figure -> its cells (kg, baseline, ratio, target, verdict)."""
    block = text.split("## Summary", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0] not in ("figure", "---"):
            rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.slow
def test_bench_quick_writes_every_section_with_numeric_ratios(tmp_path):
    out = tmp_path / "results.md"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in text, f"missing section {section!r}"
    rows = _summary_rows(text)
    ratios = {figure: cells[2] for figure, cells in rows.items()}
    measured = [f for f in ratios if not f.startswith("scaling")]
    assert len(measured) >= 4, ratios
    for figure in measured:
        assert re.fullmatch(r"\d+\.\d\d", ratios[figure]), f"{figure}: ratio {ratios[figure]!r}"
        assert float(ratios[figure]) > 0
    assert re.search(r"\| scaling 1 → 2 workers .*?\| \d+\.\d\d \|", text), "no worker-scaling ratio"
    assert re.search(r"\| CPU count \| \d+ \|", text)
    assert not list(tmp_path.glob("kg-bench-*")), "the benchmark left temporary files in the working folder"
