"""Golden tests for export controls: triggers said with verbs and nouns, imposers from the
parse, targets from the trigger's arguments (sentences written for the project)."""
from __future__ import annotations

import pytest

P = pytest.param


def _controls(facts):
    """{imposer: {"targets": {...}, "covers": {...}}} from the extracted facts."""
    by_event: dict[str, dict[str, set]] = {}
    for s, p, o in facts:
        if p in ("imposedBy", "targets", "covers"):
            by_event.setdefault(s, {"imposedBy": set(), "targets": set(), "covers": set()})[p].add(o)
    out: dict[str, dict[str, set]] = {}
    for ev in by_event.values():
        for who in ev["imposedBy"]:
            slot = out.setdefault(who, {"targets": set(), "covers": set()})
            slot["targets"] |= ev["targets"]
            slot["covers"] |= ev["covers"]
    return out


def _check(extract_text, text, imposer, targets=(), covers=()):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    assert imposer in got, f"no control imposed by {imposer}; got {got}"
    assert set(targets) <= got[imposer]["targets"], f"targets of {imposer}: {got[imposer]}"
    assert set(covers) <= got[imposer]["covers"], f"covers of {imposer}: {got[imposer]}"
    return got


@pytest.mark.parametrize("text, imposer, targets, covers", [
    P("Beijing will ban exports of gallium to the United States from next month.",
      "CHN", {"USA"}, {"critical-minerals"}, id="ban-exports-of-to"),
    P("Tokyo moved to restrict the export of photoresists to South Korea.",
      "JPN", {"KOR"}, {"semiconductors"}, id="restrict-the-export-of"),
    P("The Netherlands curbed shipments of lithography machines to China last year.",
      "NLD", {"CHN"}, {"semiconductors"}, id="curbed-shipments"),
    P("Seoul plans to limit sales of memory chips to Russia.",
      "KOR", {"RUS"}, {"semiconductors"}, id="plans-to-limit-sales"),
])
def test_controls_said_with_a_verb(extract_text, text, imposer, targets, covers):
    _check(extract_text, text, imposer, targets, covers)


@pytest.mark.parametrize("text, imposer, targets, covers", [
    P("The Commerce Department tightened rules on sales of chipmaking tools to the PRC.",
      "USA", {"CHN"}, {"semiconductors"}, id="rules-on-sales-of"),
    P("Japan's curbs on sales of chip equipment to Chinese firms take effect in July.",
      "JPN", {"CHN"}, {"semiconductors"}, id="possessive-curbs-on-sales"),
    P("Britain introduced licensing requirements for shipments of quantum computers to Iran.",
      "GBR", {"IRN"}, {"quantum"}, id="licensing-requirements-for-shipments"),
    P("Exporters face new hurdles. Washington imposed sweeping controls on advanced chips, a step aimed at Beijing.",
      "USA", {"CHN"}, {"semiconductors"}, id="controls-on-goods-aimed-at-capital"),
])
def test_controls_said_with_a_noun(extract_text, text, imposer, targets, covers):
    _check(extract_text, text, imposer, targets, covers)


@pytest.mark.parametrize("text, imposer, covers", [
    P("Exports of germanium will need government licences from August, China's commerce ministry said.",
      "CHN", {"critical-minerals"}, id="exports-will-need-licences-ministry-said"),
    P("Under the new rule, Japanese companies must obtain permits before shipping industrial robots abroad, "
      "Tokyo said.",
      "JPN", {"robotics"}, id="permits-before-shipping"),
    P("India said it would require licences for exports of drones.",
      "IND", {"defense"}, id="it-would-require-licences"),
])
def test_controls_said_as_a_licence_requirement(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, (), covers)


@pytest.mark.parametrize("text, imposer, targets", [
    P("Washington added 140 Chinese companies to the Entity List on Monday.",
      "USA", {"CHN"}, id="added-to-entity-list"),
    P("The United States blacklisted dozens of Russian entities over the war.",
      "USA", {"RUS"}, id="blacklisted"),
    P("Japan's cabinet decided to remove South Korea from its white list of trusted trading partners.",
      "JPN", {"KOR"}, id="removed-from-white-list"),
    P("Seoul responded by dropping Japan from its own list of trusted trade partners.",
      "KOR", {"JPN"}, id="responded-by-dropping"),
])
def test_controls_said_with_a_list(extract_text, text, imposer, targets):
    got = _check(extract_text, text, imposer, targets)
    assert not set(targets) & set(got), f"a target became an imposer: {got}"


@pytest.mark.parametrize("text, imposer, targets", [
    P("Canada banned exports of drones to the Islamic Republic of Iran.", "CAN", {"IRN"}, id="full-name"),
    P("Australia restricted sales of quantum sensors to Chinese buyers.", "AUS", {"CHN"}, id="demonym-buyers"),
    P("Germany imposed export controls on machine tools in a move aimed at Moscow.",
      "DEU", {"RUS"}, id="aimed-at-capital"),
    P("The European Union tightened export curbs on chips targeting Russia.",
      "European Union", {"RUS"}, id="targeting"),
])
def test_controls_target_is_the_state_named(extract_text, text, imposer, targets):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    key = next((k for k in got if k.lower().replace("-", " ").startswith(imposer.lower())), None)
    assert key is not None, f"no control by {imposer}: {got}"
    assert set(targets) <= got[key]["targets"], got


@pytest.mark.parametrize("text, imposer, not_imposer", [
    P("Washington tightened export controls on AI chips amid concerns that China could access them.",
      "USA", "CHN", id="state-merely-mentioned"),
    P("China criticised the US export curbs on chipmaking equipment.", "USA", "CHN", id="critic-is-not-imposer"),
    P("The U.S. pressed the Netherlands to restrict sales of chipmaking tools to China.",
      "NLD", "USA", id="pressed-x-to-restrict"),
    P("The Dutch government, under pressure from Washington, expanded export licences for chipmaking tools.",
      "NLD", "USA", id="pressure-from-is-not-imposer"),
])
def test_controls_imposer_is_an_argument_not_a_neighbour(extract_text, text, imposer, not_imposer):
    got = _check(extract_text, text, imposer)
    assert not_imposer not in got, f"{not_imposer} is not an imposer here: {got}"
    assert not_imposer not in got[imposer]["targets"] or not_imposer == "CHN"


@pytest.mark.parametrize("text, imposer", [
    P("China's commerce ministry announced curbs on graphite exports.", "CHN", id="ministry-of-a-state"),
    P("The Bureau of Industry and Security published new export rules for supercomputers.", "USA",
      id="agency-of-a-state"),
    P("BEIJING — The ministry said exports of rare earths would need a licence.", "CHN", id="dateline"),
])
def test_controls_imposer_from_a_body_or_the_dateline(extract_text, text, imposer):
    _check(extract_text, text, imposer)


@pytest.mark.parametrize("text", [
    P("China's exports of solar panels to Europe rose sharply in May.", id="trade-figures"),
    P("Japan boosted shipments of chips to the United States.", id="boosted-shipments"),
    P("Officials discussed the sale of the chipmaker to a Japanese group.", id="sale-of-a-company"),
    P("Exporters worry that Japan is trying to acquire control of a U.S. computer maker.", id="control-of-a-company"),
])
def test_controls_none_without_a_restriction(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts), _controls(facts)


@pytest.mark.parametrize("text, imposer, not_imposers", [
    P("The EU keeps an arms embargo on China. France and Germany want the embargo lifted soon.",
      "European Union", {"FRA", "DEU"}, id="the-embargo-wanted-lifted"),
    P("Japan imposed export curbs on photoresists. Seoul argues that the curbs break trade rules.",
      "JPN", {"KOR"}, id="the-curbs-argued-about"),
    P("Washington restricted exports of AI chips last year. Beijing said the restrictions hurt trade.",
      "USA", {"CHN"}, id="the-restrictions-said-to-hurt"),
])
def test_controls_definite_refers_back(extract_text, text, imposer, not_imposers):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    assert any(k.lower().replace("-", " ").startswith(imposer.lower()) for k in got), got
    assert not not_imposers & set(got), f"a later speaker became an imposer: {got}"


@pytest.mark.parametrize("text", [
    P("The European Commission granted export licences for 50,000 tonnes of barley.", id="grain-licences"),
    P("Washington will never again embargo shipments of farm products.", id="farm-embargo"),
    P("Canada issued an export licence to sell natural gas to the United States.", id="gas-licence"),
    P("A Canadian law prohibiting exports of unprocessed herring was challenged in Geneva.", id="fish-ban"),
])
def test_controls_commodity_trade_policy_is_not_a_technology_control(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts), _controls(facts)


@pytest.mark.parametrize("text, imposer, target, not_target", [
    P("Japan tightened restrictions on chip exports to countries other than the United States.",
      "JPN", None, "USA", id="other-than"),
    P("The Netherlands requires licences to export lithography tools to destinations outside the European Union.",
      "NLD", None, "European Union", id="outside"),
    P("Britain applies its arms embargo to Iran but not to Qatar.", "GBR", "IRN", "QAT", id="but-not-to"),
])
def test_controls_target_exclusions(extract_text, text, imposer, target, not_target):
    got = _check(extract_text, text, imposer, {target} if target else ())
    assert not_target not in got[imposer]["targets"], got


@pytest.mark.parametrize("text, imposer, targets", [
    P("Washington barred American firms from selling advanced chips to China.", "USA", {"CHN"},
      id="barred-from-selling"),
    P("Tokyo banned the machine-tool maker from exporting industrial robots to Russia for a year.", "JPN", {"RUS"},
      id="banned-from-exporting"),
    P("The Commerce Department prohibited chipmakers from shipping AI chips to Iran.", "USA", {"IRN"},
      id="prohibited-from-shipping"),
])
def test_controls_said_as_a_bar_on_exporting(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


@pytest.mark.parametrize("text, imposer, target", [
    P("The United States added Huawei to the Entity List in May.", "USA", "CHN", id="company-on-entity-list"),
    P("Washington placed SMIC on its entity list over military ties.", "USA", "CHN", id="smic-placed-on-list"),
    P("Japan restricted exports of photoresists to Samsung Electronics.", "JPN", "KOR", id="exports-to-a-company"),
])
def test_controls_target_is_a_company_home_state(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, {target})


@pytest.mark.parametrize("text, imposer, target", [
    P("Exporters face new rules as the US-led effort to keep advanced chip technology out of Chinese hands widens.",
      "USA", "CHN", id="keep-out-of-hands"),
    P("Washington applied the rules as part of its campaign to limit Chinese access to advanced chipmaking tools.",
      "USA", "CHN", id="limit-access"),
    P("Export curbs are widening: Washington moved to curb China's ability to make advanced chips.",
      "USA", "CHN", id="curb-ability"),
    P("The export rules let the European Union deny Russia access to machine tools.", "European Union", "RUS",
      id="deny-access"),
])
def test_controls_said_as_denial_of_access(extract_text, text, imposer, target):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    key = next((k for k in got if k.lower().replace("-", " ").startswith(imposer.lower())), None)
    assert key is not None, f"no control by {imposer}: {got}"
    assert target in got[key]["targets"], got


@pytest.mark.parametrize("text, imposers, target", [
    P("Export controls imposed by the US, Japan and the Netherlands have cut China off from lithography tools.",
      {"USA", "JPN", "NLD"}, "CHN", id="imposed-by-list-cut-off"),
    P("Restrictions on chip exports introduced by Tokyo last year cut Russia off from advanced semiconductors.",
      {"JPN"}, "RUS", id="introduced-by"),
    P("Licensing rules for exports adopted by Britain have cut Iran off from drones.", {"GBR"}, "IRN",
      id="adopted-by"),
])
def test_controls_imposer_as_agent_of_a_participle(extract_text, text, imposers, target):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    assert imposers <= set(got), got
    assert all(target in got[i]["targets"] for i in imposers), got


@pytest.mark.parametrize("text, imposer", [
    P("Chinese regulators will require exporters of drones to apply for licences.", "CHN",
      id="require-exporters-to-apply"),
    P("Seoul will oblige shippers of memory chips to seek a permit before exporting them.", "KOR",
      id="oblige-to-seek-permit"),
    P("From June, Canadian firms must obtain a licence before they ship quantum sensors abroad, Ottawa said.",
      "CAN", id="must-obtain-licence-before-ship"),
])
def test_controls_as_licence_duty(extract_text, text, imposer):
    _check(extract_text, text, imposer)


@pytest.mark.parametrize("text, imposer, targets", [
    P("Exporters are worried. Washington's new curbs, announced on Monday, target Chinese chipmakers.",
      "USA", {"CHN"}, id="curbs-target-chipmakers"),
    P("Shipments stalled after Japan's restrictions aimed at South Korea took effect.", "JPN", {"KOR"},
      id="restrictions-aimed-at"),
    P("Exporters are worried. The restrictions apply to exports to Iran and Russia, Tokyo said.", "JPN",
      {"IRN", "RUS"}, id="restrictions-apply-to-exports"),
])
def test_controls_named_by_its_aim(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


@pytest.mark.parametrize("text, imposer, targets", [
    P("The rules restrict the ability of the PRC to obtain advanced chips, BIS said.", "USA", {"CHN"},
      id="rules-restrict-ability-bis-said"),
    P("MOFCOM announced export control measures on rare earth items shipped to the United States.", "CHN",
      {"USA"}, id="export-control-measures"),
    P("The new regulations limit Russian access to machine tools, the European Commission said.",
      "European Union", {"RUS"}, id="regulations-limit-access-commission-said"),
])
def test_controls_instrument_as_subject(extract_text, text, imposer, targets):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    key = next((k for k in got if k.lower().replace("-", " ").startswith(imposer.lower())), None)
    assert key is not None, f"no control by {imposer}: {got}"
    assert targets <= got[key]["targets"], got


@pytest.mark.parametrize("text, imposer, targets", [
    P("Exporters are nervous. Shipments of graphite to the United States will not be permitted, Beijing said.",
      "CHN", {"USA"}, id="shipments-not-permitted"),
    P("Exports of drones to Russia will no longer be allowed, Tokyo announced.", "JPN", {"RUS"},
      id="exports-no-longer-allowed"),
    P("Sales of quantum sensors to Iran were never authorised by Ottawa.", "CAN", {"IRN"},
      id="sales-never-authorised"),
])
def test_controls_said_as_refused_permission(extract_text, text, imposer, targets):
    _check(extract_text, text, imposer, targets)


@pytest.mark.parametrize("text, imposer, other", [
    P("Beijing prohibited exports of gallium to the United States in July. In October Washington tightened "
      "curbs on chip sales to China. Analysts said the ban shows China will use its grip on critical minerals.",
      "CHN", "USA", id="the-ban-after-prohibited"),
    P("Tokyo banned shipments of photoresists to South Korea in July. A month later Seoul restricted exports of "
      "machine tools to Japan. Traders said the ban would hit makers of lithium-ion batteries hard.",
      "JPN", "KOR", id="the-ban-after-banned"),
    P("The Netherlands barred sales of lithography tools to China in 2023. Washington later tightened controls "
      "on exports of AI chips. Industry groups said the prohibition hurt suppliers of rare earths too.",
      "NLD", "USA", id="the-prohibition-after-barred"),
])
def test_controls_definite_refers_back_to_the_same_kind(extract_text, text, imposer, other):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    assert imposer in got and other in got, got
    later = {"critical-minerals", "batteries"}
    assert not later & got[other]["covers"], f"the later sentence joined the wrong control: {got}"
    assert later & got[imposer]["covers"], f"the later sentence did not join {imposer}: {got}"


@pytest.mark.parametrize("text, imposer, not_target", [
    P("Japan tightened export controls on chipmaking tools in response to China's military build-up.",
      "JPN", "CHN", id="in-response-to"),
    P("According to Germany, the Dutch restrictions on exports of lithography tools took effect in September.",
      "NLD", "DEU", id="according-to"),
    P("Washington banned exports of AI chips, citing a threat to American security and close ties to Russia.",
      "USA", "RUS", id="threat-to-ties-to"),
])
def test_controls_target_is_a_destination_not_any_to(extract_text, text, imposer, not_target):
    got = _check(extract_text, text, imposer)
    assert not_target not in got[imposer]["targets"], got


@pytest.mark.parametrize("text, imposer, target", [
    P("Washington slapped restrictions on Huawei's access to American technology.", "USA", "CHN",
      id="restrictions-on-access"),
    P("Russia was cut off from Western technology by the European Union.", "European Union", "RUS",
      id="passive-cut-off"),
    P("The Commerce Department issued a temporary denial order against the Russian airline.", "USA", "RUS",
      id="denial-order"),
])
def test_controls_said_as_restricted_access(extract_text, text, imposer, target):
    _ext, facts = extract_text(text)
    got = _controls(facts)
    key = next((k for k in got if k.lower().replace("-", " ").startswith(imposer.lower())), None)
    assert key is not None and target in got[key]["targets"], got


@pytest.mark.parametrize("text, imposer", [
    P("Japan's trade ministry said it would add 23 types of equipment to its list of export-controlled items.",
      "JPN", id="list-of-export-controlled-items"),
    P("Exporters worry: the US expanded its chip curbs on Monday.", "USA", id="chip-curbs"),
    P("Seoul put nine drone parts on its list of items needing export licences.", "KOR", id="items-needing-licences"),
])
def test_controls_said_as_a_list_of_goods(extract_text, text, imposer):
    _check(extract_text, text, imposer)


@pytest.mark.parametrize("text, not_imposer", [
    P("Japanese car makers will curb their exports of electric vehicles to Europe.", "JPN",
      id="companies-curb-exports"),
    P("Chinese estimates put the cost of the ban on exports of chips at 10 billion dollars.", "CHN",
      id="demonym-on-estimates"),
    P("American chipmakers said they would halt shipments of memory chips to retailers.", "USA",
      id="companies-halt-shipments"),
])
def test_controls_state_adjective_on_a_company_is_not_an_imposer(extract_text, text, not_imposer):
    _ext, facts = extract_text(text)
    assert not_imposer not in _controls(facts), _controls(facts)


@pytest.mark.parametrize("text, imposer, covers", [
    P("Washington imposed new export controls on Monday. The rules cover AI chips and supercomputers.",
      "USA", {"semiconductors", "supercomputing"}, id="the-rules-cover"),
    P("Beijing tightened export licensing last week. The measures apply to graphite and rare earths.",
      "CHN", {"critical-minerals"}, id="the-measures-apply-to"),
    P("Tokyo announced export curbs in July. The requirements include lithium-ion batteries.",
      "JPN", {"batteries"}, id="the-requirements-include"),
])
def test_controls_definite_instrument_says_what_is_covered(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, (), covers)


@pytest.mark.parametrize("text", [
    P("Japan imposed export curbs on chips. G7 leaders agreed to ban exports of dual-use goods to Russia.",
      id="g7-leaders-agreed"),
    P("Japan imposed export curbs on chips. COCOM members decided to restrict sales of computers to Moscow.",
      id="cocom-members-decided"),
    P("Japan imposed export curbs on chips. The Quad pledged to limit exports of drones to Russia.",
      id="quad-pledged"),
])
def test_controls_grouping_subject_is_not_guessed_from_context(extract_text, text):
    got = _controls(extract_text(text)[1])
    assert "RUS" not in got.get("JPN", {}).get("targets", set()), f"a grouping's control went to Japan: {got}"


@pytest.mark.parametrize("text, imposer, target", [
    P("Huawei was added to the Entity List in 2019.", "USA", "CHN", id="passive-entity-list"),
    P("Dozens of Chinese firms were placed on the Entity List last year.", "USA", "CHN", id="placed-on-entity-list"),
    P("Beijing put Lockheed Martin on its unreliable entity list.", "CHN", "USA", id="unreliable-entity-list"),
])
def test_controls_a_states_own_list_names_its_keeper(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, {target})


@pytest.mark.parametrize("text", [
    P("Coffee producers met in London on quotas. Brazil said it would restrict shipments to Europe.",
      id="coffee-quota-story"),
    P("The sugar tender drew bids for 60,000 tonnes. There was no requirement on shipping periods, the "
      "European Union said.",
      id="sugar-tender-story"),
    P("Wheat and maize prices fell. Argentina suspended export licences for two weeks, traders said.",
      id="wheat-story"),
])
def test_controls_none_in_a_commodity_story(extract_text, text):
    assert not _controls(extract_text(text)[1])


@pytest.mark.parametrize("text, not_imposer", [
    P("Japan imposed export curbs on chips. A weak dollar and slow trade are factors which would restrain "
      "exports of computers.", "JPN", id="factors-which-restrain"),
    P("Korea restricted chip exports in May. Tariffs, which limit sales of cars abroad, hurt the economy.",
      "KOR", id="tariffs-which-limit"),
    P("China banned gallium exports in July. High prices, which curb shipments of chips abroad, worry buyers.",
      "CHN", id="prices-which-curb"),
])
def test_controls_relative_clause_subject_is_its_antecedent(extract_text, text, not_imposer):
    got = _controls(extract_text(text)[1])
    # the second sentence's cause is not a state: the first control gets nothing from it
    assert got.get(not_imposer, {}).get("covers", set()) <= {"semiconductors", "critical-minerals"}, got
    assert len(got) == 1, got


@pytest.mark.parametrize("text", [
    P("President Reagan will impose curbs on Japanese exports of chips as planned.", id="curbs-on-japanese-exports"),
    P("Washington restricted China's exports of solar panels with new tariffs.", id="restricted-chinas-exports"),
    P("Brussels placed limits on Korean exports of steel pipes.", id="limits-on-korean-exports"),
])
def test_controls_none_on_another_states_exports(extract_text, text):
    """Restricting another state's exports is an import barrier, not an export control."""
    got = _controls(extract_text(text)[1])
    assert not got, got


@pytest.mark.parametrize("text, imposer, target", [
    P("Exporters worry. Chinese companies will be barred from buying advanced AI chips, the Commerce Department "
      "said.", "USA", "CHN", id="barred-from-buying"),
    P("Exporters worry. Washington banned Huawei from purchasing semiconductors made with American tools.",
      "USA", "CHN", id="banned-from-purchasing"),
    P("Export rules tightened: Tokyo prohibited Russian firms from obtaining chipmaking equipment.", "JPN", "RUS",
      id="prohibited-from-obtaining"),
])
def test_controls_buyers_barred_from_buying_are_targets(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, {target})


@pytest.mark.parametrize("text, imposer, covers", [
    P("Washington widened its chip export curbs on Tuesday.", "USA", {"semiconductors"}, id="chip-export-curbs"),
    P("Tokyo announced a ban on exports of chipmaking tools to Russia.", "JPN", {"semiconductors"},
      id="ban-on-chipmaking-tools"),
    P("Seoul will require licences for shipments of microchips to Iran.", "KOR", {"semiconductors"},
      id="licences-for-microchips"),
])
def test_controls_lone_chip_word_covers_semiconductors(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text, imposer, target", [
    P("Washington cancelled permits that allowed two firms to sell processors to Huawei.",
      "USA", "CHN", id="permits-to-sell-to-company"),
    P("Ottawa refused licences that would let local makers ship drones to Iran.",
      "CAN", "IRN", id="licences-to-ship-to-state"),
    P("London revoked licences that let exporters sell radar parts to Russia.",
      "GBR", "RUS", id="revoked-licences-sell-to"),
])
def test_controls_target_is_the_buyer_of_a_sale_verb(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, covers", [
    P("The Commerce Department published a rule capping how many AI chips can be shipped to most countries.",
      "USA", {"semiconductors"}, id="rule-capping-chips-shipped"),
    P("Beijing capped the volume of rare earths that may be shipped abroad each year.",
      "CHN", {"critical-minerals"}, id="capped-volume-shipped"),
    P("Tokyo will cap exports of advanced chipmaking equipment to Chinese buyers.",
      "JPN", {"semiconductors"}, id="cap-exports"),
])
def test_controls_said_as_a_cap(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text, imposer, target", [
    P("Beijing again urged Washington to ease its restrictions on exports of high technology to China. "
      "Steel and textile quotas were also discussed.", "USA", None, id="high-technology-with-commodities"),
    P("Officials in Moscow said U.S. curbs on technology transfers hurt trade in grain and oil.",
      "USA", None, id="technology-transfer-curbs-commodity-story"),
    P("The talks covered wheat, cotton and Washington's export controls on high-tech goods.",
      "USA", None, id="high-tech-export-controls-commodity-story"),
])
def test_controls_technology_story_with_commodities_is_not_switched_off(extract_text, text, imposer, target):
    _check(extract_text, text, imposer)


@pytest.mark.parametrize("text, imposer, covers", [
    P("Washington is weighing new curbs on sales of AI chips, officials said.",
      "USA", {"semiconductors"}, id="weighing-curbs-on-sales"),
    P("Canada is preparing tighter limits on exports of quantum sensors to Iran.",
      "CAN", {"quantum"}, id="preparing-limits-on-exports"),
    P("Berlin has drafted fresh restrictions on shipments of robotics equipment to Russia.",
      "DEU", {"robotics"}, id="drafted-restrictions-on-shipments"),
])
def test_controls_noun_argument_hung_on_the_verb(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text, imposer, target", [
    P("Japan said it would stop shipments of semiconductors to Russian buyers.", "JPN", "RUS", id="stop-shipments"),
    P("Australia will cease exports of drone parts to Iran from June.", "AUS", "IRN", id="cease-exports"),
    P("Seoul froze sales of battery equipment to North Korea.", "KOR", "PRK", id="froze-sales"),
])
def test_controls_said_as_stopping_trade(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, target", [
    P("US export controls cover only part of the equipment American firms are selling to Vietnam.",
      "USA", "VNM", id="controls-with-goods-sold-to"),
    P("Japan's export curbs barely dented the volume of machinery its companies shipped to Russia last year.",
      "JPN", "RUS", id="curbs-with-goods-shipped-to"),
    P("Dutch export licences are now needed for much of the equipment that ASML sells to China.",
      "NLD", "CHN", id="licensing-rules-with-systems-sold-to"),
])
def test_controls_target_is_the_destination_of_trade_in_the_sentence(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, not_imposer", [
    P("A column by China's trade counsellor in Washington ran on Monday. He listed curbs on technology "
      "transfer among the obstacles to trade.", "CHN", id="he-after-two-states"),
    P("An envoy of Vietnam met officials in Tokyo. She named licensing rules for high-tech exports as a "
      "hurdle.", "VNM", id="she-after-two-states"),
    P("India's ambassador in Moscow gave an interview. He criticised restrictions on technology "
      "transfers as outdated.", "IND", id="he-criticised-after-two-states"),
])
def test_controls_pronoun_after_two_states_is_not_guessed(extract_text, text, not_imposer):
    _ext, facts = extract_text(text)
    assert not_imposer not in _controls(facts)


@pytest.mark.parametrize("text, imposer, target", [
    P("Ottawa imposed curbs on exports of oil and gas equipment to Iran.", "CAN", "IRN", id="oil-and-gas-equipment"),
    P("The United States lifted its controls on sales of oil drilling equipment to the Soviet Union.",
      "USA", "SUN", id="oil-drilling-equipment"),
    P("Japan banned shipments of steel mill equipment to North Korea.", "JPN", "PRK", id="steel-mill-equipment"),
])
def test_controls_commodity_naming_equipment_is_not_a_commodity(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, target", [
    P("Washington wants to stop the flow of sensitive technology to Moscow.", "USA", "RUS", id="stop-flow-of-technology"),
    P("Tokyo tightened curbs on transfers of technology to Pyongyang.", "JPN", "PRK", id="curbs-on-transfers-of-technology"),
    P("Paris will restrict the flow of high technology to Tehran.", "FRA", "IRN", id="restrict-flow-of-high-technology"),
])
def test_controls_on_technology_flows(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, target", [
    P("Canada halted arms shipments to Saudi Arabia last week.", "CAN", "SAU", id="halted-arms-shipments"),
    P("Seoul will prohibit exports of weaponry to Russia.", "KOR", "RUS", id="prohibit-exports-of-weaponry"),
    P("Berlin froze deliveries of armaments to Turkey.", "DEU", "TUR", id="froze-deliveries-of-armaments"),
])
def test_controls_on_arms_cover_defense(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target}, covers={"defense"})


@pytest.mark.parametrize("text, first, second", [
    P("The EU banned aircraft sales to Russia, and Japan said it would stop shipments of semiconductors to Russian buyers.",
      ("european-union", None), ("JPN", "semiconductors"), id="eu-aircraft-japan-chips"),
    P("Britain curbed exports of quantum sensors to Iran while Canada banned sales of drones to Iran.",
      ("GBR", "quantum"), ("CAN", "defense"), id="britain-quantum-canada-drones"),
    P("Beijing restricted shipments of graphite to Washington, and the United States tightened curbs on AI chips.",
      ("CHN", "critical-minerals"), ("USA", "semiconductors"), id="china-graphite-us-chips"),
])
def test_controls_two_imposers_in_a_sentence_cover_their_own_goods(extract_text, text, first, second):
    got = _controls(extract_text(text)[1])
    for (who, good), (other, other_good) in ((first, second), (second, first)):
        assert who in got, got
        if good:
            assert good in got[who]["covers"], got
        if other_good:
            assert other_good not in got[who]["covers"], got


@pytest.mark.parametrize("text, imposer, target", [
    P("The Commerce Department issued a rule that strengthens controls on semiconductor manufacturing equipment "
      "destined for China.", "USA", "CHN", id="rule-controls-destined-for"),
    P("Tokyo imposed new curbs on chipmaking tools bound for Russia.", "JPN", "RUS", id="curbs-bound-for"),
    P("Seoul said licences will be needed for semiconductor equipment destined for North Korea.", "KOR", "PRK",
      id="licences-destined-for"),
])
def test_controls_target_destined_for(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, covers", [
    P("Beijing imposed controls on rare earth items on Thursday.", "CHN", {"critical-minerals"}, id="controls-on-rare-earths"),
    P("Japan announced restrictions on semiconductor equipment in May.", "JPN", {"semiconductors"},
      id="restrictions-on-semiconductor-equipment"),
    P("Jakarta placed curbs on nickel and cobalt last year.", "IDN", {"critical-minerals"}, id="curbs-on-nickel-cobalt"),
])
def test_controls_on_traded_goods_without_the_word_export(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text, imposer", [
    P("Chinese exporters of gallium must now apply for licences.", "CHN", id="exporters-apply-for-licences"),
    P("British firms will need a licence to export quantum computers.", "GBR", id="firms-need-licence-to-export"),
    P("Korean companies will need permits before they export battery cathodes.", "KOR", id="companies-require-permits-to-ship"),
])
def test_controls_imposer_is_the_state_of_the_licence_applicants(extract_text, text, imposer):
    _check(extract_text, text, imposer)


@pytest.mark.parametrize("text", [
    P("Honda will not raise shipments even if voluntary export restrictions on Japanese cars are lifted.",
      id="voluntary-export-restrictions-cars"),
    P("Seoul agreed to voluntary export restraints on its microchips to the United States.", id="voluntary-restraints-chips"),
    P("Tokyo said voluntary restraints on shipments of machine tools to the United States would continue.",
      id="voluntary-restraints-machine-tools"),
])
def test_controls_voluntary_restraints_are_not_controls(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts)


@pytest.mark.parametrize("text, imposer, covers", [
    P("Beijing announced export restrictions on Monday. They apply to gallium and germanium.",
      "CHN", {"critical-minerals"}, id="they-apply-to"),
    P("Seoul tightened its export control regime. It now covers quantum sensors.", "KOR", {"quantum"}, id="it-now-covers"),
    P("Britain widened its export restrictions on Russia. The list now also includes drones and robotics components.",
      "GBR", {"robotics"}, id="the-list-includes"),
])
def test_controls_continued_by_a_pronoun_or_instrument_say_what_is_covered(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text", [
    P("Tokyo and Seoul met on Friday. It covered quantum sensors and batteries.", id="it-after-a-meeting"),
    P("The new law took effect in May. It applies to AI models and chips.", id="it-after-a-law"),
    P("Japan published a budget. The package includes money for quantum research.", id="package-after-budget"),
])
def test_controls_pronoun_scope_without_a_control_before_is_none(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts)


@pytest.mark.parametrize("text, imposer, target, not_target", [
    P("Washington updated rules restricting China's access to American artificial intelligence chips.",
      "USA", "CHN", "USA", id="access-to-american-chips"),
    P("Tokyo tightened limits on Russia's access to Japanese semiconductor equipment.",
      "JPN", "RUS", "JPN", id="access-to-japanese-equipment"),
    P("The Hague moved to curb China's access to Dutch lithography technology and American chips.",
      "NLD", "CHN", "USA", id="access-to-dutch-and-american"),
])
def test_controls_access_to_goods_is_not_a_destination(extract_text, text, imposer, target, not_target):
    got = _check(extract_text, text, imposer, targets={target})
    assert not_target not in got[imposer]["targets"]


@pytest.mark.parametrize("text, imposer, covers", [
    P("Beijing restricted exports of drone parts on Monday.", "CHN", {"defense"}, id="drone-parts"),
    P("Ankara banned sales of drone engines to Russia.", "TUR", {"defense"}, id="drone-engines"),
    P("Kyiv halted shipments of drone components to Belarus.", "UKR", {"defense"}, id="drone-components"),
])
def test_controls_on_drone_goods_cover_defense(extract_text, text, imposer, covers):
    _check(extract_text, text, imposer, covers=covers)


@pytest.mark.parametrize("text, imposer, target", [
    P("Tokyo will not approve shipments of advanced photoresists to South Korea, officials said.",
      "JPN", "KOR", id="will-not-approve-shipments"),
    P("Ottawa would no longer authorize sales of drones to Turkey.", "CAN", "TUR", id="no-longer-authorize-sales"),
    P("Seoul did not permit exports of memory chips to Iran last year.", "KOR", "IRN", id="did-not-permit-exports"),
])
def test_controls_negated_permission_of_trade(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, imposer, target", [
    P("The Commerce Department denied export licences for two chip toolmakers seeking to supply SMIC.",
      "USA", "CHN", id="licences-to-supply-company"),
    P("Washington may restrict exports by firms that keep supplying Russia with advanced chips.",
      "USA", "RUS", id="restrict-firms-supplying-state"),
    P("Japan banned its machine-tool makers from supplying North Korea with precision equipment.",
      "JPN", "PRK", id="banned-from-supplying-state"),
])
def test_controls_target_is_the_buyer_supplied(extract_text, text, imposer, target):
    _check(extract_text, text, imposer, targets={target})


@pytest.mark.parametrize("text, not_imposer", [
    P("Exporters in Shanghai complained after new US chip export curbs took effect.", "CHN", id="complained-after-curbs"),
    P("Officials in Seoul protested when Japan's export restrictions on photoresists began.", "KOR",
      id="protested-when-restrictions"),
    P("Beijing criticised Washington before the export controls on AI chips were published.", "CHN",
      id="criticised-before-controls"),
])
def test_controls_critic_of_a_control_in_a_time_clause_is_not_its_imposer(extract_text, text, not_imposer):
    _ext, facts = extract_text(text)
    assert not_imposer not in _controls(facts)


@pytest.mark.parametrize("text, imposer", [
    P("Chip exporters are nervous. Washington has tightened the rules again, officials said.", "USA",
      id="tightened-the-rules-again"),
    P("Export licences are getting harder to obtain. Tokyo strengthened the regime in March.", "JPN",
      id="strengthened-the-regime"),
    P("Exporters of drones face new checks. Ankara expanded the requirements on Friday.", "TUR",
      id="expanded-the-requirements"),
])
def test_controls_tightening_a_definite_instrument_in_an_export_story(extract_text, text, imposer):
    _check(extract_text, text, imposer)


# -- a crackdown, clampdown or squeeze on a state's industry, in a story about exports -------
@pytest.mark.parametrize("text, imposer, targets, covers", [
    P("Beijing halted exports of graphite to the US, days after Washington unveiled a fresh crackdown on "
      "China's semiconductor industry.", "USA", {"CHN"}, {"semiconductors"}, id="crackdown-on-a-states-industry"),
    P("Export licences are now harder to get: the US widened its clampdown on Chinese chipmakers this week.",
      "USA", {"CHN"}, {"semiconductors"}, id="clampdown-on-a-states-firms"),
    P("The Dutch squeeze on exports of lithography machines to China tightened on Monday.",
      "NLD", {"CHN"}, {"semiconductors"}, id="squeeze-on-exports"),
])
def test_controls_said_as_a_crackdown(extract_text, text, imposer, targets, covers):
    _check(extract_text, text, imposer, targets, covers)


@pytest.mark.parametrize("text", [
    P("Beijing launched a crackdown on corruption in the chip sector.", id="crackdown-on-corruption"),
    P("Seoul's clampdown on speculation hit chipmaker shares on Friday.", id="clampdown-on-speculation"),
    P("A squeeze on margins at Japanese chip firms worried investors.", id="squeeze-on-margins"),
])
def test_a_crackdown_outside_an_export_story_is_no_control(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _controls(facts), _controls(facts)
