"""Golden tests for modern (2021-2025) phrasing of agreements and roles (issue G): press
releases, fact sheets, joint statements, ministry readouts. Every sentence is written for
the project."""
from __future__ import annotations

from datetime import date

import pytest

from helpers_extract import agreements as _agreements, only as _only, parties as _parties

P = pytest.param
PUB = date(2024, 6, 5)


# -- 1. the documents of modern diplomacy name an agreement -------------------------------
@pytest.mark.parametrize("text, parties", [
    P("France and Brazil adopted a statement of intent on artificial intelligence.",
      {"FRA", "BRA"}, id="statement of intent adopted"),
    P("Norway and Chile signed a letter of intent covering lithium refining.",
      {"NOR", "CHL"}, id="letter of intent signed, no 'on'"),
    P("Poland and Korea exchanged statements of intent with each other after Poland adopted them with Korea.",
      {"POL", "KOR"}, id="plural statements of intent with a partner"),
    P("Saudi Arabia and South Korea signed 46 memorandums of understanding worth $15 billion.",
      {"SAU", "KOR"}, id="numbered plural memorandums"),
    P("Egypt and Italy inked several memoranda during the visit.",
      {"EGY", "ITA"}, id="latin plural memoranda"),
    P("Vietnam and Japan signed three MoUs worth $2 billion in Hanoi.",
      {"VNM", "JPN"}, id="plural MoUs"),
])
def test_modern_agreement_documents(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


# -- 2. "cooperation" is an agreement only when it is founded ----------------------------
@pytest.mark.parametrize("text, parties", [
    P("The UK and Singapore launched a new cooperation on quantum technologies.",
      {"GBR", "SGP"}, id="launched a cooperation"),
    P("We decided to launch a trilateral cooperation on chips among Japan, the Philippines and the United States.",
      {"JPN", "PHL", "USA"}, id="decided to launch a cooperation among a list"),
    P("Kenya and India established a cooperation on space research last year.",
      {"KEN", "IND"}, id="established a cooperation"),
])
def test_founded_cooperation(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


@pytest.mark.parametrize("text", [
    P("China and Russia discussed cooperation on chips.", id="discussed cooperation"),
    P("Officials in Paris and Berlin praised cooperation on batteries.", id="praised cooperation"),
    P("Mexico and Peru enjoy close cooperation in mining.", id="enjoy cooperation"),
])
def test_cooperation_alone_is_no_agreement(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert not _agreements(facts)


# -- 3. a named initiative the gazetteer knows as a body, when it is founded --------------
@pytest.mark.parametrize("text, parties", [
    P("The United States, Australia and Japan launched the Minerals Security Partnership on Tuesday.",
      {"USA", "AUS", "JPN"}, id="launched the named partnership"),
    P("Canada and South Korea formed the Minerals Security Partnership with the United States.",
      {"CAN", "KOR", "USA"}, id="formed it with a partner"),
    P("Washington and Tokyo unveiled the Minerals Security Partnership to secure rare earths.",
      {"USA", "JPN"}, id="unveiled, capitals as parties"),
])
def test_founded_named_initiative(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


# -- 4. a party list the parser splits after "among"/"between" ---------------------------
@pytest.mark.parametrize("text, parties", [
    P("Officials unveiled a partnership on AI among Japan, the Philippines and the United States.",
      {"JPN", "PHL", "USA"}, id="among three, parser hangs the tail on the noun"),
    P("The ministers signed a framework on batteries between Chile, Argentina and Bolivia.",
      {"CHL", "ARG", "BOL"}, id="between three"),
    P("Leaders adopted a roadmap on quantum among India, Australia and Japan on Friday.",
      {"IND", "AUS", "JPN"}, id="roadmap among three"),
])
def test_split_party_list(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


# -- 5. titles with a portfolio or a state after "of"/"for" --------------------------------
@pytest.mark.parametrize("text, person, country", [
    P("Indian Minister of Electronics Ravi Menon welcomed the step.", "ravi-menon", "IND",
      id="demonym + Minister of portfolio"),
    P("Singapore's Permanent Secretary for Trade Gabriel Lim signed the memorandum.", "gabriel-lim", "SGP",
      id="possessive + Permanent Secretary for portfolio"),
    P("Australia's Minister for Industry and Science Mark Lane said the letter would help.", "mark-lane", "AUS",
      id="Minister for two portfolios"),
    P("The Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, hosted the visit.", "tamim-bin-hamad-al-thani", "QAT",
      id="Emir of state, apposition"),
    P("The Prime Minister of Malaysia Anwar Ibrahim arrived in Tokyo.", "anwar-ibrahim", "MYS",
      id="Prime Minister of state, no comma"),
])
def test_titles_with_of_for(extract_text, text, person, country):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "represents", country) in facts


# -- 6. "agreed to sign" is a signing still to come ----------------------------------------
@pytest.mark.parametrize("text", [
    P("Japan and Canada agreed to sign a pact on batteries next month.", id="agreed to sign"),
    P("The two ministers from Korea and Britain agreed to finalise a memorandum on quantum technology.",
      id="agreed to finalise"),
    P("Spain and Morocco decided to conclude an accord on solar power by the autumn.", id="decided to conclude"),
])
def test_agreed_to_sign_is_planned(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    fs = _only(facts)
    assert ("status", "Planned") in fs and ("status", "Completed") not in fs


# -- 7. signing an agreement named before: "sign it in Seoul in June" -----------------------
@pytest.mark.parametrize("text, place, day", [
    P("The European Union and South Korea reached a consensus on a digital trade pact. Korean Trade Minister "
      "Cheong In-kyo is expected to sign it in Seoul in July.", "seoul", "2024-07", id="expected to sign it"),
    P("Japan and Britain concluded an accord on chips. Trade ministers Ken Sato of Japan and Alan Price of "
      "Britain will sign it in Tokyo on December 3.", "tokyo", "2024-12-03", id="will sign it on a day"),
    P("Brazil and India finalised a deal on ethanol. Brazilian Foreign Minister Ana Reis signed it in "
      "Brasilia on Monday.", "brasilia", "2024-06-03", id="signed it on a weekday"),
])
def test_sign_it_place_and_date(extract_text, text, place, day):
    _ext, facts = extract_text(text, published=PUB)
    fs = _only(facts)
    assert ("location", place) in fs and ("date", day) in fs


# -- 8. "initialled" is a signing -----------------------------------------------------------
@pytest.mark.parametrize("text, place, day", [
    P("Korea and the US agreed a memorandum on reactors. The memorandum was initialled by officials in "
      "Washington in December.", "washington", "2023-12", id="passive initialled"),
    P("Officials of Chile and Japan initialled the accord on copper in Santiago on May 2.", "santiago",
      "2024-05-02", id="active initialled"),
    P("Negotiators from Canada and Germany initialed a pact on hydrogen in Ottawa on Tuesday.", "ottawa",
      "2024-06-04", id="American spelling initialed"),
])
def test_initialled_is_signing(extract_text, text, place, day):
    _ext, facts = extract_text(text, published=PUB)
    fs = _only(facts)
    assert ("location", place) in fs and ("status", "Completed") in fs
    assert any(p == "date" and o.startswith(day[:7]) for p, o in fs)


# -- 9. a state's own name for its bodies ---------------------------------------------------
@pytest.mark.parametrize("text, person, org", [
    P("The Indian foreign ministry spokesman Randhir Jaiswal called the visit historic.", "randhir-jaiswal",
      "ministry-of-external-affairs", id="Indian foreign ministry is the MEA"),
    P("India's foreign ministry spokesperson Arun Das said talks went well.", "arun-das",
      "ministry-of-external-affairs", id="India's foreign ministry spokesperson"),
    P("Vietnamese Communist Party chief Nguyen Phu Trong hosted the visit.", "nguyen-phu-trong",
      "communist-party-of-vietnam", id="Vietnamese Communist Party chief"),
    P("Communist Party of Vietnam General Secretary To Lam met the visitors.", "to-lam",
      "communist-party-of-vietnam", id="the party's full name before a title"),
])
def test_state_bodies_by_their_names(extract_text, text, person, org):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "memberOf", org) in facts


# -- 10. "leaders meeting in X agreed": the parser's clausal subject names the parties -----
@pytest.mark.parametrize("text, parties", [
    P("Quad leaders meeting in Wilmington on Saturday agreed to expand cooperation on semiconductors.",
      {"AUS", "IND", "JPN", "USA"}, id="grouping leaders meeting agreed"),
    P("Ministers from Japan and Korea gathering in Seoul on Monday agreed to cooperate on batteries.",
      {"JPN", "KOR"}, id="ministers gathering agreed"),
    P("Officials of Chile and Peru meeting in Lima signed an accord on copper.",
      {"CHL", "PER"}, id="officials meeting signed"),
])
def test_clausal_subject_parties(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


# -- 11. a bare spokesperson speaks for the body the sentence before names ------------------
@pytest.mark.parametrize("text, person, country, org", [
    P("China's commerce ministry on Monday condemned the chip pact. Spokesperson Shu Jueting said the two "
      "countries were politicising trade.", "shu-jueting", "CHN", "ministry-of-commerce-of-china",
      id="X's commerce ministry, then Spokesperson"),
    P("The Chinese foreign ministry criticised the move. Spokesman Wang Bo told reporters it was wrong.",
      "wang-bo", "CHN", "ministry-of-foreign-affairs-of-china", id="demonym foreign ministry, then Spokesman"),
    P("Japan's Ministry of Economy, Trade and Industry welcomed the deal. Spokeswoman Aiko Mori said more "
      "would follow.", "aiko-mori", "JPN", "ministry-of-economy-trade-and-industry",
      id="named ministry, then Spokeswoman"),
])
def test_spokesperson_of_previous_sentence(extract_text, text, person, country, org):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "represents", country) in facts and (person, "memberOf", org) in facts


@pytest.mark.parametrize("text, person, country, org", [
    P("Korea's science ministry praised the plan. A spokesman, Kim Do-hyun, said it was timely.", "kim-do-hyun",
      "KOR", "ministry-of-science-and-ict", id="A spokesman, X, after the ministry"),
    P("The Chinese commerce ministry condemned the deal. The spokeswoman, He Yadong, said it hurt trade.",
      "he-yadong", "CHN", "ministry-of-commerce-of-china", id="The spokeswoman, X"),
    P("India's foreign ministry welcomed the accord. A spokesperson, Arun Das, called it timely.", "arun-das",
      "IND", "ministry-of-external-affairs", id="A spokesperson, X, India's MEA"),
])
def test_spokesperson_apposition_of_previous_sentence(extract_text, text, person, country, org):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "represents", country) in facts and (person, "memberOf", org) in facts


def test_spokesperson_needs_a_body_before(extract_text):
    _ext, facts = extract_text("The talks ended late. Spokesman Aldo Berti said they went well.", published=PUB)
    assert not any(s == "aldo-berti" and p in ("represents", "memberOf") for s, p, _o in facts)


# -- 12. a summit named only as a time is not where the agreement was made ------------------
@pytest.mark.parametrize("text", [
    P("Britain and Japan signed the Hiroshima Accord in Hiroshima ahead of the G7 summit.", id="ahead of"),
    P("Japan and Italy signed a pact on space before the summit in Rome.", id="before"),
    P("Korea and Poland inked a defence deal prior to the NATO summit in Vilnius.", id="prior to"),
])
def test_agreement_not_during_summit_named_as_time(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert _agreements(facts)
    assert not any(p == "duringEvent" for _s, p, _o in facts)


# -- 13. (known gap) "the ministers", "the leaders": the parties of the meeting just named
@pytest.mark.parametrize("text, parties", [
    P("Japan's trade minister Yoji Muto and Korean Industry Minister Ahn Duk-geun held talks in Tokyo on "
      "Tuesday. The ministers signed a memorandum of cooperation on chip supply chains.",
      {"JPN", "KOR"}, id="the ministers after talks"),
    P("Brazilian President Lula and Chilean President Gabriel Boric met in Santiago. The leaders launched a partnership on "
      "lithium.", {"BRA", "CHL"}, id="the leaders after a meeting"),
    P("Indian Foreign Minister Jaishankar hosted his Greek counterpart in New Delhi. The ministers adopted a "
      "roadmap on shipping and defence.", {"IND", "GRC"}, id="the ministers after a hosted visit"),
])
@pytest.mark.xfail(reason="known gap: reading bare 'the ministers'/'the leaders' as the last meeting's parties "
                   "added a false signatory on dev CHECK, so the rule was dropped", strict=False)
def test_the_ministers_are_the_meetings_parties(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


# -- 14. a third state watching the deals is no party ---------------------------------------
@pytest.mark.parametrize("text", [
    P("Brazil and China sealed 37 cooperation agreements on Wednesday. Washington said it was monitoring "
      "the deals.", id="monitoring the deals"),
    P("Russia and Iran signed a pact on satellites. Israel said it would scrutinise the pact closely.",
      id="scrutinise the pact"),
    P("Serbia and China inked an accord on surveillance cameras. Brussels is tracking the accord.",
      id="tracking the accord"),
])
def test_watching_state_is_no_party(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert len(_parties(facts)) == 1


# -- 15. "expected to formalise the arrangement": signatories and place -------------------
@pytest.mark.parametrize("text, people", [
    P("The United Arab Emirates and France have agreed a framework to build an AI campus. French President "
      "Emmanuel Macron and UAE President Mohamed bin Zayed are scheduled to formalise the arrangement in Paris.",
      {"emmanuel-macron", "mohamed-bin-zayed"}, id="scheduled to formalise"),
    P("Japan and Peru concluded a pact on copper. Prime Minister Shigeru Ishiba and President Dina Boluarte "
      "were expected to formalise the pact in Lima on Friday.", {"shigeru-ishiba", "dina-boluarte"},
      id="were expected to formalise"),
    P("Kenya and Britain reached an accord on green hydrogen. President William Ruto and Prime Minister "
      "Keir Starmer are expected to formalize the accord in London.", {"william-ruto", "keir-starmer"},
      id="expected to formalize"),
])
def test_expected_to_formalise_signatories(extract_text, text, people):
    _ext, facts = extract_text(text, published=PUB)
    fs = _only(facts)
    assert {o for p, o in fs if p == "signatory"} == people
    assert any(p == "location" for p, _o in fs)


# -- 16. a leader is not a member of his seat of office --------------------------------------
@pytest.mark.parametrize("text, person", [
    P("Emmanuel Macron met the press in Paris, the Elysee said.", "emmanuel-macron", id="Elysee said"),
    P("Joe Biden spoke to reporters, the White House said on Monday.", "joe-biden", id="White House said"),
    P("The White House said Donald Trump would travel to Seoul.", "donald-trump", id="White House as subject"),
])
def test_leader_not_member_of_seat(extract_text, text, person):
    _ext, facts = extract_text(text, published=PUB)
    assert not any(s == person and p == "memberOf" for s, p, _o in facts)


# -- 17. a press release's "Today, ..." dates the event ---------------------------------------
@pytest.mark.parametrize("text", [
    P("Today, Japan and Canada signed a pact on batteries.", id="Today, signed"),
    P("Today, the United States and Kenya launched a partnership on AI.", id="Today, launched"),
    P("Tonight, Chile and Korea sealed an accord on lithium.", id="Tonight, sealed"),
])
def test_press_release_today(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert ("date", "2024-06-05") in _only(facts)


def test_today_on_a_reporting_verb_is_not_the_signing(extract_text):
    _ext, facts = extract_text("Today, officials said Chile and Peru signed an accord in May.", published=PUB)
    assert {o for p, o in _only(facts) if p == "date"} == {"2024-05"}


# -- 18. a grouping's named pillar is its members' agreement ----------------------------------
@pytest.mark.parametrize("text", [
    P("Projects under AUKUS Pillar II cover artificial intelligence and quantum.", id="Pillar II"),
    P("Canada will consult on the AUKUS Pillar 2 work on hypersonics.", id="Pillar 2"),
    P("Officials said AUKUS Pillar Two now includes electronic warfare.", id="Pillar Two"),
])
def test_grouping_pillar(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset({"AUS", "GBR", "USA"}) in _parties(facts)


def test_pillar_without_parties_is_no_agreement(extract_text):
    _ext, facts = extract_text("Ministers debated the second pillar of economic security.", published=PUB)
    assert not _agreements(facts)


# -- 19. a title that is its ministry's name makes the person a member -----------------------
@pytest.mark.parametrize("text, person, org", [
    P("Japan's Minister of Economy, Trade and Industry Yoji Muto met them.", "yoji-muto",
      "ministry-of-economy-trade-and-industry", id="comma inside the title"),
    P("South Korea's Minister of Science and ICT Yoo Sang-hoon held a call.", "yoo-sang-hoon",
      "ministry-of-science-and-ict", id="Minister of Science and ICT"),
    P("Minister of International Trade and Industry Hajime Tamura spoke in Tokyo.", "hajime-tamura",
      "ministry-of-international-trade-and-industry", id="Minister of International Trade and Industry"),
])
def test_title_naming_its_ministry(extract_text, text, person, org):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "memberOf", org) in facts


def test_office_title_alone_is_no_membership(extract_text):
    _ext, facts = extract_text("Commerce Secretary Gina Raimondo spoke.", published=PUB)
    assert not any(p == "memberOf" for _s, p, _o in facts)


# -- 20. "compact", which the tagger reads as an adjective ------------------------------------
@pytest.mark.parametrize("text, parties", [
    P("Qatar and the United States signed an AI and defence technology compact worth billions.",
      {"QAT", "USA"}, id="technology compact worth billions"),
    P("Ghana and Britain signed a digital compact worth $1 billion.", {"GHA", "GBR"}, id="digital compact worth"),
    P("Ghana and Britain sealed a compact, officials said.", {"GHA", "GBR"}, id="sealed a compact, comma"),
])
def test_compact_read_as_adjective(extract_text, text, parties):
    _ext, facts = extract_text(text, published=PUB)
    assert frozenset(parties) in _parties(facts)


@pytest.mark.parametrize("text", [
    P("Japan and Korea bought compact cars.", id="compact cars"),
    P("The compact design of the reactor impressed Japan and France.", id="compact design"),
    P("Italy and Spain sold a compact, efficient reactor design.", id="compact, efficient design"),
])
def test_compact_adjective_is_no_agreement(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert not _agreements(facts)


# -- 21. an EU commissioner signs for the European Union -------------------------------------
@pytest.mark.parametrize("text, person", [
    P("The European Union and South Korea reached a digital trade agreement. EU trade commissioner Maros "
      "Sefcovic and Korean Trade Minister Cheong In-kyo are expected to sign it in Seoul.", "maros-sefcovic",
      id="EU trade commissioner expected to sign it"),
    P("The EU and Japan concluded a pact on data flows. EU Commissioner Valdis Dombrovskis signed the pact "
      "with Japanese Trade Minister Ken Saito.", "valdis-dombrovskis", id="EU Commissioner signed the pact"),
    P("Chile and the European Union finalised an accord on lithium. EU Commissioner Jozef Sikela is expected "
      "to sign the accord in Santiago.", "jozef-sikela", id="EU Commissioner expected to sign"),
])
def test_eu_commissioner_signs_for_the_eu(extract_text, text, person):
    _ext, facts = extract_text(text, published=PUB)
    fs = _only(facts)
    assert ("party", "european-union") in fs and ("signatory", person) in fs


# -- 22. a surname that is also a title word ------------------------------------------------
@pytest.mark.parametrize("text, person, country", [
    P("Australian Resources Minister Madeleine King said on Wednesday that talks went well.", "madeleine-king",
      "AUS", id="Madeleine King"),
    P("Senator Angus King of Maine said the pact was sound.", "angus-king", "USA", id="Senator Angus King"),
    P("Canada's trade envoy Mary Chancellor said so.", "mary-chancellor", "CAN", id="Mary Chancellor"),
])
def test_surname_that_is_a_title_word(extract_text, text, person, country):
    _ext, facts = extract_text(text, published=PUB)
    assert (person, "represents", country) in facts


# -- 23. signed during a visit to a city: the city is where it was signed ---------------------
@pytest.mark.parametrize("text, place", [
    P("Saudi Arabia and South Korea signed 46 memorandums during President Yoon's visit to Riyadh on Sunday.",
      "riyadh", id="during the president's visit to"),
    P("India and France inked a roadmap on AI during Modi's trip to Paris.", "paris", id="during a trip to"),
    P("Japan and Vietnam signed a pact on chips on a visit to Hanoi by the prime minister.", "hanoi",
      id="on a visit to"),
])
def test_signed_during_visit_to_city(extract_text, text, place):
    _ext, facts = extract_text(text, published=PUB)
    assert ("location", place) in _only(facts)


def test_visit_after_the_talks_is_not_the_place(extract_text):
    _ext, facts = extract_text("Japan and Vietnam agreed a pact on chips before his visit to Hanoi.", published=PUB)
    assert not any(p == "location" for p, _o in _only(facts))


# -- a network generation ending the sentence ("... on 6G.") is still a domain --------------
@pytest.mark.parametrize("text", [
    P("Finland and India signed a memorandum on 6G.", id="6G before the full stop"),
    P("Sweden and Japan will sign an accord covering 5G. The ministers meet in June.", id="5G then another sentence"),
    P("The pact between Spain and Morocco extends to 5G.", id="5G closing a passive-free sentence"),
])
def test_modern_generation_at_sentence_end_is_telecommunications(extract_text, text):
    _ext, facts = extract_text(text, published=PUB)
    assert ("covers", "telecommunications") in _only(facts)
