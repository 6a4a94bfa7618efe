"""Syndicated copies are one story (kg/sources/stories.py, ta:sameStoryAs, support counts)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build, remove
from kg.sources.stories import THRESHOLD, signature, similarity
from kg.store import open_store

TAI = "https://w3id.org/techalliance/id/"
TA = "https://w3id.org/techalliance/ontology#"

STORY = (
    "Japan and India signed an agreement on robotics research in New Delhi on Tuesday, the two "
    "governments said. The accord sets up a joint laboratory for industrial robots and lets "
    "engineers from both countries work on shared projects for five years. Officials said the "
    "laboratory would open next spring and would be paid for by both sides in equal parts. "
    "Trade ministers from the two countries met separately to discuss supply chains for the "
    "motors and sensors that the robots need, according to a statement released after the "
    "talks. Industry groups in Tokyo welcomed the agreement and said it could help smaller "
    "companies find partners abroad.")
OTHER = (
    "Brazil and Argentina agreed on Friday to study a shared satellite programme for weather "
    "forecasting, officials in Brasilia said after a meeting of science ministers. The study "
    "will take a year and will look at the cost of launching two small satellites, the "
    "ministers said in a joint note published on their websites.")


def doc(doc_id: str, text: str, source: str, published: str = "2024-03-05") -> str:
    return f"---\nid: {doc_id}\npublished: {published}\nsource: {source}\n---\n{text}\n"


@pytest.mark.parametrize("copy, same", [
    pytest.param(STORY + " (Reporting by the Tokyo desk; editing by the world desk.)", True,
                 id="wire credit added"),
    pytest.param("TOKYO (Wire) - " + STORY, True, id="dateline added"),
    pytest.param(STORY.replace("on Tuesday", "on Tuesday morning"), True, id="one word changed"),
    pytest.param(STORY[: len(STORY) // 2], False, id="half of the story"),
    pytest.param(OTHER, False, id="another story"),
    pytest.param(STORY.replace("robots", "drones").replace("robotics", "aviation")
                 .replace("Tokyo", "Osaka").replace("five", "ten"), False, id="rewritten in places"),
])
def test_stories_near_duplicates_by_minhash(copy, same):
    assert (similarity(signature(STORY), signature(copy)) >= THRESHOLD) is same


def test_stories_text_of_fewer_than_five_words_has_no_signature():
    assert signature("Seoul and Tokyo met.") is None


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _links(store) -> dict[str, str]:
    rows = store.query(f"SELECT ?a ?b WHERE {{ GRAPH ?a {{ ?a <{TA}sameStoryAs> ?b }} }}").rows
    return {str(a).rsplit("/", 1)[1]: str(b).rsplit("/", 1)[1] for a, b in rows}


def _support(store) -> list[int]:
    """ta:supportCount of every agreement."""
    rows = store.query(f"SELECT ?n WHERE {{ ?a a <{TA}Agreement> . "
                       f"GRAPH <{TAI}graph/derived> {{ ?a <{TA}supportCount> ?n }} }}").rows
    return sorted(int(str(n.value if hasattr(n, "value") else n)) for n, in rows)


def test_stories_copies_are_linked_and_counted_once(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {
        "a.md": doc("wire", STORY, "Wire"),
        "b.md": doc("paper", "TOKYO (Wire) - " + STORY, "Daily Paper", "2024-03-06"),
        "c.md": doc("site", STORY + " (Reporting by the Tokyo desk.)", "News Site", "2024-03-06"),
        "d.md": doc("own", "India and Japan signed an accord on robotics on Tuesday in New Delhi, "
                           "officials of both countries told our reporter in a separate interview.",
                    "Own Reporting", "2024-03-06")})
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, extractor=extractor)
        assert report.documents == 4 and report.ok
        assert _links(store) == {"paper": "wire", "site": "wire"}
        assert _support(store) == [2]  # the wire story and the own report: 2 stories, not 4 documents


def test_stories_copy_built_later_links_to_the_stored_story(tmp_path, extractor):
    with open_store(tmp_path / "s") as store:
        build([_write(tmp_path / "one", {"a.md": doc("wire", STORY, "Wire")})], store, extractor=extractor)
        build([_write(tmp_path / "two", {"b.md": doc("paper", "TOKYO (Wire) - " + STORY, "Paper")})],
              store, extractor=extractor)
        assert _links(store) == {"paper": "wire"}
        assert _support(store) == [1]
        # the first document rebuilt is still the story's first, never a copy of its copy
        build([_write(tmp_path / "one", {"a.md": doc("wire", STORY + " Updated.", "Wire")})],
              store, extractor=extractor)
        assert _links(store) == {"paper": "wire"}
        # the first document removed: its copies still count once together
        build([_write(tmp_path / "three", {"c.md": doc("site", STORY + " (By the desk.)", "Site")})],
              store, extractor=extractor)
        remove(store, ["wire"])
        assert _links(store) == {"paper": "wire", "site": "wire"}
        assert _support(store) == [1]


def test_stories_graph_conforms_to_the_shapes(tmp_path, extractor):
    from kg.validate import validate_store

    corpus = _write(tmp_path / "c", {"a.md": doc("wire", STORY, "Wire"),
                                     "b.md": doc("paper", "TOKYO (Wire) - " + STORY, "Paper")})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        assert validate_store(store).conforms
