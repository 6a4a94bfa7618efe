"""Golden tests for classes of phrasing found on fresh wire copy and press releases (round 2):
datelines, idioms of signing, signers the parser cuts off, "the capital" of the dateline and
conventions. Each class with several differently worded sentences."""
from __future__ import annotations

import pytest

from helpers_extract import agreements, only, parties


def _signers(facts) -> set:
    return {o for fs in agreements(facts).values() for p, o in fs if p == "signatory"}


# -- the dateline's date is the day the story was filed, not the signing's -----------------------
@pytest.mark.parametrize("text, day", [
    pytest.param("OSLO, Oct 29 (Reuters) - Norway and South Korea signed a battery supply pact on Monday.",
                 "2025-10-27", id="reuters-dateline-monday"),
    pytest.param("JAKARTA, Oct. 29 - Indonesia and Australia on Tuesday inked an accord on critical "
                 "minerals, officials said.", "2025-10-28", id="dateline-with-dot-tuesday"),
    pytest.param("NAIROBI, October 29 - Kenya and Japan signed a memorandum on space cooperation last "
                 "Friday.", "2025-10-24", id="dateline-full-month-last-friday"),
])
def test_dateline_date_is_not_the_signing_date(extract_text, text, day):
    _ext, facts = extract_text(text)
    dates = {o for p, o in only(facts) if p == "date"}
    assert dates == {day}


# -- idioms of signing: "put pen to paper", "put their names to" ---------------------------------
@pytest.mark.parametrize("text, people", [
    pytest.param("Japan and Canada agreed a hydrogen pact. Japanese Trade Minister Yoji Muto and Canadian "
                 "Energy Minister Jonathan Wilkinson put their names to the deal on Friday.",
                 {"yoji-muto", "jonathan-wilkinson"}, id="put-their-names-to"),
    pytest.param("Australian Prime Minister Anthony Albanese and Indian Prime Minister Narendra Modi put "
                 "pen to paper on a critical minerals accord in Canberra.",
                 {"anthony-albanese", "narendra-modi"}, id="put-pen-to-paper-on"),
    pytest.param("Germany and Chile reached a lithium accord. German Chancellor Olaf Scholz and Chilean "
                 "President Gabriel Boric affixed their signatures to the accord in Santiago.",
                 {"olaf-scholz", "gabriel-boric"}, id="affixed-signatures-to"),
])
def test_idiom_of_signing_names_signatories(extract_text, text, people):
    _ext, facts = extract_text(text)
    assert _signers(facts) == people


# -- signers the parser cuts off the verb ------------------------------------------------------
@pytest.mark.parametrize("text, people", [
    pytest.param("Britain, Italy and Japan agreed a fighter jet treaty. "
                 "The three defence ministers - Grant Shapps of Britain, Guido Crosetto of Italy and "
                 "Minoru Kihara of Japan - signed the treaty in Tokyo.",
                 {"grant-shapps", "minoru-kihara"}, id="dashed-apposition-subject"),
    pytest.param("The accord was signed in Manila by Japanese Foreign Minister Yoko Kamikawa and Defence "
                 "Minister Minoru Kihara, and Philippine Defence Secretary Gilberto Teodoro.",
                 {"yoko-kamikawa", "minoru-kihara", "gilberto-teodoro"}, id="passive-agents-comma-and"),
    pytest.param("The pact was signed in Paris by French Foreign Minister Jean-Noel Barrot and Indian "
                 "Foreign Minister Subrahmanyam Jaishankar, and Indian Commerce Minister Piyush Goyal.",
                 {"jean-noel-barrot", "subrahmanyam-jaishankar", "piyush-goyal"}, id="passive-three-agents"),
    pytest.param("France and India reached a space pact. The two leaders - Emmanuel Macron of France and Narendra Modi of India - signed the "
                 "space pact in New Delhi.", {"emmanuel-macron", "narendra-modi"}, id="dashed-two-leaders"),
])
def test_signers_the_parser_cuts_off(extract_text, text, people):
    _ext, facts = extract_text(text)
    assert people <= _signers(facts)


# -- "in the capital": the dateline's city --------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    pytest.param("WASHINGTON, Oct 28 (Reuters) - Japan and the United States signed a critical minerals "
                 "agreement at a ceremony in the capital on Tuesday.", "washington", id="ceremony-in-the-capital"),
    pytest.param("KUALA LUMPUR, Oct 31 - India and the United States signed a defence framework on the "
                 "sidelines of a regional forum in the Malaysian capital.", "kuala-lumpur",
                 id="sidelines-in-the-malaysian-capital"),
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland signed a nuclear energy accord at an "
                 "event in the city on Wednesday.", "seoul", id="event-in-the-city"),
])
def test_the_capital_is_the_datelines_city(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert ("location", place) in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("WASHINGTON, Oct 28 (Reuters) - Canada and Germany signed a hydrogen accord at a ceremony "
                 "in the Chinese capital.", id="other-states-capital"),
    pytest.param("WASHINGTON, Oct 28 (Reuters) - Canada and Germany signed a hydrogen accord after talks "
                 "with business leaders who had gathered in the capital of Bavaria.", id="capital-of-other"),
    pytest.param("WASHINGTON, Oct 28 (Reuters) - Canada and Germany signed a hydrogen accord, a week "
                 "after protests in the capital.", id="protests-in-the-capital"),
])
def test_other_capital_is_not_the_datelines(extract_text, text):
    _ext, facts = extract_text(text)
    assert not any(p == "location" and o == "washington" for p, o in only(facts))


# -- a convention signed between states ---------------------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Britain, Italy and Japan signed a convention on a joint fighter jet programme.",
                 {"GBR", "ITA", "JPN"}, id="signed-a-convention"),
    pytest.param("France and Morocco concluded a convention on nuclear energy cooperation on Monday.",
                 {"FRA", "MAR"}, id="concluded-a-convention"),
    pytest.param("A convention between Spain and Chile on lithium processing was signed in Madrid.",
                 {"CHL", "ESP"}, id="convention-between"),
])
def test_convention_is_an_agreement(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}


@pytest.mark.parametrize("text", [
    pytest.param("Delegates from France and Germany attended the party convention in Berlin.", id="party-convention"),
    pytest.param("Japan and Korea sent officials to a chip industry convention in Las Vegas.", id="trade-show"),
    pytest.param("The naming convention used by Britain and Canada differs.", id="naming-convention"),
])
def test_convention_as_gathering_is_no_agreement(extract_text, text):
    _ext, facts = extract_text(text)
    assert not agreements(facts)


# -- "Minister X of Japan": the state after the name ---------------------------------------------
@pytest.mark.parametrize("text, who, state", [
    pytest.param("Research Minister Heinz Riesenhuber of West Germany is expected to sign the accord with India.",
                 "heinz-riesenhuber", "DEU", id="minister-name-of-state"),
    pytest.param("Trade Minister Piyush Goyal of India and Business Secretary Jonathan Reynolds of Britain "
                 "signed the deal.", "jonathan-reynolds", "GBR", id="second-of-a-pair"),
    pytest.param("Energy Minister Chris Bowen of Australia and Economy Minister Robert Habeck of Germany "
                 "inked a hydrogen pact in Berlin.", "robert-habeck", "DEU", id="second-of-a-pair-inked"),
    pytest.param("Defence Secretary Gilberto Teodoro of the Philippines signed the agreement with Japan.",
                 "gilberto-teodoro", "PHL", id="of-the-philippines"),
])
def test_title_name_of_state_represents_it(extract_text, text, who, state):
    _ext, facts = extract_text(text)
    assert (who, "represents", state) in facts
    assert who in _signers(facts)


# -- "signed a document": a pact when states sign it ----------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("The leaders of the United States, Japan and South Korea met at Camp David. Joe Biden, Fumio "
                 "Kishida and Yoon Suk Yeol signed a document on missile defence and quantum technology.",
                 {"JPN", "KOR", "USA"}, id="leaders-signed-a-document"),
    pytest.param("France and Brazil signed a document on space cooperation on Tuesday.",
                 {"BRA", "FRA"}, id="states-signed-a-document"),
    pytest.param("Egypt and Russia signed documents on nuclear energy during the visit.",
                 {"EGY", "RUS"}, id="signed-documents"),
])
def test_signed_document_is_an_agreement(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert frozenset(pair) in parties(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Japan and Korea shared a leaked document on chips with the United States.", id="leaked"),
    pytest.param("Germany and France read a policy document on AI before the talks.", id="policy-document"),
    pytest.param("A document seen by Reuters shows India and Japan discussed semiconductors.", id="seen-by"),
])
def test_other_documents_are_no_agreement(extract_text, text):
    _ext, facts = extract_text(text)
    assert not agreements(facts)


# -- where: "initialled here", "at the White House", "during a visit to New Delhi" ------------------
@pytest.mark.parametrize("text, place", [
    pytest.param("BONN, March 12 - West Germany and India agreed to cooperate on satellite research under an "
                 "accord initialled here today.", "bonn", id="accord-initialled-here"),
    pytest.param("TOKYO, Oct 29 (Reuters) - Japan and Britain will work together on chips under a memorandum "
                 "signed here on Tuesday.", "tokyo", id="memorandum-signed-here"),
    pytest.param("The pact was signed at the White House by Energy Secretary John Herrington and Chinese Vice "
                 "Premier Li Peng.", "white-house", id="at-the-white-house"),
    pytest.param("Japan and India signed a memorandum on clean energy during Prime Minister Kishida's trip to "
                 "New Delhi.", "new-delhi", id="trip-to-two-word-city"),
    pytest.param("Today, the United States and Vietnam signed a Memorandum of Cooperation on Semiconductor Supply "
                 "Chains, Workforce and Ecosystem Development during President Biden's visit to Hanoi.",
                 "hanoi", id="visit-on-the-noun"),
])
def test_where_it_was_signed(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert any(("location", place) in fs for fs in agreements(facts).values())


# -- a pact only talked about takes no date or place from the talks -----------------------------
@pytest.mark.parametrize("text", [
    pytest.param("The two leaders met at the White House, where they also discussed the AUKUS submarine pact.",
                 id="where-they-discussed"),
    pytest.param("The ministers met in Tokyo on Monday and discussed a possible chip accord between Japan and India.",
                 id="met-and-discussed"),
    pytest.param("Officials from Canada and Chile gathered in Ottawa on Tuesday to review a lithium pact between "
                 "the two countries.", id="gathered-to-review"),
])
def test_talks_about_a_pact_give_it_no_date_or_place(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p in ("date", "location") for p, _o in fs)


@pytest.mark.parametrize("text, day", [
    pytest.param("The panel will meet on Thursday to review compliance with last year's chip pact between Japan and the "
                 "United States.", "2024", id="own-phrase-last-years"),
    pytest.param("Officials met on Friday to discuss the accord India and France signed in March.", "2025-03",
                 id="own-phrase-signed-in-march"),
    pytest.param("Ministers will consider on Monday the future of the 2023 pact between Brazil and China.", "2023",
                 id="own-phrase-year-before-noun"),
])
def test_talks_keep_the_pacts_own_date(extract_text, text, day):
    _ext, facts = extract_text(text)
    assert any(("date", day) in fs for fs in agreements(facts).values())


# -- "It also covers X, officials said": the reported clause continues the pact -----------------
@pytest.mark.parametrize("text, domains", [
    pytest.param("Britain and Germany signed a friendship treaty on Thursday. It also covers cooperation on "
                 "artificial intelligence, quantum research and space, British officials said.",
                 {"artificial-intelligence", "quantum", "space"}, id="covers-officials-said"),
    pytest.param("Japan and India signed a pact on Monday. It includes work on semiconductors and critical "
                 "minerals, a ministry spokesman said.", {"semiconductors", "critical-minerals"},
                 id="includes-spokesman-said"),
    pytest.param("France and Brazil sealed an accord in Brasilia. It will also cover quantum computing and "
                 "defence, the French presidency said on Tuesday.", {"quantum", "defense"},
                 id="will-cover-presidency-said"),
])
def test_reported_it_continues_the_pact(extract_text, text, domains):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "covers"} == domains


# -- the lead's signing happened where the story is filed from ---------------------------------
@pytest.mark.parametrize("text, place", [
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland signed a nuclear energy pact on Wednesday, "
                 "officials said.", "seoul", id="seoul-signed-wednesday"),
    pytest.param("CANBERRA, Oct 28 - Australia and Japan on Tuesday inked an accord on critical minerals.",
                 "canberra", id="canberra-inked-tuesday"),
    pytest.param("TOKYO, Oct 27 (Reuters) - Japan and Britain signed a semiconductor partnership on Monday.",
                 "tokyo", id="tokyo-signed-monday"),
])
def test_dateline_is_where_the_lead_signing_happened(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert ("location", place) in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("SEOUL, Oct 29 (Reuters) - Japan and Poland signed a nuclear energy pact on Wednesday.",
                 id="dateline-of-no-party"),
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland will sign a nuclear energy pact on Friday.",
                 id="planned-signing"),
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland signed a nuclear energy pact in Warsaw on "
                 "Wednesday.", id="own-place"),
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland signed a nuclear energy pact on Wednesday. The "
                 "pact was signed by the two leaders at Cheongwadae, the old presidential compound.",
                 id="venue-the-gazetteer-does-not-know"),
])
def test_dateline_is_not_always_the_signing_place(extract_text, text):
    _ext, facts = extract_text(text)
    assert ("location", "seoul") not in only(facts)


# -- a signing with nothing named after the verb, and "sign it during a visit to X" --------------
@pytest.mark.parametrize("text, place", [
    pytest.param("Japan and Canada reached a hydrogen pact. Trade Minister Yoji Muto of Japan signed in Tokyo "
                 "on Friday.", "tokyo", id="signed-in-city"),
    pytest.param("Australia and India agreed a critical minerals framework. Prime Minister Anthony Albanese "
                 "of Australia put pen to paper in Canberra on Monday.", "canberra", id="put-pen-to-paper-in-city"),
    pytest.param("West Germany and India have agreed an accord on satellite research. Research Minister Heinz "
                 "Riesenhuber of West Germany is expected to sign it during a visit to New Delhi in May.",
                 "new-delhi", id="sign-it-during-visit-to-two-word-city"),
])
def test_bare_or_pronoun_signing_gives_the_place(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert ("location", place) in only(facts)


# -- "will sign a pact when Modi travels to Paris": the meeting the sentence places --------------
@pytest.mark.parametrize("text, place", [
    pytest.param("India and France will sign a defence pact when Modi travels to Paris in July.", "paris",
                 id="when-travels-to"),
    pytest.param("Brazil and China are expected to ink a deal on satellites when Lula visits Beijing on Friday.",
                 "beijing", id="when-visits"),
    pytest.param("TOKYO, April 2 (Reuters) - Japan and the United States are likely to sign agreements on quantum "
                 "computing when Prime Minister Fumio Kishida visits Washington next week.", "washington",
                 id="likely-to-sign-when-visits"),
])
def test_signing_at_a_placed_meeting(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert ("location", place) in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("The initiative between India and the United States was first announced when Modi and Biden "
                 "met in Tokyo in May 2022.", id="announced-when-met"),
    pytest.param("Japan and Korea launched a chip dialogue when their leaders met in Hiroshima last year.",
                 id="launched-when-met"),
    pytest.param("The partnership between Britain and Japan was unveiled when Sunak visited Tokyo in March.",
                 id="unveiled-when-visited"),
])
def test_announcing_at_a_meeting_is_not_a_signing_place(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p == "location" for p, _o in fs)


# -- "under the AUKUS partnership": a pact named as the frame of another ---------------------------
@pytest.mark.parametrize("text, made, frame", [
    pytest.param("Australia and Britain will sign a 50-year treaty on Saturday to cement their cooperation on "
                 "submarines under the AUKUS partnership. The treaty is to be signed by Australian Defence Minister "
                 "Richard Marles and British Defence Secretary John Healey.",
                 {"AUS", "GBR"}, {"AUS", "GBR", "USA"}, id="treaty-under-aukus"),
    pytest.param("Japan and the Philippines signed a logistics pact on Monday to deepen drills under their "
                 "trilateral partnership with the United States. The pact was signed by Japanese Foreign Minister "
                 "Yoko Kamikawa and Philippine Defence Secretary Gilberto Teodoro.",
                 {"JPN", "PHL"}, {"JPN", "PHL", "USA"}, id="pact-under-trilateral-partnership"),
    pytest.param("India and France concluded an engine deal on Tuesday within the framework of their 1998 "
                 "strategic partnership with Russia. The deal was signed by Indian Defence Minister Rajnath Singh "
                 "and French Armed Forces Minister Sebastien Lecornu.",
                 {"FRA", "IND"}, {"FRA", "IND", "RUS"}, id="deal-within-the-framework-of"),
])
def test_frame_pact_is_not_the_one_made(extract_text, text, made, frame):
    _ext, facts = extract_text(text)
    found = agreements(facts)
    by_parties = {frozenset(o for p, o in fs if p == "party"): fs for fs in found.values()}
    assert any(p == "signatory" for p, _o in by_parties[frozenset(made)])
    framed = by_parties.get(frozenset(frame), set())
    assert not any(p in ("signatory", "date") for p, _o in framed)


# -- signers of two states: the pact of exactly those states, not a wider one ---------------------
@pytest.mark.parametrize("text, made", [
    pytest.param("Japan and India signed a chip pact. Both also joined a trilateral accord with Australia. "
                 "The chip pact was signed by Japanese Trade Minister Yoji Muto and Indian IT Minister Ashwini "
                 "Vaishnaw.", {"IND", "JPN"}, id="bilateral-before-trilateral"),
    pytest.param("Britain and Italy agreed a defence deal. Later, Japan, Britain and Italy launched a fighter "
                 "jet treaty. The deal was signed by British Defence Secretary Grant Shapps and Italian "
                 "Defence Minister Guido Crosetto.", {"GBR", "ITA"}, id="pair-before-three"),
    pytest.param("Korea and Poland sealed a nuclear pact. Korea, Poland and the Czech Republic then set up a "
                 "reactor partnership. The nuclear pact was signed by South Korean President Yoon Suk Yeol and "
                 "Polish President Andrzej Duda.", {"KOR", "POL"}, id="pact-before-partnership"),
])
def test_signers_go_to_the_pact_of_exactly_their_states(extract_text, text, made):
    _ext, facts = extract_text(text)
    found = {frozenset(o for p, o in fs if p == "party"): fs for fs in agreements(facts).values()}
    assert any(p == "signatory" for p, _o in found[frozenset(made)])
    assert not any(p == "signatory" for k, fs in found.items() if k != frozenset(made) for p, _o in fs)


@pytest.mark.parametrize("text", [
    pytest.param("WASHINGTON, Oct 20 (Reuters) - U.S. President Donald Trump and Australian Prime Minister Anthony "
                 "Albanese signed a framework agreement on critical minerals on Monday. The two leaders put pen to "
                 "paper at the White House.", id="put-pen-to-paper-at-known-place-next"),
    pytest.param("SEOUL, Oct 29 (Reuters) - South Korea and Poland signed a nuclear energy pact on Wednesday. The "
                 "two presidents signed in Busan, officials said.", id="signed-in-city-next"),
    pytest.param("TOKYO, Oct 27 (Reuters) - Japan and Britain signed a semiconductor partnership on Monday. The "
                 "ministers signed at Osaka Castle.", id="signed-at-unknown-venue-next"),
])
def test_venue_in_the_next_sentence_beats_the_dateline(extract_text, text):
    _ext, facts = extract_text(text)
    dateline = text.split(",")[0].lower()
    assert ("location", dateline) not in only(facts)


# -- long formal titles: "The General Security of Military Information Agreement, signed ..." ----
@pytest.mark.parametrize("text, pair, day", [
    pytest.param("South Korea said it would keep its intelligence pact with Japan. The General Security of Military "
                 "Information Agreement, signed by the two neighbours in November 2016, lets them share data.",
                 {"JPN", "KOR"}, "2016-11", id="gsomia-signed-in"),
    pytest.param("The Philippines praised its nuclear deal with the United States. The Agreement for Cooperation "
                 "Concerning Peaceful Uses of Nuclear Energy, signed by the two countries in November 2023, "
                 "allows fuel sales.", {"PHL", "USA"}, "2023-11", id="123-agreement-signed-in"),
    pytest.param("Japan hailed its defence pact with Australia. The Reciprocal Access Agreement, concluded by "
                 "the two allies in January 2022, lets troops train on each other's soil.",
                 {"AUS", "JPN"}, "2022-01", id="raa-concluded-in"),
])
def test_formal_title_takes_its_signing_date(extract_text, text, pair, day):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("date", day) in only(facts)


# -- "exchanged a memorandum": the ceremony of signing ----------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Italy and Japan exchanged a memorandum of cooperation on lunar exploration on Monday.",
                 {"ITA", "JPN"}, id="exchanged-a-memorandum"),
    pytest.param("India and Egypt exchanged documents on space cooperation during the visit.",
                 {"EGY", "IND"}, id="exchanged-documents"),
    pytest.param("Vietnam and South Korea exchanged agreements on nuclear energy and semiconductors in Hanoi.",
                 {"KOR", "VNM"}, id="exchanged-agreements"),
])
def test_exchanged_documents_are_agreements(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("status", "Completed") in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Japan and India exchanged views on semiconductors on Monday.", id="exchanged-views"),
    pytest.param("France and Germany exchanged fire with critics over the AI rules.", id="exchanged-fire"),
    pytest.param("Korea and Poland exchanged letters of concern about rare earth supplies.", id="exchanged-letters"),
])
def test_other_exchanges_are_no_agreement(extract_text, text):
    _ext, facts = extract_text(text)
    assert not agreements(facts)
