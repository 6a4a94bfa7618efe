"""Golden tests (round 2, fresh phrasings): venues named by a capitalised name and a plain
venue noun ("the Filoli estate"), "sit down with", a day part after the day ("on Monday
evening"). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from test_extract_summits import summits

P = pytest.param


def _check(extract_text, text, key, people=(), places=(), dates=(), status=None):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert set(people) <= got[key]["participant"], f"got {got}"
    assert set(places) <= got[key]["location"], f"got {got}"
    assert set(dates) <= got[key]["date"], f"got {got}"
    if status:
        assert status in got[key]["status"], f"got {got}"


# -- A. "at the NAME estate / presidential retreat / convention centre" --------------------
@pytest.mark.parametrize("text, key, places", [
    P("Joe Biden and Xi Jinping met for four hours on Wednesday at the Filoli estate outside San Francisco.",
      "CHN+USA", {"filoli"}, id="name-estate"),
    P("Joe Biden received Fumio Kishida at the Camp David presidential retreat on Friday.",
      "JPN+USA", {"camp-david"}, id="known-place-presidential-retreat"),
    P("Narendra Modi and Anthony Albanese held talks at the Rashtrapati Bhavan presidential palace on Friday.",
      "AUS+IND", {"rashtrapati-bhavan"}, id="unknown-name-presidential-palace"),
    P("Prime Minister Keir Starmer met Chancellor Olaf Scholz at the Chequers country residence on Sunday.",
      "DEU+GBR", {"chequers"}, id="name-country-residence"),
])
def test_venue_named_before_a_plain_venue_noun(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key, bad", [
    P("Narendra Modi and Anthony Albanese met at the Japanese ambassador's residence on Friday.",
      "AUS+IND", "japanese", id="state-adjective-no-venue"),
    P("Joe Biden and Fumio Kishida met at the Biden family home in Wilmington on Friday.",
      "JPN+USA", "biden", id="person-family-home-no-venue"),
    P("Joe Biden and Xi Jinping met on Wednesday at the November summit venue.",
      "CHN+USA", "november", id="month-no-venue"),
])
def test_no_venue_from_states_people_or_dates(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert not any(p.startswith(bad) for p in got[key]["location"]), f"got {got}"


# -- B. "sit down with" is a meeting ------------------------------------------------------
@pytest.mark.parametrize("text, key, people, status", [
    P("Xi Jinping is expected to sit down with Fumio Kishida on Thursday.",
      "CHN+JPN", {"xi-jinping", "fumio-kishida"}, "Planned", id="expected-to-sit-down-with"),
    P("Emmanuel Macron sat down with Narendra Modi in Paris on Tuesday to discuss jet engines.",
      "FRA+IND", {"emmanuel-macron", "narendra-modi"}, "Completed", id="sat-down-with"),
    P("Anthony Albanese will sit down with Xi Jinping in Beijing next week, officials said.",
      "AUS+CHN", {"anthony-albanese", "xi-jinping"}, "Planned", id="will-sit-down-with"),
])
def test_sit_down_with_is_a_meeting(extract_text, text, key, people, status):
    _check(extract_text, text, key, people=people, status=status)


# -- C. "on Monday evening": the day dates the meeting ------------------------------------
@pytest.mark.parametrize("text, key, dates", [
    P("Joe Biden and Xi Jinping held a virtual meeting on Monday evening, the White House said.",
      "CHN+USA", {"2025-10-27"}, id="virtual-meeting-monday-evening"),
    P("Fumio Kishida met Yoon Suk Yeol in Tokyo on Thursday night for a dinner of beef and omurice.",
      "JPN+KOR", {"2025-10-23"}, id="met-thursday-night"),
    P("Narendra Modi held talks with Emmanuel Macron on Tuesday afternoon at the Elysee Palace.",
      "FRA+IND", {"2025-10-28"}, id="talks-tuesday-afternoon"),
])
def test_day_part_after_the_day_dates_the_meeting(extract_text, text, key, dates):
    _check(extract_text, text, key, dates=dates)


# -- D. one state's people at a grouping's gathering: the gathering, not a summit of one ---
@pytest.mark.parametrize("text, alone, key", [
    P("Indian Prime Minister Narendra Modi will not attend the Shanghai Cooperation Organisation summit in "
      "Astana this week.", "IND", "at:astana", id="skips-sco-summit"),
    P("Xi Jinping was in San Francisco for the Asia-Pacific Economic Cooperation forum.",
      "CHN", "at:san-francisco", id="in-town-for-apec-forum"),
    P("Japanese Prime Minister Fumio Kishida will host the G7 summit in Hiroshima in May.",
      "JPN", "at:hiroshima", id="hosts-g7-summit"),
    P("Brazilian President Luiz Inacio Lula da Silva attended the BRICS summit in Johannesburg on Tuesday.",
      "BRA", "at:johannesburg", id="attends-brics-summit"),
])
def test_one_state_at_a_groupings_gathering(extract_text, text, alone, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert alone not in got, f"got {got}"
    assert key in got, f"got {got}"


@pytest.mark.parametrize("text, key", [
    P("Keir Starmer flew to Washington on Tuesday for the NATO summit.", "GBR+USA", id="flew-for-nato-summit"),
    P("Anthony Albanese travelled to Jakarta for the ASEAN summit on Sunday.", "AUS+IDN", id="travelled-for-asean"),
    P("Olaf Scholz will arrive in New Delhi on Friday for the G20 summit.", "DEU+IND", id="arrives-for-g20"),
])
def test_journey_to_a_groupings_gathering_is_no_bilateral(extract_text, text, key):
    ext, _facts = extract_text(text)
    assert key not in summits(ext)


@pytest.mark.parametrize("text, key", [
    P("Keir Starmer met Olaf Scholz on the sidelines of the NATO summit in Washington on Wednesday.", "DEU+GBR",
      id="met-on-nato-sidelines"),
    P("Fumio Kishida met Joe Biden on the sidelines of the G7 summit in Hiroshima on Friday.", "JPN+USA",
      id="met-on-g7-sidelines"),
    P("Anthony Albanese and Narendra Modi met at the G20 summit in New Delhi on Saturday.", "AUS+IND",
      id="two-states-at-g20"),
])
def test_meetings_with_people_of_two_sides_stay(extract_text, text, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"


# -- E. a dateline says the city of an unknown venue, and of a gathering no state is named for
@pytest.mark.parametrize("text, key, places", [
    P("NEW DELHI, Nov 10 - Antony Blinken and S. Jaishankar held talks at the Sushma Swaraj Bhawan on Friday.",
      "IND+USA", {"new-delhi", "sushma-swaraj-bhawan"}, id="dateline-and-bhawan"),
    P("WOODSIDE, California, Nov 15 (Reuters) - Joe Biden and Xi Jinping met on Wednesday at the Filoli estate.",
      "CHN+USA", {"filoli"}, id="dateline-unknown-city-and-estate"),
    P("SEOUL, May 7 (Reuters) - Yoon Suk Yeol and Fumio Kishida held talks at the Blue Lantern guesthouse on "
      "Sunday.", "JPN+KOR", {"seoul", "blue-lantern"}, id="dateline-and-guesthouse"),
])
def test_dateline_city_of_an_unknown_venue(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key, places", [
    P("WASHINGTON, July 10 - NATO leaders gathered on Wednesday for a three-day summit marking the alliance's "
      "anniversary.", "at:washington", {"washington"}, id="nato-leaders-gathered"),
    P("BRUSSELS, June 14 (Reuters) - NATO defence ministers met on Thursday to discuss drones and air defence.",
      "at:brussels", {"brussels"}, id="nato-ministers-met"),
    P("TOKYO, April 29 - G7 digital ministers met on Saturday for two days of talks on artificial intelligence.",
      "at:tokyo", {"tokyo"}, id="g7-ministers-met"),
])
def test_dateline_city_of_a_gathering(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key, bad", [
    P("TOKYO, March 10 - Anthony Albanese and Narendra Modi held talks at Hyderabad House on Friday.",
      "AUS+IND", "tokyo", id="known-venue-elsewhere"),
    P("WASHINGTON, Feb 1 - Ajit Doval and Jake Sullivan met at the White House on Tuesday.",
      "IND+USA", "washington", id="known-landmark-venue-alone"),
    P("LONDON, June 3 - Fumio Kishida and Joe Biden held talks in Hiroshima on Friday.",
      "JPN+USA", "london", id="own-city-beats-dateline"),
])
def test_no_dateline_city_over_a_known_place(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and bad not in got[key]["location"], f"got {got}"


# -- F. "X postponed / cancelled / scrapped a trip (a planned summit)": X's meeting, called off
@pytest.mark.parametrize("text, key, people, places", [
    P("Antony Blinken has postponed a trip to Beijing that had been planned for next week, an official said.",
      "CHN+USA", {"antony-blinken"}, {"beijing"}, id="postponed-a-trip"),
    P("Anthony Albanese cancelled a visit to Tokyo after the election was called.",
      "AUS+JPN", {"anthony-albanese"}, {"tokyo"}, id="cancelled-a-visit"),
    P("Joe Biden has scrapped a planned summit with Xi Jinping in Bali.",
      "CHN+USA", {"joe-biden", "xi-jinping"}, {"bali"}, id="scrapped-a-planned-summit"),
    P("The upcoming visit of Anthony Albanese to Tokyo was postponed.",
      "AUS+JPN", {"anthony-albanese"}, {"tokyo"}, id="upcoming-visit-was-postponed"),
])
def test_calling_off_a_trip(extract_text, text, key, people, places):
    _check(extract_text, text, key, people=people, places=places, status="Cancelled")


@pytest.mark.parametrize("text, key", [
    P("Joe Biden did not cancel his planned summit with Xi Jinping.", "CHN+USA", id="did-not-cancel"),
    P("Narendra Modi will not postpone his upcoming visit to Washington.", "IND+USA", id="will-not-postpone"),
    P("Fumio Kishida never scrapped the planned summit with Yoon Suk Yeol.", "JPN+KOR", id="never-scrapped"),
])
def test_not_calling_off_keeps_it_planned(extract_text, text, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and "Cancelled" not in got[key]["status"], f"got {got}"


# -- G. a meeting "on the sidelines" is held where the gathering is -----------------------
@pytest.mark.parametrize("text, key, places, dates", [
    P("NATO leaders gathered in Washington on Wednesday for a three-day summit. On the sidelines, Keir Starmer "
      "met Olaf Scholz and discussed missiles.", "DEU+GBR", {"washington"}, {"2025-10-29"}, id="on-the-sidelines"),
    P("Leaders of the G20 opened their summit in New Delhi on Saturday. Narendra Modi and Joe Biden held talks "
      "on the sidelines of the summit.", "IND+USA", {"new-delhi"}, {"2025-10-25"}, id="sidelines-of-the-summit"),
    P("BRICS leaders met in Johannesburg on Tuesday. Xi Jinping and Narendra Modi spoke briefly on the margins "
      "of the meeting and later met for talks on the sidelines.", "CHN+IND", {"johannesburg"}, (),
      id="on-the-margins"),
])
def test_sideline_meeting_takes_the_gatherings_place(extract_text, text, key, places, dates):
    _check(extract_text, text, key, places=places, dates=dates)


@pytest.mark.parametrize("text, key, bad", [
    P("NATO leaders gathered in Washington on Wednesday. On the sidelines of a later conference in Berlin, "
      "Keir Starmer met Olaf Scholz.", "DEU+GBR", "washington", id="sidelines-of-another-gathering"),
    P("Keir Starmer met Olaf Scholz in London on Monday on the sidelines of a business forum. NATO leaders "
      "gathered in Washington on Wednesday.", "DEU+GBR", "washington", id="own-place-kept"),
    P("Keir Starmer met Olaf Scholz on the sidelines on Wednesday. Three weeks later, NATO leaders gathered "
      "in Washington.", "DEU+GBR", "washington", id="gathering-after-not-before"),
])
def test_sideline_meeting_keeps_its_own_or_no_place(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and bad not in got[key]["location"], f"got {got}"


# -- H. 1980s wire: "talks here" with no day is the story's day ------------------------------
@pytest.mark.parametrize("text, key, dates", [
    P("TOKYO, Nov 29 - Japanese and U.S. officials ended two days of talks here on fighter technology, "
      "officials said after the meeting.", "JPN+USA", {"2025-10-29"}, id="ended-talks-here"),
    P("BONN, March 3 - West German and French officials held talks here on the Eureka research programme, "
      "a spokesman said.", "DEU+FRA", {"2025-10-29"}, id="held-talks-here"),
    P("WASHINGTON, June 2 - U.S. and Japanese trade negotiators met here to discuss the semiconductor pact, "
      "officials said.", "JPN+USA", {"2025-10-29"}, id="met-here"),
])
def test_talks_here_without_a_day_are_today(extract_text, text, key, dates):
    _check(extract_text, text, key, dates=dates)


@pytest.mark.parametrize("text, key, bad", [
    P("TOKYO, Nov 29 - Japanese and U.S. officials will hold talks here next week.", "JPN+USA", "2025-10-29",
      id="talks-here-to-come"),
    P("TOKYO, Nov 29 - Japanese and U.S. officials held talks here on Monday.", "JPN+USA", "2025-10-29",
      id="talks-here-with-a-day"),
    P("TOKYO, Nov 29 - Japanese and U.S. officials held talks here last week.", "JPN+USA", "2025-10-29",
      id="talks-here-last-week"),
])
def test_talks_here_with_their_own_time(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and bad not in got[key]["date"], f"got {got}"


# -- I. taking part from afar ("by video link", "virtually") --------------------------------
@pytest.mark.parametrize("text, key, people", [
    P("Leaders of Brazil, India, China and South Africa met in Johannesburg on Wednesday, while Russian "
      "President Vladimir Putin took part by video link from Moscow.", "BRA+CHN+IND+RUS+ZAF",
      {"vladimir-putin"}, id="took-part-by-video-link"),
    P("Narendra Modi and Joe Biden met in Washington on Friday. Anthony Albanese joined virtually from Canberra.",
      "AUS+IND+USA", {"anthony-albanese", "narendra-modi", "joe-biden"}, id="joined-virtually-next-sentence"),
    P("Fumio Kishida hosted Joe Biden in Tokyo on Monday, and Narendra Modi participated via videoconference.",
      "IND+JPN+USA", {"narendra-modi"}, id="participated-via-videoconference"),
])
def test_taking_part_from_afar(extract_text, text, key, people):
    _check(extract_text, text, key, people=people)


@pytest.mark.parametrize("text, key", [
    P("Narendra Modi and Joe Biden met in Washington on Friday. Anthony Albanese joined them from Canberra.",
      "IND+USA", id="joined-from-a-city-not-remote"),
    P("Narendra Modi and Joe Biden met in Washington on Friday. Anthony Albanese took part in a video game "
      "contest.", "IND+USA", id="took-part-in-something-else"),
    P("Narendra Modi and Joe Biden met in Washington on Friday. Months later, in another story, Anthony "
      "Albanese spoke of the summit. He appeared by video link at a Sydney conference the following week.",
      "IND+USA", id="remote-elsewhere-later"),
])
def test_not_taking_part_from_afar(extract_text, text, key):
    ext, _facts = extract_text(text)
    assert key in summits(ext), f"got {summits(ext)}"


# -- J. "a delegation led by X": X takes part ----------------------------------------------
@pytest.mark.parametrize("text, key, people", [
    P("A Japanese delegation led by Makoto Kuroda will leave for Washington tomorrow for two days of emergency "
      "talks.", "JPN+USA", {"makoto-kuroda"}, id="delegation-led-by"),
    P("A U.S. trade mission headed by Clayton Yeutter held talks with Japanese officials in Tokyo on Monday.",
      "JPN+USA", {"clayton-yeutter"}, id="mission-headed-by"),
    P("Officials from South Korea, led by Trade Minister Ahn Duk-geun, met their Dutch counterparts in The Hague "
      "on Tuesday.", "KOR+NLD", {"ahn-duk-geun"}, id="officials-led-by-apposition"),
])
def test_head_of_a_delegation_takes_part(extract_text, text, key, people):
    _check(extract_text, text, key, people=people)


# -- K. a meeting noun right after a dateline, which the parser hangs on the dateline ------
@pytest.mark.parametrize("text, key, dates", [
    P("WASHINGTON, June 5 - Talks between U.S. and Japanese officials on supercomputer procurement ended "
      "yesterday without agreement, U.S. officials said.", "JPN+USA", {"2025-10-28"}, id="talks-ended-yesterday"),
    P("LONDON, Oct 12 - Talks between British and Japanese officials will open next Tuesday, a spokesman said.",
      "GBR+JPN", {"2025-11-04"}, id="talks-will-open-next-tuesday"),
    P("SEOUL, Aug 3 - Talks between South Korean and Japanese trade officials ended on Monday without a deal.",
      "JPN+KOR", {"2025-10-27"}, id="talks-ended-on-monday"),
])
def test_meeting_noun_after_a_dateline(extract_text, text, key, dates):
    _check(extract_text, text, key, dates=dates)


@pytest.mark.parametrize("text, key, bad", [
    P("LONDON, Oct 12 - Talks between British and Japanese officials will open next Tuesday, a spokesman said.",
      "GBR+JPN", "2025-10-12", id="no-filing-date-for-talks-to-come"),
    P("TOKYO, Jan 9 - Talks between Japanese and U.S. officials will resume next month, officials said.",
      "JPN+USA", "2025-01-09", id="no-filing-date-resume-next-month"),
    P("BONN, Feb 2 - Talks between West German and French ministers are planned for later this year.",
      "DEU+FRA", "2025-02-02", id="no-filing-date-planned"),
])
def test_filing_date_is_not_a_planned_meetings(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and bad not in got[key]["date"], f"got {got}"


# -- L. "X told Y during their meeting": Y is the other side --------------------------------
@pytest.mark.parametrize("text, key, people", [
    P("TOKYO, March 3 - Prime Minister Yasuhiro Nakasone told Trade Representative Clayton Yeutter during their "
      "meeting today that Japan would honour the pact.", "JPN+USA", {"yasuhiro-nakasone", "clayton-yeutter"},
      id="told-during-their-meeting"),
    P("Narendra Modi assured Joe Biden at their talks in Washington on Friday that India would buy more chips.",
      "IND+USA", {"narendra-modi", "joe-biden"}, id="assured-at-their-talks"),
    P("Fumio Kishida thanked Yoon Suk Yeol during their summit in Seoul.", "JPN+KOR",
      {"fumio-kishida", "yoon-suk-yeol"}, id="thanked-during-their-summit"),
])
def test_object_of_a_verb_during_their_meeting(extract_text, text, key, people):
    _check(extract_text, text, key, people=people)


@pytest.mark.parametrize("text, key", [
    P("Narendra Modi told reporters during his visit to Washington that talks had gone well.", "IND+USA",
      id="his-visit-reporters"),
    P("Fumio Kishida praised the agreement during his meeting with Joe Biden.", "JPN+USA", id="his-meeting-thing"),
    P("Yoon Suk Yeol and Fumio Kishida praised the chip pact during their summit in Tokyo.", "JPN+KOR",
      id="their-summit-thing-object"),
])
def test_things_told_or_praised_are_no_partners(extract_text, text, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert list(got) == [key], f"got {got}"


# -- M. "The ministers will next meet in Washington": the people of the meeting just reported
@pytest.mark.parametrize("text, key, places", [
    P("Antony Blinken and Lloyd Austin met Yoko Kamikawa in Tokyo on Sunday. The ministers will next meet in "
      "Washington in 2025.", "JPN+USA", {"tokyo", "washington"}, id="the-ministers-will-next-meet"),
    P("Japanese and U.S. trade officials held talks in Tokyo on Monday. The negotiators met again in Washington "
      "on Friday.", "JPN+USA", {"tokyo", "washington"}, id="the-negotiators-met-again"),
    P("Penny Wong and Yoko Kamikawa met in Canberra on Thursday. The officials will meet again in Tokyo next "
      "spring.", "AUS+JPN", {"canberra", "tokyo"}, id="the-officials-will-meet-again"),
])
def test_the_ministers_stand_for_the_last_meeting(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key", [
    P("Penny Wong and Yoko Kamikawa met in Canberra on Thursday. Finance ministers from twenty states will meet "
      "in Rome in May.", "AUS+JPN", id="other-ministers-with-more-words"),
    P("Penny Wong and Yoko Kamikawa met in Canberra on Thursday. The trade ministers of the Group of Seven "
      "will meet in Osaka.", "AUS+JPN", id="the-ministers-of-a-grouping"),
    P("Penny Wong and Yoko Kamikawa met in Canberra on Thursday. The officials said they had made progress.",
      "AUS+JPN", id="the-officials-said"),
])
def test_other_ministers_are_not_the_last_meetings(extract_text, text, key):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and got[key]["location"] == {"canberra"}, f"got {got}"


# -- N. "A and B signed deals after talks at X": both sides had the talks, there -----------
@pytest.mark.parametrize("text, key, places", [
    P("Luiz Inacio Lula da Silva and Xi Jinping signed 15 agreements after talks at the Great Hall of the People "
      "on Friday.", "BRA+CHN", {"great-hall-of-the-people"}, id="signed-after-talks-at-venue"),
    P("Japan and the United States agreed on chip export curbs after talks in Washington on Monday.",
      "JPN+USA", {"washington"}, id="agreed-after-talks-in-city"),
    P("Narendra Modi and Emmanuel Macron unveiled a jet engine deal after talks in Paris on Friday.",
      "FRA+IND", {"paris"}, id="unveiled-after-talks"),
])
def test_two_sides_acting_after_talks_had_them(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key, places", [
    P("Narendra Modi and Emmanuel Macron unveiled a jet engine deal following their talks in Paris on Friday.",
      "FRA+IND", {"paris"}, id="following-their-talks"),
    P("Japan and South Korea signed a chip pact following talks in Seoul on Monday.",
      "JPN+KOR", {"seoul"}, id="following-talks-on-pact"),
    P("Japan imposed curbs following talks with the Netherlands in The Hague.",
      "JPN+NLD", {"the-hague"}, id="following-talks-with"),
])
def test_following_talks_parsed_as_a_verb(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text", [
    P("Japan raised tariffs after talks in Geneva.", id="one-state-after-talks"),
    P("Toyota and Honda shares rose after talks in Tokyo.", id="companies-after-talks"),
    P("Prices fell sharply after talks in Vienna on Monday.", id="no-actor-after-talks"),
])
def test_one_side_after_talks_makes_no_meeting(extract_text, text):
    ext, _facts = extract_text(text)
    assert summits(ext) == {}, f"got {summits(ext)}"


# -- O. a paragraph break before "The ministers" / "The two leaders" -----------------------
@pytest.mark.parametrize("text, key, places", [
    P("Antony Blinken met with Yoko Kamikawa in Tokyo for the Security Consultative Committee.\n\n"
      "The ministers will next meet in Washington in 2025.", "JPN+USA", {"tokyo", "washington"},
      id="paragraph-the-ministers"),
    P("Fumio Kishida met Joe Biden in Tokyo on Monday.\n\nThe two leaders will meet again in Washington next "
      "year.", "JPN+USA", {"tokyo", "washington"}, id="paragraph-the-two-leaders"),
    P("Japanese and U.S. trade officials held talks in Tokyo on Monday.\n\nThe negotiators will meet again in "
      "Washington next month.", "JPN+USA", {"tokyo", "washington"}, id="paragraph-the-negotiators"),
])
def test_group_subject_after_a_paragraph_break(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


# -- P. a capitalised venue name with a city inside it ---------------------------------------
@pytest.mark.parametrize("text, key, places", [
    P("Joe Biden met Keir Starmer at the Walter E. Washington Convention Center on Wednesday.",
      "GBR+USA", {"walter-e-washington-convention-center"}, id="convention-center-with-city-inside"),
    P("Joe Biden met Rishi Sunak at the Belfast Waterfront Hall on Tuesday.",
      "GBR+USA", {"belfast-waterfront-hall"}, id="hall-with-city-inside"),
    P("Narendra Modi and Fumio Kishida held talks at the Osaka Castle Park Pavilion on Monday.",
      "IND+JPN", {"osaka-castle-park-pavilion"}, id="pavilion-with-city-inside"),
])
def test_venue_with_a_place_inside_its_name(extract_text, text, key, places):
    _check(extract_text, text, key, places=places)


@pytest.mark.parametrize("text, key, bad", [
    P("Joe Biden met Keir Starmer at the Obama Presidential Center on Wednesday.", "GBR+USA",
      "obama", id="person-inside-name"),
    P("Joe Biden met Keir Starmer at the White House on Wednesday.", "GBR+USA", "white-house-", id="known-venue"),
    P("Joe Biden met Keir Starmer at the NATO Summit Center on Wednesday.", "GBR+USA", "nato", id="body-inside"),
])
def test_no_titled_venue_from_people_or_bodies(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and not any(p.startswith(bad) for p in got[key]["location"]), f"got {got}"


# -- Q. "a summit of Quad leaders": a grouping's gathering, not a meeting with the last host
@pytest.mark.parametrize("text, key, bad", [
    P("Anthony Albanese hosted Narendra Modi in New Delhi on Friday. Modi is due to travel to Sydney in May for "
      "a summit of Quad leaders.", "AUS+IND", "sydney", id="summit-of-quad-leaders"),
    P("Fumio Kishida hosted Joe Biden in Tokyo on Monday. Biden will fly to Rome next month for the G7 "
      "leaders' summit.", "JPN+USA", "rome", id="g7-leaders-summit"),
    P("Emmanuel Macron received Narendra Modi in Paris on Tuesday. Modi will go on to Vienna for a meeting of "
      "OPEC ministers.", "FRA+IND", "vienna", id="meeting-of-opec-ministers"),
])
def test_groupings_gathering_is_not_the_last_hosts(extract_text, text, key, bad):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and bad not in got[key]["location"], f"got {got}"


# -- R. "the visit Yoon paid to Tokyo in March": a clause on the noun says who, where, when
@pytest.mark.parametrize("text, key, people, places, dates", [
    P("Fumio Kishida praised the visit Yoon Suk Yeol paid to Tokyo in March.", "JPN+KOR", {"yoon-suk-yeol"},
      {"tokyo"}, {"2025-03"}, id="visit-paid-to"),
    P("Fumio Kishida arrived in Seoul on Sunday, returning a trip Yoon Suk Yeol made to Tokyo in March.",
      "JPN+KOR", {"yoon-suk-yeol", "fumio-kishida"}, {"tokyo", "seoul"}, {"2025-03"}, id="trip-made-to"),
    P("Narendra Modi recalled the state visit Emmanuel Macron made to New Delhi in January.", "FRA+IND",
      {"emmanuel-macron"}, {"new-delhi"}, {"2025-01"}, id="state-visit-made-to"),
])
def test_clause_on_a_visit_noun(extract_text, text, key, people, places, dates):
    _check(extract_text, text, key, people=people, places=places, dates=dates)
