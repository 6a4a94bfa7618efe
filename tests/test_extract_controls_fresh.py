"""Golden tests (round 2, fresh phrasing): export controls told indirectly and the entities
and roles around them. Sentences are written for the project; each class has several wordings.
"""
from __future__ import annotations

import pytest

from test_extract_controls import _check, _controls

P = pytest.param


def _labels(ext, cls):
    return {e.label for e in ext.entities.values() if e.cls == cls and e.mentioned}


# -- 1. "X remain barred from receiving the chips": the barred buyers are the target -----------
@pytest.mark.parametrize("text, imposer, targets", [
    P("Washington tightened export controls on AI chips on Monday. Countries of concern, including "
      "Iran and Russia, remain barred from receiving the chips.", "USA", {"IRN", "RUS"},
      id="countries-including-remain-barred"),
    P("The United States widened its export curbs on memory chips. China and Macau will stay prohibited from "
      "acquiring the most advanced memory chips.", "USA", {"CHN", "MAC"}, id="will-stay-prohibited"),
    P("Britain extended its export licensing of semiconductor tools this week. Belarus is now barred from "
      "buying chipmaking machines.", "GBR", {"BLR"}, id="is-now-barred-from-buying"),
])
def test_barred_buyers_are_targets_not_imposers(extract_text, text, imposer, targets):
    got = _check(extract_text, text, imposer, targets)
    assert not set(targets) & set(got), f"a barred buyer taken for an imposer: {got}"


def test_committed_to_buying_is_no_control(extract_text):
    _ext, facts = extract_text("Japan will stay committed to buying more American chips.")
    assert not _controls(facts)


# -- 2. "added X to its list of ... entities": a national export-control list ----------------
@pytest.mark.parametrize("text, imposer, targets", [
    P("Taipei added two Chinese chip designers to its list of strategic high-tech commodity entities, so "
      "exporters must now seek approval before shipping to them.", "TWN", {"CHN"}, id="list-of-strategic-entities"),
    P("Seoul put three Russian distributors on its list of restricted entities, meaning exporters need a "
      "permit to ship chips to them.", "KOR", {"RUS"}, id="list-of-restricted-entities"),
    P("Japan added an Iranian drone maker to its export end-user list of entities of concern, requiring "
      "licences for all shipments.", "JPN", {"IRN"}, id="end-user-list-of-entities"),
])
def test_national_entity_lists(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


def test_a_list_of_member_entities_is_no_control(extract_text):
    _ext, facts = extract_text("The consortium added two German firms to its list of member entities.")
    assert not _controls(facts)


# -- 3. validated end-user status; goods bound for "plants in X" ------------------------------
@pytest.mark.parametrize("text, imposer, targets, covers", [
    P("The United States will revoke the validated end-user status of two Korean chipmakers' factories in "
      "China, so they will need licences for American chip tools.", "USA", {"CHN"}, {"semiconductors"},
      id="revoke-veu-status-factories-in"),
    P("Commerce said it would end the VEU program for an Intel fab in China, and chip tools shipped there "
      "will need a licence.", "USA", {"CHN"}, {"semiconductors"}, id="end-veu-program-fab-in"),
    P("The Commerce Department barred shipments of chip tools to customers in Russia and Belarus.",
      "USA", {"RUS", "BLR"}, {"semiconductors"}, id="shipments-to-customers-in"),
])
def test_validated_end_users_and_plants_in_a_state(extract_text, text, imposer, targets, covers):
    _check(extract_text, text, imposer, targets, covers)


# -- 4. "Commerce ministry spokesperson X": the context's ministry, not the US department ------
@pytest.mark.parametrize("text, person, state, body", [
    P("China's Ministry of Commerce announced new curbs on Tuesday. Commerce ministry spokesperson "
      "Lin Hua said the listed firms had acted unfairly.", "lin-hua", "CHN", "ministry-of-commerce-of-china",
      id="commerce-ministry-spokesperson"),
    P("Beijing's Ministry of Commerce put three firms on a blacklist. Commerce ministry spokesman Zhou Ming "
      "told reporters the step was lawful.", "zhou-ming", "CHN", "ministry-of-commerce-of-china",
      id="commerce-ministry-spokesman"),
    P("India's Ministry of Commerce and Industry set new rules. Commerce ministry official Ravi Menon "
      "said exporters had been consulted.", "ravi-menon", "IND", None, id="commerce-ministry-official"),
])
def test_lowercase_commerce_ministry_title(extract_text, text, person, state, body):
    _ext, facts = extract_text(text)
    states = {o for s, p, o in facts if s == person and p == "represents"}
    assert states == {state}, sorted(facts)
    members = {o for s, p, o in facts if s == person and p == "memberOf"}
    assert "commerce-department" not in members, sorted(facts)
    if body:
        assert body in members, sorted(facts)


# -- 5. a known title's words are no body; a capital in a body's name or "X-based" ------------
@pytest.mark.parametrize("text, person", [
    P("Business and Trade Secretary Jane Holt said the changes would stop leaks.", "Jane Holt", id="business-and-trade"),
    P("Culture, Media and Sport Secretary Tom Reed opened the fair.", "Tom Reed", id="culture-media-sport"),
    P("Energy and Climate Secretary Ann Boyd said the plan would work.", "Ann Boyd", id="energy-and-climate"),
])
def test_title_words_are_no_organization(extract_text, text, person):
    ext, _facts = extract_text(text)
    orgs = _labels(ext, "Organization")
    assert not any(w in o for o in orgs for w in ("Business", "Culture", "Energy")), orgs


@pytest.mark.parametrize("text, place, not_country", [
    P("The rules were agreed in COCOM, the Paris-based coordinating committee.", "Paris", "France", id="paris-based"),
    P("The London-based think tank said exports of chips had fallen.", "London", "United Kingdom", id="london-based"),
    P("A Seoul-headquartered chip designer said it would comply.", "Seoul", "South Korea", id="seoul-headquartered"),
])
def test_city_based_is_a_place(extract_text, text, place, not_country):
    ext, _facts = extract_text(text)
    assert place in _labels(ext, "Place")
    assert not_country not in _labels(ext, "Country")


def test_city_state_based_stays_a_state(extract_text):
    ext, _facts = extract_text("A Singapore-based analyst said chip exports had fallen.")
    assert "Singapore" in _labels(ext, "Country")


@pytest.mark.parametrize("text, org, not_country", [
    P("Moscow's Warsaw Pact allies were barred from buying the computers.", "Warsaw Pact", "Poland", id="warsaw-pact"),
    P("Members of the Warsaw Pact met on Monday.", "Warsaw Pact", "Poland", id="warsaw-pact-members"),
    P("The Warsaw Treaty Organization was dissolved in 1991.", "Warsaw Pact", "Poland", id="warsaw-treaty-organization"),
])
def test_capital_inside_a_body_name_is_no_state(extract_text, text, org, not_country):
    ext, _facts = extract_text(text)
    assert not_country not in _labels(ext, "Country"), _labels(ext, "Country")


# -- 6. a good that "will not be approved / licensed": a negated permission on goods ----------
@pytest.mark.parametrize("text, imposer, covers", [
    P("Export licences will be reviewed case by case, and supercomputers will not be approved for Iran, "
      "the Commerce Department said.", "USA", {"supercomputing"}, id="supercomputers-not-approved"),
    P("Under Tokyo's export rules, lithography machines are no longer licensed for Chinese buyers.",
      "JPN", {"semiconductors"}, id="no-longer-licensed"),
    P("South Korea tightened its export rules on Monday. Quantum computers will not be cleared for Russian buyers.",
      "KOR", {"quantum"}, id="would-not-be-cleared"),
])
def test_goods_not_approved(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, (), covers)


def test_a_deal_not_approved_is_no_control(extract_text):
    _ext, facts = extract_text("The chip merger was not approved by regulators, the companies said in an export filing.")
    assert not _controls(facts)


# -- 7. "the commerce ministry in Beijing": a lower-case ministry placed by its capital --------
@pytest.mark.parametrize("text, body", [
    P("The commerce ministry in Beijing said gallium shipments would need licences.",
      "Ministry of Commerce", id="commerce-ministry-in-beijing"),
    P("The foreign ministry in Tokyo declined to comment on the export rules.",
      "Ministry of Foreign Affairs", id="foreign-ministry-in-tokyo"),
    P("A statement from the trade ministry in Seoul welcomed the decision.",
      "Ministry of Trade", id="trade-ministry-in-seoul"),
])
def test_lowercase_ministry_in_capital(extract_text, text, body):
    ext, _facts = extract_text(text)
    orgs = {e.label for e in ext.entities.values() if e.cls == "Organization"}
    assert any(o.startswith(body) for o in orgs), orgs


# -- 8. "the West" is no place; Google and its parent Alphabet are two companies ---------------
@pytest.mark.parametrize("text", [
    P("China tightened mineral export rules as rivalry with the West grew.", id="rivalry-with-the-west"),
    P("Beijing accused the West of hypocrisy over chip curbs.", id="accused-the-west"),
    P("Relations between Russia and the West have soured since 2022.", id="russia-and-the-west"),
])
def test_the_west_is_no_place(extract_text, text):
    ext, _facts = extract_text(text)
    assert "West" not in _labels(ext, "Place") | _labels(ext, "Organization")


@pytest.mark.parametrize("text", [
    P("Regulators opened an antitrust probe into Google, the Alphabet unit.", id="the-alphabet-unit"),
    P("Alphabet said its Google business would appeal.", id="its-google-business"),
    P("Shares of Alphabet fell after Google was named in the probe.", id="shares-of-alphabet"),
])
def test_google_and_alphabet_are_two(extract_text, text):
    ext, _facts = extract_text(text)
    assert {"Google", "Alphabet"} <= _labels(ext, "Organization")


# -- 9. "exports of N items to X": the destination hung on the goods --------------------------
@pytest.mark.parametrize("text, imposer, targets", [
    P("South Korea will bar exports of 600 more industrial items to Russia and Belarus, including chipmaking "
      "equipment.", "KOR", {"RUS", "BLR"}, id="exports-of-items-to"),
    P("Japan banned shipments of about 300 products to Iran, among them semiconductors.", "JPN", {"IRN"},
      id="shipments-of-products-to"),
    P("Britain restricted sales of dozens of electronic components to Belarus, including microchips.",
      "GBR", {"BLR"}, id="sales-of-components-to"),
])
def test_destination_after_the_goods(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


# -- 10. "X-related" goods name the field X ------------------------------------------------
@pytest.mark.parametrize("text, imposer, covers", [
    P("Japan will add semiconductor-related products to its list of items that require export licences.",
      "JPN", {"semiconductors"}, id="semiconductor-related"),
    P("Seoul tightened export licensing for chip-related equipment bound for Russia.", "KOR", {"semiconductors"},
      id="chip-related"),
    P("The Netherlands will require export licences for quantum-related instruments.", "NLD", {"quantum"},
      id="quantum-related"),
])
def test_related_goods_name_the_field(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, (), covers)


def test_ai_powered_is_still_no_domain_mention(extract_text):
    ext, _facts = extract_text("The firm launched an AI-powered phone on Monday.")
    assert not _labels(ext, "TechnologyDomain")


# -- 11. a stateless portfolio title after the sentence naming that state's ministry ------------
@pytest.mark.parametrize("text, person, state", [
    P("Shippers will need approval for each contract, the Ministry of Economy, Trade and Industry said. "
      "Trade minister Sato Kenji said trust had been damaged.", "sato-kenji", "JPN", id="trade-minister-meti"),
    P("The Federal Ministry for Economic Affairs and Energy published the new export list. Economy Minister "
      "Hans Weber said exporters had been consulted.", "hans-weber", "DEU", id="economy-minister-bmwk"),
    P("Exporters need a permit from Monday, Taiwan's Ministry of Economic Affairs said. Economic Affairs "
      "Minister Lin Wen-chi said the rules matched those of allies.", "lin-wen-chi", "TWN", id="economic-affairs-minister"),
])
def test_portfolio_title_after_its_ministry(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert {o for s, p, o in facts if s == person and p == "represents"} == {state}, sorted(facts)


def test_other_portfolio_takes_no_state_from_the_ministry(extract_text):
    _ext, facts = extract_text("The Ministry of Economy, Trade and Industry published the list. "
                               "Health minister Ono Aki said hospitals were ready.")
    assert not {o for s, p, o in facts if s == "ono-aki" and p == "represents"}, sorted(facts)


# -- 12. "X is expected / set / said to require licences": the raised subject imposes ---------
@pytest.mark.parametrize("text, imposer, targets", [
    P("The Netherlands is expected to require licences for exports of older lithography machines to China.",
      "NLD", {"CHN"}, id="is-expected-to-require"),
    P("Japan is set to curb shipments of chipmaking equipment to China, officials said.", "JPN", {"CHN"},
      id="is-set-to-curb"),
    P("South Korea is said to be planning restrictions on exports of memory chips to Russia.", "KOR", {"RUS"},
      id="is-said-to-be-planning"),
])
def test_raised_subject_imposes(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


def test_expected_to_protest_imposes_nothing(extract_text):
    _ext, facts = extract_text("China is expected to protest against the export curbs on chips.")
    assert "CHN" not in _controls(facts)


# -- 13. a firm "placed on" a kept list: the keeper imposes, the firm's state is the target ----
@pytest.mark.parametrize("text, imposer, target", [
    P("Yangtze Memory, China's top memory chipmaker, was among 31 entities placed on the Unverified List.",
      "USA", "CHN", id="appositive-placed-on-unverified-list"),
    P("Skydio, an American drone maker, was added to the unreliable entity list on Friday.", "CHN", "USA",
      id="appositive-added-to-unreliable-entity-list"),
    P("Inspur, China's biggest server maker, was among the firms added to the Entity List this week.", "USA", "CHN",
      id="appositive-named-to-entity-list"),
])
def test_list_keeper_imposes(extract_text, text, imposer, target):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    assert imposer in got and target in got[imposer]["targets"], got
    assert target not in got, f"the listed firm's state taken for an imposer: {got}"


# -- 14. "..., a step/move that will curb sales to X": the step is the control just named -----
@pytest.mark.parametrize("text, imposer, targets", [
    P("The Netherlands will require licences for exports of older lithography machines from September, "
      "a step that may curb sales to China.", "NLD", {"CHN"}, id="a-step-that-may-curb"),
    P("Japan added 23 items to its export list on Friday, a move that will restrict shipments of chip tools "
      "to China.", "JPN", {"CHN"}, id="a-move-that-will-restrict"),
    P("Britain published new export rules for quantum computers, a decision that will limit sales to Iran.",
      "GBR", {"IRN"}, id="a-decision-that-will-limit"),
])
def test_step_that_restricts(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


def test_a_company_move_is_no_state_control(extract_text):
    _ext, facts = extract_text("Analysts said the move by Samsung to halt exports of memory chips to Russia was commercial.")
    assert not _controls(facts)


# -- 15. "a spokesman for the embassy" after "China's embassy said": that state ---------------
@pytest.mark.parametrize("text, person, state", [
    P("China's embassy in Washington called the listings unfair. Zhao Wei, a spokesman for the embassy, "
      "urged a rethink.", "zhao-wei", "CHN", id="spokesman-for-the-embassy"),
    P("The Japanese embassy in Seoul declined to comment. A spokeswoman for the embassy, Aiko Mori, said "
      "talks would go on.", "aiko-mori", "JPN", id="spokeswoman-for-the-embassy-before-name"),
    P("Russia's embassy in London called the curbs illegal. Ivan Petrov, a spokesman at the embassy, said "
      "Moscow would respond.", "ivan-petrov", "RUS", id="spokesman-at-the-embassy"),
])
def test_spokesperson_of_the_embassy_named_before(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert {o for s, p, o in facts if s == person and p == "represents"} == {state}, sorted(facts)


# -- 16. company names with European legal suffixes are organisations -----------------------
@pytest.mark.parametrize("text, org", [
    P("Suppliers such as Merck KGaA said they would comply with the rules.", "Merck KGaA", id="kgaa"),
    P("Shares of Wacker Chemie AG fell after the export curbs were announced.", "Wacker Chemie", id="ag"),
    P("Ericsson AB said it had stopped deliveries to Russia.", "Ericsson", id="ab"),
])
def test_legal_suffix_companies(extract_text, text, org):
    ext, _facts = extract_text(text)
    assert any(o.startswith(org) for o in _labels(ext, "Organization")), _labels(ext, "Organization")
    assert not _labels(ext, "Person")


# -- 17. "the Bureau, headed by X,": the head belongs to the body -----------------------------
@pytest.mark.parametrize("text, person, body", [
    P("The Bureau of Industry and Security, headed by Jeffrey Kessler, added 80 firms to the Entity List.",
      "jeffrey-kessler", "bureau-of-industry-and-security", id="headed-by"),
    P("Beijing's Ministry of Commerce, led by Wang Wentao, said it would respond to the curbs.",
      "wang-wentao", "ministry-of-commerce-of-china", id="led-by"),
    P("The European Commission, headed by President Ursula von der Leyen, proposed new export rules.",
      "ursula-von-der-leyen", "european-commission", id="headed-by-titled"),
])
def test_body_headed_by(extract_text, text, person, body):
    _ext, facts = extract_text(text)
    assert body in {o for s, p, o in facts if s == person and p == "memberOf"}, sorted(facts)


def test_company_led_by_is_no_membership(extract_text):
    _ext, facts = extract_text("Samsung, led by Park Min-ho, said it would comply with the rules.")
    assert not {o for s, p, o in facts if s == "park-min-ho" and p == "memberOf"}, sorted(facts)


# -- 18. waivers for shipments; tighter screening / scrutiny of exports --------------------
@pytest.mark.parametrize("text, imposer, targets, covers", [
    P("The United States told the chipmaker it will stop granting waivers for shipments of American chip tools "
      "to its plant in China.", "USA", {"CHN"}, {"semiconductors"}, id="stop-granting-waivers"),
    P("Washington revoked the export waivers that let suppliers ship memory chips to Huawei.", "USA", {"CHN"},
      {"semiconductors"}, id="revoked-waivers-that-let"),
    P("Japan said it would tighten its screening of chipmaking equipment exports to Russia.", "JPN", {"RUS"},
      {"semiconductors"}, id="tighten-screening-of-exports"),
    P("Washington will step up scrutiny of chip exports to the Middle East, officials said.", "USA", (),
      {"semiconductors"}, id="step-up-scrutiny-of-exports"),
    P("South Korea announced stricter vetting of exports of semiconductor equipment to China.", "KOR", {"CHN"},
      {"semiconductors"}, id="stricter-vetting-of-exports"),
])
def test_waivers_and_screening(extract_text, text, imposer, targets, covers):
    _check(extract_text, text, imposer, targets, covers)


def test_scrutiny_of_a_merger_is_no_control(extract_text):
    _ext, facts = extract_text("The Senate will increase its scrutiny of the chip merger.")
    assert not _controls(facts)


# -- 19. "X, the minister of trade, industry and energy,": a ministry only one state has -------
@pytest.mark.parametrize("text, person, state", [
    P("Seoul will drop Tokyo from its list. Park Ji-won, the minister of trade, industry and energy, said the "
      "change would take effect soon.", "park-ji-won", "KOR", id="motie-apposition"),
    P("Tokyo tightened the rules. Kenji Sato, minister of economy, trade and industry, said trust had been damaged.",
      "kenji-sato", "JPN", id="meti-apposition"),
    P("The curbs were widened. Taro Ishii, the minister of international trade and industry, defended them.",
      "taro-ishii", "JPN", id="miti-apposition"),
])
def test_unique_ministry_in_lowercase_apposition(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert {o for s, p, o in facts if s == person and p == "represents"} == {state}, sorted(facts)


def test_common_portfolio_apposition_gives_no_state(extract_text):
    _ext, facts = extract_text("Talks resumed. Lee Min-ho, the minister of foreign affairs, said progress was made.")
    assert not {o for s, p, o in facts if s == "lee-min-ho" and p == "represents"}, sorted(facts)


# -- 20. the sentence before is found across a paragraph break --------------------------------
@pytest.mark.parametrize("text, person, state", [
    P("Exporters will need approval for each contract, the Ministry of Economy, Trade and Industry said.\n\n"
      "Trade minister Sato Kenji said trust had been damaged.", "sato-kenji", "JPN", id="portfolio-after-paragraph"),
    P("China's embassy in Washington called the listings unfair.\n\nZhao Wei, a spokesman for the embassy, urged "
      "a rethink.", "zhao-wei", "CHN", id="embassy-after-paragraph"),
    P("China's Ministry of Commerce announced new curbs on Tuesday.\n\nCommerce ministry spokesperson Lin Hua "
      "said the listed firms had acted unfairly.", "lin-hua", "CHN", id="ministry-after-paragraph"),
])
def test_previous_sentence_across_paragraphs(extract_text, text, person, state):
    _ext, facts = extract_text(text)
    assert {o for s, p, o in facts if s == person and p == "represents"} == {state}, sorted(facts)


def test_raised_subject_reaches_a_step_that_curbs(extract_text):
    text = ("The Netherlands is expected to require licences for exports of older lithography machines, according "
            "to rules published on Friday, a step that may curb ASML Holding NV's sales to China.")
    _check(extract_text, text, "NLD", {"CHN"}, {"semiconductors"})
