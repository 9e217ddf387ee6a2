"""Whole reports in the styles of other outlets, other deals and other wars, invented, with the records they state.

Each row is a short report written here in the manner of a wire story (a dateline and agency), state media, a
monitor, a UN or Red Cross statement or a caption, about the Syrian deals of 2014-2018 or evacuations in other
wars. It states every convoy the report tells (origin, destination, buses, people, fighters, civilians and the day,
as ISO text) and every figure (kind and value), and the parse must read exactly those. Rows marked ``xfail`` are
known gaps, kept so that closing one shows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ghouta_events import Convoy, Quantity, parse

_RESTATED = "a headline's gunmen and the body's gunmen with families stay two records"

#: (report, publication date, convoys as (origin, destination, buses, people, fighters, civilians, day),
#: figures as (kind, value)).
REPORTS = [
    pytest.param("HOMS, Syria (Reuters) - About 400 rebels and their families left the al-Waer district of Homs on "
                 "Saturday under a deal with the government, a monitoring group said. The buses set out for Jarablus "
                 "near the Turkish border, the Syrian Observatory for Human Rights said.",
                 dt.date(2017, 3, 18),
                 [("Al-Waer", "Jarablus", None, 400, None, None, "2017-03-18")],
                 [], id="reuters-homs-two-sentences-one-record"),
    pytest.param("DAMASCUS, Aug 26, 2016 (AFP) - Some 700 rebel fighters were taken to Idlib province on Friday, while"
                 " around 4,000 civilians from Daraya were bussed to Kisweh, south of the capital, state television "
                 "said.",
                 dt.date(2016, 8, 26),
                 [(None, "Idlib", None, None, 700, None, "2016-08-26"),
                  ("Darayya", "Al-Kiswah", None, None, None, 4000, "2016-08-26")],
                 [], id="afp-daraya-two-movements-one-sentence"),
    pytest.param("DAMASCUS, (SANA) - Eighteen buses carrying 250 gunmen and their families exited Madaya on Wednesday "
                 "heading towards Idlib, while at the same time 30 buses left al-Foua and Kafraya in the direction of "
                 "Aleppo.",
                 dt.date(2017, 4, 12),
                 [("Madaya", "Idlib", 18, 250, None, None, "2017-04-12"),
                  ("Idlib", "Aleppo", 30, None, None, None, "2017-04-12")],
                 [], id="sana-madaya-and-two-villages-in-the-direction-of"),
    pytest.param("BEIRUT (AP) - The first convoy from the two besieged villages reached the Rashideen area west of "
                 "Aleppo late Friday. It comprised 75 buses carrying some 5,000 people, opposition activists said.",
                 dt.date(2017, 4, 14),
                 [(None, "Al-Rashideen", 75, 5000, None, None, "2017-04-14")],
                 [], id="ap-convoy-from-villages-reached-an-area"),
    pytest.param("Since 15 December, an estimated 34,000 people have been evacuated from eastern Aleppo city to "
                 "western rural Aleppo and Idlib governorate. Some 1,200 people remain in the area, according to local"
                 " sources. The UN has counted 21 shelters hosting newly displaced families.",
                 dt.date(2016, 12, 22),
                 [],
                 [("evacuated", 34000), ("remaining", 1200)], id="ocha-evacuated-and-remaining"),
    pytest.param("The ICRC and the Syrian Arab Red Crescent accompanied the evacuation of around 1,400 people from "
                 "Khan al-Shih on Monday. The convoy of 22 buses left for Idlib in the afternoon.",
                 dt.date(2016, 11, 28),
                 [("Khan al-Shih", "Idlib", 22, 1400, None, None, "2016-11-28")],
                 [], id="icrc-khan-al-shih-the-convoy-left-for"),
    pytest.param("The Syrian Observatory said that about 2,000 people are expected to leave al-Tall today, including "
                 "some 600 gunmen, with 35 buses already waiting at the entrance of the town. The fighters refused to "
                 "be transferred to Jarablus and demanded Idlib instead.",
                 dt.date(2016, 12, 2),
                 [("Al-Tall", None, 35, 2000, 600, None, "2016-12-02")],
                 [], id="sohr-expected-to-leave-today"),
    pytest.param("Around 1,500 fighters and civilians left Barzeh on Monday for Idlib and Jarablus, while a smaller "
                 "group from Tishreen, a neighbouring district, were driven to Maarrat Misrin.",
                 dt.date(2017, 5, 8),
                 [("Barzeh", "Idlib", None, 1500, None, None, "2017-05-08"),
                  ("Tishreen", "Maarat Misrin", None, None, None, None, "2017-05-08")],
                 [], id="barzeh-two-destinations-and-a-misspelt-town"),
    pytest.param("ARSAL, Lebanon (Reuters) - Hundreds of Syrian refugees boarded buses in the Lebanese border town of "
                 "Arsal on Monday to return to the Qalamoun region, a Hezbollah-run television station said. About "
                 "3,000 people were on the convoy of 40 buses, it said.",
                 dt.date(2017, 8, 14),
                 [("Arsal", "Qalamoun", 40, 3000, None, None, "2017-08-14")],
                 [], id="reuters-arsal-lebanese-border-town-to-return-to"),
    pytest.param("The buses carrying the Islamic State militants stopped at the al-Qadam checkpoint before driving on "
                 "to the Badia, the Syrian desert, late on Sunday. State media said 32 buses left the Yarmouk camp.",
                 dt.date(2018, 5, 21),
                 [("Yarmouk", "Badia", 32, None, None, None, "2018-05-20")],
                 [], id="yarmouk-checkpoint-on-the-way"),
    pytest.param("About 400 fighters who rejected the settlement boarded Idlib-bound buses in Daraa city on Sunday, "
                 "state media said. The 15-bus convoy was escorted by Russian military police.",
                 dt.date(2018, 7, 15),
                 [("Daraa", "Idlib", 15, None, 400, None, "2018-07-15")],
                 [], id="daraa-x-bound-buses"),
    pytest.param("On Friday 2,800 people left Quneitra for Idlib and another 900 followed on Saturday, the Russian "
                 "Reconciliation Centre said.",
                 dt.date(2018, 7, 22),
                 [("Quneitra", "Idlib", None, 2800, None, None, "2018-07-20"),
                  ("Quneitra", "Idlib", None, 900, None, None, "2018-07-21")],
                 [], id="quneitra-and-another-on-saturday"),
    pytest.param("ZAPORIZHZHIA, Ukraine (AP) - A convoy of about 30 buses carrying civilians evacuated from Mariupol "
                 "reached Zaporizhzhia on Tuesday, a regional official said. Some 1,500 people were aboard.",
                 dt.date(2022, 5, 3),
                 [("Mariupol", "Zaporizhzhia", 30, 1500, None, None, "2022-05-03")],
                 [], id="ap-mariupol-people-aboard"),
    pytest.param("MOSCOW, May 6. /TASS/. Another 50 civilians were evacuated from the Azovstal plant on Friday and "
                 "taken to Bezymennoye, the Russian Defence Ministry said.",
                 dt.date(2022, 5, 6),
                 [("Azovstal", "Bezymennoye", None, None, None, 50, "2022-05-06")],
                 [], id="tass-azovstal-taken-to"),
    pytest.param("GAZA (Reuters) - Some 200 patients and their companions left the Nasser hospital in Khan Younis on "
                 "Wednesday in a convoy of ambulances headed for Rafah, the World Health Organization said.",
                 dt.date(2024, 2, 21),
                 [("Khan Younis", "Rafah", None, 200, None, None, "2024-02-21")],
                 [], id="gaza-hospital-in-a-town"),
    pytest.param("More than 30,000 people have fled Fallujah since the offensive began, the Norwegian Refugee Council "
                 "said, and at least 3,000 of them are living in tents in the desert.",
                 dt.date(2016, 6, 8),
                 [],
                 [("fled", 30000), ("fled", 3000)], id="fallujah-fled-since"),
    pytest.param("ADEN, Yemen (AFP) - Around 90 wounded civilians were flown out of Sanaa to Amman on Monday in the "
                 "first medical evacuation flight in years, the United Nations said.",
                 dt.date(2020, 2, 3),
                 [("Sanaa", "Amman", None, None, None, 90, "2020-02-03")],
                 [], id="yemen-evacuation-flight"),
    pytest.param("The Red Crescent said a total of 8,500 people had been evacuated from eastern Aleppo by Friday "
                 "evening, from 4,000 to 6,000 of them children.",
                 dt.date(2016, 12, 16),
                 [],
                 [("evacuated", 8500)], id="aleppo-total-and-a-breakdown-range"),
    pytest.param("Under the deal, some 1,700 fighters and their relatives will be bussed from Zabadani to Idlib, while"
                 " 3,000 people are to leave Foua and Kafraya.",
                 dt.date(2017, 3, 29),
                 [],
                 [("planned", 1700), ("planned", 3000)], id="zabadani-plans-are-figures"),
    pytest.param("Twelve buses, which carried 350 fighters and their families, left Zabadani for Idlib on Thursday.",
                 dt.date(2017, 4, 20),
                 [("Zabadani", "Idlib", 12, 350, None, None, "2017-04-20")],
                 [], id="which-carried-between-commas"),
    pytest.param("The people of Madaya in Rural Damascus arrived in Idlib on Saturday after a 24-hour journey.",
                 dt.date(2017, 4, 15),
                 [("Madaya", "Idlib", None, None, None, None, "2017-04-15")],
                 [], id="people-of-a-town-in-a-region"),
    pytest.param("UNICEF said it had delivered 5,000 food parcels to 12 shelters housing 2,300 displaced people in "
                 "Jibreen.",
                 dt.date(2016, 12, 20),
                 [],
                 [("in_shelters", 2300)], id="unicef-parcels-and-shelters"),
    pytest.param("At least 160 civilians were killed in Daraa province in two weeks of bombardment, the Syrian "
                 "Observatory said.",
                 dt.date(2018, 7, 2),
                 [],
                 [("killed", 160)], id="sohr-killed"),
    pytest.param("Hundreds of Hayat Tahrir al-Sham fighters were taken to Idlib on Thursday from the Juroud Arsal "
                 "area. A total of 113 buses carried 9,000 people, Lebanese officials said.",
                 dt.date(2017, 8, 3),
                 [("Juroud Arsal", "Idlib", 113, 9000, None, None, "2017-08-03")],
                 [], id="qalamoun-were-taken-to"),
    pytest.param("The first convoy of 20 buses and 13 ambulances crossed the Ramouseh road on Thursday carrying 951 "
                 "people from eastern Aleppo to the countryside, the Turkish foreign ministry said.",
                 dt.date(2016, 12, 15),
                 [("Aleppo", None, 20, 951, None, None, "2016-12-15")],
                 [], id="ramouseh-road-and-ambulances"),
    pytest.param("One thousand two hundred people left Khan al-Shih on Tuesday, while a further three hundred remained"
                 " behind.",
                 dt.date(2016, 11, 29),
                 [("Khan al-Shih", None, None, 1200, None, None, "2016-11-29")],
                 [("remaining", 300)], id="number-words-and-remaining"),
    pytest.param("A convoy of 16 buses left Kafr Zeita for Jarabulus on Sunday, carrying 620 people.",
                 dt.date(2018, 4, 8),
                 [("Kafr Zita", "Jarablus", 16, 620, None, None, "2018-04-08")],
                 [], id="a-variant-spelling-in-a-slot"),
    pytest.param("Russian military police oversaw the departure of 480 fighters from Busra al-Sham on Tuesday. In "
                 "total, some 5,000 people have left southern Syria for the north since the surrender deals.",
                 dt.date(2018, 7, 17),
                 [("Busra al-Sham", None, None, None, 480, None, "2018-07-17")],
                 [("evacuated", 5000)], id="busra-and-a-total-in-its-own-sentence"),
    pytest.param("Some 3,5000 residents have fled the town of Tafas, local activists said.",
                 dt.date(2018, 6, 28),
                 [],
                 [("fled", 35000)], id="a-misplaced-separator"),
    pytest.param("Nearly 300 fighters loyal to Jabhat al-Nusra and their wives departed Yarmouk on Monday for Idlib.",
                 dt.date(2018, 4, 30),
                 [("Yarmouk", "Idlib", None, 300, None, None, "2018-04-30")],
                 [], id="fighters-loyal-to-a-group-and-their-wives"),
    pytest.param("The second batch numbered 1,850 people. They were driven north on Wednesday toward Idlib.",
                 dt.date(2017, 3, 29),
                 [(None, "Idlib", None, 1850, None, None, "2017-03-29")],
                 [], id="the-second-batch-numbered-then-they"),
    pytest.param("KYIV (Reuters) - Around 2,000 civilians have fled the city of Sievierodonetsk over the past three "
                 "days, the regional governor said on Friday.",
                 dt.date(2022, 6, 10),
                 [],
                 [("fled", 2000)], id="kyiv-fled-over-three-days"),
    pytest.param("Fighters from the Houthi movement withdrew from the port of Hodeidah on Saturday, heading towards "
                 "Sanaa in a column of 40 vehicles, the coalition said.",
                 dt.date(2019, 5, 11),
                 [("Hodeidah", "Sanaa", 40, None, None, None, "2019-05-11")],
                 [], id="houthi-movement-is-no-place"),
    pytest.param("The army has retaken 12 towns and villages in the Yarmouk Basin, and 150 fighters surrendered, SANA "
                 "said.",
                 dt.date(2018, 7, 30),
                 [],
                 [("other", 150)], id="towns-are-no-people"),
    pytest.param("DARAA, Syria (AP) - Dozens of Idlib-bound buses left the town of Tafas on Sunday carrying about 900 "
                 "rebels who rejected the deal, the Observatory said.",
                 dt.date(2018, 7, 29),
                 [("Tafas", "Idlib", None, None, 900, None, "2018-07-29")],
                 [], id="daraa-idlib-bound-and-an-unknown-town"),
    pytest.param("The 25 buses, which carried some 1,300 people, set off from Khan al-Shih toward Idlib late on "
                 "Wednesday, state news agency SANA reported.",
                 dt.date(2016, 11, 30),
                 [("Khan al-Shih", "Idlib", 25, 1300, None, None, "2016-11-30")],
                 [], id="which-carried-then-set-off-from"),
    pytest.param("The last convoy from al-Waer arrived in Jarablus on Monday after a long journey, the governor of "
                 "Homs said.",
                 dt.date(2017, 5, 22),
                 [("Al-Waer", "Jarablus", None, None, None, None, "2017-05-22")],
                 [], id="the-governor-of-a-province-is-no-destination"),
    pytest.param("About 600 people of Sarmin in Idlib province arrived in Jibrin on Saturday.",
                 dt.date(2017, 4, 22),
                 [("Sarmin", "Jibrin", None, 600, None, None, "2017-04-22")],
                 [], id="people-of-a-town-in-a-province-arrived"),
    pytest.param("About 2,000 people are expected to leave Madaya today, a reporter at the crossing said, as the first"
                 " buses pulled out of the town.",
                 dt.date(2017, 4, 14),
                 [("Madaya", None, None, 2000, None, None, "2017-04-14")],
                 [], id="expected-today-as-buses-pulled-out"),
    pytest.param("Rebels and the government reached a deal on Sunday for the evacuation of fighters from Wadi Barada "
                 "to Idlib, a local official said.",
                 dt.date(2017, 1, 29),
                 [],
                 [], id="a-deal-reached-is-no-convoy"),
    pytest.param("In total, 20 buses took 900 people out of Kafr Batna on Monday, resuming a transfer officials expect"
                 " to take weeks.",
                 dt.date(2018, 3, 26),
                 [("Kafr Batna", None, 20, 900, None, None, "2018-03-26")],
                 [], id="in-total-for-its-own-phrase"),
    pytest.param("The agreement provides for the exit of about 4,000 fighters and their families from Barzeh and "
                 "Qaboun.",
                 dt.date(2017, 5, 7),
                 [],
                 [("planned", 4000)], id="a-deal-total-is-a-plan"),
    pytest.param("Between 5,000 and 7,000 people were still trapped inside the Yarmouk camp, the UN agency said.",
                 dt.date(2018, 4, 25),
                 [],
                 [("remaining", 5000), ("remaining", 7000)], id="a-range-of-remaining"),
    pytest.param("Shelling killed 23 people and wounded 80 in Douma on Tuesday, the civil defence said.",
                 dt.date(2018, 3, 20),
                 [],
                 [("killed", 23), ("wounded", 80)], id="killed-and-wounded"),
    pytest.param("A convoy of 45 lorries carrying food for 27,500 people entered Douma, the ICRC said.",
                 dt.date(2018, 3, 9),
                 [],
                 [("other", 27500)], id="lorries-carrying-food"),
    pytest.param("DAMASCUS, Syria (AFP) - Thousands of people began leaving eastern Aleppo on Thursday. A first convoy"
                 " of 20 buses and ambulances reached the Rashidin district, west of the city, in the afternoon.",
                 dt.date(2016, 12, 15),
                 [("Aleppo", "Al-Rashideen", 20, None, None, None, "2016-12-15")],
                 [], id="afp-aleppo-leaving-then-a-first-convoy"),
    pytest.param("The UN and the ICRC evacuated 101 civilians from the Azovstal plant on Sunday. They arrived in "
                 "Zaporizhzhia on Tuesday.",
                 dt.date(2022, 5, 3),
                 [("Azovstal", "Zaporizhzhia", None, None, None, 101, "2022-05-01")],
                 [], id="azovstal-then-they-arrived"),
    pytest.param("A second group of 1,200 fighters and their families left Yarmouk on Monday night for the eastern "
                 "desert, SANA said.",
                 dt.date(2018, 5, 21),
                 [("Yarmouk", None, None, 1200, None, None, "2018-05-21")],
                 [], id="a-second-group-of-fighters-and-families"),
    pytest.param("Fifteen buses carrying 700 people left Zamalka on Saturday, with 500 more waiting at the crossing.",
                 dt.date(2018, 3, 24),
                 [("Zamalka", None, 15, 700, None, None, "2018-03-24")],
                 [], id="with-more-waiting"),
    pytest.param("One bus carrying forty-five wounded left Madaya on Wednesday for Damascus.",
                 dt.date(2016, 1, 13),
                 [("Madaya", "Damascus", 1, 45, None, None, "2016-01-13")],
                 [], id="one-bus-carrying-wounded"),
    pytest.param("Over 1,000 gunmen leave Zabadani for Idlib\n\nDAMASCUS, April 14 (Reuters) - More than 1,000 gunmen "
                 "and their families left Zabadani on Friday for Idlib aboard 40 buses, state television said.",
                 dt.date(2017, 4, 14),
                 [("Zabadani", "Idlib", 40, 1000, None, None, "2017-04-14")],
                 [], id="headline-and-body-one-record",
                 marks=pytest.mark.xfail(strict=True, reason=_RESTATED)),
    pytest.param("MOSCOW, April 3. /TASS/. As many as 1 250 militants and members of their families have left the town"
                 " of al-Tall in the past day, the Russian Reconciliation Centre said.",
                 dt.date(2016, 12, 3),
                 [],
                 [("evacuated", 1250)], id="tass-space-separator-in-the-past-day"),
    pytest.param("In this photo released by the Syrian official news agency SANA, buses carrying rebels leave al-Waer "
                 "district in Homs, Syria, Saturday, March 18, 2017. (SANA via AP)",
                 dt.date(2017, 3, 18),
                 [("Al-Waer", None, None, None, None, None, "2017-03-18")],
                 [], id="sana-via-ap-caption"),
    pytest.param("Local sources estimate that 3,5000 people remain in Madaya.",
                 dt.date(2016, 1, 10),
                 [],
                 [("remaining", 35000)], id="a-misplaced-separator-remaining"),
    pytest.param("A first group of 400 people left Kefraya on Wednesday. Another group of 350 left Foua for Aleppo "
                 "later the same day.",
                 dt.date(2017, 4, 19),
                 [("Kafraya", None, None, 400, None, None, "2017-04-19"),
                  ("Foua", "Aleppo", None, 350, None, None, "2017-04-19")],
                 [], id="another-group-of-n"),
    pytest.param("The death toll rose to at least 45, including 12 children, the Observatory said.",
                 dt.date(2018, 3, 5),
                 [],
                 [("killed", 45)], id="a-toll-with-a-breakdown"),
    pytest.param("Some 4,000 civilians fled Sumy through a humanitarian corridor on Tuesday, Ukrainian officials said.",
                 dt.date(2022, 3, 8),
                 [],
                 [("fled", 4000)], id="a-humanitarian-corridor"),
    pytest.param("Buses carrying 800 fighters left the towns of Kafr Nabudah and Hobeit in Hama province for Idlib.",
                 dt.date(2019, 8, 1),
                 [("Hama", "Idlib", None, None, 800, None, None)],
                 [], id="towns-in-a-province-are-the-province"),
    pytest.param("Hundreds of people from Beit Jinn in the Damascus countryside arrived in Daraa on Friday.",
                 dt.date(2017, 12, 29),
                 [("Beit Jinn", "Daraa", None, None, None, None, "2017-12-29")],
                 [], id="people-from-a-town-in-the-countryside"),
]


def _value(quantity: Quantity | None) -> int | None:
    return quantity.value if quantity is not None else None


def _read(convoy: Convoy) -> tuple[object, ...]:
    day = convoy.date.start.isoformat() if convoy.date and convoy.date.start == convoy.date.end else None
    return (convoy.origin.name if convoy.origin else None, convoy.destination.name if convoy.destination else None,
            _value(convoy.buses), _value(convoy.people), _value(convoy.fighters), _value(convoy.civilians), day)


@pytest.mark.parametrize(("text", "published", "convoys", "figures"), REPORTS)
def test_a_report_reads_as_stated(text: str, published: dt.date, convoys: list[tuple[object, ...]],
                                  figures: list[tuple[str, int]]) -> None:
    report = parse(text, published=published, report_id="r")
    assert sorted((_read(c) for c in report.convoys), key=repr) == sorted(convoys, key=repr)
    assert sorted((f.kind.value, f.quantity.value) for f in report.figures) == sorted(figures)
