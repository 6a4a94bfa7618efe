"""``kg review``: analysts reject, confirm and add facts; the decisions outlive rebuilds."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import KGError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Review the graph: reject, confirm or add facts (kept in tai:graph/curation).")

STORE = typer.Option(..., "--store", "-s", help="The store (a directory or a SPARQL endpoint URL).")
NOTE = typer.Option(None, "--note", help="Why (shown by kg explain).")
BY = typer.Option(None, "--by", help="Who decides (default: $KG_CURATOR, else the login name).")
FACT = typer.Argument(..., help="SUBJECT PREDICATE OBJECT (label, alias, ISO3, country:KOR or IRI; "
                                "ta:party or party), or one evidence id as kg explain prints it.")


def _fail(message: str) -> None:
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(2)


def _curator(by: Optional[str]) -> str:
    if by and by.strip():
        return by.strip()
    if os.environ.get("KG_CURATOR", "").strip():
        return os.environ["KG_CURATOR"].strip()
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _open(store: str, read_only: bool = False):
    from ..store import open_store

    if "://" not in store and not (Path(store) / "CURRENT").is_file():
        _fail(f"no store at {store}; build one with `kg build PATH --store {store}`")
    return open_store(store, read_only=read_only)


def _decide(action: str, fact: List[str], store: str, note, by) -> None:
    from .actions import decide, evidence_fact, stored_fact

    if len(fact) not in (1, 3):
        _fail("give SUBJECT PREDICATE OBJECT, or one evidence id")
    try:
        with _open(store) as st:
            found = evidence_fact(st, fact[0]) if len(fact) == 1 else stored_fact(st, *fact)
            d = decide(st, action, found, by=_curator(by), note=note)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"{d.describe()}: {d.terms()}")


@app.command(no_args_is_help=True)
def reject(fact: List[str] = FACT, store: str = STORE, note: Optional[str] = NOTE, by: Optional[str] = BY):
    """Reject a fact: readers leave it out (kg query, view, export, analyze, eval)."""
    _decide("reject", fact, store, note, by)


@app.command(no_args_is_help=True)
def confirm(fact: List[str] = FACT, store: str = STORE, note: Optional[str] = NOTE, by: Optional[str] = BY):
    """Confirm a fact: it leaves the review queue (and undoes an earlier rejection)."""
    _decide("confirm", fact, store, note, by)


@app.command(no_args_is_help=True)
def add(subject: str = typer.Argument(...), predicate: str = typer.Argument(...), obj: str = typer.Argument(..., metavar="OBJECT"),
        store: str = STORE,
        doc: str = typer.Option(..., "--doc", help="The document (id) that states the fact."),
        sentence: str = typer.Option(..., "--sentence", help="The sentence that states it, as in the document."),
        source: Optional[Path] = typer.Option(None, "--source", help="The document's file, to find the sentence in its text "
                                                                      "(default: the sentences the store keeps)."),
        note: Optional[str] = NOTE, by: Optional[str] = BY):
    """Add a fact the extractor missed (confidence 1.0, ta:assertedBy the curator)."""
    from .actions import add as run_add

    try:
        with _open(store) as st:
            d = run_add(st, subject, predicate, obj, doc=doc, sentence=sentence, by=_curator(by),
                        note=note, source=source)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"{d.describe()}: {d.terms()} (doc {d.doc}, characters {d.start}-{d.end})")


@app.command("list", no_args_is_help=True)
def list_(store: str = STORE, format: str = typer.Option("table", "--format", help="table or json (JSON Lines).")):
    """List the decisions, oldest first."""
    from .curation import decisions

    if format not in ("table", "json"):
        _fail(f"unknown format '{format}'; choose one of: table, json")
    try:
        with _open(store, read_only=True) as st:
            items = decisions(st)
    except KGError as e:
        _fail(str(e))
    for d in items:
        typer.echo(d.to_json() if format == "json" else f"{d.at}  {d.action:<7}  {d.by:<12}  {d.terms()}"
                   + (f"  — {d.note}" if d.note else ""))
    if format == "table":
        typer.echo(f"{len(items)} decision{'s' if len(items) != 1 else ''}", err=True)


@app.command("export", no_args_is_help=True)
def export_(file: Path = typer.Argument(..., help="JSON Lines file to write."), store: str = STORE):
    """Write every decision to FILE (JSON Lines, one decision per line)."""
    from .actions import export_decisions

    try:
        with _open(store, read_only=True) as st:
            n = export_decisions(st, file)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"wrote {n} decisions to {file}", err=True)


@app.command("import", no_args_is_help=True)
def import_(file: Path = typer.Argument(..., help="JSON Lines file of decisions (kg review export, or the HTML view's)."),
            store: str = STORE):
    """Add the decisions of FILE; a fact's newest decision wins."""
    from .actions import import_decisions

    try:
        with _open(store) as st:
            n, skipped = import_decisions(st, file)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"imported {n} decisions" + (f"; {skipped} older than the store's skipped" if skipped else ""), err=True)


@app.command(no_args_is_help=True)
def queue(store: str = STORE,
          kind: Optional[str] = typer.Option(None, "--kind", help="agreement, summit or export-control."),
          limit: int = typer.Option(20, "--limit", min=0, help="How many (0: all)."),
          format: str = typer.Option("table", "--format", help="table or json.")):
    """Facts most in need of a look: lowest confidence, fewest independent sources first."""
    from .queue import KINDS, queue as run_queue

    if kind is not None and kind not in KINDS:
        _fail(f"unknown kind '{kind}'; choose one of: {', '.join(KINDS)}")
    if format not in ("table", "json"):
        _fail(f"unknown format '{format}'; choose one of: table, json")
    try:
        with _open(store, read_only=True) as st:
            items = run_queue(st, kind=kind, limit=limit or None)
    except KGError as e:
        _fail(str(e))
    if format == "json":
        typer.echo(json.dumps([i.to_dict() for i in items], indent=2, ensure_ascii=False))
        return
    for i in items:
        conf = f"{i.confidence:.2f}" if i.confidence is not None else "  - "
        ev = f"  [{i.evidence[0]}]" if i.evidence else ""
        typer.echo(f"{conf}  {i.sources} source{'s' if i.sources != 1 else ' '}  {i.terms()}{ev}")
