"""The README stands alone: its quick start on your own folder runs as written, and it
points at documentation that is in the repository."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_on_your_own_folder_runs_as_written(tmp_path):
    section = README[README.index("Your own articles"):]
    script = re.search(r"```sh\n(.*?)\n```", section, re.S).group(1)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "kg").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg.cli "$@"\n')
    (bin_dir / "kg").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(["sh", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Philippines" in proc.stdout and "party" in proc.stdout
    assert "https://news.example/chip-pact" in proc.stdout


def test_readme_links_only_to_documentation_in_the_repository():
    assert "CONTRACT.md" not in README
    for target in re.findall(r"\]\(([^)#]+?)\)", README):
        if not re.match(r"https?://", target):
            assert (ROOT / target).exists(), target
    vocabulary = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    for name in ("ta:Agreement", "ta:party", "ta:charStart", "tai:country/", "tai:graph/facts",
                 "skos:altLabel"):
        assert name in vocabulary
