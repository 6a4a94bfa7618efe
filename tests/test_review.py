"""kg review: reject, confirm, add, list, export, import and queue (issue J), on the
hand-written sample graph of helpers_rdf in an on-disk store."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpers_rdf import CONTROL, KOR, PARTY, TPD, USA, load_sample
from kg.vocab import FACTS_GRAPH, TA, TAI

CURATION = f"{TAI}graph/curation"


@pytest.fixture
def store_dir(tmp_path):
    from kg.rules import apply_rules
    from kg.store import factindex, open_store

    path = tmp_path / "store"
    with open_store(path) as st:
        load_sample(st)
        factindex.rebuild(st)
        apply_rules(st)
    return path


def kg(*args):
    from kg.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def ask(path, sparql):
    from kg.query import run_query
    from kg.store import open_store

    with open_store(path, read_only=True) as st:
        return run_query(st, sparql)


def indexed(path, s, p, o):
    return ask(path, f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{s}> <{p}> <{o}> }} }}")


@pytest.mark.parametrize("subject, predicate, obj", [
    pytest.param("Technology Prosperity Deal", "party", "South Korea", id="labels-and-bare-relation"),
    pytest.param("technology prosperity deal", "ta:party", "Korea", id="folded-label-and-alias"),
    pytest.param("agreement:kor-usa-tpd", "ta:party", "KOR", id="prefixed-iri-and-iso3"),
    pytest.param("tai:agreement/kor-usa-tpd", PARTY, "country:KOR", id="tai-prefix-and-full-predicate"),
    pytest.param(TPD, "party", KOR, id="full-iris"),
    pytest.param("agreement/kor-usa-tpd", "party", "Republic of Korea", id="kind-slug-and-second-alias"),
])
def test_reject_names_a_fact_as_everywhere_else(store_dir, subject, predicate, obj):
    assert indexed(store_dir, TPD, PARTY, KOR)
    result = kg("review", "reject", subject, predicate, obj, "--store", store_dir, "--by", "ana", "--note", "observer only")
    assert result.exit_code == 0, result.output
    assert "rejected by ana" in result.output
    assert not indexed(store_dir, TPD, PARTY, KOR)
    assert indexed(store_dir, TPD, PARTY, USA)


@pytest.mark.parametrize("ref", [
    pytest.param("tai:evidence/e3", id="as-explain-prints-it"),
    pytest.param("evidence/e3", id="kind-slash-id"),
    pytest.param("e3", id="bare-id"),
    pytest.param(f"{TAI}evidence/e3", id="full-iri"),
])
def test_reject_by_evidence_id(store_dir, ref):
    result = kg("review", "reject", ref, "--store", store_dir, "--by", "ana")
    assert result.exit_code == 0, result.output
    assert not indexed(store_dir, TPD, PARTY, KOR)


@pytest.mark.parametrize("args, needle", [
    pytest.param(["Atlantis Pact", "party", "KOR"], "no entity matches 'Atlantis Pact'", id="unknown-subject"),
    pytest.param(["Technology Prosperity Deal", "allyOf", "KOR"], "unknown relation 'allyOf'", id="unknown-relation"),
    pytest.param(["Technology Prosperity Deal", "party", "China"], "the store has no fact", id="fact-not-stated"),
    pytest.param(["evidence/nope"], "no evidence record", id="unknown-evidence-id"),
    pytest.param(["Technology Prosperity Deal", "party"], "SUBJECT PREDICATE OBJECT", id="two-terms"),
])
def test_review_errors_are_one_clear_line(store_dir, args, needle):
    result = kg("review", "reject", *args, "--store", store_dir)
    assert result.exit_code == 2
    assert needle in result.output and "Traceback" not in result.output
    assert result.output.startswith("kg: error:") and len(result.output.strip().splitlines()) == 1


def test_decisions_live_in_the_curation_graph_with_prov(store_dir):
    kg("review", "reject", "Technology Prosperity Deal", "party", "KOR", "--store", store_dir,
       "--by", "Ana Lima", "--note", "observer only")
    rows = ask(store_dir, f"""SELECT ?g ?who ?name ?at ?note WHERE {{ GRAPH ?g {{
        ?d a ta:Decision ; ta:verdict ta:Rejected ; rdf:subject <{TPD}> ; rdf:predicate ta:party ;
           rdf:object <{KOR}> ; prov:wasAttributedTo ?who ; prov:generatedAtTime ?at ; rdfs:comment ?note .
        ?who a prov:Agent ; rdfs:label ?name }} }}""").rows
    assert len(rows) == 1
    g, who, name, at, note = rows[0]
    assert g == CURATION and who == f"{TAI}curator/ana-lima" and name == "Ana Lima" and note == "observer only"
    assert at.endswith("Z") and at[:4].isdigit()
    # nothing of it in a document graph
    assert not ask(store_dir, f"ASK {{ GRAPH ?g {{ ?d a ta:Decision }} FILTER (STRSTARTS(STR(?g), STR(doc:))) }}")


def test_confirm_after_reject_brings_the_fact_back_and_a_newer_decision_replaces_the_older(store_dir):
    kg("review", "reject", TPD, "party", "KOR", "--store", store_dir, "--by", "ana")
    assert not indexed(store_dir, TPD, PARTY, KOR)
    result = kg("review", "confirm", TPD, "party", "KOR", "--store", store_dir, "--by", "bob")
    assert result.exit_code == 0 and "confirmed by bob" in result.output
    assert indexed(store_dir, TPD, PARTY, KOR)
    listing = kg("review", "list", "--store", store_dir, "--format", "json").output.splitlines()
    assert [json.loads(line)["action"] for line in listing] == ["confirm"]


@pytest.mark.parametrize("sentence, start, end", [
    pytest.param("Washington restricted exports of advanced chips to China.", 0, 57, id="whole-sentence"),
    pytest.param("advanced chips", 33, 47, id="part-of-a-sentence"),
    pytest.param("Washington   restricted\nexports", 0, 29, id="spacing-differs"),
])
def test_add_a_missed_fact_with_the_sentence_that_states_it(store_dir, sentence, start, end):
    result = kg("review", "add", "US chip export controls", "covers", "domain:artificial-intelligence",
                "--doc", "a3", "--sentence", sentence, "--store", store_dir, "--by", "ana")
    assert result.exit_code == 0, result.output
    ai = f"{TAI}domain/artificial-intelligence"
    assert indexed(store_dir, CONTROL, TA + "covers", ai)
    rows = ask(store_dir, f"""SELECT ?g ?start ?end ?conf ?who ?doc WHERE {{ GRAPH ?g {{
        ?e a ta:Evidence ; rdf:subject <{CONTROL}> ; rdf:predicate ta:covers ; rdf:object <{ai}> ;
           ta:charStart ?start ; ta:charEnd ?end ; ta:confidence ?conf ; ta:assertedBy ?who ;
           prov:wasDerivedFrom ?doc }} }}""").rows
    assert [r[:3] + r[4:] for r in rows] == [[CURATION, str(start), str(end), f"{TAI}curator/ana", f"{TAI}doc/a3"]]
    assert float(rows[0][3]) == 1.0


def test_add_reads_the_document_text_given_with_source(store_dir, tmp_path):
    doc = tmp_path / "a3.md"
    doc.write_text("---\nid: a3\n---\nOfficials said on Friday. Washington restricted exports of advanced "
                   "chips to China. The rules also name AI accelerators.\n")
    result = kg("review", "add", CONTROL, "covers", "artificial intelligence", "--doc", "a3",
                "--sentence", "The rules also name AI accelerators.", "--source", doc, "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert "characters 84-120" in result.output


@pytest.mark.parametrize("extra, needle", [
    pytest.param(["--sentence", "Beijing welcomed the rules."], "not among the sentences", id="not-in-stored-sentences"),
    pytest.param(["--sentence", "Beijing welcomed the rules.", "--source", "{doc}"], "does not occur", id="not-in-text"),
    pytest.param(["--sentence", "advanced chips", "--doc", "zz"], "no document 'zz'", id="unknown-document"),
])
def test_add_refuses_a_sentence_the_document_does_not_have(store_dir, tmp_path, extra, needle):
    doc = tmp_path / "a3.md"
    doc.write_text("---\nid: a3\n---\nWashington restricted exports of advanced chips to China.\n")
    extra = [str(doc) if e == "{doc}" else e for e in extra]
    args = ["review", "add", CONTROL, "covers", "quantum", "--store", store_dir]
    args += [] if "--doc" in extra else ["--doc", "a3"]
    result = kg(*args, *extra)
    assert result.exit_code == 2 and needle in result.output, result.output


def test_list_export_and_import_into_a_fresh_store(store_dir, tmp_path):
    from kg.rules import apply_rules
    from kg.store import factindex, open_store

    kg("review", "reject", TPD, "party", "KOR", "--store", store_dir, "--by", "ana", "--note", "no")
    kg("review", "confirm", "US chip export controls", "targets", "China", "--store", store_dir, "--by", "bob")
    kg("review", "add", CONTROL, "covers", "quantum", "--doc", "a3", "--sentence", "advanced chips",
       "--store", store_dir, "--by", "ana")
    table = kg("review", "list", "--store", store_dir)
    assert table.exit_code == 0 and "3 decisions" in table.output
    assert "reject" in table.output and "confirm" in table.output and "add" in table.output
    out = tmp_path / "decisions.jsonl"
    assert kg("review", "export", out, "--store", store_dir).exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {d["action"] for d in lines} == {"reject", "confirm", "add"}
    assert all(d["subject"].startswith("https://") for d in lines)  # terms, not blank nodes
    fresh = tmp_path / "fresh"
    with open_store(fresh) as st:
        load_sample(st)
        factindex.rebuild(st)
        apply_rules(st)
    assert indexed(fresh, TPD, PARTY, KOR)
    result = kg("review", "import", out, "--store", fresh)
    assert result.exit_code == 0 and "imported 3 decisions" in result.output
    assert not indexed(fresh, TPD, PARTY, KOR)
    assert indexed(fresh, CONTROL, TA + "covers", f"{TAI}domain/quantum")
    again = tmp_path / "again.jsonl"
    kg("review", "export", again, "--store", fresh)
    assert again.read_text() == out.read_text()


def test_import_keeps_the_newest_decision_of_a_fact(store_dir, tmp_path):
    old = {"action": "confirm", "subject": TPD, "predicate": PARTY, "object": KOR, "by": "x", "at": "2020-01-01T00:00:00Z"}
    new = dict(old, action="reject", at="2030-01-01T00:00:00Z")
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(new) + "\n\n" + json.dumps(old) + "\n")
    assert kg("review", "import", path, "--store", store_dir).exit_code == 0
    assert not indexed(store_dir, TPD, PARTY, KOR)
    path.write_text(json.dumps(old) + "\n")  # older than the store's: skipped
    result = kg("review", "import", path, "--store", store_dir)
    assert "skipped" in result.output and not indexed(store_dir, TPD, PARTY, KOR)


@pytest.mark.parametrize("content, needle", [
    pytest.param('{"action": "reject"}\n', ":1: not a decision", id="missing-terms"),
    pytest.param('\nnot json\n', ":2: not a decision", id="not-json"),
    pytest.param('{"action": "ban", "subject": "https://a", "predicate": "https://b", "object": "https://c"}\n',
                 "unknown decision 'ban'", id="unknown-action"),
    pytest.param('{"action": "reject", "subject": "KOR", "predicate": "https://b", "object": "https://c"}\n',
                 "not a full IRI", id="short-name"),
    pytest.param('{"action": "reject", "subject": "https://a", "predicate": "https://b", "object": "https://c", '
                 '"at": "yesterday"}\n', "not an ISO 8601 date", id="bad-time"),
])
def test_import_names_the_bad_line(store_dir, tmp_path, content, needle):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    result = kg("review", "import", path, "--store", store_dir)
    assert result.exit_code == 2 and needle in result.output, result.output


def test_queue_lists_least_sure_facts_first_and_drops_decided_ones(store_dir):
    result = kg("review", "queue", "--store", store_dir, "--format", "json", "--limit", "0")
    items = json.loads(result.output)
    confidences = [i["confidence"] or 0 for i in items]
    assert confidences == sorted(confidences)
    assert items[0]["confidence"] in (None, 0.8, 0.85)
    party = next(i for i in items if i["subject"] == TPD and i["predicate"] == PARTY and i["object"] == KOR)
    assert party["sources"] == 2 and party["confidence"] == 0.95
    kg("review", "confirm", TPD, "party", "KOR", "--store", store_dir)
    items = json.loads(kg("review", "queue", "--store", store_dir, "--format", "json", "--limit", "0").output)
    assert not [i for i in items if (i["subject"], i["predicate"], i["object"]) == (TPD, PARTY, KOR)]


@pytest.mark.parametrize("kind, subject", [
    pytest.param("agreement", TPD, id="agreement"),
    pytest.param("export-control", CONTROL, id="export-control"),
    pytest.param("summit", f"{TAI}summit/apec-2025", id="summit"),
])
def test_queue_by_kind_and_limit(store_dir, kind, subject):
    items = json.loads(kg("review", "queue", "--store", store_dir, "--kind", kind, "--format", "json",
                          "--limit", "2").output)
    assert 0 < len(items) <= 2 and {i["subject"] for i in items} <= {subject, f"{TAI}agreement/jpn-usa-ai"}


def test_queue_counts_copies_of_one_story_once(store_dir):
    from kg.store import open_store
    from kg.review.queue import queue

    with open_store(store_dir) as st:
        before = {(i.subject, i.object): i.sources for i in queue(st, kind="agreement", limit=None)}
        st.update(f"INSERT DATA {{ GRAPH <{TAI}doc/a2> {{ <{TAI}doc/a2> <{TA}sameStoryAs> <{TAI}doc/a1> }} }}")
        after = {(i.subject, i.object): i.sources for i in queue(st, kind="agreement", limit=None)}
    assert before[(TPD, KOR)] == 2 and after[(TPD, KOR)] == 1


def test_queue_rejects_an_unknown_kind(store_dir):
    result = kg("review", "queue", "--store", store_dir, "--kind", "treaty")
    assert result.exit_code == 2 and "unknown kind 'treaty'" in result.output


def test_confirming_a_fact_added_by_hand_keeps_it(store_dir):
    kg("review", "add", CONTROL, "covers", "quantum", "--doc", "a3", "--sentence", "advanced chips",
       "--store", store_dir, "--by", "ana")
    result = kg("review", "confirm", CONTROL, "covers", "quantum", "--store", store_dir, "--by", "bob")
    assert result.exit_code == 0 and "added by ana" in result.output
    assert indexed(store_dir, CONTROL, TA + "covers", f"{TAI}domain/quantum")
    result = kg("review", "reject", CONTROL, "covers", "quantum", "--store", store_dir, "--by", "bob")
    assert result.exit_code == 0 and not indexed(store_dir, CONTROL, TA + "covers", f"{TAI}domain/quantum")


@pytest.mark.parametrize("command", ["reject", "confirm", "add", "list", "export", "import", "queue"])
def test_review_help_for_every_command(command):
    result = kg("review", command, "--help")
    assert result.exit_code == 0 and "--store" in result.output


def test_review_on_a_missing_store_is_one_line(tmp_path):
    result = kg("review", "list", "--store", tmp_path / "nothing")
    assert result.exit_code == 2 and result.output.startswith("kg: error: no store at")
