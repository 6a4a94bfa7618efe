"""Score a store against gold annotations: precision, recall and F1 per view.

Gold files follow ``eval/GUIDELINES.md``: ``NAME.gold.json`` beside ``NAME.md``, each
listing the ``entities`` and ``facts`` of one document (``optional_*`` readings count
neither way). The store is read per document named graph (:mod:`kg.evaluate_views`).

>>> round(Scores(tp=3, fp=1, fn=2).f1, 3)
0.667
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kg.errors import KGError
from kg.evaluate_views import ENTITY_CLASSES, StoreFacts, normalize, set_key

if TYPE_CHECKING:
    from kg.store.base import Store

#: The views scored, in report order (``entity`` covers every entity class).
VIEWS = (
    "entity", "agreement", "agreement_covers", "agreement_signatory", "agreement_location",
    "agreement_date", "agreement_status", "agreement_event", "summit", "summit_participant",
    "summit_location", "summit_date", "summit_status", "export_control", "export_control_covers",
    "export_control_target", "represents", "member_of",
)
_SLOTS = {view: 1 if view in ("agreement", "summit", "export_control") else 2 for view in VIEWS[1:]}
EVAL_FORMATS = ("table", "json")


class EvalError(KGError):
    """A gold folder or gold file cannot be used."""


@dataclass(frozen=True)
class Scores:
    """True positives, false positives, false negatives, and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "p": self.precision, "r": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class FactError:
    """A gold fact the store lacks (``missed``) or a fact the gold file lacks (``spurious``)."""

    doc: str
    kind: str
    fact: tuple

    @property
    def view(self) -> str:
        return self.fact[0].split(":")[0]

    def __str__(self) -> str:
        name, *slots = self.fact
        return f"{self.doc}\t{self.kind}\t{name}\t{' | '.join(slots)}"


@dataclass
class GoldDocument:
    """One gold file, normalised: required facts, optional facts, names it uses."""

    id: str
    path: Path
    required: set[tuple]
    optional: set[tuple]
    names: set[str]


@dataclass
class EvalReport:
    """Scores per view, for relations (every view but ``entity``) and overall, and the errors."""

    views: dict[str, Scores]
    relations: Scores
    overall: Scores
    errors: list[FactError] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)

    def to_dict(self, *, include_errors: bool = True) -> dict:
        """A JSON-ready dict: ``views`` (view -> tp, fp, fn, p, r, f1), ``relations``, ``overall``..."""
        data = {"documents": len(self.documents), "missing_documents": self.missing_documents,
                "views": {v: s.to_dict() for v, s in self.views.items()},
                "relations": self.relations.to_dict(), "overall": self.overall.to_dict()}
        if include_errors:
            data["errors"] = [{"doc": e.doc, "kind": e.kind, "view": e.view, "fact": list(e.fact)}
                              for e in self.errors]
        return data


def gold_facts(fact: list) -> list[tuple]:
    """Normalise one gold fact: set keys sorted, names folded, dates kept as written.

    Export controls are scored per imposing country, so ``"JPN+NLD"`` gives one fact each.

    >>> gold_facts(["export_control_covers", "JPN+NLD", "semiconductors"])
    [('export_control_covers', 'jpn', 'semiconductors'), ('export_control_covers', 'nld', 'semiconductors')]
    >>> gold_facts(["agreement_date", "USA+KOR", "2025-10-29"])
    [('agreement_date', 'kor+usa', '2025-10-29')]
    """
    view, *slots = fact
    if view.startswith("export_control"):
        return [(view, normalize(who), *(normalize(s) for s in slots[1:])) for who in slots[0].split("+")]
    out = [view]
    for i, slot in enumerate(slots):
        if (i == 0 and view.startswith(("agreement", "summit"))) or (i == 1 and view == "agreement_event"):
            out.append(set_key(slot.split("+")))
        elif view.endswith("_date"):
            out.append(slot.strip())
        else:
            out.append(normalize(slot))
    return [tuple(out)]


def load_gold(path: str | Path) -> GoldDocument:
    """Read and check one ``NAME.gold.json`` file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(f"cannot read gold file {path}: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: not valid JSON ({e}); fix the gold file") from e
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise EvalError(f"{path}: a gold file is a JSON object with an 'id' (the document id)")
    doc = GoldDocument(data["id"], path, set(), set(), set())
    for bucket, target in (("entities", doc.required), ("optional_entities", doc.optional)):
        for cls, items in (data.get(bucket) or {}).items():
            if cls not in ENTITY_CLASSES or not isinstance(items, list):
                raise EvalError(f"{path}: {bucket} has {cls!r}; give lists under {', '.join(ENTITY_CLASSES)}")
            target.update(("entity:" + cls, normalize(item)) for item in items)
            doc.names.update(map(str, items))
    for bucket, target in (("facts", doc.required), ("optional_facts", doc.optional)):
        for fact in data.get(bucket) or []:
            _check_fact(path, bucket, fact)
            target.update(gold_facts(fact))
            doc.names.update(s for s in fact[1:] if "+" not in s)
    doc.names = {normalize(n) for n in doc.names}
    return doc


def _check_fact(path: Path, bucket: str, fact) -> None:
    if not isinstance(fact, list) or not fact or fact[0] not in _SLOTS:
        raise EvalError(f"{path}: {bucket} entry {fact!r} does not start with a view; "
                        f"valid views: {', '.join(_SLOTS)}")
    if len(fact) != 1 + _SLOTS[fact[0]] or not all(isinstance(s, str) and s.strip() for s in fact[1:]):
        raise EvalError(f"{path}: {bucket} entry {fact!r}: view {fact[0]!r} takes "
                        f"{_SLOTS[fact[0]]} non-empty text slot(s)")


def read_gold_dir(gold_dir: str | Path) -> list[GoldDocument]:
    """All gold files of a folder, sorted by file name."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise EvalError(f"gold folder {folder} not found; give a folder of NAME.gold.json files")
    paths = sorted(folder.glob("*.gold.json"))
    if not paths:
        raise EvalError(f"no *.gold.json files in {folder}; gold files sit beside their NAME.md documents")
    docs = [load_gold(p) for p in paths]
    seen: dict[str, Path] = {}
    for doc in docs:
        if doc.id in seen:
            raise EvalError(f"{doc.path}: document id {doc.id!r} is already annotated in {seen[doc.id].name}")
        seen[doc.id] = doc.path
    return docs


def evaluate(store: Store, gold_dir: str | Path, *, curation: bool = True) -> EvalReport:
    """Compare the store with the gold files in ``gold_dir``; return per-view scores.

    A fact counts as a true positive when the document's graph asserts it and the gold
    file lists it, as spurious when only the graph has it (and it is not optional), and
    as missed when only the gold file has it. A gold document with no graph in the store
    is listed in ``missing_documents`` and all its facts count as missed.

    With ``curation`` (the default) analysts' decisions count (``kg review``): a rejected
    fact is not asserted, a fact added by hand is asserted by its document; without it the
    extractor's own output is scored.
    """
    golds = read_gold_dir(gold_dir)
    reader = StoreFacts(store, curation=curation)
    present = reader.document_ids()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[FactError] = []
    for gold in golds:
        got = reader.document_facts(gold.id, gold.names)
        for fact in sorted(got | gold.required):
            c = counts[fact[0].split(":")[0]]
            if fact in got and fact in gold.required:
                c[0] += 1
            elif fact in got and fact not in gold.optional:
                c[1] += 1
                errors.append(FactError(gold.id, "spurious", fact))
            elif fact in gold.required and fact not in got:
                c[2] += 1
                errors.append(FactError(gold.id, "missed", fact))
    views = {v: Scores(*counts[v]) for v in VIEWS}
    views.update((v, Scores(*c)) for v, c in sorted(counts.items()) if v not in views)
    relations = sum((s for v, s in views.items() if v != "entity"), Scores())
    return EvalReport(views=views, relations=relations, overall=relations + views["entity"],
                      errors=errors, documents=[g.id for g in golds],
                      missing_documents=[g.id for g in golds if g.id not in present])


def format_report(report: EvalReport, fmt: str, out: TextIO, *, show_errors: bool = False) -> None:
    """Write ``report`` as a ``"table"`` (views, then errors if asked) or as ``"json"``."""
    if fmt not in EVAL_FORMATS:
        raise EvalError(f"unknown format {fmt!r}; choose one of: {', '.join(EVAL_FORMATS)}")
    if fmt == "json":
        json.dump(report.to_dict(include_errors=show_errors), out, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("view", "tp", "fp", "fn", "P", "R", "F1")
    rows = list(report.views.items()) + [("relations", report.relations), ("overall", report.overall)]
    for view, s in rows:
        table.add_row(view, str(s.tp), str(s.fp), str(s.fn),
                      f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      end_section=view == VIEWS[-1])
    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      width=None if out.isatty() else 200)
    console.print(table)
    if show_errors:
        for error in report.errors:
            out.write(f"{error}\n")
    for doc in report.missing_documents:
        out.write(f"note: no graph for document {doc!r} in the store; was it built?\n")
    out.write(f"overall F1 {report.overall.f1:.3f} (relations F1 {report.relations.f1:.3f}) "
              f"over {len(report.documents)} documents\n")


__all__ = ["EVAL_FORMATS", "VIEWS", "EvalError", "EvalReport", "FactError", "GoldDocument", "Scores",
           "evaluate", "format_report", "gold_facts", "load_gold", "read_gold_dir"]
