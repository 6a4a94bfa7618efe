"""Golden tests: text written for the project → the facts kg must extract."""
from __future__ import annotations

from datetime import date

import pytest

P = pytest.param


@pytest.mark.parametrize("text, expected", [
    P("Seoul and Washington will sign a pact on quantum computing next week.",
      {("kor-usa", "party", "KOR"), ("kor-usa", "party", "USA"), ("kor-usa", "covers", "quantum"),
       ("kor-usa", "status", "Planned")}, id="capitals as metonyms; 'will sign' is planned"),
    P("Japan and the Netherlands signed an agreement on chipmaking equipment on Monday.",
      {("jpn-nld", "party", "JPN"), ("jpn-nld", "party", "NLD"),
       ("jpn-nld", "covers", "semiconductors"), ("jpn-nld", "status", "Completed"),
       ("jpn-nld", "date", "2025-10-27")}, id="'signed' is completed; weekday resolved backwards"),
    P("Britain scrapped its planned deal with India on artificial intelligence.",
      {("gbr-ind", "party", "GBR"), ("gbr-ind", "party", "IND"), ("gbr-ind", "status", "Cancelled")},
      id="'scrapped' is cancelled"),
    P("Officials said a U.S.-Japan pact on semiconductors is working.",
      {("jpn-usa", "party", "JPN"), ("jpn-usa", "party", "USA"), ("jpn-usa", "covers", "semiconductors")},
      id="hyphenated pair 'U.S.-Japan pact' gives both parties"),
    P("Australia denied violating its accord with Germany on batteries.",
      {("aus-deu", "party", "AUS"), ("aus-deu", "party", "DEU"), ("aus-deu", "status", "Completed")},
      id="subject of the governing verb plus 'with' partner"),
])
def test_extract_agreements(extract_text, text, expected):
    _ext, facts = extract_text(text)
    missing = expected - facts
    assert not missing, f"missing {missing}; got {sorted(facts)}"


@pytest.mark.parametrize("text, expected", [
    P("Japan imposed export controls on chipmaking equipment, a move aimed at China.",
      {("imposedBy", "JPN"), ("covers", "semiconductors"), ("targets", "CHN")},
      id="imposer, covered technology and target"),
    P("The Ministry of Economy, Trade and Industry tightened export curbs on gallium.",
      {("imposedBy", "JPN"), ("covers", "critical-minerals")},
      id="a ministry imposes for its state"),
    P("China's export controls on graphite took effect in December.",
      {("imposedBy", "CHN"), ("covers", "critical-minerals")}, id="possessive imposer"),
])
def test_extract_export_controls(extract_text, text, expected):
    _ext, facts = extract_text(text)
    got = {(p, o) for s, p, o in facts if s.startswith(tuple(["chn", "jpn", "usa", "nld", "kor"]))}
    assert expected <= got, f"got {sorted(facts)}"


def test_extract_export_control_excludes_partner_named_with_other_than(extract_text):
    _ext, facts = extract_text("Japan tightened restrictions on chip exports to countries other than the United States.")
    assert ("USA" not in {o for _s, p, o in facts if p == "targets"})


@pytest.mark.parametrize("text, expected", [
    P("President Lee Jae-myung and U.S. President Donald Trump will hold a summit in Gyeongju on the 29th.",
      {("participant", "lee-jae-myung"), ("participant", "donald-trump"), ("location", "gyeongju"),
       ("date", "2025-10-29"), ("status", "Planned")}, id="summit with participants, place, date, plan"),
    P("Ahead of a summit with Chinese President Xi Jinping to be held in Busan on the 30th, Trump visited Japan.",
      {("participant", "xi-jinping"), ("location", "busan"), ("date", "2025-10-30"), ("status", "Planned")},
      id="'to be held' is planned"),
])
def test_extract_summits(extract_text, text, expected):
    _ext, facts = extract_text(text)
    got = {(p, o) for s, p, o in facts if p in ("participant", "location", "date", "status")}
    assert expected <= got, f"got {sorted(facts)}"


@pytest.mark.parametrize("text, expected", [
    P("U.S. President Donald Trump spoke.", {("donald-trump", "represents", "USA")},
      id="country before the title"),
    P("Chinese President Xi Jinping spoke.", {("xi-jinping", "represents", "CHN")}, id="demonym before the title"),
    P("Commerce Secretary Gina Raimondo spoke.", {("gina-raimondo", "represents", "USA")},
      id="title that names a ministry"),
    P("Kenji Sato, director of the Ministry of Economy, Trade and Industry's chip division, spoke.",
      {("kenji-sato", "represents", "JPN"), ("kenji-sato", "memberOf", "ministry-of-economy-trade-and-industry")},
      id="apposition names the body and so the state"),
])
def test_extract_roles(extract_text, text, expected):
    _ext, facts = extract_text(text)
    assert expected <= facts, f"got {sorted(facts)}"


def test_extract_gazetteer_overrides_model_label_for_ai(extract_text):
    ext, _facts = extract_text("The two allies will cooperate on AI and 6G.")
    classes = {e.label: e.cls for e in ext.entities.values()}
    assert classes.get("Artificial intelligence") == "TechnologyDomain" or \
        any(e.cls == "TechnologyDomain" and e.iri.endswith("artificial-intelligence") for e in ext.entities.values())
    assert not any(e.cls == "Place" for e in ext.entities.values())


def test_extract_surname_links_to_full_name(extract_text):
    ext, _ = extract_text("Prime Minister Sanae Takaichi met reporters. Takaichi said the talks went well.")
    people = [e for e in ext.entities.values() if e.cls == "Person"]
    assert [p.label for p in people] == ["Sanae Takaichi"]


def test_extract_definite_reference_joins_the_last_agreement(extract_text):
    _ext, facts = extract_text(
        "Canada and Mexico signed a pact on critical minerals. The pact also covers batteries.")
    assert ("can-mex", "covers", "batteries") in facts or any(
        s.startswith("can-mex") and o == "batteries" for s, _p, o in facts)


def test_extract_evidence_points_at_the_sentence(extract_text):
    text = "Markets were calm. Japan and India signed an accord on space cooperation."
    ext, _ = extract_text(text)
    party = [f for f in ext.facts if f.predicate == "party"]
    assert party
    for f in party:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.sentence
        assert "accord" in f.evidence.sentence


def test_extract_hedged_report_lowers_confidence(extract_text):
    plain, _ = extract_text("Japan and India signed an accord on robotics.")
    hedged, _ = extract_text("Japan and India reportedly signed an accord on robotics.")
    conf = lambda ext: max(f.evidence.confidence for f in ext.facts if f.predicate == "party")  # noqa: E731
    assert conf(hedged) < conf(plain)


def test_extract_no_reference_date_leaves_relative_dates_unresolved(extract_text):
    _ext, facts = extract_text("Japan and India will sign an accord on robotics on the 29th.", published=None)
    assert not [f for f in facts if f[1] == "date"]


@pytest.mark.parametrize("text, iso3", [
    P("The U.S. said it would respond.", "USA", id="abbreviation 'the U.S.'"),
    P("ROK officials declined to comment.", "KOR", id="abbreviation 'ROK'"),
    P("Seoul said it would respond.", "KOR", id="capital as metonym"),
    P("Japanese officials declined to comment.", "JPN", id="demonym"),
    P("A Dutch lithography specialist was named.", "NLD", id="demonym 'Dutch'"),
    P("Moscow said it would respond.", "SUN", id="'Moscow' in 1987 is the Soviet Union"),
])
def test_extract_links_country_forms(extract_text, text, iso3):
    published = date(1987, 3, 1) if iso3 == "SUN" else date(2025, 10, 29)
    ext, _ = extract_text(text, published=published)
    countries = {e.iri.rsplit("/", 1)[-1] for e in ext.entities.values() if e.cls == "Country"}
    assert countries == {iso3}


def test_extract_person_forms_are_one_node(extract_text):
    ext, facts = extract_text(
        "President Lee Jae-myung arrived in Gyeongju. Lee Jae Myung met reporters. Lee said little.")
    people = [e for e in ext.entities.values() if e.cls == "Person"]
    assert [p.label for p in people] == ["Lee Jae-myung"]
    assert ("lee-jae-myung", "represents", "KOR") in facts


def test_extract_unknown_people_and_organisations_get_stable_ids(extract_text):
    ext1, _ = extract_text("Mirela Kovacs, an analyst at Brightwater Analytics, spoke.", doc_id="a")
    ext2, _ = extract_text("Brightwater Analytics hired Mirela Kovacs.", doc_id="b")
    ids = lambda ext: {e.iri for e in ext.entities.values() if e.cls in ("Person", "Organization")}  # noqa: E731
    assert ids(ext1) == ids(ext2)
    assert any(i.endswith("person/mirela-kovacs") for i in ids(ext1))


@pytest.mark.parametrize("text, status", [
    P("Canada and Mexico are expected to sign an accord on batteries.", "Planned", id="'is expected to' is planned"),
    P("Canada and Mexico are set to sign an accord on batteries.", "Planned", id="'set to' is planned"),
    P("Canada and Mexico concluded an accord on batteries.", "Completed", id="'concluded' is completed"),
    P("Canada and Mexico reached an accord on batteries.", "Completed", id="'reached' is completed"),
    P("Canada and Mexico suspended their accord on batteries.", "Cancelled", id="'suspended' is cancelled"),
])
def test_extract_modality(extract_text, text, status):
    _ext, facts = extract_text(text)
    assert ("can-mex", "status", status) in facts, sorted(facts)


def test_extract_two_countries_refer_to_last_agreement(extract_text):
    _ext, facts = extract_text(
        "Officials discussed the Japan-Canada pact on batteries. The two countries signed the pact last September.",
        published=date(1987, 3, 17))
    assert ("can-jpn", "date", "1986-09") in facts, sorted(facts)


@pytest.mark.parametrize("text", [
    P("Control Data Corp said it would cut prices.", id="text starting with 'Control'"),
    P("Controls", id="a single word"),
    P("", id="empty text"),
])
def test_extract_never_crashes_on_short_or_odd_openings(extract_text, text):
    extract_text(text)
