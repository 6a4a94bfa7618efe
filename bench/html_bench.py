"""Pages per second of kg's HTML reading, against plain trafilatura in the same run.

Generates news pages (a fixed seed; menus, share bars, related links, comments, scripts and
footers around an article of 3 to 15 paragraphs), reads each with
``kg.sources.web.read_html`` (parse, main text, title, date, canonical URL, site name) and
with ``trafilatura.extract`` (the text only), and reports pages per second and the token
F1 of each text against the article the page was made from.

    .venv/bin/python bench/html_bench.py [--pages 300] [--results bench/results.md]
    .venv/bin/python bench/html_bench.py --benchmark DIR   # real pages, see below

``--benchmark DIR`` reads real pages instead: a folder laid out as the public article
extraction benchmark of 181 news pages (``DIR/html/KEY.html.gz`` and
``DIR/ground-truth.json`` with each page's ``articleBody``), not shipped with kg.

Prints the numbers; replaces (or appends) the "## HTML reading" section of
bench/results.md when that file exists.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 181
_WORDS = ("alliance ministers semiconductor agreement talks export controls research satellite "
          "network partners summit officials capital laboratory investment supply chain quantum "
          "cooperation security signed announced on Tuesday according to the statement said "
          "companies governments technology rules licence shipments data centres engineers").split()
_STATES = ["Freedonia", "Sylvania", "Ruritania", "Grand Fenwick", "Latveria", "Genovia", "Elbonia"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_STATES)] + [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words) + "."


def make_page(n: int, rng: random.Random) -> tuple[str, str]:
    """(HTML, the article's text) of page ``n``."""
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
                  for _ in range(rng.randint(3, 15))]
    title = _sentence(rng)[:-1]
    related = "".join(f'<li><a href="/news/{n}-{k}">{_sentence(rng)}</a></li>' for k in range(rng.randint(3, 8)))
    comments = "".join(f'<div class="comment"><p>{_sentence(rng)}</p></div>' for _ in range(rng.randint(0, 4)))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bench Times</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Bench Times">
<meta property="article:published_time" content="2024-{1 + n % 12:02d}-{1 + n % 28:02d}T08:00:00Z">
<link rel="canonical" href="https://bench.example/news/{n}">
<script>var config = {{"id": {n}, "ads": true}};</script><style>.x {{ color: red }}</style></head>
<body><div class="cookie">We use cookies.</div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/tech">Technology</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<div class="layout"><div class="main"><article><h1>{title}</h1><div class="byline">By Bench Reporter</div>
<div class="share"><a href="#">Share</a><a href="#">Tweet</a></div>{body}</article>
<section class="comments"><h2>Comments</h2>{comments}</section></div>
<aside class="sidebar"><h2>Most read</h2><ul>{related}</ul></aside></div>
<footer><p>Copyright Bench Times.</p><p><a href="/privacy">Privacy</a></p></footer></body></html>"""
    return page, "\n\n".join(paragraphs)


def token_f1(got: str, want: str) -> float:
    a, b = Counter(re.findall(r"\w+", got.lower())), Counter(re.findall(r"\w+", want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def load_benchmark(folder: Path) -> list[tuple[str, str]]:
    """(HTML, article body) of every page of an article-extraction-benchmark folder."""
    import gzip
    import json

    from kg.sources.web import decode_html

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [(decode_html(gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())),
             item.get("articleBody") or "") for key, item in sorted(truth.items())]


def measure(pages: list[tuple[str, str]]) -> dict:
    import trafilatura

    from kg.sources.web import read_html

    readers = {"kg": lambda html: read_html("bench", html).get("text") or "",
               "trafilatura": lambda html: trafilatura.extract(html) or ""}
    seconds = dict.fromkeys(readers, 0.0)
    texts: dict[str, list[str]] = {name: [] for name in readers}
    for read in readers.values():
        read(pages[0][0])  # warm up: imports and caches
    for html, _ in pages:  # page by page, in turn: both see the same load of the machine
        for name, read in readers.items():
            start = time.perf_counter()
            texts[name].append(read(html))
            seconds[name] += time.perf_counter() - start
    results = {}
    for name in readers:
        f1 = sum(token_f1(text, want) for text, (_, want) in zip(texts[name], pages)) / len(pages)
        results[name] = {"pages_per_s": len(pages) / seconds[name], "f1": f1,
                         "rejected": sum(1 for t in texts[name] if not t.strip())}
    return results


def write_results(path: Path, section: str) -> None:
    """Replace an older '## HTML reading' section of ``path`` or append one."""
    from bench.report import replace_section

    replace_section(path, "HTML reading", section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--benchmark", type=Path, default=None, metavar="DIR",
                        help="real pages: html/KEY.html.gz and ground-truth.json")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    if args.benchmark is not None:
        pages = load_benchmark(args.benchmark)
        what = f"{len(pages)} real news pages of the article extraction benchmark with hand-checked bodies"
    else:
        rng = random.Random(SEED)
        pages = [make_page(n, rng) for n in range(max(1, args.pages))]
        what = (f"{len(pages)} generated news pages (menus, share bars, comments, related links, scripts, "
                "footers around an article of 3 to 15 paragraphs)")
    m = measure(pages)
    kg, base = m["kg"], m["trafilatura"]
    print(f"{len(pages)} pages: kg reads {kg['pages_per_s']:.1f} pages/s (token F1 {kg['f1']:.3f}, "
          f"{kg['rejected']} rejected); trafilatura.extract {base['pages_per_s']:.1f} pages/s "
          f"(token F1 {base['f1']:.3f}, {base['rejected']} rejected)")
    if args.results.exists():
        section = (
            "## HTML reading\n\n"
            f"`bench/html_bench.py`, {dt.date.today().isoformat()}: {what}. kg = `kg.sources.web.read_html` (parse, trafilatura main text, title, htmldate "
            "date, canonical URL, site name); baseline = `trafilatura.extract` (text only), same run. "
            "Token F1 against each page's article.\n\n"
            "| reader | pages/s | token F1 | rejected |\n|---|---:|---:|---:|\n"
            f"| kg | {kg['pages_per_s']:.1f} | {kg['f1']:.3f} | {kg['rejected']} |\n"
            f"| trafilatura.extract | {base['pages_per_s']:.1f} | {base['f1']:.3f} | {base['rejected']} |\n"
        )
        write_results(args.results, section)
        print(f"updated the HTML reading section of {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
