"""kg eval: scoring a store against gold files, cross-checked with the reference scorer."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.evaluate import VIEWS, EvalError, FactError, Scores, evaluate, gold_facts, load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"
DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _build(paths, store_path, extractor) -> Path:
    from kg.build import build
    from kg.store import open_store

    with open_store(store_path) as store:
        report = build(paths, store, extractor=extractor)
    assert report.ok, report.failures
    return store_path


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory, extractor) -> Path:
    """The fixture articles built into a store (closed again, so the CLI can open it)."""
    return _build([GOLD], tmp_path_factory.mktemp("gold") / "store", extractor)


def _evaluate(store_path: Path, gold_dir: Path):
    from kg.store import open_store

    with open_store(store_path, read_only=True) as store:
        return evaluate(store, gold_dir)


def _edited_gold(tmp_path: Path, name: str, edit) -> Path:
    """A copy of the fixture gold folder with one gold file changed by ``edit(data)``."""
    folder = tmp_path / "gold"
    shutil.copytree(GOLD, folder)
    path = folder / f"{name}.gold.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_evaluate_scores_fixture_articles_perfectly(gold_store):
    report = _evaluate(gold_store, GOLD)
    assert report.errors == []
    assert report.overall.f1 == 1.0 and report.relations.f1 == 1.0
    assert list(report.views) == list(VIEWS)
    assert report.views["agreement"].tp == 2
    assert report.views["agreement_signatory"].tp == 2
    assert report.views["agreement_event"].tp == 1
    assert report.views["summit_participant"].tp == 2
    assert report.views["export_control_target"].tp == 1
    assert report.views["represents"].tp == 5
    assert report.views["entity"].tp == 17
    assert report.missing_documents == []


def test_evaluate_counts_a_fact_not_in_the_text_as_missed(gold_store, tmp_path):
    folder = _edited_gold(tmp_path, "japan-india-chip-accord",
                          lambda d: d["facts"].append(["agreement_covers", "IND+JPN", "quantum"]))
    report = _evaluate(gold_store, folder)
    covers = report.views["agreement_covers"]
    assert (covers.tp, covers.fp, covers.fn) == (3, 0, 1)
    assert covers.recall == pytest.approx(0.75) and covers.precision == 1.0
    assert report.overall.recall < 1.0
    assert report.errors == [FactError("japan-india-chip-accord", "missed",
                                       ("agreement_covers", "ind+jpn", "quantum"))]


def test_evaluate_counts_an_unannotated_fact_as_spurious(gold_store, tmp_path):
    drop = ["agreement_date", "JPN+IND", "2024-03-11"]
    folder = _edited_gold(tmp_path, "japan-india-chip-accord", lambda d: d["facts"].remove(drop))
    report = _evaluate(gold_store, folder)
    assert report.views["agreement_date"] == Scores(tp=1, fp=1, fn=0)
    assert [(e.kind, e.view) for e in report.errors] == [("spurious", "agreement_date")]
    assert report.overall.precision < 1.0 and report.overall.recall == 1.0


def test_evaluate_optional_facts_count_neither_way(gold_store, tmp_path):
    fact = ["summit_date", "CAN+KOR", "2024-05-22"]

    def make_optional(data):
        data["facts"].remove(fact)
        data["optional_facts"].append(fact)
    report = _evaluate(gold_store, _edited_gold(tmp_path, "canada-korea-battery-summit", make_optional))
    assert report.views["summit_date"] == Scores(0, 0, 0)
    assert report.errors == []


def test_evaluate_lists_gold_documents_missing_from_the_store(gold_store, tmp_path):
    folder = _edited_gold(tmp_path, "dutch-chip-tool-curbs", lambda d: d.update(id="not-built"))
    report = _evaluate(gold_store, folder)
    assert report.missing_documents == ["not-built"]
    assert report.views["export_control"] == Scores(0, 0, 1)
    assert {e.doc for e in report.errors} == {"not-built"}


@pytest.mark.parametrize("fact, expected", [
    pytest.param(["export_control_covers", "JPN+NLD", "semiconductors"],
                 [("export_control_covers", "jpn", "semiconductors"), ("export_control_covers", "nld", "semiconductors")],
                 id="export controls are scored per imposer"),
    pytest.param(["agreement_event", "USA+KOR", "KOR+USA"], [("agreement_event", "kor+usa", "kor+usa")],
                 id="agreement and summit keys are party sets"),
    pytest.param(["summit", "at:Gyeongju"], [("summit", "at gyeongju")], id="summit without parties keyed by place"),
    pytest.param(["member_of", "Michael Kratsios", "White House Office"],
                 [("member_of", "michael kratsios", "white house office")], id="names folded"),
    pytest.param(["summit_date", "at:Rome", " 1986-09 "], [("summit_date", "at rome", "1986-09")], id="dates kept as written"),
])
def test_evaluate_gold_facts_normalised(fact, expected):
    assert gold_facts(fact) == expected


@pytest.mark.parametrize("content, needle", [
    pytest.param("{not json", "not valid JSON", id="bad JSON"),
    pytest.param('{"entities": {}}', "'id'", id="no id"),
    pytest.param('{"id": "x", "facts": [["alliance", "A+B"]]}', "valid views", id="unknown view"),
    pytest.param('{"id": "x", "facts": [["agreement_covers", "A+B"]]}', "takes 2", id="missing slot"),
    pytest.param('{"id": "x", "entities": {"City": ["Rome"]}}', "City", id="unknown entity class"),
])
def test_evaluate_bad_gold_file_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "doc.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=needle) as info:
        load_gold(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_evaluate_gold_folder_errors(gold_store, tmp_path):
    with pytest.raises(EvalError, match="not found"):
        _evaluate(gold_store, tmp_path / "nowhere")
    with pytest.raises(EvalError, match=r"no \*\.gold\.json"):
        _evaluate(gold_store, tmp_path)
    assert issubclass(EvalError, KGError)


def _reference_scores(gold_dir: Path, nquads: Path) -> dict:
    proc = subprocess.run([sys.executable, str(SCORER), str(gold_dir), "--nquads", str(nquads), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout[:proc.stdout.rindex("}") + 1])


def _assert_same_as_reference(report, reference: dict) -> None:
    assert report.overall.f1 == pytest.approx(reference["overall"]["f1"], abs=0.001)
    for name in ("overall", "relations"):
        ours = getattr(report, name)
        assert (ours.tp, ours.fp, ours.fn) == tuple(reference[name][k] for k in ("tp", "fp", "fn")), name
    for view, counts in reference.items():
        if view not in ("overall", "relations"):
            assert report.views[view].to_dict() == pytest.approx(counts), view


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory, extractor) -> Path:
    if not DEV.is_dir() or not SCORER.is_file():
        pytest.skip("the shared dev set and scorer are not available")
    return _build([DEV], tmp_path_factory.mktemp("dev") / "store", extractor)


def _perturb(data: dict) -> None:
    """Drop every third fact and add two the articles do not state."""
    data["facts"] = [f for i, f in enumerate(data["facts"]) if i % 3]
    data["facts"] += [["agreement", "FRA+ZAF"], ["represents", "Nobody Atall", "FRA"]]


@pytest.mark.parametrize("perturbed", [False, True], ids=["dev gold", "perturbed dev gold"])
def test_evaluate_matches_reference_scorer_on_dev_set(dev_store, tmp_path, perturbed):
    from kg.store import open_store

    gold_dir = DEV
    if perturbed:
        gold_dir = tmp_path / "gold"
        gold_dir.mkdir()
        for path in DEV.glob("*.gold.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            _perturb(data)
            (gold_dir / path.name).write_text(json.dumps(data), encoding="utf-8")
    nquads = tmp_path / "dev.nq"
    with open_store(dev_store, read_only=True) as store:
        store.dump(nquads, "nquads")
        report = evaluate(store, gold_dir)
    _assert_same_as_reference(report, _reference_scores(gold_dir, nquads))
    if perturbed:
        assert report.overall.recall < 1.0 and report.overall.precision < 1.0


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_eval_help():
    proc = kg("eval", "--help")
    assert proc.returncode == 0 and "--store" in proc.stdout and "--min-f1" in proc.stdout


def test_cli_eval_json_and_min_f1(gold_store, tmp_path):
    proc = kg("eval", GOLD, "--store", gold_store, "--format", "json", "--min-f1", "0.9")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["overall"]["f1"] == 1.0 and data["documents"] == 3
    folder = _edited_gold(tmp_path, "japan-india-chip-accord",
                          lambda d: d["facts"].extend([["agreement", "IND+USA"], ["agreement", "IND+FRA"]]))
    proc = kg("eval", folder, "--store", gold_store, "--show-errors", "--min-f1", "0.99")
    assert proc.returncode == 1
    assert "missed\tagreement\tind+usa" in proc.stdout
    assert "below --min-f1" in proc.stderr


@pytest.mark.parametrize("args, needle", [
    pytest.param(["{tmp}/none", "--store", "{store}"], "gold folder", id="missing gold folder"),
    pytest.param(["{gold}", "--store", "{tmp}/nostore"], "no store", id="missing store"),
    pytest.param(["{gold}", "--store", "{store}", "--format", "xml"], "xml", id="unknown format"),
])
def test_cli_eval_user_errors_are_one_line(gold_store, tmp_path, args, needle):
    args = [a.replace("{tmp}", str(tmp_path)).replace("{store}", str(gold_store)).replace("{gold}", str(GOLD))
            for a in args]
    proc = kg("eval", *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error:") and needle in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("module", ["kg.evaluate", "kg.evaluate_views"])
def test_evaluate_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed
