"""Who takes part in an event (kg.extract.participants), on short texts written for the
tests: the occasion that frames an event, the topic of talks and a third-country venue are
not participants; a host and the people a pronoun or a title stands for are."""
from __future__ import annotations

import pytest

from kg.extract.context import Context
from kg.extract.pipeline import load_nlp
from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def event(registry, text, kind, trigger=None):
    found = [e for e in extract("t", text, registry).events
             if e.kind == kind and (trigger is None or e.trigger.text == trigger)]
    assert len(found) == 1, found
    return found[0]


def test_the_summit_a_meeting_is_held_beside_and_its_venue_frame_the_meeting(registry):
    text = ("Prime Minister Shehbaz Sharif met President Vladimir Putin in Beijing on the sidelines "
            "of the SCO summit.")
    meeting = event(registry, text, "Meeting")
    assert set(meeting.participants) == {"shehbaz-sharif", "vladimir-putin", "pakistan", "russia"}
    assert "sco" in event(registry, text, "Summit").participants


def test_what_talks_are_about_does_not_take_part(registry):
    e = event(registry, "Russia and Pakistan held consultations on Afghanistan in Moscow.", "Meeting")
    assert set(e.participants) == {"russia", "pakistan"}


def test_the_state_of_the_venue_hosts_when_no_two_other_states_meet_there(registry):
    e = event(registry, "Russian Deputy Minister Igor Morgulov met Railways Minister Kamran Baig in Islamabad.",
              "Meeting")
    assert "pakistan" in e.participants and "russia" in e.participants


def test_an_occasion_named_as_venue_does_not_take_part(registry):
    e = event(registry, "Pakistan and India held talks during the Russian Annual Trade Fair and Industrial Forum.",
              "Meeting")
    assert set(e.participants) == {"pakistan", "india"}


def test_his_in_a_fronted_phrase_is_the_subject_of_the_clause(registry):
    e = event(registry, "At the beginning of his visit to Moscow, Foreign Minister Ishaq Dar called on Sergey Lavrov.",
              "StateVisit")
    assert set(e.participants) == {"ishaq-dar", "pakistan", "russia"}


def test_their_meeting_is_the_two_people_the_sentence_names(registry):
    e = event(registry, "During their meeting on Thursday, President Putin expressed warmth towards "
                        "Prime Minister Shehbaz Sharif.", "Meeting")
    assert set(e.participants) == {"vladimir-putin", "russia", "shehbaz-sharif", "pakistan"}


def test_its_is_the_state_that_is_the_subject_of_its_clause(registry):
    e = event(registry, "As Russia faces sanctions amid its war in Ukraine, trade with Pakistan gives Moscow a chance.",
              "War")
    assert set(e.participants) == {"russia", "ukraine"}


def test_a_state_whose_forces_or_commission_take_part_takes_part(registry):
    e = event(registry, "The Russian Army contingent is taking part in the bilateral military exercise.",
              "MilitaryExercise")
    assert "russia" in e.participants
    e = event(registry, "The 8th meeting of the Pakistani-Russian Intergovernmental Commission on Trade "
                        "commenced on Wednesday.", "Meeting")
    assert {"pakistan", "russia"} <= set(e.participants)


def test_the_event_s_own_name_is_no_participant_but_the_states_it_names_are(registry):
    e = event(registry, "The Joint Exercise of Pakistan and Russian Federation DRUZHBA-V continues.",
              "MilitaryExercise")
    assert set(e.participants) == {"pakistan", "russia"}


def test_the_two_countries_are_the_pair_the_article_is_about(registry):
    text = ("Trade between Pakistan and Russia has grown, and Russia wants more. The route runs through "
            "Turkmenistan and Iran. Customs officials of the two countries met in Islamabad in February 2024.")
    assert set(event(registry, text, "Meeting").participants) == {"pakistan", "russia"}


def test_a_name_in_a_clause_of_its_own_does_not_take_part(registry):
    e = event(registry, "The collapse of the Soviet Union provided an opportunity, which was taken up by both sides.",
              "StateDissolution")
    assert e.participants == ("soviet-union",)


def test_a_relative_clause_about_the_event_names_its_participants(registry):
    e = event(registry, "The ship came for Aman, the multinational exercise that the Pakistan Navy has staged since 2007.",
              "MilitaryExercise")
    assert "pakistan-navy" in e.participants


def test_a_bare_surname_is_the_registry_person_the_article_named_in_full(registry):
    ex = extract("t", "Prime Minister Nawaz Sharif arrived in Ufa. The Sharif-Putin meeting lasted an hour.", registry)
    meeting = [e for e in ex.events if e.kind == "Meeting"]
    assert meeting and "nawaz-sharif" in meeting[0].participants
    assert not any(k.startswith("new:") for k in ex.new_entities)


def test_a_state_s_title_is_the_person_named_earlier_with_that_title(registry):
    text = ("Prime Minister Imran Khan is set to visit Russia. Foreign Minister Shah Mahmood Qureshi made the "
            "announcement. Peskov said preparations for a visit of Pakistan's prime minister to Moscow are underway.")
    visits = [e for e in extract("t", text, registry).events if e.kind == "StateVisit"]
    assert visits and all("imran-khan" in e.participants for e in visits)
    assert not any("Qureshi" in p for e in visits for p in e.participants)


def test_the_former_premier_is_the_prime_minister_named_before(registry):
    e = event(registry, "Ambassador Danila Ganich praised former Prime Minister Imran Khan, saying the former premier "
                        "had held talks with President Vladimir Putin during his visit to Moscow last year.",
              "StateVisit")
    assert "imran-khan" in e.participants and "vladimir-putin" not in e.participants


def test_their_country_is_not_the_two_people_named_before(registry):
    e = event(registry, "Shehbaz Sharif met Vladimir Putin in Astana. Russian officials said that their country "
                        "will provide every possible support to Pakistan.", "StatementOfSupport")
    assert "shehbaz-sharif" not in e.participants and "vladimir-putin" not in e.participants


def test_a_place_in_a_clause_with_an_event_of_its_own_is_that_event_s_place(registry):
    text = ("Russia expressed its support for Pakistan's membership of the SCO, following which there "
            "have been meetings between Pakistani officials and their Russian counterparts in Ufa in July 2015.")
    found = extract("t", text, registry).events
    support = [e for e in found if e.kind == "StatementOfSupport"]
    assert support and all("ufa" not in e.places for e in support)
    assert any("ufa" in e.places for e in found if e.kind == "Meeting")


@pytest.mark.parametrize("text", [
    "A contingent of Russian special forces arrived in Pakistan for the joint exercise.",
    "A contingent of the Pakistan armed forces participated in the military exercises in the Russian city of Astrakhan.",
])
def test_the_side_that_arrives_or_takes_part_and_the_state_it_reaches_take_part(registry, text):
    e = event(registry, text, "MilitaryExercise")
    assert {"russia", "pakistan"} <= set(e.participants)


def test_a_clause_describing_the_side_that_comes_to_an_exercise_adds_no_one(registry):
    e = event(registry, "Russia and Pakistan, two enemies when the former existed as the USSR, came together "
                        "for the first joint military exercise.", "MilitaryExercise")
    assert set(e.participants) == {"russia", "pakistan"}


def test_who_welcomes_a_meeting_between_two_others_does_not_take_part(registry):
    e = event(registry, "Ambassador Danila Ganich welcomed the meeting between the foreign ministers of Iran and "
                        "Saudi Arabia.", "Meeting")
    assert set(e.participants) == {"iran", "saudi-arabia"}


def test_her_is_the_woman_the_text_shows_not_the_nearest_man(registry):
    text = ("Ms. Amina Latif, a spokesperson, spoke to reporters on Monday. Foreign Minister Sergey Lavrov "
            "was in Delhi. She said that her meeting with Igor Morgulov was useful.")
    e = event(registry, text, "Meeting")
    assert "new:Amina Latif" in e.participants
    assert "sergey-lavrov" not in e.participants


def test_a_pronoun_outside_a_quotation_is_not_someone_named_only_inside_it(registry):
    text = ("Amina Latif spoke to TASS on Monday. \u201cDefence Minister Sergei Shoigu understands our "
            "concerns very well,\u201d the diplomat told TASS. She said that her meeting with "
            "Igor Morgulov was useful.")
    e = event(registry, text, "Meeting", trigger="meeting")
    assert "new:Amina Latif" in e.participants
    assert "sergei-shoigu" not in e.participants


def test_who_invites_and_who_is_invited_to_a_summit_take_no_part_in_it(registry):
    e = event(registry, "Putin invited Shehbaz Sharif to attend the upcoming SCO summit in Moscow.", "Summit")
    assert set(e.participants) == {"sco", "russia"}  # Russia hosts it (Moscow), the invitation aside
    e = event(registry, "Lavrov extended an invitation to Foreign Minister Ishaq Dar to attend the SCO summit.",
              "Summit")
    assert not {"ishaq-dar", "pakistan", "sergey-lavrov"} & set(e.participants)


def test_a_person_described_as_an_official_of_a_state_body_is_of_that_state(registry):
    text = ("Tasnim Aslan, an official spokesperson of the Pakistani Foreign Ministry, spoke to reporters. "
            "She said that her meeting with Russian Deputy Foreign Minister Sergey Ryabkov was useful.")
    e = event(registry, text, "Meeting")
    assert {"new:Tasnim Aslan", "pakistan", "sergey-ryabkov", "russia"} == set(e.participants)


def test_the_source_an_event_is_reported_by_takes_no_part(registry):
    text = ("Russian President Vladimir Putin held talks with Pakistani Prime Minister Shehbaz Sharif in Tianjin, "
            "according to Kremlin spokesman Dmitry Peskov.")
    e = event(registry, text, "Meeting")
    assert "dmitry-peskov" not in e.participants
    assert {"vladimir-putin", "shehbaz-sharif"} <= set(e.participants)


@pytest.mark.parametrize("dateline", ["Moscow, 30 January 2023 (TDI): ", "ISLAMABAD (Dunya News) – ",
                                      "ISLAMABAD, October 16. /APP/. ",
                                      "MOSCOW, (APP - UrduPoint / Pakistan Point News - 4th Dec, 2024) "])
def test_the_paper_or_agency_a_dateline_credits_takes_no_part(registry, dateline):
    text = dateline + "Bilawal Bhutto Zardari held a meeting with Sergey Lavrov in Moscow on Monday."
    e = event(registry, text, "Meeting")
    assert {"bilawal-bhutto-zardari", "sergey-lavrov"} <= set(e.participants)
    assert not [p for p in e.participants if p.startswith("new:") or p == "app"], e.participants


def test_a_title_s_acronym_is_no_organisation_and_a_dateline_gives_an_unqualified_office_its_state(registry):
    text = ("ISLAMABAD: At the beginning of his visit to the Russian Federation, Special Assistant to the Prime "
            "Minister (SAPM), Syed Nasir Bukhari called on Russian Foreign Minister Sergey Lavrov Tuesday.\n\n"
            "Before concluding the meeting, the SAPM hand-delivered a letter.")
    ex = extract("t", text, registry)
    assert not any("SAPM" in e for e in ex.new_entities), ex.new_entities
    visit = event(registry, text, "StateVisit")
    assert set(visit.participants) == {"new:Syed Nasir Bukhari", "pakistan", "russia"}
    meetings = [e for e in ex.events if e.kind == "Meeting"]
    assert len(meetings) == 1, meetings  # "the meeting" the SAPM concluded is the call on Lavrov
    assert set(meetings[0].participants) == {"new:Syed Nasir Bukhari", "pakistan", "russia", "sergey-lavrov"}
    # without a dateline the office names no state
    bare = event(registry, text.replace("ISLAMABAD: ", ""), "StateVisit")
    assert "pakistan" not in bare.participants


def test_a_meeting_with_one_side_only_is_left_out(registry):
    for text in ("Pakistan will hold talks on trade next month.",
                 "Prime Minister Shehbaz Sharif held talks on trade in Lahore."):
        assert not [e for e in extract("t", text, registry).events if e.kind == "Meeting"], text
    e = event(registry, "Pakistan and Russia held talks on trade in Moscow.", "Meeting")
    assert set(e.participants) == {"pakistan", "russia"}


def test_a_state_that_locates_the_venue_is_a_place_not_a_party_to_the_meeting(registry):
    e = event(registry, "Prime Minister Shehbaz Sharif met President Vladimir Putin in Samarkand, Uzbekistan "
                        "on Thursday.", "Meeting")
    assert "uzbekistan" not in e.participants and {"pakistan", "russia"} <= set(e.participants)


def test_the_two_countries_are_the_two_the_sentence_before_names(registry):
    text = ("Pakistan and Russia held talks in Moscow. Russia has exported helicopters to Iraq. "
            "The two countries signed a deal on military cooperation in 2012.")
    e = event(registry, text, "Agreement")
    assert set(e.participants) == {"russia", "iraq"} or set(e.participants) == {"russia", "new:Iraq"}, e.participants


def test_a_person_whose_title_names_the_state_that_takes_part_takes_part(registry):
    e = event(registry, "The issue was raised by India during talks between external affairs minister Sushma Swaraj "
                        "and Russian deputy PM Dmitry O. Rogozin.", "Meeting")
    assert {"new:Dmitry O. Rogozin", "russia", "new:Sushma Swaraj"} <= set(e.participants)
    assert "india" not in e.participants


def test_who_speaks_about_an_event_does_not_take_part(registry):
    text = ("Mateen Haider was part of the panel. Giving details about the visit of Prime Minister Imran Khan "
            "to Russia, he said it was important.")
    assert set(event(registry, text, "StateVisit").participants) == {"imran-khan", "pakistan", "russia"}


def test_who_reacts_to_an_event_does_not_take_part(registry):
    e = event(registry, "Russia’s joint military exercises with Pakistan haven’t gone well with India.",
              "MilitaryExercise")
    assert set(e.participants) == {"russia", "pakistan"}


def test_the_state_whose_city_is_the_venue_is_no_party_to_a_meeting_of_two_others(registry):
    e = event(registry, "Prime Minister Shehbaz Sharif and Russian President Vladimir Putin met in Uzbekistan’s "
                        "historic city of Samarkand.", "Meeting")
    assert set(e.participants) == {"shehbaz-sharif", "pakistan", "vladimir-putin", "russia"}


def test_the_two_ministers_are_the_minister_of_each_side_named_before(registry):
    text = ("Foreign Minister Ishaq Dar spoke to Russian Foreign Minister Sergey Lavrov by telephone on Monday. "
            "The two foreign ministers are scheduled to meet in Moscow next month.")
    meetings = [e for e in extract("t", text, registry).events if e.kind == "Meeting"]
    assert meetings and {"ishaq-dar", "pakistan", "sergey-lavrov", "russia"} <= set(meetings[-1].participants)
    # "the two leaders" are heads of state or government, not the ambassador named before
    text = ("Russian Ambassador Danila Ganich said Prime Minister Imran Khan would visit Moscow. "
            "During the meeting between the two leaders, trade would be discussed.")
    for e in extract("t", text, registry).events:
        assert "danila-ganich" not in e.participants, e


def test_a_state_inside_a_word_of_backing_does_not_take_part(registry):
    e = event(registry, "Moscow has declared strong support for the China-funded project.", "StatementOfSupport")
    assert "china" not in e.participants


def test_a_dateline_gives_no_state_to_a_counterpart_the_text_calls_foreign(registry):
    ex = extract("t", "ISLAMABAD: Minister Khurram Dastgir Khan co-chaired the meeting with his Russian counterpart, "
                      "Minister for Trade and Industry Denis Manturov. Manturov said trade had grown.", registry)
    meetings = [e for e in ex.events if e.kind == "Meeting"]
    assert meetings and "new:Denis Manturov" in meetings[0].participants
    ctx = Context(load_nlp()(ex.text), ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
    assert ctx.nationality("new:Denis Manturov") != "pakistan"  # not made Pakistani by the dateline


def test_his_of_a_subject_named_but_unknown_is_nobody_rather_than_the_last_person_named(registry):
    """"PM Shehbaz" is no mention here: "his" is his, so the visit is nobody's, not Mishustin's."""
    text = ("Prime Minister Shehbaz Sharif had a cordial meeting with his Russian counterpart Mikhail Mishustin on the "
            "sidelines of the SCO meeting, the Prime Minister's Office said on Wednesday.\n\nThe two prime ministers "
            "discussed the entire spectrum of bilateral cooperation.\n\nPM Shehbaz recalled his first foreign visit "
            "to Moscow, expressing a desire to transform these warm memories into a lasting friendship with Russia.")
    visits = [e for e in extract("t", text, registry).events if e.kind == "StateVisit"]
    assert not [e for e in visits if "mikhail-mishustin" in e.participants], visits


def test_the_venue_state_of_an_organisations_own_meeting_is_no_party(registry):
    text = ("Foreign Minister Ishaq Dar met Russian Foreign Minister Sergey Lavrov on the sidelines of the SCO "
            "foreign ministers meeting in Astana, Kazakhstan on Wednesday.")
    found = event(registry, text, "Meeting", "meeting")
    assert "sco" in found.participants and "kazakhstan" not in found.participants


def test_the_venue_state_of_a_bilateral_meeting_hosts_it(registry):
    found = event(registry, "Pakistani officials held a meeting with Russian officials in Moscow on Wednesday.",
                  "Meeting")
    assert {"pakistan", "russia"} <= set(found.participants)


def test_the_delegation_a_visit_is_of_takes_part(registry):
    found = event(registry, "The issue was discussed during a visit of a Russian delegation to Islamabad in May.",
                  "StateVisit")
    assert {"russia", "pakistan"} <= set(found.participants)


def test_the_state_a_visitor_arrives_in_for_the_visit_takes_part(registry):
    found = event(registry, "Foreign Minister Ishaq Dar arrived in Russia for a three-day official visit on Monday.",
                  "StateVisit")
    assert {"ishaq-dar", "pakistan", "russia"} <= set(found.participants)


def test_the_person_named_right_before_a_visit_verb_the_parse_left_without_subject_visits(registry):
    # the parse hangs Lavrov on "from" and makes "visited" a conjunct of "wants"
    text = ("Islamabad wants to buy more oil from Russia and Russian Foreign Minister Sergey Lavrov visited "
            "Islamabad in April to discuss the terms.")
    found = event(registry, text, "StateVisit")
    assert {"sergey-lavrov", "russia", "pakistan"} <= set(found.participants)


def test_the_speaker_whose_state_offers_or_backs_takes_part(registry):
    offer = event(registry, "President Vladimir Putin told reporters, adding that Moscow stood ready to supply "
                            "wheat to Pakistan.", "Offer")
    assert "vladimir-putin" in offer.participants
    support = event(registry, "Foreign Minister Sergey Lavrov said Russia fully supported Pakistan in its fight "
                              "against terrorism.", "StatementOfSupport")
    assert "sergey-lavrov" in support.participants


def test_an_organisation_of_the_gathering_a_visit_is_made_to_attend_is_no_party_to_the_visit(registry):
    text = "Prime Minister Shehbaz Sharif will visit Moscow next month to attend a summit of the SCO."
    visit = event(registry, text, "StateVisit")
    assert "sco" not in visit.participants
    assert {"shehbaz-sharif", "russia"} <= set(visit.participants)


def test_the_state_an_envoy_is_posted_to_receives_his_call_on_someone_of_no_named_state(registry):
    e = event(registry, "Russian Ambassador to Pakistan, Ivan Petrov called on the Minister of Commerce "
                        "Dr. Tariq Saleem at the Commerce Ministry.", "Meeting")
    assert {"russia", "pakistan", "new:Ivan Petrov", "new:Tariq Saleem"} <= set(e.participants)
    e = event(registry, "Russian Ambassador to Pakistan, Ivan Petrov called on Chinese Ambassador Li Wei at "
                        "the embassy.", "Meeting")
    assert "china" in e.participants and "pakistan" not in e.participants  # the other one's state is named


def test_a_speaker_who_reports_anothers_backing_does_not_take_part(registry):
    support = event(registry, "Foreign Minister Ishaq Dar said Russia fully supported Pakistan in its fight "
                              "against terrorism.", "StatementOfSupport")
    assert "ishaq-dar" not in support.participants


def test_the_venue_state_of_an_organisations_summit_is_no_party_unless_named_as_one(registry):
    third = event(registry, "Prime Minister Shehbaz Sharif met President Vladimir Putin on the sidelines of the SCO "
                            "summit in Astana, Kazakhstan on Thursday.", "Summit")
    assert "kazakhstan" not in third.participants
    host = event(registry, "On the sidelines of the SCO summit in Islamabad, Pakistan and Russia signed three "
                           "agreements.", "Summit")
    assert {"sco", "pakistan", "russia"} <= set(host.participants)


def test_a_state_the_organisations_summit_sits_in_is_its_venue_not_a_party(registry):
    # the state itself after "in", or after an unknown city by a comma: where it sits, as a city would be
    for text in ("President Vladimir Putin met Prime Minister Shehbaz Sharif on the sidelines of the SCO "
                 "summit in Kyrgyzstan last year.",
                 "President Vladimir Putin met Prime Minister Shehbaz Sharif on the sidelines of the SCO "
                 "summit in Cholpon-Ata, Kyrgyzstan last year."):
        summit = event(registry, text, "Summit")
        assert "kyrgyzstan" not in summit.participants, text
        assert {"sco", "pakistan", "russia"} <= set(summit.participants), text


def test_a_state_a_bilateral_meeting_sits_in_still_takes_part(registry):
    e = event(registry, "Prime Minister Shehbaz Sharif held talks with his hosts in Russia on Monday.", "Meeting")
    assert "russia" in e.participants, e.participants


def test_an_ambassador_named_after_the_state_of_his_post_takes_part(registry):
    # the parse hangs the name under "to": the state of the post stays out, the person does not
    e = event(registry, "Russian Ambassador to India Alexander Petrov called on Prime Minister Shehbaz Sharif "
                        "in Islamabad on Tuesday.", "Meeting")
    assert "new:Alexander Petrov" in e.participants and "shehbaz-sharif" in e.participants


def test_a_title_set_before_a_name_by_a_comma_gives_the_persons_state(registry):
    # (the state stands more than seven words before the name)
    text = ("Foreign Minister Ishaq Dar met his Uzbek counterpart, Minister for Industry and Foreign Trade "
            "Bakhtiyor Saidov, in Islamabad. Saidov later visited Lahore.")
    doc = load_nlp()(text)
    result = extract("t", text, registry)
    ctx = Context(doc, result.sentences, result.mentions, [], registry, None, result.new_entities)
    assert ctx.nationality("new:Bakhtiyor Saidov") == "uzbekistan"
    visit = event(registry, text, "StateVisit")
    assert "uzbekistan" in visit.participants


def test_a_person_whose_state_attends_a_gathering_through_them_attends_too(registry):
    text = ("Prime Minister Shehbaz Sharif arrived in Samarkand to attend the SCO summit, during which he is "
            "scheduled to meet other world leaders in attendance, including Russian President Vladimir Putin.")
    e = event(registry, text, "Meeting", "meet")
    assert {"vladimir-putin", "russia", "shehbaz-sharif", "pakistan"} <= set(e.participants)


def test_a_person_who_only_reports_a_gathering_does_not_attend_it(registry):
    e = event(registry, "Chinese Foreign Ministry spokesman Lin Jian said the meeting between Pakistan and "
                        "Russia in Moscow was fruitful.", "Meeting")
    assert "new:Lin Jian" not in e.participants


def test_a_commission_or_council_is_the_forum_of_its_session_not_a_side(registry):
    e = event(registry, "The ninth session of the Pakistan-Russia Intergovernmental Commission on Trade opened "
                        "in Islamabad on Monday.", "Meeting")
    assert set(e.participants) == {"pakistan", "russia"}
    e = event(registry, "Lavrov and Dar talked during the meeting of the Council of Foreign Ministers of the SCO "
                        "in Astana.", "Meeting", "meeting")
    assert "sco" in e.participants and not any("Council" in p for p in e.participants)


def test_the_home_states_of_firms_are_no_parties_to_their_deals(registry):
    found = extract("t", "Two agriculture companies from Russia and Pakistan have signed barter deals to trade "
                         "chickpeas for rice.", registry).events
    assert not any({"russia", "pakistan"} & set(e.participants) for e in found if e.kind == "Agreement")
    offer = event(registry, "The committee approved the offer from the Russian state firm Prodintorg to supply "
                            "wheat to Pakistan.", "Offer")
    assert "russia" in offer.participants


def test_who_acts_before_a_meeting_does_not_attend_it(registry):
    # the meeting only dates the talks: the people who hold the talks are not its participants
    found = [e for e in extract("t", "Ishaq Dar and Sergey Lavrov will hold talks ahead of the Kabul Process "
                                     "meeting in the Afghan capital.", registry).events
             if e.kind == "Meeting" and e.trigger.text == "meeting"]
    assert all(p not in e.participants for e in found for p in ("ishaq-dar", "sergey-lavrov"))


def test_who_meets_during_a_summit_attends_it(registry):
    found = event(registry, "Shehbaz Sharif met Vladimir Putin during the summit of the Shanghai Cooperation "
                            "Organisation in Astana.", "Summit")
    assert {"shehbaz-sharif", "vladimir-putin"} <= set(found.participants)


def test_a_dateline_on_a_line_of_its_own_names_no_party():
    from kg.extract.boundaries import dateline_line

    text = ("The foreign office said the two ministers discussed trade\n\nAnkara, Turkey\n\nPakistan Foreign "
            "Minister Ishaq Dar met Sergey Lavrov in Turkey.")
    doc = load_nlp()(text)
    turkey = [t for t in doc if t.text == "Turkey"]
    assert [dateline_line(text, t) for t in turkey] == [True, False]
    assert not any(dateline_line(text, t) for t in doc if t.text == "Pakistan")


def test_the_state_succeeded_replaced_or_spoken_for_is_no_party(registry):
    e = event(registry, "In 1991 Pakistan recognised Russia as the successor state of the USSR.", "Recognition")
    assert "soviet-union" not in e.participants and {"pakistan", "russia"} <= set(e.participants)
    e = event(registry, "In 1991 Pakistan recognised Russia and the USSR.", "Recognition")
    assert "soviet-union" in e.participants


def test_who_sends_or_receives_a_letter_carried_to_a_meeting_does_not_take_part(registry):
    text = ("The Prime Minister's envoy, Ali Raza, met Russian Foreign Minister Sergey Lavrov in Moscow. During "
            "the meeting, Raza handed over a letter from Prime Minister Shehbaz Sharif to President Vladimir Putin.")
    e = event(registry, text, "Meeting")
    assert "sergey-lavrov" in e.participants
    assert not {"shehbaz-sharif", "vladimir-putin"} & set(e.participants)


def test_sender_of_message_reads_the_phrase_that_names_the_message():
    from kg.extract.boundaries import sender_of_message
    doc = load_nlp()("Raza delivered a letter from Prime Minister Sharif to President Putin and met Putin's aide.")
    putin, other = [t for t in doc if t.text == "Putin"]
    assert sender_of_message(next(t for t in doc if t.text == "Sharif")) and sender_of_message(putin)
    assert not sender_of_message(doc[0])
    assert not sender_of_message(other), "the aide's Putin sends nothing"


def test_a_name_in_apposition_to_the_trigger_is_the_event_s_own(registry):
    e = event(registry, "Troops of Pakistan and Russia began a two-week drill, Steppe Shield 2024, near Rostov.",
              "MilitaryExercise")
    assert set(e.participants) == {"pakistan", "russia"}


def test_a_person_the_parse_hangs_on_the_trigger_still_takes_part(registry):
    e = event(registry, "The Foreign Minister of Pakistan, Bilawal Bhutto Zardari held an official meeting with "
                        "the Foreign Minister of the Russian Federation, Sergey Lavrov in Moscow, on Monday.",
              "Meeting")
    assert "sergey-lavrov" in e.participants


def test_its_inside_a_phrase_a_state_owns_is_that_state(registry):
    text = ("Amid the pressure of the United States on Islamabad, Pakistan's turn in its foreign policy shows in "
            "closer ties with Russia.")
    doc = load_nlp()(text)
    result = extract("t", text, registry)
    ctx = Context(doc, result.sentences, result.mentions, [], registry, None, result.new_entities)
    its = next(t for t in doc if t.lower_ == "its")
    assert ctx.resolve_pronoun(its) == ["pakistan"]


def test_they_after_two_coordinated_states_is_both(registry):
    text = "Pakistan and Russia have widened defence ties. They conducted a joint military exercise in 2021."
    assert set(event(registry, text, "MilitaryExercise").participants) == {"pakistan", "russia"}


def test_the_exercises_own_name_is_no_participant_but_its_states_take_part(registry):
    e = event(registry, "The navies of Pakistan and Russia began a bilateral exercise titled Joint Exercise "
                        "Sea Shield-IV on Monday.", "MilitaryExercise")
    assert {"pakistan", "russia"} <= set(e.participants)
    assert not any(p.startswith("new:") and "Shield" in p for p in e.participants), e.participants


def test_a_venue_s_state_after_its_city_stays_out_of_a_side_meeting_the_summit_frames(registry):
    text = ("Shehbaz Sharif met Vladimir Putin on the sidelines of the SCO summit in Samarkand, Uzbekistan on "
            "Thursday.")
    found = event(registry, text, "Meeting", "met")
    assert {"shehbaz-sharif", "vladimir-putin"} <= set(found.participants)
    assert "uzbekistan" not in found.participants


def test_the_parliament_its_speaker_heads_does_not_visit_with_him(registry):
    text = "Speaker of the National Assembly Sardar Ayaz Sadiq visited Moscow in 2024."
    (visit,) = [e for e in extract("t", text, registry).events if e.kind == "StateVisit"]
    assert "ayaz-sadiq" in visit.participants
    assert not any("assembly" in p.lower() for p in visit.participants)


def test_a_state_in_apposition_to_the_venue_is_where_it_lies_not_a_side(registry):
    # "Bishkek, the Kyrgyz capital": two other states meet there, the host is no side
    found = [set(e.participants) for e in extract("t", "Prime Minister Imran Khan on Thursday held talks with Russian "
                                                       "President Vladimir Putin in Bishkek, the Kyrgyz capital.",
                                                  registry).events if e.kind == "Meeting"]
    assert found and "kyrgyzstan" not in found[0]
    assert {"imran-khan", "vladimir-putin"} <= found[0]


def test_a_person_after_two_titles_set_apart_by_a_comma_takes_part(registry):
    text = ("General Asim Munir on Monday held a meeting with Chief of the Russian General Staff, First Deputy "
            "Defence Minister Army General Arkady Zolotov in Moscow.")
    found = [set(e.participants) for e in extract("t", text, registry).events if e.kind == "Meeting"]
    assert found and "new:Arkady Zolotov" in found[0]


def test_a_ministry_the_talks_are_held_at_is_where_not_who(registry):
    e = event(registry, "Pakistani and Russian diplomats held talks on Friday at the Russian Foreign Ministry.",
              "Meeting")
    assert set(e.participants) == {"pakistan", "russia"}


def test_a_military_district_whose_territory_hosts_the_drill_does_not_take_part(registry):
    e = event(registry, "Pakistani and Russian troops began joint drills on the territory of Russia's "
                        "Southern Military District on Monday.", "MilitaryExercise")
    assert set(e.participants) == {"pakistan", "russia"}


def test_a_contract_named_as_signed_is_not_a_party_to_it(registry):
    e = event(registry, "Pakistan and Russia signed the Contract on Training of Naval Officers on Tuesday.",
              "Agreement")
    assert set(e.participants) == {"pakistan", "russia"}


def test_one_who_speaks_at_the_summit_attends_it(registry):
    e = event(registry, "\u201cOld friends matter,\u201d said PM Modi at the India-Russia Annual Summit held in "
                        "Goa last year.", "Summit")
    assert "narendra-modi" in e.participants


def test_ministers_who_follow_the_prime_minister_arrive_too(registry):
    e = event(registry, "PM Shehbaz Sharif arrived in Moscow on Monday, followed by Finance Minister Ishaq Dar "
                        "and Defence Minister Khawaja Asif.", "StateVisit")
    assert {"shehbaz-sharif", "ishaq-dar", "khawaja-asif", "pakistan", "russia"} <= set(e.participants)


def test_talks_that_follow_an_arrival_bring_no_one_to_it(registry):
    e = event(registry, "PM Shehbaz Sharif arrived in Moscow on Monday, followed by talks with President "
                        "Vladimir Putin.", "StateVisit")
    assert "vladimir-putin" not in e.participants


def test_the_states_of_an_energy_giant_and_of_companies_are_not_parties_to_their_deal(registry):
    cands = _candidates(registry, "Russian energy giant Gazprom and Pakistani companies signed a deal on gas supplies.",
                        "deal")
    assert cands["gazprom"].rule
    assert not cands["russia"].rule and not cands["pakistan"].rule


def _candidates(registry, text, trigger):
    from kg.extract import events as ev
    seen = {}
    orig = ev.candidates

    def spy(ctx, token, kind, sentence):
        out = orig(ctx, token, kind, sentence)
        if token.text == trigger:
            seen.update({c.entity: c for c in out[0]})
        return out
    ev.candidates = spy
    try:
        extract("t", text, registry)
    finally:
        ev.candidates = orig
    return seen


def test_one_who_welcomes_a_decision_to_attend_does_not_attend(registry):
    e = event(registry, "Russian Ambassador Danila Ganich spoke to reporters on Monday. He welcomed the decision "
                        "of Foreign Minister Bilawal Bhutto Zardari to visit Goa to attend the SCO Council of Foreign "
                        "Ministers conference.", "Meeting")
    assert "danila-ganich" not in e.participants and "russia" not in e.participants


def test_a_pronoun_in_a_clause_below_the_trigger_is_not_its_participant(nlp):
    from kg.extract.participants import _in_other_clause

    doc = nlp("Cairo, realizing that its longtime client is now courting other suppliers, has lifted an arms embargo.")
    its = next(t for t in doc if t.lower_ == "its")
    lifted = next(t for t in doc if t.lower_ == "lifted")
    assert _in_other_clause(its, lifted)
    doc = nlp("Their ministers said they would hold talks in Cairo next week.")
    they = next(t for t in doc if t.lower_ == "they")
    talks = next(t for t in doc if t.lower_ == "talks")
    assert not _in_other_clause(they, talks)
