"""Golden tests: memberships stated in words, states of listed officials, entity typing of
venues, goods and armed services, and export controls said in other words.

Sentences are written for the project; each class of phrasing has several wordings.
"""
from __future__ import annotations

import pytest

P = pytest.param


def _labels(ext, cls):
    return {e.label for e in ext.entities.values() if e.cls == cls and e.mentioned}


def _members(facts, person):
    return {o for s, p, o in facts if s == person and p == "memberOf"}


# -- 1. "X, a member of the Council": membership said in words ---------------------------------
@pytest.mark.parametrize("text, person, body", [
    P("Karen Doyle, a member of the National Security Council, said the review would end soon.",
      "karen-doyle", "national-security-council", id="a member of the body"),
    P("Paul Obi, who sits on the Economic Policy Council, opposed the takeover.",
      "paul-obi", "economic-policy-council", id="who sits on the body"),
    P("Mira Santos, who serves on the Federal Communications Commission, voted against the rule.",
      "mira-santos", "federal-communications-commission", id="who serves on the body"),
])
def test_member_said_in_words(extract_text, text, person, body):
    _ext, facts = extract_text(text)
    assert body in _members(facts, person), sorted(facts)


# -- 2. "the council, which includes X and Y" / "X and Y, who make up the council" -------------
@pytest.mark.parametrize("text, people, body", [
    P("The Economic Policy Council, which includes Secretary of State George Shultz and Treasury "
      "Secretary James Baker, meets on Friday.", ["george-shultz", "james-baker"],
      "economic-policy-council", id="which includes titled people"),
    P("Ministers sent a note to Secretary of State George Shultz, Treasury Secretary James Baker and "
      "Commerce Secretary Malcolm Baldrige. The three, who make up the Economic Policy Council, "
      "will weigh it next week.", ["george-shultz", "james-baker", "malcolm-baldrige"],
      "economic-policy-council", id="the three who make up, people in the sentence before"),
    P("Lena Holm and Tomas Berg, who make up the Nordic Council, rejected the plan.",
      ["lena-holm", "tomas-berg"], "nordic-council", id="X and Y who make up the body"),
])
def test_members_listed_with_the_body(extract_text, text, people, body):
    _ext, facts = extract_text(text, published=None)
    for person in people:
        assert body in _members(facts, person), sorted(facts)


# -- 3. "X of Japan's Ministry of ...": the named body -----------------------------------------
@pytest.mark.parametrize("text, person, body, state", [
    P("Hiroshi Tanaka of Japan's Ministry of Economy, Trade and Industry told reporters the talks went well.",
      "hiroshi-tanaka", "ministry-of-economy-trade-and-industry", "JPN", id="of Japan's METI"),
    P("Kenji Mori of Japan's Ministry of International Trade and Industry said output would fall.",
      "kenji-mori", "ministry-of-international-trade-and-industry", "JPN", id="of Japan's MITI"),
    P("Lee Soo-jin of South Korea's Ministry of Science and ICT led the delegation.",
      "lee-soo-jin", "ministry-of-science-and-ict", "KOR", id="of Korea's science ministry"),
])
def test_person_of_a_states_body(extract_text, text, person, body, state):
    _ext, facts = extract_text(text)
    assert body in _members(facts, person), sorted(facts)
    assert (person, "represents", state) in facts


# -- 4. "Minister for X": a title, not a body called "X" ---------------------------------------
@pytest.mark.parametrize("text, person, fragment", [
    P("The pact was signed by Taro Kono, Minister for Digital Transformation.", "taro-kono",
      "Digital Transformation", id="Minister for a portfolio no ministry bears"),
    P("Takeaki Matsumoto, Japan's Minister for Internal Affairs and Communications, signed it.",
      "takeaki-matsumoto", "Internal Affairs and Communications", id="portfolio ending in a company word"),
    P("Ines Duarte, Minister for Ocean Affairs and Fisheries, welcomed the deal.", "ines-duarte",
      "Ocean Affairs and Fisheries", id="two-part portfolio"),
])
def test_minister_for_portfolio_is_no_body(extract_text, text, person, fragment):
    ext, facts = extract_text(text)
    orgs = _labels(ext, "Organization")
    assert fragment not in orgs, orgs
    assert all(o.startswith("ministry-of-") for o in _members(facts, person)), sorted(facts)


# -- 5. a person the model types as a body, then a multi-word title -----------------------------
@pytest.mark.parametrize("text, person, state", [
    P("The council was co-chaired by Fusae Ota, State Minister of Economy, Trade and Industry, "
      "and a Japanese delegation.", "fusae-ota", "JPN", id="State Minister of METI"),
    P("Officials met Nadia Petrova, Deputy Trade Minister of Bulgaria, in Sofia.", "nadia-petrova",
      "BGR", id="Deputy Trade Minister of a state"),
    P("Talks were led by Omar Haddad, Foreign Minister of Jordan, on Tuesday.", "omar-haddad",
      "JOR", id="Foreign Minister of a state"),
])
def test_titled_name_is_a_person(extract_text, text, person, state):
    ext, facts = extract_text(text)
    assert person in {e.iri.rsplit("/", 1)[-1] for e in ext.entities.values() if e.cls == "Person"}
    assert (person, "represents", state) in facts, sorted(facts)


# -- 6. a plural title before a list of people ---------------------------------------------------
@pytest.mark.parametrize("text, people", [
    P("Senators Jake Garn of Utah and Richard Shelby of Alabama said they might seek an amendment.",
      ["jake-garn", "richard-shelby"], id="Senators X of state and Y of state"),
    P("Senators Ann Cole, Brian Ford and Carl Dunn wrote to the Commerce Department.",
      ["ann-cole", "brian-ford", "carl-dunn"], id="Senators X, Y and Z"),
    P("Sens. Maria Lopez and Dan West introduced the bill on Thursday.",
      ["maria-lopez", "dan-west"], id="Sens. X and Y"),
])
def test_plural_title_gives_each_its_state(extract_text, text, people):
    _ext, facts = extract_text(text)
    for person in people:
        assert (person, "represents", "USA") in facts, sorted(facts)


# -- 7. venues are places ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    P("The ministers met at the Old Royal Naval College in Greenwich on Thursday.",
      "Old Royal Naval College", id="college after at"),
    P("Leaders gathered at Qasr Al Watan for the signing.", "Qasr Al Watan", id="palace by its Arabic name"),
    P("The accord was signed in Hyderabad House in New Delhi.", "Hyderabad House", id="house after in"),
    P("Delegates dined at the Riverside Maritime Museum after the talks.", "Riverside Maritime Museum",
      id="museum after at"),
])
def test_venue_is_a_place(extract_text, text, place):
    ext, _facts = extract_text(text)
    assert place in _labels(ext, "Place"), sorted((e.cls, e.label) for e in ext.entities.values())
    assert place not in _labels(ext, "Organization") | _labels(ext, "Person")


# -- 8. goods and slogans written in capitals are no organisations -----------------------------
@pytest.mark.parametrize("text, word", [
    P("Iran will supply India with LNG under the 25-year deal.", "LNG", id="LNG"),
    P("Qatar agreed to ship LPG to Pakistan from next year.", "LPG", id="LPG"),
    P("The rally drew MAGA supporters to the capital.", "MAGA", id="MAGA"),
    P("Nvidia said its Blackwell chips would be sold under licence.", "Blackwell", id="chip product line"),
])
def test_goods_acronym_is_no_organisation(extract_text, text, word):
    ext, _facts = extract_text(text)
    assert word not in _labels(ext, "Organization")


# -- 9. armed services and bare names of a body named in full ----------------------------------
@pytest.mark.parametrize("text, body", [
    P("The U.S. Air Force will buy 90,000 laptops, and an Air Force spokesman said bids reopen.",
      "U.S. Air Force", id="U.S. Air Force then Air Force"),
    P("The US Navy said the propellers had been fitted, a Navy official added.", "U.S. Navy", id="US Navy"),
    P("The United States Army is testing the drones.", "U.S. Army", id="United States Army"),
])
def test_armed_service_is_its_states_body(extract_text, text, body):
    ext, _facts = extract_text(text)
    orgs = _labels(ext, "Organization")
    assert body in orgs and "Air Force" not in orgs and "Navy" not in orgs, orgs


# -- 10. officials the gazetteer knows ---------------------------------------------------------
@pytest.mark.parametrize("text, person, state", [
    P("In London, Defence Secretary John Healey said the tests would start in 2025.", "john-healey", "GBR",
      id="UK Defence Secretary from the gazetteer"),
    P("Healey told MPs the programme was on track.", "john-healey", "GBR", id="surname alone"),
    P("The letter went to Secretary of State George Schultz, a common misspelling.", "george-shultz", "USA",
      id="misspelt name of a known official",
      marks=pytest.mark.xfail(reason="the gazetteer carries no misspelt aliases: the one added for this "
                                     "fitted a single development story", strict=True)),
])
def test_known_official(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert (person, "represents", state) in facts, sorted(facts)


# -- 11. "<Body> (<ACRONYM>) <title> X": the body before the title ----------------------------
@pytest.mark.parametrize("text, person, body", [
    P('"We must act," Ministry of International Trade and Industry (MITI) Deputy Director General '
      "Masaji Yamamoto told reporters.", "masaji-yamamoto", "ministry-of-international-trade-and-industry",
      id="ministry (acronym) deputy director general"),
    P("The Semiconductor Industry Association (SIA) president Ken Dorr welcomed the move.", "ken-dorr",
      "semiconductor-industry-association", id="association (acronym) president"),
    P("Korea Trade-Investment Promotion Agency (KOTRA) director Park Min-ho opened the fair.", "park-min-ho",
      "korea-trade-investment-promotion-agency", id="agency (acronym) director"),
])
def test_title_after_body_and_acronym(extract_text, text, person, body):
    _ext, facts = extract_text(text)
    assert body in _members(facts, person), sorted(facts)


# -- 12. "the Commission" in a story about the EU ------------------------------------------------
@pytest.mark.parametrize("text, person", [
    P("European Council President Charles Michel and Commission President Ursula von der Leyen "
      "welcomed a deal between the Commission and Japan.", "ursula-von-der-leyen",
      id="the Commission beside the European Council"),
    P("The EU will act, Commission President Ursula von der Leyen said after the Commission met.",
      "ursula-von-der-leyen", id="the Commission in an EU story"),
    P("The European Union's trade chief said the Commission backed Commissioner Sefcovic.", None,
      id="the Commission and a commissioner in an EU story"),
])
def test_commission_in_an_eu_story(extract_text, text, person):
    ext, facts = extract_text(text)
    assert "European Commission" in _labels(ext, "Organization")
    if person:
        assert "european-commission" in _members(facts, person), sorted(facts)


def test_commission_without_the_eu_is_not_the_european_commission(extract_text):
    ext, _facts = extract_text("The Commission approved the merger, the Federal Trade Commission said.")
    assert "European Commission" not in _labels(ext, "Organization")


# -- export controls ---------------------------------------------------------------------------
def _controls(facts):
    """{control id: (imposers, targets, covers)}."""
    out = {}
    for s, p, o in facts:
        if p in ("imposedBy", "targets", "covers"):
            imp, tgt, cov = out.setdefault(s, (set(), set(), set()))
            {"imposedBy": imp, "targets": tgt, "covers": cov}[p].add(o)
    return {k: v for k, v in out.items() if v[0]}


def _control_of(facts, imposers):
    found = [v for v in _controls(facts).values() if v[0] == set(imposers)]
    assert found, sorted(facts)
    return found[0]


# -- 13. "X, whose curbs on ...": the relative's antecedent imposes -----------------------------
@pytest.mark.parametrize("text, imposer, target, domain", [
    P("The step aligns Seoul with Washington, whose curbs on sales of chip equipment to Chinese "
      "companies began last year.", "USA", "CHN", "semiconductors", id="whose curbs on sales"),
    P("Tokyo now matches the United States, whose restrictions on exports of advanced semiconductors "
      "to China were widened in October.", "USA", "CHN", "semiconductors", id="whose restrictions on exports"),
    P("The rules echo those of the Netherlands, whose export controls on lithography machines for "
      "Chinese buyers took effect in September.", "NLD", "CHN", "semiconductors", id="whose export controls"),
])
def test_control_of_a_relative_antecedent(extract_text, text, imposer, target, domain):
    _ext, facts = extract_text(text)
    _imp, targets, covers = _control_of(facts, [imposer])
    assert target in targets and domain in covers


# -- 14. "for X and Y to tighten controls": the infinitive's subject imposes -------------------
@pytest.mark.parametrize("text, imposers, domain", [
    P("The deal includes provisions for Japan and Australia to strengthen export controls on quantum computing.",
      {"JPN", "AUS"}, "quantum", id="provisions for X and Y to strengthen"),
    P("The pact calls for Seoul and Washington to tighten export controls on AI.",
      {"KOR", "USA"}, "artificial-intelligence", id="calls for X and Y to tighten"),
    P("The statement left room for Britain and Canada to restrict exports of quantum technology to Russia.",
      {"GBR", "CAN"}, "quantum", id="room for X and Y to restrict exports"),
])
def test_control_by_the_subject_of_a_for_infinitive(extract_text, text, imposers, domain):
    _ext, facts = extract_text(text)
    _imp, _targets, covers = _control_of(facts, imposers)
    assert domain in covers


# -- 15. "the rule, which would have capped exports": the verb the parser took for a modifier -----
@pytest.mark.parametrize("text, imposer, target", [
    P("The Commerce Department scrapped the rule, which would have capped exports of advanced AI chips "
      "to Malaysia.", "USA", "MYS", id="would have capped exports"),
    P("Washington dropped a draft regulation that would have limited shipments of chipmaking tools to India.",
      "USA", "IND", id="would have limited shipments"),
    P("Beijing withdrew a measure which would have restricted exports of rare earths to Japan.",
      "CHN", "JPN", id="would have restricted exports"),
])
def test_control_said_with_a_perfect_conditional(extract_text, text, imposer, target):
    _ext, facts = extract_text(text)
    _imp, targets, _covers = _control_of(facts, [imposer])
    assert target in targets


# -- 16. "AI chips" restrict artificial intelligence as well as semiconductors --------------------
@pytest.mark.parametrize("text, imposer", [
    P("The new rule requires licences to sell advanced AI chips to Gulf buyers, the Commerce Department said.",
      "USA", id="licences to sell AI chips"),
    P("China banned exports of AI chips to the island last month.", "CHN", id="banned exports of AI chips"),
    P("The Dutch government restricted the sale of AI chips to Russia.", "NLD", id="restricted the sale of AI chips"),
])
def test_ai_chips_cover_ai_and_semiconductors(extract_text, text, imposer):
    _ext, facts = extract_text(text)
    _imp, _targets, covers = _control_of(facts, [imposer])
    assert {"artificial-intelligence", "semiconductors"} <= covers, covers


# -- 17. never a control from a mere mention ------------------------------------------------------
@pytest.mark.parametrize("text", [
    P("Analysts discussed export controls at a conference in Seoul.", id="discussed at a conference"),
    P("Nvidia said export controls cost it billions in lost sales.", id="a company on their cost"),
    P("Reporters asked about chip curbs, but the minister declined to comment.", id="asked about"),
])
def test_no_control_from_a_mention(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts), sorted(facts)


# -- 18. a body named with its state names the state too ---------------------------------------
@pytest.mark.parametrize("text, state", [
    P("Taiwan's Ministry of Economic Affairs said the plant would need approval.", "Taiwan",
      id="state's ministry"),
    P("The Japanese Foreign Ministry lodged a protest on Friday.", "Japan", id="demonym ministry"),
    P("China's Ministry of Commerce announced the licensing rules.", "China", id="China's Ministry of Commerce"),
])
def test_state_inside_a_body_name_is_mentioned(extract_text, text, state):
    ext, _facts = extract_text(text)
    assert state in _labels(ext, "Country"), sorted((e.cls, e.label) for e in ext.entities.values())


# -- 19. "the Treasury": the finance ministry of the one state the story names -----------------
@pytest.mark.parametrize("text, body", [
    P("The Treasury said on Monday that U.S. negotiators would return to Geneva.", "Treasury Department",
      id="US story"),
    P("In Washington, the Treasury described the talks with China's ambassador as frank; the United States "
      "wants more.", "Treasury Department", id="US story, Treasury mid-sentence"),
    P("The Treasury said Britain would cut the levy next spring.", "HM Treasury", id="UK story"),
])
def test_bare_treasury_is_the_named_states(extract_text, text, body):
    ext, _facts = extract_text(text)
    assert body in _labels(ext, "Organization"), sorted((e.cls, e.label) for e in ext.entities.values())


def test_bare_treasury_with_two_states_is_left_alone(extract_text):
    ext, _facts = extract_text("The Treasury and the Bank of England said the UK and the US would cooperate.")
    assert not {"Treasury Department", "HM Treasury"} & _labels(ext, "Organization")


# -- 20. a spokesperson for a state's government or embassy acts for that state ----------------
@pytest.mark.parametrize("text, person, state", [
    P("A spokesperson for the Dutch government, Eva Smit, declined to comment.", "eva-smit", "NLD",
      id="title for the government, name"),
    P("A spokesman for the Japanese embassy, Hiro Sato, said Tokyo would respond.", "hiro-sato", "JPN",
      id="title for the embassy, name"),
    P("Anna Berg, who speaks for the Swedish government, said the talks went well.", "anna-berg", "SWE",
      id="who speaks for the government"),
])
def test_speaks_for_a_states_government(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert (person, "represents", state) in facts, sorted(facts)


# -- 21. an acronym at the end of a lower-case title is no body ---------------------------------
@pytest.mark.parametrize("text, word", [
    P("Kim Min-seok, South Korea's first vice minister of science and ICT, led the delegation.", "ICT",
      id="vice minister of science and ICT"),
    P("Ola Dahl, Norway's minister of digitalisation and ICT, met the delegation.", "ICT",
      id="minister of digitalisation and ICT"),
    P("Kim Soo-ah, the deputy minister of science and ICT, briefed reporters.", "ICT",
      id="deputy minister of science and ICT"),
])
def test_acronym_in_lowercase_title(extract_text, text, word):
    ext, _facts = extract_text(text)
    assert word not in _labels(ext, "Organization")


# -- 22. Brussels is a city (the EU's seat), not Belgium ------------------------------------------
@pytest.mark.parametrize("text", [
    P("BRUSSELS — The European Commission proposed new screening rules on Tuesday.", id="dateline"),
    P("Officials in Brussels said the EU would respond within weeks.", id="in Brussels"),
    P("Brussels and Tokyo agreed to deepen their digital partnership.", id="Brussels as an actor"),
])
def test_brussels_is_no_belgian_mention(extract_text, text):
    ext, _facts = extract_text(text)
    assert "Belgium" not in _labels(ext, "Country")


# -- 23. a hotel named after its city is a venue --------------------------------------------------
@pytest.mark.parametrize("text, place", [
    P("The two sides signed the memorandum at the Gyeongju Hilton on Wednesday.", "Gyeongju Hilton", id="Hilton"),
    P("Talks were held at the Tokyo Marriott before the summit.", "Tokyo Marriott", id="Marriott"),
    P("Delegates gathered at the Seoul Hyatt for the closing dinner.", "Seoul Hyatt", id="Hyatt"),
])
def test_city_hotel_is_a_venue(extract_text, text, place):
    ext, _facts = extract_text(text)
    assert place in _labels(ext, "Place"), sorted((e.cls, e.label) for e in ext.entities.values())


# -- 24. names of oilfields and islands are places -------------------------------------------------
@pytest.mark.parametrize("text, places", [
    P("ONGC will help develop the Yadavaran and Jufeyr oilfields, officials said.", {"Yadavaran", "Jufeyr"},
      id="list before oilfields"),
    P("The firm will drill in the Ghawar and Safaniya fields next year.", {"Ghawar", "Safaniya"},
      id="list before fields"),
    P("Iran invited bids for the Azadegan field, the oil ministry said.", {"Azadegan"}, id="one field"),
])
def test_site_names_are_places(extract_text, text, places):
    ext, _facts = extract_text(text)
    assert places <= _labels(ext, "Place"), sorted((e.cls, e.label) for e in ext.entities.values())
    assert not places & (_labels(ext, "Person") | _labels(ext, "Organization"))


# -- 25. groupings of the world and generic office words are no entities ----------------------------
@pytest.mark.parametrize("text, word", [
    P("The campus will serve customers across the Middle East and the Global South.", "Global South",
      id="Global South"),
    P("Some Administration aides questioned the plan.", "Administration", id="Administration"),
    P("Critics said the Government had been too slow.", "Government", id="Government"),
])
def test_generic_words_are_no_entities(extract_text, text, word):
    ext, _facts = extract_text(text)
    assert word not in {e.label for e in ext.entities.values()}


# -- 26. restricted lists named in other words -------------------------------------------------------
@pytest.mark.parametrize("text, imposer, target", [
    P("The Biden administration added 140 Chinese entities to its trade restriction list, the Commerce "
      "Department said.", "USA", "CHN", id="trade restriction list"),
    P("Washington put 30 Chinese firms on a trade blacklist on Tuesday.", "USA", "CHN", id="trade blacklist"),
    P("Japan added six Russian companies to its export restriction list.", "JPN", "RUS", id="export restriction list"),
])
def test_control_by_a_restricted_list(extract_text, text, imposer, target):
    _ext, facts = extract_text(text)
    _imp, targets, _covers = _control_of(facts, [imposer])
    assert target in targets


# -- 27. "stop selling ... to X", "licence requirements for X" -----------------------------------------
@pytest.mark.parametrize("text, imposer, target, domain", [
    P("The U.S. government ordered Nvidia to stop selling its H20 chip to China.", "USA", "CHN", "semiconductors",
      id="ordered to stop selling to"),
    P("The Netherlands will expand licence requirements for immersion lithography machines bound for China, "
      "the Dutch government said.", "NLD", "CHN", "semiconductors", id="licence requirements for goods"),
    P("Beijing introduced licensing rules for exports of graphite to the United States.", "CHN", "USA",
      "critical-minerals", id="licensing rules for exports"),
])
def test_control_said_as_stopping_sales_or_licence_requirements(extract_text, text, imposer, target, domain):
    _ext, facts = extract_text(text)
    _imp, targets, covers = _control_of(facts, [imposer])
    assert target in targets and domain in covers, (targets, covers)


@pytest.mark.parametrize("text", [
    P("Under the chip accord, Tokyo agreed to stop selling cut-price memory chips in world markets.",
      id="price pact, no destination"),
    P("The company said it would stop selling phones in Europe next year.", id="a company's market exit"),
    P("The firm said licence requirements for its pilots had changed.", id="licence requirements for staff"),
])
def test_no_control_from_stopping_sales_without_a_destination(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts), sorted(facts)


# -- 28. "X, the <body>'s <title>": the body at the head of the apposition -------------------------
@pytest.mark.parametrize("text, person, body", [
    P("Alan Estevez, the Commerce Department's under secretary for industry and security, testified on Tuesday.",
      "alan-estevez", "commerce-department", id="body's under secretary"),
    P("Jake Sullivan, the White House national security adviser, spoke on Friday.", "jake-sullivan",
      "white-house", id="body national security adviser"),
    P("Maria Gomez, the European Commission's chief negotiator, said talks would resume.", "maria-gomez",
      "european-commission", id="body's chief negotiator"),
])
def test_body_heading_a_title_apposition(extract_text, text, person, body):
    _ext, facts = extract_text(text)
    assert body in _members(facts, person), sorted(facts)


def test_list_of_titled_people_is_no_apposition(extract_text):
    _ext, facts = extract_text("Prime Minister Fumio Kishida, European Council President Charles Michel and "
                               "Commission President Ursula von der Leyen met in Brussels.")
    assert "european-council" not in _members(facts, "fumio-kishida"), sorted(facts)


# -- 29. a technology word or a bare possessive apostrophe inside a state's title ------------------
@pytest.mark.parametrize("text, person, state", [
    P("The Philippines' defense chief Gilberto Teodoro welcomed the move.", "gilberto-teodoro", "PHL",
      id="plural possessive, defense chief, given name missed by the model"),
    P("UAE minister of state for artificial intelligence Omar Sultan Al Olama spoke at the event.",
      "omar-al-olama", "ARE", id="domain inside the portfolio"),
    P("Japan's AI minister Kenji Sato said the rules would change.", "kenji-sato", "JPN", id="AI minister"),
    P("The Netherlands' trade minister Reinette Klever visited Beijing.", "reinette-klever", "NLD",
      id="the Netherlands' minister"),
])
def test_domain_or_apostrophe_inside_title(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert (person, "represents", state) in facts, sorted(facts)


# -- 30. "X, who heads the <body>" ----------------------------------------------------------------
@pytest.mark.parametrize("text, person, body", [
    P("Lisa Monaco, who heads the Justice Department's national security division, said the case was serious.",
      "lisa-monaco", "justice-department", id="who heads the body's division (surname like a state)"),
    P("Paul Obi, who chairs the Economic Policy Council, spoke first.", "paul-obi", "economic-policy-council",
      id="who chairs the body"),
    P("Mira Santos, who leads the Federal Communications Commission, welcomed the vote.", "mira-santos",
      "federal-communications-commission", id="who leads the body"),
])
def test_who_heads_the_body(extract_text, text, person, body):
    _ext, facts = extract_text(text)
    assert body in _members(facts, person), sorted(facts)


def test_who_led_talks_with_a_body_is_no_membership(extract_text):
    _ext, facts = extract_text("Tom Reed, who led the talks with the Commerce Department, retired.")
    assert not _members(facts, "tom-reed"), sorted(facts)


# -- 31. a state body's decision about a rule that restricts exports ------------------------------
@pytest.mark.parametrize("text, imposer", [
    P("The deal follows the Commerce Department's decision this week to rescind an earlier rule, which would "
      "have capped exports of AI chips to dozens of countries.", "USA", id="the department's decision to rescind"),
    P("Investors cheered the Commerce Department's move to scrap a rule that would have limited shipments of "
      "chipmaking tools to Malaysia.", "USA", id="the department's move to scrap"),
    P("Analysts noted the Ministry of Commerce of China's plan to drop a measure that would have restricted "
      "exports of graphite to Japan.", "CHN", id="the ministry's plan to drop"),
])
def test_control_of_a_state_body_decision(extract_text, text, imposer):
    _ext, facts = extract_text(text)
    _control_of(facts, [imposer])


def test_body_that_only_speaks_of_licences_imposes_nothing(extract_text):
    _ext, facts = extract_text('The curbs stay, even though a White House fact sheet spoke of "general licenses" '
                               "for exports of gallium.")
    assert not any(v[0] == {"USA"} for v in _controls(facts).values()), sorted(facts)


def test_plural_title_after_a_demonym_takes_that_state(extract_text):
    _ext, facts = extract_text("Australian Senators Jane Hume and Sarah Hanson-Young criticised the plan.")
    assert ("sarah-hanson-young", "represents", "AUS") in facts and \
        ("sarah-hanson-young", "represents", "USA") not in facts, sorted(facts)
