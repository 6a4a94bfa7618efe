"""Golden tests: the details of an agreement (who signs it, when it was made, what it covers,
at which meeting, how far along it is), each class with several differently worded sentences."""
from __future__ import annotations

from datetime import date

import pytest

from helpers_extract import agreements, only, parties


# -- signatories: the agent of a verb of concluding ---------------------------------------------
@pytest.mark.parametrize("text, people", [
    pytest.param("The memorandum, concluded by Indian minister Ashwini Vaishnaw and U.S. Commerce "
                 "Secretary Gina Raimondo, covers semiconductors.",
                 {"ashwini-vaishnaw", "gina-raimondo"}, id="concluded-by-in-apposition"),
    pytest.param("The accord was sealed by British Prime Minister Rishi Sunak and Japanese Prime "
                 "Minister Fumio Kishida in Hiroshima.",
                 {"rishi-sunak", "fumio-kishida"}, id="sealed-by-passive"),
    pytest.param("A space pact between France and India was finalised by French President Emmanuel "
                 "Macron and Indian Prime Minister Narendra Modi on Monday.",
                 {"emmanuel-macron", "narendra-modi"}, id="finalised-by"),
    pytest.param("U.S. Commerce Secretary Gina Raimondo and her Japanese counterpart Yasutoshi "
                 "Nishimura signed the chip accord in Tokyo on Friday.",
                 {"gina-raimondo", "yasutoshi-nishimura"}, id="x-and-counterpart-y-signed"),
])
def test_agent_of_concluding_is_signatory(extract_text, text, people):
    _ext, facts = extract_text(text)
    (fs,) = [fs for fs in agreements(facts).values() if any(p == "signatory" for p, _o in fs)]
    assert {o for p, o in fs if p == "signatory"} == people


# -- "a critical minerals deal": the noun the tagger reads as a verb ----------------------------
@pytest.mark.parametrize("text, pair, day", [
    pytest.param("Canada and Germany inked a critical minerals deal last month, officials said.",
                 {"CAN", "DEU"}, "2025-09", id="minerals-deal-last-month"),
    pytest.param("Britain and Norway inked a critical minerals deal in June to secure supplies.",
                 {"GBR", "NOR"}, "2025-06", id="minerals-deal-in-june"),
    pytest.param("Japan and India signed a semiconductors deal on Tuesday in New Delhi.",
                 {"IND", "JPN"}, "2025-10-28", id="semiconductors-deal-on-tuesday"),
])
def test_deal_after_plural_noun_is_an_agreement(extract_text, text, pair, day):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("date", day) in only(facts)


# -- planned: "plans for", "work toward" ----------------------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Korea and the US unveiled plans for a partnership on AI and 6G.",
                 {"KOR", "USA"}, id="unveiled-plans-for-partnership"),
    pytest.param("Japan and the Philippines agreed to work toward a pact on cybersecurity.",
                 {"JPN", "PHL"}, id="agreed-to-work-toward-pact"),
    pytest.param("Germany and Chile said they would move towards an accord on critical minerals.",
                 {"CHL", "DEU"}, id="move-towards-accord"),
    pytest.param("Canada and Mexico announced plans for a framework on semiconductors with "
                 "the United States.", {"CAN", "MEX", "USA"}, id="announced-plans-for-framework"),
])
def test_plans_for_and_work_toward_are_planned(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert frozenset(pair) in parties(facts)
    (fs,) = [fs for fs in agreements(facts).values() if {o for p, o in fs if p == "party"} == pair]
    assert ("status", "Planned") in fs


# -- agreement_event: only the agreement made at the meeting --------------------------------------
@pytest.mark.parametrize("text", [
    pytest.param("South Korea and the United States will sign a technology pact. The pact follows "
                 "those Trump reached during his trip to Japan and the one concluded with Britain "
                 "last month.", id="trip-belongs-to-first-of-two"),
    pytest.param("South Korea and the United States will sign a technology pact. The accord matches "
                 "those Trump sealed during his visit to Japan and the one finalised with Britain.",
                 id="visit-belongs-to-sealed-ones"),
    pytest.param("South Korea and the United States will sign a technology pact. The pact is similar "
                 "to those Trump struck during his stop in Tokyo and the one signed with Britain in "
                 "September.", id="stop-belongs-to-struck-ones"),
])
def test_summit_only_links_the_agreement_made_there(extract_text, text):
    _ext, facts = extract_text(text)
    linked = {frozenset(o for p, o in fs if p == "party") for fs in agreements(facts).values()
              if any(p == "duringEvent" for p, _o in fs)}
    assert frozenset({"KOR", "USA"}) not in linked
    assert frozenset({"GBR", "USA"}) not in linked


# -- the date of the meeting an agreement was concluded at ----------------------------------------
@pytest.mark.parametrize("text, day", [
    pytest.param("Japan and Australia have two new memoranda on quantum technology. Both memoranda "
                 "were concluded at the first meeting of the Japan-Australia science council, held on "
                 "3 July in Canberra.", "2025-07-03", id="concluded-at-meeting-held-on"),
    pytest.param("Japan and Australia have two new memoranda on quantum technology. Both memoranda "
                 "were signed during a meeting of Japanese and Australian ministers held in Tokyo on "
                 "14 August.", "2025-08-14", id="signed-during-meeting-held-on"),
    pytest.param("Japan and Australia have two new memoranda on quantum technology. The accords were "
                 "signed during talks between Japanese and Australian ministers held in Perth on "
                 "9 September.", "2025-09-09", id="signed-during-talks-held-on"),
])
def test_agreement_takes_the_date_of_its_meeting(extract_text, text, day):
    _ext, facts = extract_text(text)
    fs = agreements(facts)
    (ag,) = [f for f in fs.values() if {o for p, o in f if p == "party"} == {"AUS", "JPN"}]
    assert ("date", day) in ag


# -- an agreement named again by its name or acronym: its domains are the agreement's -------------
@pytest.mark.parametrize("text, pair, domains", [
    pytest.param("The United States and India announced the TRUST initiative last week. TRUST will "
                 "promote cooperation in semiconductors, quantum computing, biotechnology and space.",
                 {"IND", "USA"}, {"semiconductors", "quantum", "biotechnology", "space"}, id="acronym-subject"),
    pytest.param("Japan and Britain launched the Hiroshima Accord in May. The Hiroshima Accord spans "
                 "AI, quantum and cybersecurity.",
                 {"GBR", "JPN"}, {"artificial-intelligence", "quantum", "cybersecurity"}, id="full-name-again"),
    pytest.param("Seoul and Canberra unveiled the KASTLE framework on Monday. Officials said KASTLE "
                 "would fund joint work on quantum sensing and space launch.",
                 {"AUS", "KOR"}, {"quantum", "space"}, id="acronym-in-reported-clause"),
])
def test_agreement_named_again_keeps_its_domains(extract_text, text, pair, domains):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert {o for p, o in only(facts) if p == "covers"} >= domains


# -- the time of a participial clause on the verb that makes the agreement ------------------------
@pytest.mark.parametrize("text, day", [
    pytest.param("Speaking in Canberra on Monday, Australia and Japan unveiled a partnership on "
                 "quantum technology.", "2025-10-27", id="speaking-on-monday"),
    pytest.param("Visiting Hanoi on Tuesday, the leaders of Vietnam and South Korea signed a pact on "
                 "semiconductors.", "2025-10-28", id="visiting-on-tuesday"),
    pytest.param("Gathered in Ottawa on 12 September, Canada and Germany concluded an accord on "
                 "critical minerals.", "2025-09-12", id="gathered-on-date"),
])
def test_participial_clause_dates_the_signing(extract_text, text, day):
    _ext, facts = extract_text(text)
    assert ("date", day) in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Speaking in Tokyo on Monday, the minister said Japan and Australia signed a pact on "
                 "quantum technology in 2019.", id="speaking-about-older-pact"),
    pytest.param("Asked about it on Friday, the spokesman said Japan and Korea had concluded an accord "
                 "on batteries in 2021.", id="asked-about-older-accord"),
    pytest.param("Writing on Sunday, the minister recalled that India and France reached a deal on "
                 "space in 2018.", id="writing-about-older-deal"),
])
def test_participial_clause_on_a_reporting_verb_is_not_the_date(extract_text, text):
    _ext, facts = extract_text(text)
    dates = {o for p, o in only(facts) if p == "date"}
    assert len(dates) == 1 and len(next(iter(dates))) == 4  # only the year of the pact


# -- co-signers named with "with" ---------------------------------------------------------------
@pytest.mark.parametrize("text, people", [
    pytest.param("India's IT minister Ashwini Vaishnaw inked the memorandum with his Singaporean "
                 "counterpart, Josephine Teo.", {"ashwini-vaishnaw", "josephine-teo"}, id="inked-with-counterpart"),
    pytest.param("Japanese Foreign Minister Yoko Kamikawa signed a security pact with Philippine "
                 "Foreign Secretary Enrique Manalo in Manila.", {"yoko-kamikawa", "enrique-manalo"},
                 id="signed-pact-with-minister"),
    pytest.param("British Business Secretary Kemi Badenoch signed the accord on Tuesday with "
                 "Australian Trade Minister Don Farrell.", {"kemi-badenoch", "don-farrell"},
                 id="signed-on-day-with-minister"),
])
def test_person_named_with_with_cosigns(extract_text, text, people):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "signatory"} == people


# -- a grouping that is itself a pact, founded -----------------------------------------------------
@pytest.mark.parametrize("text, day", [
    pytest.param("When Joe Biden, Scott Morrison and Boris Johnson unveiled AUKUS in September 2021, "
                 "the focus was on submarines and quantum technologies.", "2021-09", id="unveiled-aukus"),
    pytest.param("AUKUS was launched in September 2021 to share submarine and cyber technology among "
                 "Australia, Britain and the United States.", "2021-09", id="aukus-was-launched"),
    pytest.param("Australia, Britain and the United States formed AUKUS in 2021 and later added work "
                 "on hypersonic weapons.", "2021", id="states-formed-aukus"),
])
def test_founding_a_pact_grouping_is_an_agreement(extract_text, text, day):
    _ext, facts = extract_text(text, published=date(2024, 11, 20))
    assert frozenset({"AUS", "GBR", "USA"}) in parties(facts)
    (fs,) = [fs for fs in agreements(facts).values()
             if {o for p, o in fs if p == "party"} == {"AUS", "GBR", "USA"}]
    assert ("date", day) in fs
    assert not any(p == "duringEvent" for p, _o in fs)


# -- a state accused or punished for breaking a pact, and its accuser, are the pact's parties ------
@pytest.mark.parametrize("text, day", [
    pytest.param("U.S. President Ronald Reagan said he would raise tariffs to penalize Japan for "
                 "breaking a 1986 pact governing trade in semiconductors.", "1986", id="penalize-for-breaking"),
    pytest.param("U.S. President Ronald Reagan spoke on Friday. He accused Japan of failing to enforce "
                 "the main provisions of a September 1986 agreement on microchips.", "1986-09",
                 id="he-accused-of-failing-to-enforce"),
    pytest.param("The United States accused Japan of violating a 1986 accord on semiconductor trade.",
                 "1986", id="state-accused-of-violating"),
])
def test_accused_and_accuser_are_parties(extract_text, text, day):
    _ext, facts = extract_text(text, published=date(1987, 4, 1))
    assert parties(facts) == {frozenset({"JPN", "USA"})}
    fs = only(facts)
    assert ("date", day) in fs and ("covers", "semiconductors") in fs and ("status", "Completed") in fs


@pytest.mark.parametrize("text", [
    pytest.param("Japan said it would never break the 1986 pact on semiconductors.", id="no-accusation"),
    pytest.param("Critics accused the company of breaking a 1986 pact on semiconductors.", id="company-accused"),
    pytest.param("The United States accused Japan of dumping semiconductors below cost.", id="no-pact"),
])
def test_no_accusation_frame_no_two_party_pact(extract_text, text):
    _ext, facts = extract_text(text, published=date(1987, 4, 1))
    assert frozenset({"JPN", "USA"}) not in parties(facts)


# -- a date or meeting of another time is not the agreement's ------------------------------------
@pytest.mark.parametrize("text", [
    pytest.param("The leaders of Korea and Japan met in Seoul on Friday, a year after they signed an "
                 "accord on chips.", id="met-a-year-after-they-signed"),
    pytest.param("Indian and French ministers held talks in Paris on Monday, months after they concluded "
                 "a pact on space.", id="talks-months-after-concluded"),
    pytest.param("Brazil and China met in Brasilia on Tuesday, two years after they inked a deal on "
                 "satellites.", id="met-years-after-inked"),
])
def test_meeting_after_the_signing_is_not_its_event(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p in ("duringEvent", "date") for p, _o in fs)


@pytest.mark.parametrize("text", [
    pytest.param("The EU and Japan said on Tuesday they had signed a digital pact in Brussels the "
                 "previous week.", id="said-on-tuesday-had-signed"),
    pytest.param("Canada and Mexico confirmed on Friday they had concluded an accord on batteries.",
                 id="confirmed-on-friday-had-concluded"),
    pytest.param("Spain and Morocco reported on Monday that they had reached a deal on solar power.",
                 id="reported-on-monday-that-reached"),
])
def test_day_of_the_report_is_not_the_agreements(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p == "date" for p, _o in fs)


@pytest.mark.parametrize("text", [
    pytest.param("Seoul and Washington, which inked a chip pact in 2022, held talks in Washington on "
                 "Tuesday.", id="relative-clause-own-year"),
    pytest.param("Japan and India, whose 2019 accord on space was signed in Tokyo, met in Delhi on "
                 "Monday.", id="whose-accord-own-year"),
    pytest.param("Australia and Japan, which concluded a quantum pact in 2021, held a summit in Perth "
                 "on 3 June.", id="which-concluded-own-year"),
])
def test_agreement_with_its_own_date_is_not_made_at_the_meeting(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p == "duringEvent" for p, _o in fs)


# -- "the two leaders signed" right after the sentence of their meeting: made at that meeting -----
@pytest.mark.parametrize("text", [
    pytest.param("Japanese Prime Minister Fumio Kishida hosted British Prime Minister Rishi Sunak in "
                 "Hiroshima on Thursday. The two leaders signed the Hiroshima Accord, covering defence "
                 "and technology.", id="hosted-then-two-leaders-signed"),
    pytest.param("Chinese President Xi Jinping and Brazilian President Lula da Silva met in Beijing on "
                 "Tuesday. The two countries signed 15 agreements covering satellites, semiconductors "
                 "and AI.", id="met-then-two-countries-signed"),
    pytest.param("Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio "
                 "Kishida in Tokyo on Monday. The two sides signed a memorandum on semiconductors.",
                 id="held-talks-then-two-sides-signed"),
])
def test_signing_right_after_the_meeting_was_at_it(extract_text, text):
    _ext, facts = extract_text(text)
    (fs,) = agreements(facts).values()
    assert any(p == "duringEvent" for p, _o in fs)
    assert any(p == "date" for p, _o in fs)


@pytest.mark.parametrize("text", [
    pytest.param("Japanese Prime Minister Fumio Kishida hosted British Prime Minister Rishi Sunak in "
                 "Hiroshima on Thursday. The two leaders signed a defence accord in 2023.",
                 id="own-year"),
    pytest.param("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo "
                 "on Monday. The two leaders will sign an accord on chips next year.", id="future-signing"),
    pytest.param("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo "
                 "on Monday. Critics said India and Japan signed a weak accord on chips.", id="other-subject"),
])
def test_signing_with_other_time_or_subject_is_not_at_the_meeting(extract_text, text):
    _ext, facts = extract_text(text)
    for fs in agreements(facts).values():
        assert not any(p == "duringEvent" for p, _o in fs)


# -- "It ..." after a paragraph break still continues the agreement ---------------------------------
@pytest.mark.parametrize("text, domains", [
    pytest.param("Korea and the United States will sign a technology agreement. It will include steps "
                 "on data flows.\n\nIt is also reported to set goals for biotechnology and pharmaceutical "
                 "supply chains.", {"biotechnology", "pharmaceuticals"}, id="reported-after-break"),
    pytest.param("Japan and India signed an accord on Monday. It includes a chapter on research.\n\n"
                 "It also covers quantum computing and space.", {"quantum", "space"}, id="covers-after-break"),
    pytest.param("Britain and Norway concluded a pact on Friday. It sets up a joint fund.\n\n"
                 "It will also support work on robotics and batteries.", {"robotics", "batteries"},
                 id="support-after-break"),
])
def test_it_after_a_paragraph_break_continues_the_agreement(extract_text, text, domains):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "covers"} >= domains


# -- the hyphened pair of a deal's topic names its parties -----------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("British Foreign Secretary Jack Straw also signed a deal on China-UK tourism.",
                 {"CHN", "GBR"}, id="deal-on-china-uk-tourism"),
    pytest.param("The minister signed an agreement on US-Japan chip trade on Monday.",
                 {"JPN", "USA"}, id="agreement-on-us-japan-trade"),
    pytest.param("Officials signed a memorandum on India–Australia research cooperation.",
                 {"AUS", "IND"}, id="memorandum-on-india-australia-research"),
])
def test_hyphened_pair_in_the_topic_are_parties(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}


# -- a state's own code is no pact with the state the story is about -----------------------------
@pytest.mark.parametrize("text", [
    pytest.param("China wants the arms ban lifted. The EU's code of conduct on arms exports sets tough "
                 "criteria.", id="eus-code-of-conduct"),
    pytest.param("Japan and China held talks on Friday. Japan's code of conduct for chip exporters "
                 "was revised last year.", id="japans-code-of-conduct"),
    pytest.param("India and the United States met in Delhi. India's statement of intent on AI safety "
                 "was published on Monday.", id="indias-statement-of-intent"),
])
def test_own_code_gets_no_partner(extract_text, text):
    _ext, facts = extract_text(text)
    assert all(len(ps) >= 2 for ps in parties(facts))
    assert not any("european-union" in ps or len(ps) == 2 and ("JPN" in ps and "CHN" in ps)
                   for ps in parties(facts))
    assert frozenset({"IND", "USA"}) not in parties(facts)


# -- a modal in a relative clause on what the deal does leaves it made -----------------------------
@pytest.mark.parametrize("text", [
    pytest.param("British Chancellor Gordon Brown has signed a debt relief deal with Tanzania which "
                 "could cost the UK 1 billion pounds.", id="which-could-cost"),
    pytest.param("Japan signed an accord with India that would open its market to Indian software.",
                 id="that-would-open"),
    pytest.param("France concluded a pact with Brazil which may double satellite exports.",
                 id="which-may-double"),
])
def test_modal_relative_clause_keeps_completed(extract_text, text):
    _ext, facts = extract_text(text)
    assert ("status", "Completed") in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Japan and India held talks on Monday. Japan and India will sign a pact that will be "
                 "signed next week.", id="that-will-be-signed"),
    pytest.param("Spain and Chile agreed a deal which is expected to be signed in May.",
                 id="which-is-expected-to-be-signed"),
    pytest.param("Korea reached an accord with Vietnam that was later scrapped.", id="that-was-scrapped"),
])
def test_relative_clause_on_the_making_still_sets_status(extract_text, text):
    _ext, facts = extract_text(text)
    statuses = {o for fs in agreements(facts).values() for p, o in fs if p == "status"}
    assert statuses and statuses <= {"Planned", "Cancelled"}


# -- one state that signs a text alone gets no partner from the story ---------------------------
@pytest.mark.parametrize("text", [
    pytest.param("France wants a ruling. While Russia has signed the Energy Charter, it has never "
                 "ratified it.", id="russia-signed-charter"),
    pytest.param("Germany and Poland met on Monday. Poland signed the treaty in 2004.", id="poland-signed-treaty"),
    pytest.param("Brazil and Argentina traded barbs. Argentina ratified and signed the accord last year.",
                 id="argentina-signed-accord"),
])
def test_state_signing_alone_gets_no_partner(extract_text, text):
    _ext, facts = extract_text(text)
    assert parties(facts) == set()


# -- no pact among states that are only counterparts, members, or a capital in a name -------------
@pytest.mark.parametrize("text", [
    pytest.param("Rescheduling agreements were reached recently with Chile and Venezuela, bankers said.",
                 id="agreements-reached-with-two"),
    pytest.param("Bilateral accords have been reached with the U.K. and France.", id="bilateral-accords-with-two"),
    pytest.param("Debt deals were struck last month with Peru and Ecuador, the lenders said.",
                 id="deals-struck-with-two"),
    pytest.param("China must be a member of the General Agreement of Tariffs and Trade, U.S. officials said.",
                 id="member-of-general-agreement"),
    pytest.param("Korea sought accession to the treaty, Japanese officials said.", id="accession-to-treaty"),
    pytest.param("India is a signatory of the accord, French diplomats said.", id="signatory-of-accord"),
    pytest.param("The accord between Nigeria and the Paris Club was signed here yesterday.",
                 id="paris-club-is-no-state"),
    pytest.param("Peru reached a rescheduling deal with the Paris Club on Monday.", id="deal-with-paris-club"),
    pytest.param("Argentina signed an accord with the Paris Club creditors last week.", id="paris-club-creditors"),
])
def test_no_pact_among_counterparts_members_or_names(extract_text, text):
    _ext, facts = extract_text(text, published=date(1987, 3, 15))
    assert parties(facts) == set()


@pytest.mark.parametrize("text, pair", [
    pytest.param("Agreements between Brazil and Argentina were signed on Monday.", {"ARG", "BRA"},
                 id="agreements-between-two"),
    pytest.param("Japan and India signed agreements with each other on Monday.", {"IND", "JPN"},
                 id="two-signed-agreements"),
    pytest.param("France signed an accord with Britain on the Channel tunnel.", {"FRA", "GBR"},
                 id="singular-accord-with-one"),
])
def test_real_pacts_still_found(extract_text, text, pair):
    _ext, facts = extract_text(text, published=date(1987, 3, 15))
    assert frozenset(pair) in parties(facts)


# -- consent, domestic deals and place-named accords are no pact between the states named ----------
@pytest.mark.parametrize("text", [
    pytest.param("There were signs of accord between the U.S. and Japan on chips.", id="signs-of-accord"),
    pytest.param("Officials noted a lack of agreement between France and Germany on farm aid.",
                 id="lack-of-agreement"),
    pytest.param("Hopes of agreement between India and Pakistan faded on Friday.", id="hopes-of-agreement"),
    pytest.param("Officials said the Reagan administration will reach agreement with Congress on a trade "
                 "bill, Japan said.", id="agreement-with-congress"),
    pytest.param("The dollar fell despite the recent Paris accord among the six leading industrialized "
                 "nations, Brazil said.", id="paris-accord-by-place"),
    pytest.param("Traders doubted the Louvre accord would hold after the Washington accord of 1985, "
                 "Tokyo dealers said.", id="washington-accord-by-place"),
])
def test_no_pact_from_consent_domestic_deals_or_place_names(extract_text, text):
    _ext, facts = extract_text(text, published=date(1987, 3, 15))
    assert parties(facts) == set()


# -- a subject the parser hangs on a fronted phrase ------------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("On the sidelines of the G20 summit in New Delhi, India and Saudi Arabia signed a "
                 "memorandum on energy.", {"IND", "SAU"}, id="sidelines-in-new-delhi"),
    pytest.param("On the margins of the meeting in Jakarta, Indonesia and South Korea signed a pact on "
                 "batteries.", {"IDN", "KOR"}, id="margins-in-jakarta"),
    pytest.param("At a ceremony in Canberra, Australia and Japan signed an accord on hydrogen.",
                 {"AUS", "JPN"}, id="ceremony-in-canberra"),
])
def test_subject_after_a_fronted_place(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert frozenset(pair) in parties(facts)


# -- "The visit produced 15 agreements": made at the meeting just named ---------------------------
@pytest.mark.parametrize("text", [
    pytest.param("Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva in "
                 "Beijing on April 14. The visit produced 15 agreements between China and Brazil on "
                 "satellites and semiconductors.", id="visit-produced"),
    pytest.param("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo "
                 "on Monday. The talks yielded a pact between India and Japan on semiconductors.",
                 id="talks-yielded"),
    pytest.param("French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris on "
                 "July 14. The summit brought an accord between France and India on space.",
                 id="summit-brought"),
])
def test_meeting_that_produced_the_agreement(extract_text, text):
    _ext, facts = extract_text(text)
    (fs,) = agreements(facts).values()
    assert any(p == "duringEvent" for p, _o in fs)


# -- covered fields named in lists and noun phrases -------------------------------------------------
@pytest.mark.parametrize("text, domains", [
    pytest.param("Seoul and Washington renewed the pact signed in September 2021, which spans AI, quantum "
                 "and cybersecurity.", {"artificial-intelligence", "quantum", "cybersecurity"}, id="spans-list"),
    pytest.param("Seoul and Tokyo signed a pact on Friday that covers hypersonic and AI capabilities.",
                 {"defense", "artificial-intelligence"}, id="hypersonic-and-ai-capabilities"),
    pytest.param("Japan and the Philippines signed a pact on microelectronics and space situational "
                 "awareness.", {"semiconductors", "space"}, id="microelectronics-and-ssa"),
    pytest.param("India and the US signed an accord covering biopharma and satellite navigation.",
                 {"pharmaceuticals", "space"}, id="biopharma-and-satnav"),
    pytest.param("Britain, Australia and the United States agreed a pact to cooperate on hypersonics, "
                 "counter-hypersonics and electronic warfare.", {"defense"}, id="hypersonics-list"),
])
def test_domains_in_lists_and_noun_phrases(extract_text, text, domains):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "covers"} >= domains


# -- cancelled: phrasal and formal verbs of ending an agreement ---------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Australia tore up its defence pact with France.", {"AUS", "FRA"}, id="tore-up"),
    pytest.param("Italy pulled out of its Belt and Road accord with China.", {"CHN", "ITA"}, id="pulled-out-of"),
    pytest.param("The United States walked away from the nuclear deal with Iran.", {"IRN", "USA"},
                 id="walked-away-from"),
    pytest.param("Washington revoked its science agreement with Beijing.", {"CHN", "USA"}, id="revoked"),
    pytest.param("Russia quit the space pact with the United States.", {"RUS", "USA"}, id="quit"),
])
def test_phrasal_and_formal_cancellations(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("status", "Cancelled") in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Canberra tore up a contract for French-designed submarines in favour of a new security "
                 "pact with Washington and London.", id="tore-up-contract-in-favour-of-pact"),
    pytest.param("Seoul scrapped a tender for fighter jets in favour of a defence pact with Tokyo.",
                 id="scrapped-tender-in-favour-of-pact"),
    pytest.param("Manila cancelled an order for frigates after a new defence pact with Canberra.",
                 id="cancelled-order-after-pact"),
])
def test_cancelling_another_noun_leaves_the_pact(extract_text, text):
    _ext, facts = extract_text(text)
    assert all(("status", "Cancelled") not in fs for fs in agreements(facts).values())


# -- a signer named with an apposition, the verb hung on the name -------------------------------
@pytest.mark.parametrize("text, person", [
    pytest.param("India and Japan signed a memorandum on semiconductors. Piyush Goyal, India's commerce "
                 "minister, signed for New Delhi.", "piyush-goyal", id="apposition-signed-for"),
    pytest.param("Britain and Japan agreed a pact on AI. Kemi Badenoch, Britain's business secretary, "
                 "signed on behalf of London.", "kemi-badenoch", id="apposition-signed-on-behalf"),
    pytest.param("The United States and Korea concluded an accord on chips. Gina Raimondo, the U.S. "
                 "commerce secretary, signed it in Seoul.", "gina-raimondo", id="apposition-signed-it"),
])
def test_signer_with_apposition(extract_text, text, person):
    _ext, facts = extract_text(text)
    assert ("signatory", person) in only(facts)


# -- "the crown prince", "the chancellor": a title the text put before a name earlier -------------
@pytest.mark.parametrize("text, people", [
    pytest.param("Crown Prince Mohammed bin Salman visited the White House on Tuesday. Also on Tuesday, "
                 "President Donald Trump and the crown prince signed a Strategic Defense Agreement.",
                 {"donald-trump", "mohammed-bin-salman"}, id="the-crown-prince"),
    pytest.param("Japanese Prime Minister Fumio Kishida visited London. British Prime Minister Rishi Sunak "
                 "and the prime minister signed an accord on chips.",
                 {"rishi-sunak", "fumio-kishida"}, id="the-prime-minister-not-the-other"),
    pytest.param("Chancellor Olaf Scholz met Indian Prime Minister Narendra Modi in Delhi. Modi and the "
                 "chancellor signed a pact on hydrogen.", {"narendra-modi", "olaf-scholz"}, id="the-chancellor"),
])
def test_title_refers_to_the_person_named_with_it(extract_text, text, people):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "signatory"} == people


# -- "Under a 2020 agreement, X and Y ...": states acting together under it are its parties -------
@pytest.mark.parametrize("text, pair, day", [
    pytest.param("Under a 2020 agreement, Japan and Britain share data on semiconductors.",
                 {"GBR", "JPN"}, "2020", id="under-year-agreement"),
    pytest.param("Under the accord signed in 2019, India and France will build six reactors.",
                 {"FRA", "IND"}, "2019", id="under-accord-signed-in"),
    pytest.param("Under a pact agreed in 2021, Canada and Germany will fund joint work on batteries.",
                 {"CAN", "DEU"}, "2021", id="under-pact-agreed-in"),
])
def test_states_acting_together_under_a_pact(extract_text, text, pair, day):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("date", day) in only(facts)


@pytest.mark.parametrize("text", [
    pytest.param("Under the deal, Japan will buy more American chips.", id="one-state-under-deal"),
    pytest.param("Under the accord, Vietnam gains access to equipment.", id="one-state-gains"),
    pytest.param("Under the treaty, Brazil must report its reactor fuel.", id="one-state-must"),
])
def test_one_state_under_a_pact_is_no_pair(extract_text, text):
    _ext, facts = extract_text(text)
    assert parties(facts) == set()


@pytest.mark.parametrize("text, pair", [
    pytest.param("India today signed an agreement to sell 500 cars to Hungary.", {"HUN", "IND"},
                 id="indefinite-agreement-partner-later"),
    pytest.param("Brazil signed a deal to buy gas from Bolivia.", {"BOL", "BRA"}, id="deal-to-buy-from"),
    pytest.param("Japan concluded an accord to supply reactors to Turkey.", {"JPN", "TUR"},
                 id="accord-to-supply-to"),
])
def test_indefinite_agreement_keeps_the_partner_named_later(extract_text, text, pair):
    _ext, facts = extract_text(text, published=date(1987, 3, 15))
    assert parties(facts) == {frozenset(pair)}


# -- planned: close to, nearing, on the verge of ----------------------------------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Japan and India are close to a deal on rare earths.", {"IND", "JPN"}, id="close-to-a-deal"),
    pytest.param("Canada and Germany moved closer to an accord on hydrogen on Monday.", {"CAN", "DEU"},
                 id="moved-closer-to"),
    pytest.param("Japan and India are nearing an agreement on semiconductors.", {"IND", "JPN"}, id="nearing"),
    pytest.param("Britain and Norway are on the verge of signing a pact on batteries.", {"GBR", "NOR"},
                 id="on-the-verge-of-signing"),
])
def test_near_an_agreement_is_planned(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}
    assert ("status", "Planned") in only(facts)


# -- "clinched", "secured": verbs that make a deal date it ----------------------------------------
@pytest.mark.parametrize("text, day", [
    pytest.param("Japan and Britain clinched a trade deal in London on Friday.", "2025-10-24", id="clinched-on-friday"),
    pytest.param("India secured a gas deal with Iran on Monday.", "2025-10-27", id="secured-on-monday"),
    pytest.param("Chile and Korea clinched an accord on lithium last month.", "2025-09", id="clinched-last-month"),
])
def test_clinch_and_secure_date_the_deal(extract_text, text, day):
    _ext, facts = extract_text(text)
    fs = only(facts)
    assert ("date", day) in fs and ("status", "Completed") in fs


# -- planned: an agreement that remains elusive, or whether one can be struck ----------------------
@pytest.mark.parametrize("text", [
    pytest.param("A trade deal between the US and China remains elusive, analysts said.", id="remains-elusive"),
    pytest.param("Analysts said a deal between Japan and Korea was unlikely before the election.", id="was-unlikely"),
    pytest.param("Whether Britain and the EU can strike a deal on AI remains unclear.", id="whether-can-strike"),
    pytest.param("An accord between India and Australia on minerals looks imminent.", id="looks-imminent"),
])
def test_unmade_agreement_is_planned(extract_text, text):
    _ext, facts = extract_text(text)
    assert ("status", "Planned") in only(facts)


# -- an agreement never made: no agreement ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    pytest.param("Japan and Korea failed to reach an agreement on fishing rights.", id="failed-to-reach"),
    pytest.param("Brazil and Argentina did not sign a pact on nuclear fuel.", id="did-not-sign"),
    pytest.param("India and China refused to conclude an accord on border trade.", id="refused-to-conclude"),
])
def test_agreement_not_made_is_not_extracted(extract_text, text):
    _ext, facts = extract_text(text)
    assert parties(facts) == set()


# -- "Its scope includes ...": what the agreement just named contains ------------------------------
@pytest.mark.parametrize("text, domains", [
    pytest.param("Japan and India signed a technology pact on Monday. Its scope includes critical minerals "
                 "and clean energy.", {"critical-minerals"}, id="its-scope-includes"),
    pytest.param("Korea and Canada concluded an accord on Friday. Its provisions cover batteries and "
                 "electric vehicles.", {"batteries", "electric-vehicles"}, id="its-provisions-cover"),
    pytest.param("France and Brazil inked a deal on Tuesday. Its first phase focuses on satellites and "
                 "space launch.", {"space"}, id="its-first-phase-focuses"),
])
def test_its_content_belongs_to_the_agreement(extract_text, text, domains):
    _ext, facts = extract_text(text)
    assert {o for p, o in only(facts) if p == "covers"} >= domains


# -- location: "in the Philippine capital, Manila", "in the port city of Gdansk" --------------------
@pytest.mark.parametrize("text, place", [
    pytest.param("Japan and the Philippines signed the accord in the Philippine capital, Manila, on Friday.",
                 "manila", id="capital-apposition"),
    pytest.param("India and Japan inked the pact in the Japanese capital, Tokyo, on Monday.", "tokyo",
                 id="capital-apposition-on-noun"),
    pytest.param("Korea and Poland concluded an arms deal in the port city of Gdansk.", "gdansk",
                 id="city-of"),
])
def test_place_named_after_capital_or_city(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert ("location", place) in only(facts)


# -- a dateline's state is no party: "LULEA, Sweden, May 31 — Officials from A and B agreed" ----
@pytest.mark.parametrize("text, pair", [
    pytest.param("LULEA, Sweden, May 31 — Officials from the European Union and the United States agreed "
                 "on Wednesday to draw up a code of conduct on artificial intelligence.",
                 {"USA", "european-union"}, id="town-comma-country-dash"),
    pytest.param("GENEVA, Switzerland (Reuters) - Japan and India signed a pact on semiconductors on Monday.",
                 {"IND", "JPN"}, id="city-country-agency"),
    pytest.param("JAKARTA, Indonesia, Oct 2 — Australia and South Korea agreed to cooperate on critical "
                 "minerals.", {"AUS", "KOR"}, id="capital-country-date"),
])
def test_dateline_state_is_no_party(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert parties(facts) == {frozenset(pair)}, parties(facts)


# -- "A and B agreed to join C in doing X": the state joined is a party ------------------------
@pytest.mark.parametrize("text, pair", [
    pytest.param("Japan and the Netherlands have agreed to join the United States in curbing exports of "
                 "chipmaking tools to China.", {"JPN", "NLD", "USA"}, id="join-in-curbing"),
    pytest.param("Britain agreed to join France and Germany in funding a satellite network.",
                 {"DEU", "FRA", "GBR"}, id="one-joins-two"),
    pytest.param("South Korea and Australia agreed to join Japan in a new critical minerals partnership.",
                 {"AUS", "JPN", "KOR"}, id="join-in-a-partnership"),
])
def test_the_state_joined_is_a_party(extract_text, text, pair):
    _ext, facts = extract_text(text)
    assert frozenset(pair) in parties(facts), parties(facts)
