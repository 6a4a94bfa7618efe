"""Golden tests: where and when a meeting took place, and who took part, in the phrasings
news uses for it (a clause opened by "Meeting ...", a venue, a dateline, "the talks took
place in ...", "X, in Y for talks with Z"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from test_extract_summits import summits

P = pytest.param


def _check(extract_text, text, key, people=(), places=(), dates=()):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert set(people) <= got[key]["participant"], f"got {got}"
    assert set(places) <= got[key]["location"], f"got {got}"
    assert set(dates) <= got[key]["date"], f"got {got}"


# -- A. "Meeting in X on DATE, A and B ...": the opening "-ing" word heads the clause -------
@pytest.mark.parametrize("text, key, people, places, dates", [
    P("Meeting in Canberra on Monday for the first time since the election, Prime Minister Anthony Albanese "
      "and Japanese Prime Minister Shigeru Ishiba agreed to deepen defence ties.",
      "AUS+JPN", {"anthony-albanese", "shigeru-ishiba"}, {"canberra"}, {"2025-10-27"}, id="meeting-in-city-on-day"),
    P("Our correspondents say the alliance is strong. Meeting in Manila on Tuesday, Japanese Prime Minister "
      "Sanae Takaichi and Philippine President Ferdinand Marcos Jr. launched a new dialogue.",
      "JPN+PHL", {"sanae-takaichi", "ferdinand-marcos-jr"}, {"manila"}, {"2025-10-28"},
      id="meeting-opens-second-sentence"),
    P("Visiting Hanoi last week, South Korean President Lee Jae-myung and Vietnamese leader To Lam pledged "
      "closer ties.", "KOR+VNM", {"lee-jae-myung", "to-lam"}, {"hanoi"}, {"2025-10"}, id="visiting-city"),
    P("Hosting the talks in Seoul on Friday, President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba "
      "agreed on a hotline.", "JPN+KOR", {"lee-jae-myung", "shigeru-ishiba"}, {"seoul"}, {"2025-10-24"},
      id="hosting-the-talks"),
])
def test_opening_participle_says_where_and_when(extract_text, text, key, people, places, dates):
    _check(extract_text, text, key, people, places, dates)


# -- B. an official named by title alone is the person of that state named just before -----
@pytest.mark.parametrize("text, key, people", [
    P("Japanese Prime Minister Shigeru Ishiba flew to Washington to see Donald Trump. Ishiba and the US "
      "president met at the White House on Friday.", "JPN+USA", {"shigeru-ishiba", "donald-trump"},
      id="the-us-president"),
    P("Chinese President Xi Jinping greeted Brazilian President Luiz Inacio Lula da Silva warmly. Later that day, "
      "Xi held talks with the Brazilian president in Beijing.", "BRA+CHN",
      {"xi-jinping", "luiz-inacio-lula-da-silva"}, id="the-brazilian-president"),
    P("French President Emmanuel Macron welcomed Narendra Modi on Tuesday. Indian Prime Minister Narendra Modi "
      "then met the French president at the Elysee.", "FRA+IND", {"emmanuel-macron", "narendra-modi"},
      id="the-french-president"),
])
def test_official_named_by_title(extract_text, text, key, people):
    _check(extract_text, text, key, people)


# -- C. venues: "hosted X and Y at the Akasaka Guest House", "at the Hilton Hotel" --------
@pytest.mark.parametrize("text, key, people, places", [
    P("Japanese Prime Minister Shigeru Ishiba hosted Australian Prime Minister Anthony Albanese and New Zealand "
      "Prime Minister Christopher Luxon at the Akasaka Guest House on Thursday.", "AUS+JPN+NZL",
      {"shigeru-ishiba", "anthony-albanese", "christopher-luxon"}, {"akasaka-guest-house"},
      id="hosted-two-guests-at-venue"),
    P("President Lee Jae-myung met Chinese President Xi Jinping and Japanese Prime Minister Sanae Takaichi at "
      "the Hilton Hotel in Gyeongju on Saturday.", "CHN+JPN+KOR", {"lee-jae-myung", "xi-jinping", "sanae-takaichi"},
      {"hilton-hotel", "gyeongju"}, id="met-two-at-hotel"),
    P("US President Donald Trump hosted Japanese Prime Minister Shigeru Ishiba and South Korean President "
      "Lee Jae-myung at Mar-a-Lago in Florida on Sunday.", "JPN+KOR+USA",
      {"donald-trump", "shigeru-ishiba", "lee-jae-myung"}, {"mar-a-lago"}, id="hosted-at-estate"),
    P("Indian Prime Minister Narendra Modi met Brazilian President Luiz Inacio Lula da Silva on Monday. The "
      "meeting was held at the Itamaraty Palace in Brasilia.", "BRA+IND", {"narendra-modi"},
      {"itamaraty-palace", "brasilia"}, id="held-at-palace"),
])
def test_venue_is_the_place(extract_text, text, key, people, places):
    _check(extract_text, text, key, people, places)


# -- D. "in the presence of A and B": a ceremony both attend ------------------------------
@pytest.mark.parametrize("text, key, people, places, dates", [
    P("The accord was signed on Friday in the presence of Indian Prime Minister Narendra Modi and Japanese Prime "
      "Minister Shigeru Ishiba.", "IND+JPN", {"narendra-modi", "shigeru-ishiba"}, set(), {"2025-10-24"},
      id="signed-in-the-presence"),
    P("The satellite centre was inaugurated in the presence of French President Emmanuel Macron and Indian Prime "
      "Minister Narendra Modi in Bengaluru on Wednesday.", "FRA+IND", {"emmanuel-macron", "narendra-modi"},
      {"bengaluru"}, {"2025-10-29"}, id="inaugurated-in-the-presence"),
    P("The memorandum was signed in Hanoi on Monday in the presence of Vietnamese leader To Lam and South Korean "
      "President Lee Jae-myung.", "KOR+VNM", {"to-lam", "lee-jae-myung"}, {"hanoi"}, {"2025-10-27"},
      id="memorandum-in-the-presence"),
])
def test_in_the_presence_of(extract_text, text, key, people, places, dates):
    _check(extract_text, text, key, people, places, dates)


@pytest.mark.parametrize("text", [
    P("The presence of Chinese firms in Indonesia is expanding.", id="presence-of-firms"),
    P("The US military presence in Japan has grown since 2020.", id="military-presence"),
    P("China objects to the presence of American warships near Taiwan.", id="presence-of-warships"),
])
def test_presence_that_is_no_ceremony(extract_text, text):
    ext, _facts = extract_text(text)
    assert not summits(ext), summits(ext)


@pytest.mark.parametrize("text", [
    P("China and India met the 2030 targets early.", id="met-the-targets"),
    P("Meeting the 2030 targets, China and India agreed to cut emissions further.", id="meeting-the-targets"),
    P("Japan and South Korea struggled to meet demand for chips last year.", id="meet-demand"),
])
def test_meeting_a_thing_is_no_meeting(extract_text, text):
    ext, _facts = extract_text(text)
    assert not summits(ext), summits(ext)


# -- E. a hyphenated pair opening a story is not a dateline -------------------------------
@pytest.mark.parametrize("text, key, places", [
    P("The India-Japan strategic dialogue was held in New Delhi on Monday.", "IND+JPN", {"new-delhi"},
      id="india-japan-dialogue"),
    P("The Korea-Japan summit took place in Busan on Saturday.", "JPN+KOR", {"busan"}, id="korea-japan-summit"),
    P("The India-US dialogue was held in Washington on Friday.", "IND+USA", {"washington"}, id="india-us-dialogue"),
])
def test_pair_at_story_start_takes_part(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


# -- F. a meeting the lead reports took place where the story is filed from ----------------
@pytest.mark.parametrize("text, key, places, dates", [
    P("SEOUL, Oct 29 (Reuters) - South Korean President Lee Jae-myung and U.S. President Donald Trump held talks "
      "on Wednesday.", "KOR+USA", {"seoul"}, {"2025-10-29"}, id="reuters-dateline"),
    P("CANBERRA — Australian Prime Minister Anthony Albanese and New Zealand Prime Minister Christopher Luxon met "
      "on Tuesday.", "AUS+NZL", {"canberra"}, {"2025-10-28"}, id="dash-dateline"),
    P("NEW DELHI, Oct 28: Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Shigeru "
      "Ishiba on Tuesday.", "IND+JPN", {"new-delhi"}, {"2025-10-28"}, id="colon-dateline"),
])
def test_dateline_is_the_place_of_a_lead_meeting(extract_text, text, key, places, dates):
    _check(extract_text, text, key, places=places, dates=dates)


@pytest.mark.parametrize("text, key", [
    P("BEIJING — Chinese and U.S. trade officials will hold talks next month, the commerce ministry said.",
      "CHN+USA", id="planned-meeting"),
    P("SEOUL — Japanese Foreign Minister Takeshi Iwaya met Chinese Foreign Minister Wang Yi on Friday.",
      "CHN+JPN", id="dateline-state-not-taking-part"),
    P("TOKYO — Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi in New Delhi on "
      "Monday.", "IND+JPN", id="meeting-with-its-own-place"),
])
def test_dateline_is_not_the_place_otherwise(extract_text, text, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert not got[key]["location"] & {"beijing", "seoul", "tokyo"}, f"got {got}"


# -- G. "The talks took place in Tokyo": the meeting just reported -----------------------
@pytest.mark.parametrize("text, key, places", [
    P("Japanese Trade Minister Yoji Muto met U.S. Commerce Secretary Howard Lutnick on Thursday. The talks took "
      "place in Tokyo.", "JPN+USA", {"tokyo"}, id="talks-took-place"),
    P("Indonesian President Prabowo Subianto held talks with Malaysian Prime Minister Anwar Ibrahim. The talks "
      "were held in Jakarta on Friday.", "IDN+MYS", {"jakarta"}, id="talks-were-held"),
    P("Chancellor Friedrich Merz met Polish Prime Minister Donald Tusk on Monday. The meeting was held in Warsaw.",
      "DEU+POL", {"warsaw"}, id="meeting-was-held"),
])
def test_definite_meeting_after_a_meeting(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


# -- H. "X, in Y for talks with Z, said": the person is at the talks, in Y ---------------
@pytest.mark.parametrize("text, key, people, places", [
    P("Australian Prime Minister Anthony Albanese, in Beijing for talks with Chinese President Xi Jinping, said "
      "trade was recovering.", "AUS+CHN", {"anthony-albanese", "xi-jinping"}, {"beijing"}, id="in-city-for-talks"),
    P("Japanese Prime Minister Shigeru Ishiba, in Washington for a meeting with President Donald Trump, praised "
      "the alliance.", "JPN+USA", {"shigeru-ishiba", "donald-trump"}, {"washington"}, id="in-city-for-a-meeting"),
    P("German Chancellor Friedrich Merz, in Paris for talks with President Emmanuel Macron, called for unity.",
      "DEU+FRA", {"friedrich-merz", "emmanuel-macron"}, {"paris"}, id="chancellor-in-paris"),
])
def test_person_in_city_for_talks(extract_text, text, key, people, places):
    _check(extract_text, text, key, people, places)


# -- I. "He met Y": the person named just before; "Mr X": the person of that surname ------
@pytest.mark.parametrize("text, key, people, places", [
    P("Japanese Foreign Minister Takeshi Iwaya arrived in Washington on Monday. He met Secretary of State Marco "
      "Rubio on Tuesday.", "JPN+USA", {"takeshi-iwaya", "marco-rubio"}, {"washington"}, id="arrived-then-he-met"),
    P("Indian External Affairs Minister S. Jaishankar is visiting Canberra this week. During the visit, he held "
      "talks with Australian Foreign Minister Penny Wong.", "AUS+IND", {"subrahmanyam-jaishankar", "penny-wong"},
      {"canberra"}, id="visiting-then-he-held-talks"),
    P("Chinese Premier Li Qiang landed in Berlin on Sunday for a three-day stay. On Monday he met German "
      "Chancellor Friedrich Merz.", "CHN+DEU", {"li-qiang", "friedrich-merz"}, {"berlin"}, id="landed-then-he-met"),
])
def test_pronoun_subject_is_the_person_named_before(extract_text, text, key, people, places):
    _check(extract_text, text, key, people, places)


@pytest.mark.parametrize("text, key, people, places", [
    P("UK Foreign Secretary David Lammy defended the plan on Monday.\n\nMr Lammy, visiting Beijing, spoke of "
      "trade and climate.", "CHN+GBR", {"david-lammy"}, {"beijing"}, id="mr-surname-visiting"),
    P("Foreign Secretary David Lammy spoke on Monday. Later, Mr Lammy visited Tokyo for talks.", "GBR+JPN",
      {"david-lammy"}, {"tokyo"}, id="mr-surname-visited"),
    P("Foreign Secretary Yvette Cooper gave a speech in London on Monday.\n\nMs Cooper, visiting New Delhi, praised "
      "the partnership.", "GBR+IND", {"yvette-cooper"}, {"new-delhi"}, id="ms-surname-visiting"),
])
def test_honorific_and_surname(extract_text, text, key, people, places):
    _check(extract_text, text, key, people, places)


# -- J. "..., joined by Z", "..., accompanied by Z": Z takes part -------------------------
@pytest.mark.parametrize("text, key, people", [
    P("US Secretary of State Marco Rubio and Indian External Affairs Minister S. Jaishankar met in New York on "
      "Monday, joined by Japanese Foreign Minister Takeshi Iwaya.", "IND+JPN+USA",
      {"marco-rubio", "subrahmanyam-jaishankar", "takeshi-iwaya"}, id="met-joined-by"),
    P("President Lee Jae-myung hosted Japanese Prime Minister Shigeru Ishiba in Seoul on Friday, joined by Chinese "
      "Premier Li Qiang.", "CHN+JPN+KOR", {"lee-jae-myung", "shigeru-ishiba", "li-qiang"}, id="hosted-joined-by"),
    P("Australian Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto in Jakarta, "
      "accompanied by Foreign Minister Penny Wong.", "AUS+IDN",
      {"anthony-albanese", "prabowo-subianto", "penny-wong"}, id="met-accompanied-by"),
])
def test_joined_by_takes_part(extract_text, text, key, people):
    _check(extract_text, text, key, people)


# -- K. "at the end of the month": this month -------------------------------------------
@pytest.mark.parametrize("text, published, key, dates", [
    P("Prime Minister Yasuhiro Nakasone prepares to visit Washington at the end of the month for talks with "
      "President Ronald Reagan.", "1987-04-03", "JPN+USA", {"1987-04"}, id="visit-end-of-the-month"),
    P("Japanese and U.S. negotiators will meet again at the beginning of the month.", "1987-04-01", "JPN+USA",
      {"1987-04"}, id="meet-beginning-of-the-month"),
    P("Indian Prime Minister Narendra Modi will travel to Tokyo at the end of this month for talks with Japanese "
      "Prime Minister Shigeru Ishiba.", "2025-08-05", "IND+JPN", {"2025-08"}, id="travel-end-of-this-month"),
])
def test_part_of_this_month(extract_text, text, published, key, dates):
    from datetime import date

    ext, _facts = extract_text(text, published=date.fromisoformat(published))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert dates <= got[key]["date"], f"got {got}"


# -- L. "In 2000, EU leaders at a summit in Lisbon pledged ...": the clause's date -------
@pytest.mark.parametrize("text, key, places, dates", [
    P("In 2000, EU leaders at a summit in Lisbon pledged to make the economy the most competitive.",
      "at:lisbon", {"lisbon"}, {"2000"}, id="leaders-at-a-summit"),
    P("Last year, Chinese and Indian officials at talks in Beijing settled the border question.", "CHN+IND",
      {"beijing"}, {"2004"}, id="officials-at-talks"),
    P("Last month, Prime Minister Tony Blair at a summit in Brussels warned about the budget.", "at:brussels",
      {"brussels"}, {"2004-12"}, id="one-leader-at-a-summit-keys-by-place"),
])
def test_subject_at_a_meeting(extract_text, text, key, places, dates):
    from datetime import date

    ext, _facts = extract_text(text, published=date(2005, 1, 15))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert places <= got[key]["location"] and dates <= got[key]["date"], f"got {got}"


# -- M. "the forthcoming summit": still to come, so "June" is the coming June -------------
@pytest.mark.parametrize("text", [
    P("Chirac said he hoped for progress at the forthcoming June summit of seven leading western nations in "
      "Venice.", id="forthcoming-june-summit"),
    P("Ministers will prepare the ground for the coming summit in Venice in June.", id="coming-summit"),
    P("Diplomats expect little from the impending June summit in Venice.", id="impending-summit"),
])
def test_forthcoming_summit_is_planned(extract_text, text):
    from datetime import date

    ext, _facts = extract_text(text, published=date(1987, 3, 30))
    got = summits(ext)
    assert "at:venice" in got, f"got {got}"
    assert got["at:venice"]["status"] == {"Planned"} and got["at:venice"]["date"] <= {"1987-06"}, f"got {got}"


# -- N. "is in Washington for talks", "is at a summit", "is on a visit": under way --------
@pytest.mark.parametrize("text, key", [
    P("Japanese Prime Minister Junichiro Koizumi is in Washington for talks with President George W Bush.",
      "JPN+USA", id="is-in-city-for-talks"),
    P("Indian Foreign Minister Natwar Singh is on a three-day visit to Pakistan.", "IND+PAK", id="is-on-a-visit"),
    P("Chinese Premier Wen Jiabao is in New Delhi for a summit with Indian Prime Minister Manmohan Singh.",
      "CHN+IND", id="is-in-city-for-a-summit"),
])
def test_meeting_under_way_is_completed(extract_text, text, key):
    from datetime import date

    ext, _facts = extract_text(text, published=date(2005, 1, 15))
    got = summits(ext)
    assert key in got and got[key]["status"] == {"Completed"}, f"got {got}"


def test_negotiators_meeting_to_resolve_has_no_status(extract_text):
    ext, _facts = extract_text("American and Japanese negotiators are meeting to try to resolve the issue.")
    assert all(not v["status"] for v in summits(ext).values()), summits(ext)


# -- O. "visiting US President X": a visitor, meeting the hosts named with him -------------
@pytest.mark.parametrize("text, key, people", [
    P("ABU DHABI — The campus was unveiled at the palace on Thursday in the presence of UAE President Mohamed bin "
      "Zayed Al Nahyan and visiting US President Donald Trump.", "ARE+USA", {"donald-trump"},
      id="presence-and-visiting"),
    P("Australian Prime Minister Anthony Albanese and visiting Chinese Premier Li Qiang signed five agreements in "
      "Canberra on Monday.", "AUS+CHN", {"anthony-albanese", "li-qiang"}, id="host-and-visiting-signed"),
    P("TOKYO — Prime Minister Shigeru Ishiba hosted a dinner for visiting Indian Prime Minister Narendra Modi on "
      "Friday.", "IND+JPN", {"shigeru-ishiba", "narendra-modi"}, id="dinner-for-visiting"),
])
def test_visiting_person_is_a_visitor(extract_text, text, key, people):
    _check(extract_text, text, key, people)


@pytest.mark.parametrize("text, key, absent", [
    P("Trump met Xi Jinping in Busan on Thursday. A day earlier, Chinese Premier Li Qiang met Japanese Prime "
      "Minister Sanae Takaichi.", "CHN+JPN", "xi-jinping", id="titled-name-premier"),
    P("Modi met Albanese in Sydney on Monday. Later, Australian Foreign Minister Penny Wong met Japanese Foreign "
      "Minister Takeshi Iwaya.", "AUS+JPN", "anthony-albanese", id="titled-name-minister"),
    P("Xi Jinping hosted Lula in Beijing on Monday. On Tuesday, Chinese Foreign Minister Wang Yi met his Indian "
      "counterpart, S. Jaishankar.", "CHN+IND", "xi-jinping", id="counterpart-with-name"),
])
def test_titled_name_is_not_a_description(extract_text, text, key, absent):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert absent not in got[key]["participant"], f"got {got}"


# -- P. "the next day", "a day earlier", "the same day": from the day given before --------
@pytest.mark.parametrize("text, key, dates", [
    P("Japanese Prime Minister Sanae Takaichi arrived in Kuala Lumpur on Sunday. The next day she met Chinese "
      "Premier Li Qiang.", "CHN+JPN", {"2025-10-27"}, id="the-next-day"),
    P("Trump met Xi Jinping in Busan on October 28. A day earlier, Chinese Premier Li Qiang met Japanese Prime "
      "Minister Sanae Takaichi.", "CHN+JPN", {"2025-10-27"}, id="a-day-earlier"),
    P("South Korean President Lee Jae-myung met Chinese President Xi Jinping on October 27. The same day, "
      "Japanese Prime Minister Sanae Takaichi met Philippine President Ferdinand Marcos Jr.", "JPN+PHL",
      {"2025-10-27"}, id="the-same-day"),
])
def test_day_counted_from_the_day_before(extract_text, text, key, dates):
    _check(extract_text, text, key, dates=dates)


# -- Q. a meeting right after a journey of one of its people is where the journey went -----
@pytest.mark.parametrize("text, key, places", [
    P("Japanese Prime Minister Sanae Takaichi arrived in Kuala Lumpur on Sunday. The next day she met Chinese "
      "Premier Li Qiang.", "CHN+JPN", {"kuala-lumpur"}, id="arrived-then-met-another"),
    P("Australian Prime Minister Anthony Albanese flew to Beijing on Monday. On Tuesday he held talks with Chinese "
      "Premier Li Qiang.", "AUS+CHN", {"beijing"}, id="flew-then-talks"),
    P("Indian Prime Minister Narendra Modi landed in Jakarta on Friday. On Saturday he met Chinese Premier "
      "Li Qiang.", "CHN+IND", {"jakarta"}, id="landed-then-met"),
])
def test_meeting_after_a_journey(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


def test_planned_journey_gives_no_place(extract_text):
    ext, _facts = extract_text("Indian Prime Minister Narendra Modi will visit Tokyo next week. Modi met Chinese "
                               "President Xi Jinping on Monday.")
    got = summits(ext)
    assert "CHN+IND" in got and not got["CHN+IND"]["location"], got


# -- R. a host of unknown state receives guests at home: the place's state takes part -------
@pytest.mark.parametrize("text, key", [
    P("Foreign Minister Jane Doe-Smith hosted Japanese Foreign Minister Takeshi Iwaya at the ministry in Canberra "
      "on Monday.", "AUS+JPN", id="hosted-in-canberra"),
    P("Minister Arvind Kumarr hosted US Secretary of State Marco Rubio in New Delhi on Friday.", "IND+USA",
      id="hosted-in-new-delhi"),
    P("Trade Minister Hanna Virtanenova hosted Chinese Commerce Minister Wang Wentao in Tokyo on Tuesday.",
      "CHN+JPN", id="hosted-in-tokyo"),
])
def test_host_of_unknown_state_is_at_home(extract_text, text, key):
    _check(extract_text, text, key)


# -- S. one state's people holding talks in another state's capital meet that state -------
@pytest.mark.parametrize("text, key, places", [
    P("UK Foreign Secretary Jack Straw, who will hold talks in Beijing on Thursday, said the ban should go.",
      "CHN+GBR", {"beijing"}, id="who-will-hold-talks-in-capital"),
    P("Japanese Trade Minister Hajime Tamura held talks in Washington on Monday.", "JPN+USA", {"washington"},
      id="held-talks-in-washington"),
    P("Indian External Affairs Minister S. Jaishankar held talks in Canberra on Tuesday.", "AUS+IND", {"canberra"},
      id="held-talks-in-canberra"),
])
def test_talks_in_a_foreign_capital(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text", [
    P("Prime Minister Tony Blair held talks in Brussels on Thursday.", id="brussels-hosts-the-eu"),
    P("Japanese negotiators held talks in Geneva on Friday.", id="geneva-hosts-the-wto"),
    P("Indian Prime Minister Manmohan Singh met business leaders in Tokyo on Monday.", id="met-business-leaders"),
])
def test_no_host_state_from_a_neutral_venue_or_a_business_meeting(extract_text, text):
    ext, _facts = extract_text(text)
    assert not any("+" in k for k in summits(ext)), summits(ext)


# -- T. one dateline reading for every rule ----------------------------------------------
@pytest.mark.parametrize("text, place", [
    P("SEOUL, Oct 29 (Reuters) - The two states agreed.", "Seoul", id="reuters-style"),
    P("THE HAGUE — The Netherlands widened its rules.", "The Hague", id="two-word-capital"),
    P("NEW DELHI, Feb 14: India and Japan agreed.", "New Delhi", id="colon-after-date"),
    P("WASHINGTON (Reuters) - The two states agreed.", "Washington", id="agency-no-date"),
])
def test_dateline_is_read(extractor, text, place):
    from datetime import date

    from kg.documents import Document
    from kg.extract.datelines import find_dateline
    from kg.link.mentions import MentionLinker

    (_d, sdoc), = list(extractor.parse([Document(id="t", text=text, published=date(2025, 10, 29))]))
    line = find_dateline(sdoc, MentionLinker(extractor.gazetteer, date(2025, 10, 29)).link(sdoc))
    assert line.end > 0 and line.city_label == place, line


@pytest.mark.parametrize("text", [
    P("The US - Japan alliance is strong, officials said.", id="spaced-pair"),
    P("The India-US dialogue was held in New Delhi.", id="hyphenated-pair"),
    P("US, Japan sign pact - officials", id="headline-with-verb"),
])
def test_no_dateline(extractor, text):
    from datetime import date

    from kg.documents import Document
    from kg.extract.datelines import find_dateline
    from kg.link.mentions import MentionLinker

    (_d, sdoc), = list(extractor.parse([Document(id="t", text=text, published=date(2025, 10, 29))]))
    assert find_dateline(sdoc, MentionLinker(extractor.gazetteer, date(2025, 10, 29)).link(sdoc)).end == 0


# -- K. "hosted the meeting, attended by A and B": the participle's agents take part --------
@pytest.mark.parametrize("text, key, people", [
    P("Defence ministers of Britain, Italy and Japan met in Rome on Tuesday. Italian Defence Minister Guido "
      "Crosetto hosted the meeting, attended by Britain's John Healey and Japan's Gen Nakatani.",
      "GBR+ITA+JPN", {"guido-crosetto", "john-healey", "gen-nakatani"}, id="hosted-attended-by-list"),
    P("President Lee Jae-myung chaired the talks in Seoul on Monday, attended by Japanese Prime Minister "
      "Shigeru Ishiba.", "JPN+KOR", {"lee-jae-myung", "shigeru-ishiba"}, id="chaired-attended-by-one"),
    P("Philippine President Ferdinand Marcos Jr. held a summit in Manila on Friday, joined by Australian "
      "Prime Minister Anthony Albanese and Vietnamese Prime Minister Pham Minh Chinh.",
      "AUS+PHL+VNM", {"ferdinand-marcos-jr", "anthony-albanese", "pham-minh-chinh"}, id="held-joined-by"),
])
def test_agents_of_an_attending_participle_take_part(extract_text, text, key, people):
    _check(extract_text, text, key, people)


# -- L. "A, B and C met ...": a list of titled people the parser hangs in apposition --------
@pytest.mark.parametrize("text, key, people", [
    P("U.S. Secretary of State Marco Rubio, Commerce Secretary Howard Lutnick and Trade Representative "
      "Jamieson Greer met Japanese Foreign Minister Takeshi Iwaya in Washington on Monday.", "JPN+USA",
      {"marco-rubio", "howard-lutnick", "jamieson-greer", "takeshi-iwaya"}, id="three-titled-americans"),
    P("Japanese Foreign Minister Takeshi Iwaya, Defence Minister Gen Nakatani and Economy Minister Yoji Muto "
      "met Australian Foreign Minister Penny Wong in Tokyo on Friday.", "AUS+JPN",
      {"takeshi-iwaya", "gen-nakatani", "yoji-muto", "penny-wong"}, id="three-titled-japanese"),
    P("British Foreign Secretary David Lammy, Defence Secretary John Healey and Business Secretary Jonathan "
      "Reynolds met Indian External Affairs Minister Subrahmanyam Jaishankar in London on Tuesday.", "GBR+IND",
      {"david-lammy", "john-healey", "jonathan-reynolds", "subrahmanyam-jaishankar"}, id="three-titled-britons"),
])
def test_a_list_of_titled_people_meets(extract_text, text, key, people):
    _check(extract_text, text, key, people)


# -- M. "in the Vietnamese capital": a demonym before "capital" names the capital city ------
@pytest.mark.parametrize("text, key, place", [
    P("President Lee Jae-myung met Vietnamese leader To Lam in the Vietnamese capital on Tuesday.",
      "KOR+VNM", "hanoi", id="vietnamese-capital"),
    P("Australian Foreign Minister Penny Wong held talks with Indonesian Foreign Minister Sugiono in the "
      "Indonesian capital on Monday.", "AUS+IDN", "jakarta", id="indonesian-capital"),
    P("Japanese Prime Minister Shigeru Ishiba and Philippine President Ferdinand Marcos Jr. met in the "
      "Philippine capital on Friday.", "JPN+PHL", "manila", id="philippine-capital"),
])
def test_the_demonym_capital_is_the_city(extract_text, text, key, place):
    _check(extract_text, text, key, places={place})


def test_a_demonym_before_another_noun_stays_the_state(extract_text):
    _ext, facts = extract_text("The Vietnamese capital markets rallied after the Vietnamese government cut rates.")
    assert not any(o == "hanoi" for _s, _p, o in facts)


# -- N. a date the parser hangs on the place: "at his home in Wilmington on Saturday" -------
@pytest.mark.parametrize("text, key, dates", [
    P("President Donald Trump hosted Japanese Prime Minister Shigeru Ishiba at his resort in Florida on "
      "Saturday.", "JPN+USA", {"2025-10-25"}, id="hosted-at-resort-in-state-on-day"),
    P("Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung at the presidential "
      "office in Seoul on Tuesday.", "JPN+KOR", {"2025-10-28"}, id="met-at-office-in-city-on-day"),
    P("British and Indian trade ministers held talks at a hotel in Mumbai on Monday.", "GBR+IND",
      {"2025-10-27"}, id="talks-at-hotel-in-city-on-day"),
])
def test_a_date_hung_on_the_place_is_the_meetings(extract_text, text, key, dates):
    _check(extract_text, text, key, dates=dates)


# -- O. "X hosted A and B at P, the first summit of the three": one meeting, not two --------
@pytest.mark.parametrize("text, key, absent", [
    P("President Joe Biden hosted South Korean President Yoon Suk Yeol and Japanese Prime Minister Fumio "
      "Kishida at Camp David on Friday, the first summit of the three countries.", "JPN+KOR+USA", "JPN+USA",
      id="camp-david-apposition"),
    P("Prime Minister Anthony Albanese hosted Indonesian President Prabowo Subianto and New Zealand Prime "
      "Minister Christopher Luxon in Canberra on Monday, the first meeting of the three leaders.",
      "AUS+IDN+NZL", "AUS+NZL", id="canberra-apposition"),
    P("Chancellor Friedrich Merz met French President Emmanuel Macron and Polish Prime Minister Donald Tusk "
      "in Berlin on Wednesday, their first summit since the election.", "DEU+FRA+POL", "DEU+FRA",
      id="berlin-apposition"),
])
def test_a_summit_noun_in_apposition_is_the_meeting_reported(extract_text, text, key, absent):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and absent not in got, f"got {got}"


# -- P. "X, who hosted the summit, said": one side's people at the summit just talked about --
@pytest.mark.parametrize("text, key, person", [
    P("Leaders of Japan, India, Australia and the United States met in Tokyo on Tuesday. Japanese Prime "
      "Minister Sanae Takaichi, who hosted the summit, said the four would meet again next year.",
      "AUS+IND+JPN+USA", "sanae-takaichi", id="who-hosted-the-summit"),
    P("Britain, France and Germany held a summit in London on Monday. French President Emmanuel Macron "
      "left the summit early to return to Paris.", "DEU+FRA+GBR", "emmanuel-macron", id="left-the-summit"),
    P("The presidents of South Korea, Japan and China met in Seoul on Sunday. Chinese Premier Li Qiang told "
      "the meeting that trade must stay open.", "CHN+JPN+KOR", "li-qiang", id="told-the-meeting"),
])
def test_one_sides_person_at_the_summit_just_named(extract_text, text, key, person):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert person in got.get(key, {}).get("participant", set()), f"got {got}"
    assert len([k for k in got if k != key]) == 0, f"a summit of one state: {got}"


# -- Q. plural titles as the subject: "the presidents of A and B met" ------------------------
@pytest.mark.parametrize("text, key", [
    P("The presidents of South Korea and France met in Seoul on Sunday.", "FRA+KOR", id="presidents-of"),
    P("The premiers of China and Japan held talks in Beijing on Monday.", "CHN+JPN", id="premiers-of"),
    P("The chancellors of Germany and Austria met in Vienna on Friday.", "AUT+DEU", id="chancellors-of"),
])
def test_plural_titles_of_states_meet(extract_text, text, key):
    ext, _facts = extract_text(text)
    assert key in summits(ext), summits(ext)
