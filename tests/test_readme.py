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


# Every `kg` command example of the README, run in order in a scratch folder laid out as a
# user's checkout after `make demo` (data/corpus built into out/store). Examples that need a
# server, the network, a Dask cluster or a long-running watch are left out, by these marks:
_SKIP = ("http://", "https://", "--scheduler", "kg watch", "~/Downloads")


def _readme_commands() -> list[str]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)\n```", README[README.index("## Commands"):], re.S):
        pending = ""
        for line in re.sub(r"\\\n\s*", "", block).splitlines():
            line = pending + line
            if line.count("'") % 2:          # a quoted query going on over the next line
                pending = line + "\n"
                continue
            pending = ""
            line = line.split("  #")[0].strip()
            if line.startswith("kg ") and not any(mark in line for mark in _SKIP):
                commands.append(line)
    return commands


def _user_folder(tmp_path: Path) -> dict:
    """The files the examples name, as a user would have them (written here, not downloaded)."""
    import shutil

    for name in ("data", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    corpus = tmp_path / "data" / "corpus"
    shutil.copytree(corpus, tmp_path / "news")
    shutil.copytree(corpus, tmp_path / "saved-pages", ignore=shutil.ignore_patterns("*.md", "*.jsonl"))
    (tmp_path / "more-news").mkdir()
    (tmp_path / "article.md").write_text(
        "---\nid: article\npublished: 2024-04-10\n---\n"
        "Japan and the Philippines signed an agreement on semiconductors in Manila on Wednesday.\n")
    (tmp_path / "more-news" / "brief.md").write_text(
        "---\nid: brief\npublished: 2024-05-02\n---\n"
        "India and France signed an agreement on artificial intelligence in Paris on Thursday.\n")
    (tmp_path / "saved-feed.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>A feed</title><id>urn:x-feed</id><updated>2025-10-29T00:00:00Z</updated>"
        "<entry><title>Korea and Canada sign battery pact</title><id>urn:x-entry-1</id>"
        "<updated>2025-10-29T00:00:00Z</updated><content type=\"text\">South Korea and Canada "
        "signed an agreement on batteries in Ottawa on Tuesday.</content></entry></feed>\n")
    (tmp_path / "export.csv").write_text(
        "id,headline,date,body\nrow-1,Vietnam and Japan sign chip pact,9 April 2024,"
        "\"Vietnam and Japan signed an agreement on semiconductors in Hanoi on Tuesday.\"\n")
    page = next(corpus.glob("*.html")).read_bytes()
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(tmp_path / "CC-NEWS-20251029-00001.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example.com/2025/10/29/chip-pact", "response", payload=BytesIO(page),
            http_headers=headers))
    shutil.copytree(ROOT / "tests" / "fixtures" / "gold", tmp_path / "my-annotated-articles")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "kg").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg.cli "$@"\n')
    (bin_dir / "kg").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "KG_CURATOR": "ana",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def test_readme_command_examples_run_as_written_on_the_sample_store(tmp_path):
    """Ids in the examples (documents, agreements, evidence records, entities) exist in the
    sample store, option names exist, and every example exits 0."""
    env = _user_folder(tmp_path)
    (tmp_path / "out").mkdir()
    def run(command: str) -> subprocess.CompletedProcess:
        return subprocess.run(["sh", "-e", "-c", command], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
    assert run("kg build data/corpus --store out/store").returncode == 0   # what `make demo` does
    commands = _readme_commands()
    assert len(commands) >= 35
    outputs = {}
    for command in commands:
        if "/tmp/eval-store" in command:
            command = command.replace("/tmp/eval-store", "out/eval-store")
        proc = run(command)
        assert proc.returncode == 0, (f"README example failed: {command}\n{proc.stderr}(an id the sample "
                                      "store no longer holds? `kg review queue`, `kg explain` list them)")
        outputs[command] = proc.stdout + proc.stderr
    said = "\n".join(outputs.values())
    assert "graphs conform" in said
    assert "rejected by ana on" in said and "imported" in said
    assert (tmp_path / "out" / "graph.html").exists() and (tmp_path / "out" / "blocs.png").exists()


def test_readme_python_api_example_runs(tmp_path):
    import shutil

    block = re.search(r"```python\n(.*?)\n```", README[README.index("## Python API"):], re.S).group(1)
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "data" / "corpus" / "2025-10-29-us-korea-technology-prosperity-deal.md",
                tmp_path / "articles")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    build = subprocess.run([sys.executable, "-m", "kg.cli", "build", "articles", "--store", "out/store"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    try:
        import pandas  # noqa: F401
    except ImportError:  # the README says dataframe() needs pandas
        block = "\n".join(line for line in block.splitlines() if "dataframe(store" not in line)
    proc = subprocess.run([sys.executable, "-c", block + "\nprint(len(labels), len(agreements), usa)"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "country/USA" in proc.stdout
