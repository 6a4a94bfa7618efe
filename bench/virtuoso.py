"""Canned-query latency on a Virtuoso 7 server holding a large synthetic graph.

    python bench/virtuoso.py --size 10000000 --fact-index --derive   # what kg build leaves
    python bench/virtuoso.py --size 1000000 --fact-index --derive --compare  # answers vs Oxigraph
    python bench/virtuoso.py --size 10000000 --keep           # keep the database folder
    python bench/virtuoso.py --reuse /tmp/kg-virtuoso-XXXX    # time again on a kept database
    python bench/virtuoso.py --reuse DIR --queries OLD_RQ_DIR # another version of the queries

At 10 M: about 2.5 min to write the N-Quads (2.2 GB), 2.5 min to bulk-load, 35 s for
the fact index, 3.5 min for the derived graph, then the queries (a few minutes).
``--fact-index`` and ``--derive`` matter: the canned queries read the fact index
(``graph:facts``) and most-corroborated-agreements the derived graph; without them those
queries answer nothing.

Steps: the synthetic graph of bench/synthetic.py is written as N-Quads files (each quad
keeps its own graph) into a fresh folder under ``--workdir`` (default: the system's
temporary folder); ``virtuoso-t`` starts there with a configuration sized for millions of
quads (:data:`VIRTUOSO_INI`: about 2.7 GB of buffers, no result-size cut-off below
:data:`MAX_ROWS` rows, no query time limit); Virtuoso's bulk loader (``ld_dir`` and
``rdf_loader_run``, one per ``--loaders``, then ``checkpoint``) loads the files, and a
per-graph count checks that every quad arrived. Each canned query (``queries/*.rq``)
then runs through ``kg.query.run_query`` on kg's SPARQL store opened on the server's
``/sparql-auth`` endpoint as dba, as the server tests open it; baseline: a full scan,
``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }``. A query runs up to three times (once when
a run takes 5 s or more) and its best time counts. The server is stopped and the folder
removed at the end unless ``--keep``.

The results table goes to stdout (markdown); progress and logs go to stderr.
:func:`measure` does the same for bench/run.py and returns a dict.
"""
from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the bench package importable
    sys.path.insert(0, str(ROOT))

from bench.progress import console, tracked  # noqa: E402
from bench.querybench import _size, canned  # noqa: E402
from kg.vocab import FACTS_GRAPH  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))  # the server tests' Virtuoso configuration and helpers
from servers import PING, VIRTUOSO_INI, VIRTUOSO_SETTINGS, free_port, wait_until_answering  # noqa: E402

FULL_SCAN = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
FULL_SCAN_NAME = "full scan (baseline)"
REPEAT_UNDER_S = 5.0  # repeat a query only while one run takes less than this
RUNS = 3
TARGET_S = 1.0  # what a canned query should answer within
MAX_ROWS = 2_000_000  # ResultSetMaxRows and MaxSortedTopRows: a bigger answer is cut silently
QUADS_PER_FILE = 2_500_000  # the bulk loader takes a file at a time; several files let loaders share

#: Virtuoso's configuration for the benchmark: the tests' ini (tests/servers.py) with
#: buffers for millions of quads (NumberOfBuffers x 8 KB: 340,000 is about 2.7 GB),
#: result-size limits far above any canned query's answer, no query time limit (at 10 s
#: Virtuoso would return partial "anytime" answers), and a transaction log limit big
#: enough for a SPARQL INSERT ... WHERE over the whole graph (a fact index rebuild).
TUNING = """\
ThreadsPerQuery            = {threads}
AsyncQueueMaxThreads       = 4
TransactionAfterImageLimit = 1500000000"""


class Virtuoso:
    """``virtuoso-t`` on a database folder, in the foreground of a child process."""

    user = password = "dba"

    def __init__(self, workdir: Path, *, buffers: int = 340_000, dirty: int = 250_000,
                 threads: int = 2):
        binary = shutil.which("virtuoso-t")
        self.isql_binary = shutil.which("isql-vt") or shutil.which("isql")
        if not binary or not self.isql_binary:
            raise RuntimeError("needs Virtuoso 7 (virtuoso-t and isql-vt): `make server-deps` "
                               "(apt-get install virtuoso-opensource-7-bin)")
        self.workdir = workdir
        self.sql_port, self.http_port = free_port(), free_port()
        ini = workdir / "virtuoso.ini"
        settings = dict(VIRTUOSO_SETTINGS, remap=250_000, buffers=buffers, dirty=dirty,
                        tuning=TUNING.format(threads=threads), max_rows=MAX_ROWS, query_seconds=0)
        ini.write_text(VIRTUOSO_INI.format(dir=workdir, sql_port=self.sql_port,
                                           http_port=self.http_port, **settings))
        (workdir / "virtuoso.lck").unlink(missing_ok=True)  # left by a killed server
        self.log = workdir / "virtuoso-stdout.log"
        with self.log.open("ab") as out:
            self.process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)],
                                            cwd=workdir, stdout=out, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.endpoint = f"{self.base}/sparql-auth"
        try:
            wait_until_answering(f"{self.base}/sparql{PING}", self.process, self.log,
                                 name="virtuoso-t", timeout=300)
        except BaseException:
            self.process.kill()
            self.process.wait()
            raise

    def isql(self, sql: str, *, timeout: float | None = None) -> str:
        """Run SQL statements through isql; raise with isql's output on an error."""
        done = subprocess.run([self.isql_binary, f"127.0.0.1:{self.sql_port}", self.user,
                               self.password, f"exec={sql}"], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        out = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed ({done.returncode}) on {sql!r}:\n{out.strip()}")
        return out

    def peak_rss_mb(self) -> float | None:
        """virtuoso-t's peak resident set size so far (VmHWM), in MB."""
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (OSError, ValueError):
            pass
        return None

    def store(self, timeout: float):
        """kg's store on the server, opened as the server tests open it (as dba, by Digest)."""
        from kg.store.sparql import SparqlStore

        return SparqlStore(self.endpoint, self.endpoint, None, user=self.user,
                           password=self.password, timeout=timeout)

    def stop(self) -> None:
        """Shut down cleanly (a checkpoint, so a kept folder reopens fast), else kill."""
        if self.process.poll() is not None:
            return
        try:
            self.isql("shutdown;", timeout=120)
        except (RuntimeError, subprocess.TimeoutExpired, OSError):
            pass
        try:
            self.process.wait(120)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


# -- the data ---------------------------------------------------------------------------

def write_nquads(size: int, folder: Path) -> tuple[list[Path], dict[str, int], float]:
    """Write about ``size`` synthetic quads as N-Quads files of :data:`QUADS_PER_FILE`.

    Returns the files, the number of distinct quads per graph, and the seconds taken.
    A document's graph is written in one run, and the generator gives each entities-graph
    quad once, so a set of the current document's quads is enough to count distinct ones.
    """
    from bench.synthetic import synthetic_quads

    start = perf_counter()
    counts: collections.Counter = collections.Counter()
    files: list[Path] = []
    out = None
    written = 0
    current, seen = None, set()
    try:
        for quad in tracked(synthetic_quads(size), f"N-Quads, {_size(size)}", total=size,
                            step=10_000):
            if written % QUADS_PER_FILE == 0:
                if out is not None:
                    out.close()
                files.append(folder / f"synthetic-{len(files):03d}.nq")
                out = files[-1].open("w", encoding="utf-8")
            line = str(quad)  # "<s> <p> <o> <g>", N-Quads escaping, no final " ."
            out.write(line)
            out.write(" .\n")
            written += 1
            graph = quad.graph_name.value
            if graph != current:
                current, seen = graph, set()
            if line not in seen:
                seen.add(line)
                counts[graph] += 1
    finally:
        if out is not None:
            out.close()
    return files, dict(counts), perf_counter() - start


def bulk_load(server: Virtuoso, folder: Path, loaders: int) -> float:
    """Load every ``synthetic-*.nq`` of ``folder`` with ``loaders`` bulk loaders; seconds."""
    start = perf_counter()
    server.isql(f"ld_dir('{folder}', 'synthetic-*.nq', 'http://example/unused');")
    errors: list[BaseException] = []

    def loader():
        try:
            server.isql("rdf_loader_run();")
        except BaseException as e:  # noqa: BLE001  (reported by the main thread)
            errors.append(e)

    threads = [threading.Thread(target=loader) for _ in range(max(1, loaders))]
    with console.status(f"bulk loading with {len(threads)} loader(s)"):
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]
        server.isql("checkpoint;")
    failed = server.isql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
    if "0 Rows" not in failed:
        raise RuntimeError(f"the bulk loader reported errors:\n{failed}")
    return perf_counter() - start


def verify(store, expected: dict[str, int] | None) -> dict:
    """Quads per graph on the server against what was written."""
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                       union_default_graph=False)
    loaded = {g: int(n) for g, n in rows.rows}
    ours = {g: n for g, n in loaded.items() if expected is None or g in expected}
    if expected is None:  # a reused database: no record of what was written
        ours = {g: n for g, n in loaded.items() if "techalliance" in g}
    out = {"graphs": len(ours), "quads": sum(ours.values()),
           "other_graphs": sorted(set(loaded) - set(ours))}
    if expected is not None:
        wrong = {g: (n, loaded.get(g, 0)) for g, n in expected.items() if loaded.get(g, 0) != n}
        out.update(expected_graphs=len(expected), expected_quads=sum(expected.values()),
                   mismatched_graphs=len(wrong), mismatch_examples=dict(list(wrong.items())[:5]))
    return out


def rebuild_fact_index(store) -> dict:
    """``kg.store.factindex.rebuild(store)``; how long it took and what it made."""
    from kg.store.factindex import rebuild

    start = perf_counter()
    try:
        result = rebuild(store)
    except Exception as e:  # noqa: BLE001  (recorded, the queries still run)
        return {"status": f"failed: {type(e).__name__}: {e}", "seconds": perf_counter() - start}
    seconds = perf_counter() - start
    n = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}",
                    union_default_graph=False)
    return {"status": "rebuilt", "seconds": seconds, "result": repr(result)[:200],
            "facts_graph_quads": int(n.rows[0][0])}


def apply_rules(store, server: Virtuoso | None = None) -> dict:
    """``kg.rules.apply_rules(store)`` (the derived graph kg build leaves, which
    most-corroborated-agreements reads); how long it took.

    Should it fail on ``server`` (kg writes the whole derived graph in one SPARQL Update
    request, which Virtuoso refuses past 10 MB), the benchmark still makes the graph so
    the queries reading it can be timed: the rules' triples (``kg.rules.derive``) go in by
    Virtuoso's bulk loader; ``fallback`` says how long that took.
    """
    from kg.rules import DERIVED_GRAPH, apply_rules as apply, derive

    start = perf_counter()
    try:
        counts = apply(store)
    except Exception as e:  # noqa: BLE001  (recorded, the queries still run)
        out = {"status": f"failed: {type(e).__name__}: {e}", "seconds": perf_counter() - start}
        if server is None:
            return out
        console.log(f"virtuoso: kg.rules.apply_rules {out['status']}; bulk-loading the rules' "
                    "triples instead")
        start = perf_counter()
        derived = derive(store)
        path = server.workdir / "derived.nt"
        with path.open("w", encoding="utf-8") as f:
            for t in {t for triples in derived.values() for t in triples}:
                f.write(f"{t} .\n")
        server.isql(f"SPARQL CLEAR GRAPH <{DERIVED_GRAPH}>;")
        server.isql(f"ld_dir('{server.workdir}', 'derived.nt', '{DERIVED_GRAPH}');")
        server.isql("rdf_loader_run(); checkpoint;")
        path.unlink()
        out["fallback"] = {"seconds": perf_counter() - start,
                           "counts": {name: len(t) for name, t in derived.items()}}
        return out
    return {"status": "applied", "seconds": perf_counter() - start, "counts": counts}


# -- the queries ------------------------------------------------------------------------

def time_query(store, name: str, sparql: str, keep_rows: bool = False) -> dict:
    """Up to :data:`RUNS` runs through kg.query.run_query; the best counts. An error is
    recorded (with the runs before it), not raised."""
    from kg.query import run_query

    runs: list[float] = []
    rows = None
    error = None
    answer = None
    while len(runs) < RUNS:
        start = perf_counter()
        try:
            result = run_query(store, sparql, timeout=0)
        except Exception as e:  # noqa: BLE001  (QueryError, StoreError: the server's message)
            error = f"{type(e).__name__}: {e}"
            break
        runs.append(perf_counter() - start)
        rows = len(result) if hasattr(result, "__len__") else 1
        if name == FULL_SCAN_NAME and hasattr(result, "rows"):
            rows = int(result.rows[0][0])  # the count itself
        if keep_rows and hasattr(result, "rows"):
            answer = result.rows
        del result  # a big answer: let it go before the next run
        if runs[-1] >= REPEAT_UNDER_S:
            break
    return {"name": name, "best_s": min(runs) if runs else None, "runs": runs, "rows": rows,
            "error": error, "answer": answer,
            "cut": rows is not None and rows >= MAX_ROWS and name != FULL_SCAN_NAME}


def oxigraph_answers(files: list[Path], folder: Path, fact_index: bool, timeout: float,
                     queries: Path | None = None, derive: bool = False) -> dict:
    """Each canned query's answer from kg's embedded Oxigraph store holding the same
    N-Quads (one run each, in a child process stopped after ``timeout`` seconds):
    name -> rows, or an error string."""
    from bench import virtuoso  # the children import this module by name (not __main__)
    from bench.child import TimedOut, in_child

    store_dir = folder / "oxigraph"
    out: dict = {}
    try:
        console.log(f"virtuoso: --compare: loading the same quads into Oxigraph at {store_dir}")
        in_child(virtuoso._oxigraph_load, [str(f) for f in files], str(store_dir), fact_index,
                 derive)
        for name, text in tracked(list(canned(queries).items()), "canned queries on Oxigraph"):
            try:
                out[name] = in_child(virtuoso._oxigraph_rows, str(store_dir), text, timeout=timeout)
            except TimedOut:
                out[name] = f"Oxigraph took over {timeout:g} s"
            except Exception as e:  # noqa: BLE001
                out[name] = f"Oxigraph failed: {str(e).strip().splitlines()[-1]}"
    finally:
        shutil.rmtree(store_dir, ignore_errors=True)
    return out


def _oxigraph_load(files: list[str], store_dir: str, fact_index: bool, derive: bool) -> None:
    import pyoxigraph as ox

    from kg.store import open_store

    db = ox.Store(store_dir)
    for f in files:
        db.bulk_load(path=f, format=ox.RdfFormat.N_QUADS)
    db.flush()
    db.optimize()
    del db
    with open_store(store_dir) as store:
        if fact_index:
            rebuild_fact_index(store)
        if derive:
            apply_rules(store)


def _oxigraph_rows(store_dir: str, sparql: str) -> list:
    from kg.query import run_query
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        return run_query(store, sparql, timeout=0).rows


def _norm(cell):
    """A cell with any GROUP_CONCAT list sorted: engines concatenate in different orders."""
    if cell is None:
        return None
    for sep in (" | ", ", "):
        if sep in cell:
            return tuple(sorted(cell.split(sep)))
    return cell


def same_answer(ours: list, theirs) -> str:
    """How Virtuoso's rows compare with Oxigraph's."""
    if isinstance(theirs, str):
        return theirs
    a = [tuple(map(_norm, r)) for r in ours]
    b = [tuple(map(_norm, r)) for r in theirs]
    if a == b:
        return "same"
    if sorted(a, key=repr) == sorted(b, key=repr):
        return "same rows, other order"
    only_v = collections.Counter(a) - collections.Counter(b)
    only_o = collections.Counter(b) - collections.Counter(a)
    example = next(iter(only_v), None)
    return (f"DIFFERENT: {sum(only_v.values())} rows only on Virtuoso, {sum(only_o.values())} "
            f"only on Oxigraph; e.g. Virtuoso {example!r} vs Oxigraph {next(iter(only_o), None)!r}")


# -- the whole measurement --------------------------------------------------------------

def measure(size: int, workdir: Path | str | None = None, *, keep: bool = False,
            reuse: Path | str | None = None, fact_index: bool = False, loaders: int = 2,
            timeout: float = 600.0, buffers: int = 340_000, dirty: int = 250_000,
            compare: bool = False, queries: Path | str | None = None,
            derive: bool = False) -> dict:
    """Generate, load and time on a fresh Virtuoso (see the module docstring).

    ``workdir``: where the temporary database folder goes (a new folder inside it).
    ``reuse``: a folder kept by an earlier ``keep=True`` run; skips generating and loading.
    ``timeout``: seconds one query (or the fact index rebuild) may take over HTTP.
    ``compare``: also run each canned query once on kg's embedded Oxigraph store holding
    the same quads, and compare the answers (GROUP_CONCAT lists compared as sets).
    ``queries``: a folder of ``.rq`` files to time instead of kg's canned queries.
    ``fact_index``, ``derive``: before timing, build what ``kg build`` leaves besides the
    document graphs: the fact index (kg.store.factindex.rebuild), the derived graph
    (kg.rules.apply_rules); each only if kg has it.
    Returns a dict: sizes, seconds, the per-graph check, and one entry per query.
    """
    if reuse is not None:
        folder = Path(reuse).resolve()
        keep = True
    else:
        base = Path(workdir) if workdir else Path(tempfile.gettempdir())
        base.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="kg-virtuoso-", dir=base)).resolve()
    result: dict = {"size": size, "workdir": str(folder), "kept": keep, "buffers": buffers,
                    "max_rows": MAX_ROWS, "loaders": loaders}
    server = None
    try:
        expected = None
        if reuse is None:
            console.log(f"virtuoso: writing {size:,} synthetic quads as N-Quads in {folder}")
            files, expected, result["generate_s"] = write_nquads(size, folder)
            result["quads_written"] = sum(expected.values())
            result["nquads_mb"] = sum(f.stat().st_size for f in files) / 1e6
            if compare:
                oxigraph = oxigraph_answers(files, folder, fact_index, timeout, queries, derive)
        console.log(f"virtuoso: starting virtuoso-t ({buffers:,} buffers)")
        server = Virtuoso(folder, buffers=buffers, dirty=dirty)
        result["endpoint"] = server.endpoint
        if reuse is None:
            console.log(f"virtuoso: bulk loading {len(files)} file(s)")
            result["load_s"] = bulk_load(server, folder, loaders)
            console.log(f"virtuoso: loaded in {result['load_s']:.1f} s")
            for f in files:
                f.unlink()
        store = server.store(timeout)
        result["check"] = verify(store, expected)
        console.log(f"virtuoso: {result['check']['quads']:,} quads in "
                    f"{result['check']['graphs']:,} graphs")
        if fact_index:
            console.log("virtuoso: rebuilding the fact index")
            result["fact_index"] = rebuild_fact_index(store)
            console.log(f"virtuoso: fact index {result['fact_index']['status']}")
        if derive:
            console.log("virtuoso: applying kg's rules (the derived graph)")
            result["derived"] = apply_rules(store, server)
            console.log(f"virtuoso: rules {result['derived']['status']}")
        result["queries_changed"] = _uncommitted("queries") if queries is None else []
        result["queries_from"] = str(queries) if queries is not None else "queries/ (kg's canned queries)"
        timings = [time_query(store, FULL_SCAN_NAME, FULL_SCAN)]
        for name, text in tracked(list(canned(queries).items()), f"canned queries at {_size(size)}"):
            timings.append(time_query(store, name, text, keep_rows=compare and reuse is None))
            t = timings[-1]
            if t["answer"] is not None:
                t["vs_oxigraph"] = same_answer(t.pop("answer"), oxigraph.get(name, "not run on Oxigraph"))
                console.log(f"  {name} vs Oxigraph: {t['vs_oxigraph']}")
            console.log(f"  {name}: " + (f"{t['best_s']:.3f} s, {t['rows']} rows"
                                         if t["error"] is None else t["error"]))
        result["scan"], result["queries"] = timings[0], timings[1:]
        result["virtuoso_peak_rss_mb"] = server.peak_rss_mb()
        from bench.child import peak_rss_mb
        result["client_peak_rss_mb"] = peak_rss_mb()
        result["db_mb"] = sum(p.stat().st_size for p in folder.glob("virtuoso*.db")) / 1e6
    except BaseException:
        result["failure"] = traceback.format_exc()
        raise
    finally:
        if server is not None:
            server.stop()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
            console.log(f"virtuoso: removed {folder}")
        else:
            console.log(f"virtuoso: kept {folder} (reuse it with --reuse {folder})")
    return result


def render(result: dict) -> str:
    """The result as markdown: setup lines, then one table row per query."""
    lines = [f"### Canned queries on Virtuoso 7, {_size(result['size'])} synthetic quads", ""]
    check = result.get("check", {})
    if "load_s" in result:
        lines.append(f"- generated {result['quads_written']:,} quads ({result['nquads_mb']:.0f} MB "
                     f"of N-Quads) in {result['generate_s']:.1f} s; bulk load ({result['loaders']} "
                     f"loader(s), then a checkpoint): **{result['load_s']:.1f} s** "
                     f"({result['quads_written'] / result['load_s']:,.0f} quads/s)")
    if check:
        line = f"- on the server: {check['quads']:,} quads in {check['graphs']:,} graphs"
        if "mismatched_graphs" in check:
            line += (", every graph's count as written" if not check["mismatched_graphs"] else
                     f", **{check['mismatched_graphs']} graphs differ** from what was written "
                     f"(written, loaded): {check['mismatch_examples']}")
        lines.append(line)
    if "fact_index" in result:
        fi = result["fact_index"]
        if fi["status"] == "rebuilt":
            lines.append(f"- fact index: kg.store.factindex.rebuild took **{fi['seconds']:.1f} s** "
                         f"over SPARQL Update; {fi['facts_graph_quads']:,} quads in <{FACTS_GRAPH}>")
        else:
            lines.append(f"- fact index: {fi['status']}" + (f" after {fi['seconds']:.1f} s"
                                                            if "seconds" in fi else ""))
    if "derived" in result:
        d = result["derived"]
        lines.append(f"- derived graph: kg.rules.apply_rules {d['status']}"
                     + (f" in **{d['seconds']:.1f} s**" if "seconds" in d else "")
                     + (f"; triples per rule {d['counts']}" if "counts" in d else ""))
        if "fallback" in d:
            f = d["fallback"]
            lines.append(f"  (so the benchmark made the graph itself: kg.rules.derive, then the bulk "
                         f"loader, {f['seconds']:.1f} s; triples per rule {f['counts']})")
    if result.get("virtuoso_peak_rss_mb"):
        lines.append(f"- virtuoso-t peak RSS {result['virtuoso_peak_rss_mb']:,.0f} MB, database "
                     f"{result.get('db_mb', 0):,.0f} MB; NumberOfBuffers {result['buffers']:,}, "
                     f"ResultSetMaxRows {result['max_rows']:,}, no query time limit; this "
                     f"process (kg's client) peak RSS {result.get('client_peak_rss_mb', 0):,.0f} MB")
    if result.get("queries_from"):
        lines.append(f"- queries timed: {result['queries_from']}")
    if result.get("queries_changed"):
        lines.append(f"- queries/ had uncommitted changes: {'; '.join(result['queries_changed'])}")
    compared = any("vs_oxigraph" in t for t in result.get("queries", []))
    head = f"| query | best s | runs | rows | < {TARGET_S:g} s |" + (" vs Oxigraph |" if compared else "")
    lines += ["", head, "|---|---:|---|---:|:---:|" + ("---|" if compared else "")]
    for t in [result["scan"], *result["queries"]] if "scan" in result else []:
        runs = ", ".join(f"{s:.3f}" for s in t["runs"]) or "-"
        extra = f" {t.get('vs_oxigraph', '-')[:60]} |" if compared else ""
        if t["error"] is not None:
            lines.append(f"| {t['name']} | error | {runs} | - | no |{extra}")
            continue
        rows = f"{t['rows']:,}" + (" (cut at ResultSetMaxRows)" if t["cut"] else "")
        ok = "yes" if t["best_s"] < TARGET_S else "no"
        lines.append(f"| {t['name']} | {t['best_s']:.3f} | {runs} | {rows} | {ok} |{extra}")
    errors = [t for t in result.get("queries", []) + [result.get("scan") or {}] if t.get("error")]
    if errors:
        lines += ["", "Errors:", ""] + [f"- {t['name']}: `{t['error']}`" for t in errors]
    differ = [t for t in result.get("queries", []) if t.get("vs_oxigraph", "").startswith("DIFFERENT")]
    if differ:
        lines += ["", "Answers that differ from Oxigraph's:", ""] + [
            f"- {t['name']}: {t['vs_oxigraph']}" for t in differ]
    return "\n".join(lines) + "\n"


def _uncommitted(folder: str) -> list[str]:
    """``git status --short`` lines of ``folder`` (which canned queries were being edited)."""
    try:
        done = subprocess.run(["git", "status", "--short", "--", folder], cwd=ROOT,
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return done.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/virtuoso.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=1_000_000, help="synthetic quads (default 1,000,000)")
    p.add_argument("--workdir", type=Path, default=None,
                   help="folder for the temporary database folder (default: the system's temp)")
    p.add_argument("--keep", action="store_true", help="keep the database folder at the end")
    p.add_argument("--reuse", type=Path, default=None, metavar="DIR",
                   help="time the queries on a database folder kept by --keep (no load)")
    p.add_argument("--fact-index", action="store_true",
                   help="after loading, build the facts graph with kg.store.factindex.rebuild")
    p.add_argument("--derive", action="store_true",
                   help="after loading (and --fact-index), apply kg's rules with "
                        "kg.rules.apply_rules: the derived graph a build leaves")
    p.add_argument("--loaders", type=int, default=2, help="parallel bulk loaders (default 2)")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds one query may take over HTTP (default 600)")
    p.add_argument("--compare", action="store_true",
                   help="also answer each canned query once on Oxigraph (same quads) and "
                        "compare the answers (slow at 10 M)")
    p.add_argument("--queries", type=Path, default=None, metavar="DIR",
                   help="time the .rq files of DIR instead of kg's canned queries (queries/)")
    p.add_argument("--buffers", type=int, default=340_000,
                   help="Virtuoso NumberOfBuffers, 8 KB each (default 340,000: ~2.7 GB)")
    args = p.parse_args(argv)
    result = measure(args.size, args.workdir, keep=args.keep, reuse=args.reuse,
                     fact_index=args.fact_index, loaders=args.loaders, timeout=args.timeout,
                     buffers=args.buffers, dirty=args.buffers * 3 // 4, compare=args.compare,
                     queries=args.queries, derive=args.derive)
    sys.stdout.write(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
