"""The fact index (tai:graph/facts): kept by each build, removal and prune exactly as a
recomputation from scratch would make it, and rebuilt when a store lacks it or a build
that was changing it died."""
from __future__ import annotations

from kg.build import build, remove
from kg.query import resolve_query, run_query
from kg.store import factindex, open_store
from kg.vocab import FACTS_GRAPH
from test_build import _write
from test_incremental import ARTICLES


def _index(store) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in store.quads(FACTS_GRAPH)}


def _recomputed(store) -> set[str]:
    factindex.rebuild(store)
    return _index(store)


def test_factindex_follows_additions_changes_and_removals(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLES["a.md"]})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        first = _index(store)
        assert any("robotics" in t for t in first) and any("#party>" in t for t in first)
        steps = [
            lambda: (_write(corpus, {"b.md": ARTICLES["b.md"], "c.md": ARTICLES["c.md"]}),
                     build([corpus], store, extractor=extractor)),
            lambda: (_write(corpus, {"c.md": ARTICLES["c.md"].replace("quantum computing", "semiconductor")}),
                     build([corpus], store, extractor=extractor)),
            lambda: remove(store, ["a"]),
            lambda: ((corpus / "a.md").unlink(), (corpus / "b.md").unlink(),
                     build([corpus], store, extractor=extractor, prune=True)),
        ]
        for step in steps:
            step()
            kept = _index(store)
            assert kept == _recomputed(store)
            assert not factindex.is_stale(store)
        assert not any("robotics" in t for t in kept)  # a and b are gone, and what only they said
        assert any("semiconductors" in t for t in kept) and not any("/quantum>" in t for t in kept)


def test_factindex_states_each_fact_once(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLES["a.md"], "b.md": ARTICLES["b.md"]})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        rows = run_query(store, """SELECT ?a ?c (COUNT(*) AS ?n) WHERE { GRAPH graph:facts { ?a ta:party ?c } }
                                   GROUP BY ?a ?c""").records()
        in_documents = run_query(store, """SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a ta:party country:JPN }
                                           FILTER (STRSTARTS(STR(?g), STR(doc:))) }""").records()
    assert rows and all(r["n"] == "1" for r in rows)
    assert in_documents == [{"n": "2"}]  # both articles say it; the index says it once


def test_factindex_missing_or_stale_index_is_rebuilt_by_the_next_build(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLES["a.md"]})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        whole = _index(store)
        store.remove_graph(FACTS_GRAPH)  # a store made by an older kg
        parties = "SELECT ?a ?c WHERE { GRAPH graph:facts { ?a ta:party ?c } }"
        assert run_query(store, parties).rows == []
        build([corpus], store, extractor=extractor)
        assert _index(store) == whole
        assert run_query(store, parties).rows
        assert run_query(store, resolve_query("agreements-by-country-pair", None)).rows
        # a build that died half-way through changing the index: marked, one fact lost
        factindex.mark_stale(store)
        store.update(f"DELETE {{ GRAPH <{FACTS_GRAPH}> {{ ?a ta:party ?c }} }} "
                     f"WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?a ta:party ?c }} }}".replace(
                         "ta:party", "<https://w3id.org/techalliance/ontology#party>"))
        assert _index(store) != whole
        build([corpus], store, extractor=extractor)  # nothing to extract, but the index is redone
        assert _index(store) == whole and not factindex.is_stale(store)
