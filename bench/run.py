"""Benchmark kg against baselines measured in the same run; write bench/results.md.

    python bench/run.py                 # 2,000 sampled Reuters stories, queries at 1 M quads
    python bench/run.py --docs all      # the whole Reuters-21578 corpus
    python bench/run.py --big           # also the canned queries at 10 M quads (long)
    python bench/run.py --quick --out /tmp/results.md   # tiny sizes, for the smoke test

    python bench/run.py --whole-corpus-rss  # only: peak RSS of kg build --workers 2 on all
                                            # 19,043 stories (~15 min); bench/whole-corpus.json

Sections: 1 extraction throughput (kg vs bare spaCy), 2 store load rate (kg's
write_documents in batches as kg build makes them vs a raw pyoxigraph bulk load), 3 canned-query latency on
a synthetic graph (vs a full scan), 4 peak RSS (the whole corpus from the last
--whole-corpus-rss run), 5 scaling of kg build from 1 to 2 workers. Progress bars go to
stderr; temporary stores live in a temporary folder that is removed at the end.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the bench package importable
    sys.path.insert(0, str(ROOT))

from bench import extraction, querybench, scaling, storeload, wholecorpus  # noqa: E402
from bench.corpus import load_corpus  # noqa: E402
from bench.progress import console  # noqa: E402
from bench.report import Run, patch_whole_corpus, render  # noqa: E402

DEFAULT_DOCS = 2000
BATCH_SIZE = 32  # Extractor.parse's default, used for both pipelines
CHUNK = 100  # documents per timed chunk; bare and kg take turns chunk by chunk


def _docs(value: str) -> int | None:
    if value == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--docs takes a number of stories or 'all', not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--docs must be at least 1")
    return n


def foreign_sections(old: str, new: str) -> str:
    """The ``## `` sections of ``old`` that this run does not write (another benchmark's,
    such as bench/view_bench.py's "## View"), to keep them at the end of the file."""
    ours = set(re.findall(r"^## .*$", new, re.M))
    kept = [m.group(0).rstrip("\n") for m in re.finditer(r"^## .*?(?=^## |\Z)", old, re.S | re.M)
            if m.group(0).splitlines()[0] not in ours]
    return "".join(f"\n{section}\n" for section in kept)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=_docs, default=DEFAULT_DOCS, metavar="N|all",
                   help=f"stories to measure on (default {DEFAULT_DOCS:,}, a fixed-seed sample; "
                        "'all' for the whole corpus)")
    p.add_argument("--quick", action="store_true",
                   help="tiny sizes (24 stories, a 20 k-quad graph): checks the benchmark runs")
    p.add_argument("--big", action="store_true", help="also time the canned queries at 10 M quads")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md",
                   help="markdown file to write (default bench/results.md)")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: kg.nlp.available_model())")
    p.add_argument("--query-timeout", type=float, default=None, metavar="S",
                   help="stop a canned query after S seconds (default 120; 300 with --big)")
    p.add_argument("--generated", action="store_true",
                   help="use generated text even when the Reuters corpus is present")
    p.add_argument("--whole-corpus-rss", action="store_true",
                   help="run only `kg build --workers 2` over every Reuters story (about 15 min) and "
                        "record its peak RSS in bench/whole-corpus.json, which section 4 shows; "
                        "updates --out in place")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from kg.nlp import available_model

    model = args.model or available_model()
    docs = 24 if args.quick else args.docs
    warmup = 4 if args.quick else 64
    sizes = [20_000] if args.quick else [1_000_000] + ([10_000_000] if args.big else [])
    timeout = args.query_timeout or (300.0 if args.big else 120.0)

    if args.whole_corpus_rss:
        return whole_corpus_rss(args, model)

    started = dt.datetime.now()
    t0 = perf_counter()
    corpus = load_corpus(docs, force_generated=args.generated)
    command = " ".join(["bench/run.py", shlex.join(sys.argv[1:] if argv is None else argv)]).strip()
    run = Run(command=command, model=model, corpus=corpus, started=started,
              load_before=os.getloadavg(), big=args.big, show_whole=not args.quick,
              whole=None if args.quick else wholecorpus.load())
    console.log(f"corpus: {corpus.description} ({corpus.words:,} words); model {model}")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        nquads = work / "extracted.nq"
        run.throughput = extraction.measure(corpus, model, batch_size=BATCH_SIZE,
                                            warmup=min(warmup, len(corpus.documents)), runs=2,
                                            chunk=12 if args.quick else CHUNK, nquads=nquads)
        run.store = storeload.measure(nquads, work, runs=2)
        run.scaling = scaling.measure(corpus, model, work, runs=1 if args.quick else 2)
        run.queries = querybench.measure(sizes, work, timeout=timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    run.seconds = perf_counter() - t0
    run.load_after = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = render(run)
    if args.out.exists():
        text += foreign_sections(args.out.read_text(encoding="utf-8"), text)
    args.out.write_text(text, encoding="utf-8")
    console.log(f"wrote {args.out} ({run.seconds / 60:.1f} min)")
    return 0


def whole_corpus_rss(args: argparse.Namespace, model: str) -> int:
    """``--whole-corpus-rss``: measure, write bench/whole-corpus.json, update ``--out``."""
    if args.quick:  # a smoke run of this step: the real figures stay as they are
        figures = wholecorpus.measure(model, docs=24, out=None)
        console.log(f"--quick: 24 stories only, nothing written: {figures}")
        return 0
    figures = wholecorpus.measure(model)
    if args.out.exists():
        text = patch_whole_corpus(args.out.read_text(encoding="utf-8"), figures)
        if text is None:
            console.log(f"{args.out} has no whole-corpus row; the next `bench/run.py` includes it")
        else:
            args.out.write_text(text, encoding="utf-8")
            console.log(f"updated the whole-corpus figures in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
