"""Mention finding and linking on short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.extract.new_names import bare_head
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def linked(registry, text):
    ex = extract("t", text, registry)
    for m in ex.mentions:
        assert text[m.span.start:m.span.end] == m.span.text
    return ex, [(m.span.text, m.entity) for m in ex.mentions]


def test_capital_acting_as_state_links_to_the_state(registry):
    _, pairs = linked(registry, "Moscow offered to mediate between the two rivals. Talks with Islamabad followed.")
    assert ("Moscow", "russia") in pairs
    assert ("Islamabad", "pakistan") in pairs


def test_capital_as_a_location_links_to_the_city(registry):
    _, pairs = linked(registry, "The foreign minister visited Moscow in May. A summit was held in Islamabad.")
    assert "Moscow" in [t for t, _ in pairs]
    assert ("Islamabad", "islamabad") in pairs


def test_seat_of_government_and_demonyms_link_to_states(registry):
    _, pairs = linked(registry, "The Kremlin welcomed the Pakistani proposal, and Washington objected.")
    assert ("Kremlin", "russia") in pairs
    assert ("Pakistani", "pakistan") in pairs
    assert ("Washington", "united-states") in pairs


def test_city_after_an_institution_is_its_location(registry):
    _, pairs = linked(registry, "She teaches at the QAU, Islamabad, and writes on energy.")
    assert ("Islamabad", "islamabad") in pairs
    assert ("QAU", "quaid-i-azam-university") in pairs


def test_spelled_out_acronym_is_one_mention_of_the_project(registry):
    ex, pairs = linked(registry, "Both governments discussed the Turkmenistan-Afghanistan-Pakistan-India (TAPI) "
                                 "gas pipeline again.")
    assert [e for _, e in pairs] == ["tapi-pipeline"]
    (m,) = ex.mentions
    assert m.span.text == "Turkmenistan-Afghanistan-Pakistan-India (TAPI) gas pipeline"


def test_names_inside_an_expansion_after_an_acronym_are_not_mentions(registry):
    _, pairs = linked(registry, "Kazakhstan backed CASA-1000 (Central Asia South Asia Regional Energy and Trade) "
                                "last year.")
    entities = [e for _, e in pairs]
    assert "central-asia" not in entities and "south-asia" not in entities
    assert "casa-1000" in entities


def test_unknown_organisation_with_a_known_city_in_its_name_is_new(registry):
    ex, pairs = linked(registry, "The study came from the Multan Institute of Water Studies in Pakistan.")
    assert ("Multan Institute of Water Studies", "new:Multan Institute of Water Studies") in pairs
    assert ex.new_entities["new:Multan Institute of Water Studies"] == "Organisation"


def test_titled_person_and_later_surname_are_one_new_entity(registry):
    ex, pairs = linked(registry, "Energy Minister Farida Qureshi met the Russian envoy on Monday. "
                                 "Later, Qureshi said the talks went well.")
    assert ("Farida Qureshi", "new:Farida Qureshi") in pairs
    assert ("Qureshi", "new:Farida Qureshi") in pairs
    assert ex.new_entities["new:Farida Qureshi"] == "Person"


def test_new_project_found_by_its_head_noun_and_short_form(registry):
    ex, pairs = linked(registry, "Russia will finance the Thal Coal Power Project. Thal could power two cities.")
    assert ("Thal Coal Power Project", "new:Thal Coal Power Project") in pairs
    assert ("Thal", "new:Thal Coal Power Project") in pairs
    assert ex.new_entities["new:Thal Coal Power Project"] == "Project"


def test_new_organisation_and_its_acronym(registry):
    ex, pairs = linked(registry, "The Karakoram Energy Consortium (KEC) signed the deal. KEC will hire locally.")
    keys = [e for t, e in pairs if t == "KEC"]
    assert keys == ["new:Karakoram Energy Consortium"] * 2


def test_acronym_definitions_and_gerunds_are_not_entities(registry):
    ex, _ = linked(registry, "Officials hinted at multiple MOUs (Memorandums of Understanding) with Russia. "
                             "Maintaining balance matters.")
    assert not any(k in ex.new_entities for k in ("new:Memorandums", "new:Understanding", "new:Maintaining"))


def test_bio_sentence_roles_are_not_entities(registry):
    ex, _ = linked(registry, "Russia and Pakistan met. The writer is an MPhil student in the International "
                             "Relations at the QAU, Islamabad.")
    assert "new:International Relations" not in ex.new_entities
    assert ex.author is not None and ex.author.affiliation == "quaid-i-azam-university"


def test_one_mention_per_span_even_when_an_acronym_does_not_match_its_expansion(registry):
    # regression: a swapped expansion before "(SCO)" gave one span two bodies
    ex, _ = linked(registry, "Talks with the Saudi Arabia Peoples Party (SCO) and the Shanghai "
                             "Cooperation Organisation (SCO) went on.")
    spans = [(m.span.start, m.span.end) for m in ex.mentions]
    assert len(spans) == len(set(spans))


def test_a_name_run_together_with_a_title_or_state_gives_the_person(registry):
    ex, pairs = linked(registry, "Minister for Industry and Trade of the Russian Federation Mr. Denis Manturov "
                                 "met officials. Foreign Ministry Spokeswoman Irina Volkova spoke.")
    assert ("Denis Manturov", "new:Denis Manturov") in pairs
    assert ("Irina Volkova", "new:Irina Volkova") in pairs
    assert not [k for k in ex.new_entities if "Mr." in k or "Spokeswoman" in k]


def test_a_partial_name_folds_into_the_fuller_person_name(registry):
    ex, pairs = linked(registry, "Defence Minister Tariq Mehmood Khan met officials on Friday. "
                                 "Khan said ties were strong. Tariq Mehmood added more.")
    assert {e for _, e in pairs if e.startswith("new:")} == {"new:Tariq Mehmood Khan"}


def test_no_fragment_becomes_an_entity(registry):
    ex, pairs = linked(registry, "Russia and Pakistan met. Russia hosted. The Foreign Ministry said talks went well. "
                                 "The Director General of Inter-Service Public Relation (ISPR) spoke.")
    assert ("Foreign Ministry", "russian-foreign-ministry") in pairs
    assert not [k for k in ex.new_entities if k[4:5].islower() or k.startswith("new:of ")]


def test_a_person_named_after_a_title_and_its_portfolio_or_post(registry):
    ex, pairs = linked(registry, "Deputy Minister of Energy and Trade Boris Kalinin met officials. "
                                 "Pakistan's envoy in Moscow Tariq Aziz Khan and Russian deputy PM Oleg V. Sorokin "
                                 "spoke. Ambassador of Pakistan to the Russian Federation Imtiaz Qazi was present.")
    assert ("Boris Kalinin", "new:Boris Kalinin") in pairs
    assert ("Tariq Aziz Khan", "new:Tariq Aziz Khan") in pairs
    assert ("Oleg V. Sorokin", "new:Oleg V. Sorokin") in pairs
    assert ("Imtiaz Qazi", "new:Imtiaz Qazi") in pairs
    assert ("Russian Federation", "russia") in pairs
    assert "Moscow" in [t for t, _ in pairs]
    # the portfolio and the state are no part of any name
    assert not [k for k in ex.new_entities if "Trade" in k or "Federation" in k or "Moscow" in k]


def test_a_middle_name_used_alone_is_the_person(registry):
    ex, pairs = linked(registry, "Minister Tariq Mehmood Khan met officials. Mehmood said ties were strong.")
    assert ("Mehmood", "new:Tariq Mehmood Khan") in pairs


def test_a_name_repeated_inside_a_hyphenated_word_is_not_a_mention(registry):
    ex, pairs = linked(registry, "The drill VOSTOK-V began. VOSTOK is a Russian word.")
    assert not [t for t, e in pairs if t == "VOSTOK" and ex.text.find("VOSTOK-V") == ex.text.find(t)]
    assert all(m.span.start != ex.text.find("VOSTOK-V") or m.span.text != "VOSTOK" for m in ex.mentions)


def test_one_word_read_as_a_person_but_used_as_a_place_is_a_place(registry):
    ex, pairs = linked(registry, "The joint exercise of Pakistan and Russia continues at Tarbela. "
                                 "The minister will visit Nagpur next week.")
    assert ex.new_entities.get("new:Tarbela") == "Place"
    assert ex.new_entities.get("new:Nagpur") == "Place"


def test_a_commission_named_with_a_list_of_fields_is_one_name():
    from kg.extract.names import name_chunks
    from kg.extract.pipeline import load_nlp

    nlp = load_nlp()
    doc = nlp("The meeting of the Pakistani-Russian Intergovernmental Commission on Trade, Economic, "
              "Scientific and Technical Cooperation began.")
    assert [doc[a:b].text for a, b, _ in name_chunks(doc)] == [
        "Pakistani-Russian Intergovernmental Commission on Trade, Economic, Scientific and Technical Cooperation"]
    doc = nlp("He met officials of the Ministry of Foreign Affairs, China, Russia and Iran.")
    assert all("China" not in doc[a:b].text for a, b, _ in name_chunks(doc))


def test_a_body_named_by_its_field_takes_its_state_or_makes_no_node(registry):
    """"Defense Ministry" alone would be one node for every state's defence ministry, in
    every article: with "Russia's" before it, it is the Russian one; alone, no node."""
    ex, pairs = linked(registry, "He thanked Pakistan for its part in the events organized by Russia's Defense "
                                 "Ministry in 2021. The Interior Ministry said nothing.")
    assert ("Defense Ministry", "new:Russian Defense Ministry") in pairs
    assert ex.new_entities.get("new:Russian Defense Ministry") == "Organisation"
    assert not any(k.endswith(("new:Defense Ministry", "new:Interior Ministry")) for k in ex.new_entities)
    assert "Interior Ministry" not in [t for t, _ in pairs]


def test_a_capitalised_plural_noun_is_no_name(registry):
    ex, pairs = linked(registry, "SCO member States will be represented by the Prime Ministers of China and Russia.")
    assert "new:States" not in ex.new_entities and "States" not in [t for t, _ in pairs]


def test_a_post_is_no_name_and_no_part_of_the_body_before_it(registry):
    ex, pairs = linked(registry, "The Pakistani army chief met Russian Ground Forces Commander Oleg Salyukov. We held "
                                 "talks with the Minister of Foreign Affairs of Pakistan, Bilawal Bhutto Zardari.")
    assert ("Russian Ground Forces", "new:Russian Ground Forces") in pairs
    assert not [k for k in ex.new_entities if "Commander" in k or "Minister" in k], ex.new_entities


def test_a_title_in_the_plural_is_no_persons_name(registry):
    ex, _ = linked(registry, "Chairman Joint Chiefs of Staff Committee General Sahir Shamshad Mirza met "
                             "Chief of the Russian General Staff Valery Gerasimov in Moscow.")
    people = {k for k, t in ex.new_entities.items() if t == "Person"}
    assert not {"new:Joint Chiefs", "new:General Staff"} & people, people
    assert "new:Sahir Shamshad Mirza" in people


def test_a_one_word_name_set_after_the_word_firm_is_an_organisation(registry):
    ex, pairs = linked(registry, "Pakistan accepted the offer from the Russian state firm Zernotrade at $300 per tonne.")
    assert ("Zernotrade", "new:Zernotrade") in pairs
    assert ex.new_entities.get("new:Zernotrade") == "Organisation"



@pytest.mark.parametrize("name, bare", [("Defence", True), ("Energy", True), ("Commission", True),
                                        ("States", True), ("Rosatom", False), ("Defence Ministry", False)])
def test_a_field_or_a_head_noun_alone_names_no_entity(name, bare):
    # "Defence" cut from "the Ministry of Defence" names nothing in particular
    assert bare_head(name) is bare


def test_a_name_written_with_a_hyphen_is_one_person(registry):
    _, found = linked(registry, "Foreign Minister Bilawal Bhutto-Zardari met Sergey Lavrov in Goa.")
    assert "bilawal-bhutto-zardari" in {e for _, e in found}
    assert "asif-ali-zardari" not in {e for _, e in found}


def test_an_agreement_spelled_out_by_an_acronym_or_named_is_no_organisation(registry):
    ex, pairs = linked(registry, "Pakistan and Russia signed an inter-governmental agreement (IGA) on the pipeline. "
                                 "Under the IGA, Russia holds a stake. The Free Trade Agreement is next.")
    assert not any(k in ex.new_entities for k in ("new:IGA", "new:Free Trade Agreement"))
    ex, pairs = linked(registry, "The Karakoram Energy Consortium (KEC) signed the deal. KEC will hire locally.")
    assert "new:Karakoram Energy Consortium" in ex.new_entities


def test_an_abstract_noun_ending_a_posts_field_is_not_part_of_the_holders_name(registry):
    text = ("The Special Envoy for Afghan Reconciliation Ivan Petrov met the Pakistani Special Representative "
            "for Regional Security Omar Khan in Islamabad.")
    people = {k for k, kind in extract("t", text, registry).new_entities.items() if kind == "Person"}
    assert people == {"new:Ivan Petrov", "new:Omar Khan"}


def test_an_acronym_spelled_out_after_a_registry_name_links_later_to_it(registry):
    r = extract("t", "The Pakistan Navy (PN) sent a frigate. Two PN ships and the PN's tanker followed.", registry)
    acronyms = [(m.span.text, m.entity) for m in r.mentions if m.span.text == "PN"]
    assert acronyms == [("PN", "pakistan-navy")] * 3
    # an acronym whose letters are not the name's initials stays unlinked to it
    r = extract("t", "The Pakistan Navy (PAKN) sent a frigate. Two PAKN ships followed.", registry)
    assert all(m.entity != "pakistan-navy" for m in r.mentions if m.span.text == "PAKN")


def test_the_start_of_a_post_cut_off_by_the_ner_is_no_organisation(registry):
    _, found = linked(registry, "The talks were led by Additional Foreign Secretary Nadia Rahman, "
                                "and Gazprom Chairman Alexei Miller joined them.")
    assert all(not e.startswith("new:Additional") for _, e in found)
    assert ("Gazprom", "gazprom") in found  # a body's name before a post stays the body


def test_a_shorter_name_of_a_new_person_named_in_full_before_is_that_person(registry):
    text = ("Minister for Economic Affairs Sardar Nadeem Afzal opened the session in Islamabad. Later, Nadeem Afzal "
            "said that the commission would meet again in Moscow.")
    _, found = linked(registry, text)
    people = {e for _, e in found if e.startswith("new:") and "Afzal" in e}
    assert people == {"new:Sardar Nadeem Afzal"}


def test_the_start_of_a_post_cut_off_by_the_ner_is_no_name(registry):
    text = ("Russian Presidential Special Representative for Afghanistan Zamir Kabulov said that most "
            "participants had confirmed their attendance.")
    _, found = linked(registry, text)
    assert not [e for _, e in found if "Presidential" in e]


def test_a_name_the_registry_knows_as_a_field_of_cooperation_is_no_new_entity(registry):
    ex, pairs = linked(registry, "Pakistan will import LNG from Russia. The LNG terminal at Port Qasim was "
                                 "built by a Russian firm.")
    assert "new:LNG" not in ex.new_entities
    assert not [t for t, _ in pairs if t == "LNG"]


def test_a_ministry_the_registry_names_with_of_and_its_state_is_that_states(registry):
    ex, pairs = linked(registry, "According to Amna Qadir, the spokesperson for Pakistan's Ministry of Foreign "
                                 "Affairs, Pakistan welcomed the talks with Russia.")
    assert ("Ministry of Foreign Affairs", "pakistan-foreign-office") in pairs
    assert "new:Ministry of Foreign Affairs" not in ex.new_entities


def test_the_abbreviated_rank_gen_is_not_part_of_a_name(registry):
    _, pairs = linked(registry, "He met the Chief of the Russian General Staff, Gen Arkady V. Zolotov, in Moscow.")
    assert ("Arkady V. Zolotov", "new:Arkady V. Zolotov") in pairs
    assert not any(text.startswith("Gen ") for text, _ in pairs)


def test_a_rank_alone_is_no_person(registry):
    ex, pairs = linked(registry, "Army Secretary Maj-Gen (retd) Tariq Anwar Qazi has stressed the need for dialogue.")
    assert not any(e.startswith("new:") and "gen" in e.lower().split()[-1:] for _, e in pairs), pairs
    assert any(e.lower() == "new:tariq anwar qazi" for _, e in pairs), pairs


def test_a_patronymic_between_a_registry_persons_names(registry):
    text = ("Egyptian Foreign Minister Sameh Shoukry spoke to his Russian counterpart Sergey Viktorovich Lavrov "
            "on Friday. The two Foreign Ministers agreed to continue consultations on the region.")
    ex, _ = linked(registry, text)
    speakers = {c.speaker for c in ex.claims}
    assert "sergey-lavrov" in speakers, speakers
    assert not any(s and "Viktorovich" in s for s in speakers), speakers


def test_the_words_of_an_ambassadors_full_title_are_no_entity(registry):
    for text in ("Yesterday, Deputy Foreign Minister Andrei Rudenko held talks with Ambassador Extraordinary and "
                 "Plenipotentiary of the Republic of Uzbekistan to the Russian Federation Botirjon Asadov.",
                 "The governor received Ambassador Extraordinary and Plenipotentiary of Pakistan to Russia "
                 "Muhammad Khalid Jamali on Monday."):
        ex, pairs = linked(registry, text)
        assert not any(e.startswith("new:") and ("Extraordinary" in e or "Plenipotentiary" in e)
                       for _, e in pairs), pairs
        assert any(e.startswith("new:") and e.endswith(("Asadov", "Jamali")) for _, e in pairs), pairs
