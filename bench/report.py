"""Write bench/results.md: a summary, then one markdown table per section."""
from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata

from kg.vocab import ENTITIES_GRAPH

GB = 2048  # MB: the peak-RSS target for the whole corpus
THROUGHPUT_E, THROUGHPUT_B = 0.85, 0.8
STORE_TARGET = 0.7
QUERY_TARGET_S = 1.0
QUERY_TARGET_SIZE = 10_000_000
SCALING_TARGET = 1.7


@dataclass
class Run:
    """Everything one run measured, and how it was run."""

    command: str
    model: str
    corpus: object  # bench.corpus.Corpus
    started: dt.datetime
    seconds: float = 0.0
    load_before: tuple = ()
    load_after: tuple = ()
    throughput: object = None  # bench.extraction.Throughput
    store: object = None  # bench.storeload.StoreLoad
    queries: list = field(default_factory=list)  # bench.querybench.QueryRun
    scaling: object = None  # bench.scaling.Scaling
    whole: dict | None = None  # bench/whole-corpus.json (bench.wholecorpus), when present
    show_whole: bool = True  # False for --quick: no whole-corpus row in the summary
    big: bool = False


def replace_section(path, heading: str, section: str) -> None:
    """Replace an older ``## {heading}`` section of the Markdown file ``path`` with
    ``section``, or append it; nothing else in the file changes (each benchmark script
    owns one section of bench/results.md)."""
    import re

    text = path.read_text(encoding="utf-8")
    section = section.rstrip("\n") + "\n"
    old = re.search(rf"^## {re.escape(heading)}\b.*?(?=^## |\Z)", text, re.S | re.M)
    if old:
        text = text[:old.start()] + section + ("\n" if old.end() < len(text) else "") + text[old.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _model_version(model: str) -> str:
    for dist in (model, model.replace("_", "-")):
        v = _version(dist)
        if v != "?":
            return v
    return "?"


def _n(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def _size(n: int) -> str:
    return f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n / 1e3:g} k"


def render(run: Run) -> str:
    out = ["# kg benchmark results", "",
           f"Written by `{run.command}` on {run.started:%Y-%m-%d %H:%M} (local time); the run "
           f"took {run.seconds / 60:.1f} min. Every ratio compares kg with a baseline measured "
           f"in the same run on the same machine and the same data.", ""]
    out += _summary(run) + _machine(run) + _corpus(run)
    out += _throughput(run) + _store(run) + _queries(run) + _rss(run) + _scaling(run)
    return "\n".join(out).rstrip() + "\n"


def _summary(run: Run) -> list[str]:
    t, s, sc = run.throughput, run.store, run.scaling
    rows = [["extraction throughput (docs/s)", _n(t.kg.docs / t.kg.seconds, 2),
             "bare spaCy " + _n(t.bare.docs / t.bare.seconds, 2), f"{t.ratio:.2f}",
             f"≥ {THROUGHPUT_E} (issue E), ≥ {THROUGHPUT_B} (issue B)", _throughput_verdict(t.ratio)],
            ["store load rate (quads/s)", _n(s.best_kg.quads / s.best_kg.seconds, 0),
             "raw bulk_extend " + _n(s.best_raw.quads / s.best_raw.seconds, 0), f"{s.ratio:.2f}",
             f"≥ {STORE_TARGET}", "met" if s.ratio >= STORE_TARGET else "not met"]]
    if sc is not None:
        rows.append([f"scaling 1 → 2 workers (`kg build` docs/s, {sc.docs:,} stories)", _n(sc.rate(2), 2),
                     "1 worker " + _n(sc.rate(1), 2), f"{sc.ratio:.2f}", f"≥ {SCALING_TARGET}",
                     _scaling_verdict(sc)])
    else:
        rows.append(["scaling 1 → 2 workers", "not measured", "—", "—", f"≥ {SCALING_TARGET}", "not measured"])
    for q in run.queries:
        slow = q.slowest
        ratio = f"{slow.seconds / q.scan.seconds:.2f}" if slow.seconds and q.scan.seconds else "—"
        rows.append([f"slowest canned query at {_size(q.size)} quads (s): {slow.name}",
                     slow.shown if slow.seconds is not None else f"> {q.timeout:g}",
                     f"full scan {q.scan.shown}", ratio,
                     f"< {QUERY_TARGET_S:g} s at 10 M", _query_verdict(q, run.big)])
    rss = t.kg_rss_mb
    rows.append([f"peak RSS of extraction (MB), {len(run.corpus.documents):,} documents", _n(rss, 0),
                 "bare spaCy " + _n(t.bare_rss_mb, 0), f"{t.rss_ratio:.2f}",
                 f"whole corpus ≤ {GB} MB", _rss_verdict(run, rss)])
    if run.show_whole:
        rows.append(whole_corpus_row(run.whole))
    return ["## Summary", ""] + _table(["figure", "kg", "baseline", "ratio", "target", "verdict"], rows)


WHOLE_ROW = "peak RSS of `kg build --workers 2`, whole corpus (MB)"


def whole_corpus_row(w: dict | None) -> list[str]:
    """The summary row of the whole-corpus peak RSS (bench/whole-corpus.json)."""
    if not w:
        return [WHOLE_ROW, "not run", f"budget {GB:,}", "—", f"≤ {GB:,} MB",
                "not measured: `bench/run.py --whole-corpus-rss` (about 15 min)"]
    bound = w["sum_of_peaks_mb"]
    return [WHOLE_ROW, f"{_n(bound, 0)} (sampled tree peak {_n(w['tree_peak_sampled_mb'], 0)})",
            f"budget {GB:,}", f"{bound / GB:.2f}", f"≤ {GB:,} MB",
            f"{'met' if bound <= GB else 'not met'} ({w['stories']:,} stories, measured {w['date'][:10]})"]


def _scaling_verdict(sc) -> str:
    verdict = "met" if sc.ratio >= SCALING_TARGET else "not met"
    if sc.equal:
        return f"{verdict}; outputs equal"
    return f"{verdict}; **outputs differ**"


def _throughput_verdict(ratio: float) -> str:
    if ratio >= THROUGHPUT_E:
        return "met (E and B)"
    return "met for B only" if ratio >= THROUGHPUT_B else "not met"


def _query_verdict(q, big: bool = False) -> str:
    slow = q.slowest
    over = [t for t in q.queries if t.seconds is None or t.seconds >= QUERY_TARGET_S]
    if q.quads >= QUERY_TARGET_SIZE * 0.95:
        return "met" if not over else f"not met ({len(over)} of {len(q.queries)} over 1 s)"
    if over:
        return f"not met: {len(over)} of {len(q.queries)} over 1 s already at {_size(q.size)}"
    if slow.seconds is None:
        return "?"
    return f"under 1 s at {_size(q.size)}" + ("" if big else "; 10 M not run")


def _rss_verdict(run: Run, rss: float) -> str:
    whole = run.corpus.source == "reuters-21578" and len(run.corpus.documents) >= run.corpus.available
    if whole:
        return "met" if rss <= GB else "not met"
    if rss > GB:
        return "over 2 GB already on this sample"
    return ("within 2 GB on this sample; whole corpus: next row" if run.show_whole
            else "within 2 GB on this sample")


def _machine(run: Run) -> list[str]:
    la = lambda t: " / ".join(f"{x:.2f}" for x in t) if t else "?"  # noqa: E731
    rows = [["CPU count", os.cpu_count()],
            ["CPU", platform.processor() or platform.machine()],
            ["OS", platform.platform()],
            ["Python", sys.version.split()[0]],
            ["spaCy", _version("spacy")],
            ["spaCy model", f"{run.model} {_model_version(run.model)}"],
            ["pyoxigraph", _version("pyoxigraph")],
            ["kg", _version("kg")],
            ["load average (1/5/15 min) at start", la(run.load_before)],
            ["load average (1/5/15 min) at end", la(run.load_after)],
            ["date", f"{run.started:%Y-%m-%d}"]]
    return ["## Machine", ""] + _table(["what", "value"], rows) + [
        "A load average above the CPU count means other work shared the machine during the "
        "run: absolute rates are then low, while the ratios hold better because the measured "
        "and baseline runs alternate and the better of two timings counts.", ""]


def _corpus(run: Run) -> list[str]:
    c = run.corpus
    return ["## Corpus", "", f"{c.description}.", "",
            *_table(["documents", "words (whitespace)", "characters", "text MB"],
                    [[f"{len(c.documents):,}", f"{c.words:,}", f"{c.chars:,}", _n(c.chars / 1e6, 2)]])]


def _throughput(run: Run) -> list[str]:
    t = run.throughput
    n = len(run.corpus.documents)
    rounds = lambda xs: ", ".join(f"{x:.1f}" for x in xs)  # noqa: E731
    b, k = t.bare, t.kg
    rows = [["bare spaCy `nlp.pipe(texts)` (baseline)", _n(n / b.seconds, 2), _n(t.words / b.seconds, 0),
             _n(b.seconds, 1), rounds(t.bare_rounds), "1.00"],
            ["kg `Extractor.parse` + `extract` + `quads`", _n(n / k.seconds, 2), _n(t.words / k.seconds, 0),
             _n(k.seconds, 1), rounds(t.kg_rounds), f"{t.ratio:.2f}"]]
    parts = [["parse: spaCy's tokenizer and model components (`Extractor.parse` less the next row)",
              k.parse_s - k.gazetteer_s],
             ["parse: kg's `kg_gazetteer_v1` component", k.gazetteer_s],
             ["`Extractor.extract` (linking, roles, events)", k.extract_s],
             ["`Extractor.quads` (records → RDF quads)", k.quads_s]]
    total = sum(p[1] for p in parts) or 1.0
    bare_extra = k.parse_s - b.seconds
    return ["## 1. Extraction throughput", "",
            f"Same {n:,} texts, batch size {t.batch_size}. Each pipeline stays loaded in its own "
            f"worker process, warmed up on {t.warmup} documents. The texts go in chunks of "
            f"{t.chunk} to the bare and the kg worker in turn (which goes first alternates), in "
            f"{len(t.kg_rounds)} rounds; each chunk's better timing counts and the seconds below "
            f"are their sums, so a burst of load from elsewhere hits both sides alike. "
            f"Ratio = kg docs/s ÷ bare docs/s (words/s gives the same ratio). "
            f"Target ≥ {THROUGHPUT_E} (issue E), ≥ {THROUGHPUT_B} (issue B): "
            f"**{_throughput_verdict(t.ratio)}**.", "",
            *_table(["pipeline", "docs/s", "words/s", "seconds (best chunks)", "whole rounds (s)", "ratio"],
                   rows),
            f"Where kg's time goes (best chunks: {k.quads:,} quads from {k.docs:,} documents):", "",
            *_table(["stage", "seconds", "share"],
                    [[p[0], _n(p[1], 1), f"{100 * p[1] / total:.0f} %"] for p in parts]),
            *_failures(k),
            f"`Gazetteer.find` (the alias regexes) over the same texts on its own, timed after the "
            f"rounds: {t.find_s:.1f} s. kg's parse took {abs(bare_extra):.1f} s {'more' if bare_extra >= 0 else 'less'} than the bare "
            f"pipeline (kg's pipeline is the same model plus the gazetteer component "
            f"and one tokenizer infix rule).", ""]


def _failures(k) -> list[str]:
    if not k.failed:
        return ["kg extracted every document without an error.", ""]
    shown = k.failed[:5]
    return [f"**kg failed on {len(k.failed):,} of {k.docs:,} documents** (their time still counts; "
            "they give no quads):", "", *[f"- `{line}`" for line in shown],
            *([f"- … and {len(k.failed) - len(shown):,} more"] if len(k.failed) > len(shown) else []), ""]


def _store(run: Run) -> list[str]:
    s = run.store
    runs = lambda ps: ", ".join(f"{p.seconds:.2f}" for p in ps)  # noqa: E731
    rows = []
    for name, best, all_, ratio in (("raw `pyoxigraph.Store(path).bulk_extend(quads)` (baseline)", s.best_raw, s.raw, 1.0),
                                    (f"kg `Store.write_documents(batch, shared)`, batches of {s.batch_size}",
                                     s.best_kg, s.kg, s.ratio)):
        rows.append([name, _n(best.quads / best.seconds, 0), _n(best.seconds, 2), runs(all_),
                     f"{best.given:,}", f"{best.writes:,}", f"{best.quads:,}", f"{best.graphs:,}",
                     _n(best.disk_mb, 1), f"{ratio:.2f}"])
    same = ("Both stores end with the same number of quads." if s.best_kg.quads == s.best_raw.quads else
            f"**The stores differ: kg's holds {s.best_kg.quads:,} quads, the raw one {s.best_raw.quads:,}.**")
    return ["## 2. Store load rate", "",
            f"The quads kg extracted from the {s.documents:,} documents above (each document's graph "
            f"and its statements in the shared entities graph `{ENTITIES_GRAPH}`), already in "
            "memory, written into a fresh on-disk store and flushed. kg's side does what `kg build` "
            f"does: `Store.write_documents(batch, shared)` for every batch of {s.batch_size} "
            "(the build's batching), where `batch` is each document's graph "
            "IRI and quads and `shared` the batch's entity-graph quads without repeats (building "
            "that set is timed too). The baseline hands every extracted quad, repeats of the shared "
            "entity statements included, to one raw bulk load. Quads/s counts the quads in the "
            f"store at the end. {same} Each load runs in a fresh process, twice each, which goes "
            "first alternating; the better counts. Ratio = kg quads/s ÷ raw quads/s. "
            f"Target ≥ {STORE_TARGET}: **{'met' if s.ratio >= STORE_TARGET else 'not met'}**.", "",
            *_table(["loader", "quads/s", "best (s)", "loads (s)", "quads handed over", "write calls",
                     "quads in store", "graphs", "store on disk (MB)", "ratio"], rows)]


def _queries(run: Run) -> list[str]:
    out = ["## 3. Canned-query latency", "",
           "A synthetic graph in kg's layout (bench/synthetic.py: one named graph per "
           "synthetic document with `ta:mentions`, agreements "
           "with `ta:party`/`ta:covers`/`ta:date`/`ta:status`, signatories, export controls "
           "with `ta:imposedBy`/`ta:targets`, and a `ta:Evidence` record per fact; each entity's "
           "type and the gazetteer's labels and codes once, in the shared entities graph) bulk-loaded "
           "into an on-disk store, which then gets what `kg build` adds after writing: the fact "
           "index `graph:facts`, the derived graph (`queries/rules/*.rq`) and a compaction; the "
           "time for all of it is shown with each size. Every `queries/*.rq` (not "
           "`queries/rules/`) run through "
           "`kg.query.run_query`, each in its own process, up to 3 times (once when a run "
           "takes 5 s or more), best time shown. Baseline: a full scan "
           "`SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }` on the same store; ratio = query time "
           "÷ full-scan time (lower is better; 1 or more means the query costs a full scan). "
           f"Target: each query < {QUERY_TARGET_S:g} s at 10 M triples.", ""]
    if not run.big:
        out += ["**10 M was not run** (it takes long: pass `--big`); the figures below are at "
                + ", ".join(_size(q.size) for q in run.queries) + " quads.", ""]
    for q in run.queries:
        out += [f"### {_size(q.size)} quads", "",
                f"{q.quads:,} quads in {q.graphs:,} named graphs, generated, bulk-loaded, indexed, "
                f"derived and compacted in "
                f"{q.load_s:.1f} s; full scan {q.scan.shown} s; queries stopped after "
                f"{q.timeout:g} s. Verdict: **{_query_verdict(q, run.big)}**.", ""]
        rows = []
        for t in q.queries:
            ratio = f"{t.seconds / q.scan.seconds:.2f}" if t.seconds is not None and q.scan.seconds else "—"
            verdict = ("stopped" if t.seconds is None else "< 1 s" if t.seconds < QUERY_TARGET_S else "≥ 1 s")
            rows.append([t.name, t.shown if t.seconds is not None else f"> {q.timeout:g}",
                         ", ".join(f"{r:.3f}" for r in t.runs) or "—",
                         f"{t.rows:,}" if t.rows is not None else "—", ratio, verdict])
        out += _table(["query", "best (s)", "runs (s)", "rows", "ratio to full scan", "vs 1 s"], rows)
        if q.duplicates:
            rows_, distinct = q.duplicates
            if rows_ > distinct:
                out += [f"Why joins grow: `?c a ta:Country` matches {rows_:,} rows for {distinct:,} "
                        "countries in the union default graph: the type is stated in more than one "
                        "graph and Oxigraph's union keeps one row per graph (bag semantics), so joins "
                        "on types multiply by the number of graphs that repeat them.", ""]
            else:
                out += [f"`?c a ta:Country` matches {rows_:,} rows for {distinct:,} countries in the "
                        "union default graph: each type is stated once (in the entities graph), so "
                        "joins on types and labels do not multiply by the documents.", ""]
    return out


def _rss(run: Run) -> list[str]:
    t, s, c, sc = run.throughput, run.store, run.corpus, run.scaling
    rss_kg, rss_bare = t.kg_rss_mb, t.bare_rss_mb
    raw_rss, kg_rss = max(p.rss_mb for p in s.raw), max(p.rss_mb for p in s.kg)
    rows = [["bare spaCy worker (baseline)", _n(rss_bare, 0), "1.00"],
            ["kg extraction worker (`Extractor` + parse/extract/quads)", _n(rss_kg, 0), f"{t.rss_ratio:.2f}"],
            ["raw bulk load of the extracted quads (baseline)", _n(raw_rss, 0), "1.00"],
            ["kg `write_documents` load of the extracted quads", _n(kg_rss, 0), f"{kg_rss / raw_rss:.2f}"]]
    if sc is not None:
        for n in sorted(sc.runs):
            peak_tree = max(r.tree_rss_mb for r in sc.runs[n])
            peak_main = max(r.main_rss_mb for r in sc.runs[n])
            if n == 1:
                rows.append(["`kg build`, 1 worker (section 5): its one process", _n(peak_main, 0),
                             f"{peak_main / rss_bare:.2f}"])
            else:
                peak_worker = max(r.worker_rss_mb for r in sc.runs[n])
                rows.append([f"`kg build`, {n} workers (section 5): the build's process", _n(peak_main, 0), "—"])
                rows.append([f"`kg build`, {n} workers: largest worker", _n(peak_worker, 0),
                             f"{peak_worker / rss_bare:.2f}"])
                rows.append([f"`kg build`, {n} workers: whole process tree (sampled sum)", _n(peak_tree, 0),
                             f"{peak_tree / (n * rss_bare):.2f} (to {n} × bare)"])
    rows += [[f"synthetic {_size(q.size)} store, generated and bulk-loaded", _n(q.rss_mb, 0), "—"]
             for q in run.queries]
    out = ["## 4. Peak RSS", "",
           f"`resource.getrusage(RUSAGE_SELF).ru_maxrss` of each measuring process (each is a "
           f"fresh process); for `kg build` with workers, `ru_maxrss` of `RUSAGE_CHILDREN` for the "
           f"largest worker and, for the whole tree, the summed VmRSS of the build's processes read "
           f"from /proc every 0.5 s. Measured on {len(c.documents):,} stories, {c.words:,} words "
           f"({c.chars / 1e6:.2f} MB of text); the whole {'Reuters-21578 ' if c.source == 'reuters-21578' else ''}"
           f"corpus is {c.available:,} stories with a body, {c.available_words:,} words. "
           f"Ratio = kg's peak ÷ its baseline's (the bare spaCy worker's for the build's processes). "
           f"Target: whole corpus within {GB:,} MB (below).", "",
           *_table(["process", "peak RSS (MB)", "ratio"], rows)]
    return out + whole_corpus_block(run.whole) + [""]


WHOLE_START, WHOLE_END = "<!-- whole-corpus: bench/run.py --whole-corpus-rss -->", "<!-- /whole-corpus -->"


def whole_corpus_block(w: dict | None) -> list[str]:
    """Section 4's whole-corpus part, between markers so ``--whole-corpus-rss`` can replace it."""
    if not w:
        body = ["### Whole corpus", "",
                "**Not measured**: `bench/run.py --whole-corpus-rss` builds every story with "
                "`kg build --workers 2` and records the peak RSS (about a quarter of an hour on two "
                "cores, so `make bench` leaves it out); its figures then appear here."]
        return [WHOLE_START, *body, WHOLE_END]
    bound, tree = w["sum_of_peaks_mb"], w["tree_peak_sampled_mb"]
    workers = w["worker_peaks_mb"]
    rows = [["the build's own process (reads, decodes, writes, rules)", _n(w["main_peak_mb"], 0)]]
    rows += [[f"worker {i + 1} (extraction)", _n(mb, 0)] for i, mb in enumerate(workers)]
    rows += [["other (multiprocessing resource tracker)", _n(mb, 0)] for mb in w.get("other_peaks_mb", [])]
    rows += [["**sum of the per-process peaks** (upper bound of the tree's peak)", f"**{_n(bound, 0)}**"],
             [f"summed VmRSS of the tree, largest of {w['samples']:,} samples (0.5 s apart)", _n(tree, 0)],
             ["largest `ru_maxrss` among the children (`RUSAGE_CHILDREN`)", _n(w["children_maxrss_mb"], 0)]]
    seconds = w["seconds"]
    la = lambda t: " / ".join(f"{x:.2f}" for x in t)  # noqa: E731
    body = ["### Whole corpus", "",
            f"Measured {w['date']} by `bench/run.py --whole-corpus-rss` (bench/whole-corpus.json; "
            f"not re-run by `bench/run.py`): `{w['command']}` on all {w['stories']:,} Reuters-21578 "
            f"stories with a body ({w['words']:,} words, {w['chars'] / 1e6:.1f} MB of text) in one "
            f"JSONL file, into a fresh on-disk store, on {w['cpus']} CPUs. It took {seconds / 60:.1f} min: "
            f"{_n(w['stories'] / seconds, 2)} docs/s, {_n(w['words'] / seconds, 0)} words/s, "
            f"end to end with pool start-up (load average {la(w['load_before'])} before, "
            f"{la(w['load_after'])} after). "
            + (f"The store holds {w['store_quads']:,} quads ({w['store_disk_mb']:,.0f} MB on disk). "
               if w.get("store_quads") is not None else "")
            + f"Target: the whole corpus within {GB:,} MB: **{'met' if bound <= GB else 'not met'}** "
            f"(by the sum of the per-process peaks, {bound / GB:.2f} of the budget).", "",
            *_table(["process", "peak RSS (MB)"], rows)]
    return [WHOLE_START, *body, WHOLE_END]


def patch_whole_corpus(text: str, w: dict) -> str | None:
    """``text`` (a results.md) with its whole-corpus summary row and section-4 block
    replaced by ``w``'s; None when ``text`` has neither place."""
    row = "| " + " | ".join(whole_corpus_row(w)) + " |"
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(f"| {WHOLE_ROW} |")]
    if not hits or WHOLE_START not in text or WHOLE_END not in text:
        return None
    lines[hits[0]] = row
    text = "\n".join(lines)
    a, b = text.index(WHOLE_START), text.index(WHOLE_END) + len(WHOLE_END)
    return text[:a] + "\n".join(whole_corpus_block(w)) + text[b:]


def _scaling(run: Run) -> list[str]:
    sc = run.scaling
    if sc is None:
        return ["## 5. Scaling 1 → 2 workers", "", "Not measured in this run.", ""]
    rows = []
    for n in sorted(sc.runs):
        best = sc.best(n)
        cpu = best.main_cpu_s + best.workers_cpu_s
        rows.append([f"{n} worker{'s' if n > 1 else ''}" + (" (baseline)" if n == 1 else ""),
                     _n(sc.docs / best.seconds, 2), _n(sc.words / best.seconds, 0), _n(best.seconds, 1),
                     ", ".join(f"{r.seconds:.1f}" for r in sc.runs[n]),
                     _n(best.main_cpu_s, 0), _n(best.workers_cpu_s, 0) if n > 1 else "—",
                     f"{cpu / best.seconds:.2f}", " / ".join(f"{x:.2f}" for x in best.load_before[:1]) or "?",
                     f"{best.quads:,}", "1.00" if n == 1 else f"{sc.rate(n) / sc.rate(1):.2f}"])
    one, two = sc.best(1), sc.best(2)
    main_share = two.main_cpu_s / two.seconds
    if sc.equal:
        same = (f"The stores of every run hold the same set of quads ({one.quads:,}, same SHA-256 "
                "of the sorted N-Quads): **outputs equal**.")
    elif sc.differing:
        same = (f"**Outputs differ**: the first 1-worker and 2-worker stores differ in {sc.differing:,} "
                "quads, e.g.:\n\n" + "\n".join(f"- `{e}`" for e in sc.examples))
    else:
        digests = {n: sorted({r.digest[:12] for r in rs}) for n, rs in sc.runs.items()}
        same = (f"**Outputs differ between repeated runs** (store digests per worker count: {digests}), "
                "though the first 1-worker and 2-worker stores are equal.")
    failures = sum(r.failures for rs in sc.runs.values() for r in rs)
    # What the CPU time allows: two workers cannot finish sooner than the CPU seconds the
    # build used (its process and the workers) spread over the machine's CPUs.
    floor_s = (two.main_cpu_s + two.workers_cpu_s) / max(1, min(sc.cpus, 3))
    bound = one.seconds / floor_s if floor_s else 0.0
    bound_text = (f" A bound, not a measurement: the best 2-worker run needed {two.main_cpu_s + two.workers_cpu_s:,.0f} "
                  f"CPU seconds (the workers' include loading the pipeline twice); spread over {sc.cpus} "
                  f"otherwise idle CPUs that is at least {floor_s:.0f} s, a ratio of at most {bound:.2f} to "
                  f"the best 1-worker run, which itself kept {one.main_cpu_s / one.seconds:.2f} of a CPU busy.")
    return ["## 5. Scaling 1 → 2 workers", "",
            f"`kg.build.build([sample.jsonl], store, workers=N)` end to end on the same {sc.docs:,} "
            f"stories ({sc.words:,} words, written as one JSONL file): reading, extraction, writing "
            "in batches of up to 1,000 documents or 50,000 quads with `write_documents`, the rules, then a flush, into a fresh on-disk "
            "store. N = 1 extracts in the build's own process; N = 2 in a pool of 2 spawned "
            "processes that each load the pipeline (start-up is in the time), while the build's "
            "process reads the file, decodes the workers' N-Quads and writes the store. Each run in "
            "a fresh process; which N goes first alternates; the better of "
            f"{len(sc.runs[1])} runs counts. Ratio = 2-worker docs/s ÷ 1-worker docs/s. "
            f"This machine has **{sc.cpus} CPUs**: with 2 workers, three busy processes (two "
            f"workers and the build's own process, which used {main_share:.2f} of a CPU in the best "
            "2-worker run) share them, and other engineers' work shared them too (see the load "
            f"average). Target ≥ {SCALING_TARGET}: **{'met' if sc.ratio >= SCALING_TARGET else 'not met'}** "
            f"({sc.ratio:.2f}).", "",
            *_table(["workers", "docs/s", "words/s", "best (s)", "runs (s)", "CPU s, build's process",
                     "CPU s, workers", "CPUs busy (CPU s ÷ wall s)", "load average (1 min) before",
                     "quads in store", "ratio"], rows),
            "CPUs busy below 2 with 2 workers means they waited for a CPU (other work) or for the "
            "build's process." + bound_text, "",
            same + (f" {failures:,} document failures over all runs." if failures else ""), ""]
