"""Statements attributed to speakers (kg/extract/statements.py, speakers.py): direct quotations
with the cue after or before, over several sentences, indirect and mixed speech, "according
to", institutions that speak, and speakers found through pronouns, titles and surnames."""
from __future__ import annotations

import pytest

from kg.extract.claim_kinds import RULES
from kg.extract.pipeline import extract
from kg.extract.quotations import quotations
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def said(text: str, registry) -> list[tuple]:
    ex = extract("t", text, registry)
    return [(c.speaker, c.quote, c.kind, c.content.text) for c in ex.claims if c.speaker is not None]


def test_direct_quotation_with_the_cue_after_or_before(registry):
    text = ('Pakistan and Russia signed a deal. "It is a relationship that will grow substantially," '
            'Shehbaz Sharif said. Vladimir Putin said: “Pakistan is an important partner for us.”')
    assert said(text, registry) == [
        ("shehbaz-sharif", "direct", "Prediction", "It is a relationship that will grow substantially"),
        ("vladimir-putin", "direct", "Assessment", "Pakistan is an important partner for us"),
    ]


def test_a_quotation_over_sentences_is_one_statement_and_the_next_one_continues_its_speaker(registry):
    text = ('“We will supply wheat to Pakistan. The first ships leave in May,” Sergey Lavrov said. '
            '“The deal is good for both sides and for the region.”')
    ex = extract("t", text, registry)
    first, second = [c for c in ex.claims if c.speaker]
    assert first.speaker == second.speaker == "sergey-lavrov"
    assert first.content.text == "We will supply wheat to Pakistan. The first ships leave in May"
    assert first.sentence.index == 0 and [s.index for s in first.also] == [1]
    assert first.kind == "Commitment" and second.kind == "Assessment" and second.cue == ""
    assert second.confidence < first.confidence  # a continued speaker is less sure


def test_indirect_speech_and_according_to(registry):
    text = ("Sergey Lavrov told reporters that relations were at their best. "
            "He warned that Western pressure would fail. "
            "According to the State Bank of Pakistan, trade rose to $1 billion in 2023. "
            "Moscow said the sanctions were illegal and hostile.")
    got = said(text, registry)
    assert got[0] == ("sergey-lavrov", "indirect", "Assessment", "relations were at their best")
    assert got[1][:3] == ("sergey-lavrov", "indirect", "Prediction")  # "he": the last person named
    assert got[2][0].lower() == "new:state bank of pakistan" and got[2][2] == "ReportOfFact"
    assert got[3][:3] == ("russia", "indirect", "Assessment")  # a capital that speaks is its state
    ex = extract("t", text, registry, claim_decisions=RULES)  # the rules' stance; the classifier's: test_claim_kinds
    assert [c.cue for c in ex.claims if c.speaker] == ["told reporters", "warned", "according to", "said"]
    assert [c.stance for c in ex.claims if c.speaker] == ["positive", "negative", "neutral", "negative"]


def test_mixed_quotation_and_denial(registry):
    text = ('Vladimir Putin said that the talks had been "very productive and useful for both countries". '
            "The Russian embassy denied that Russia had sold weapons to India.")
    got = said(text, registry)
    assert got[0][:2] == ("vladimir-putin", "mixed")
    # "the Russian embassy" describes a state's body: that body speaks, named after its state
    assert got[1][0] == "new:Russian Embassy" and got[1][2] == "Denial"


def test_institutions_titles_and_surnames(registry):
    text = ("Prime Minister Nawaz Sharif met President Vladimir Putin in Ufa. "
            "The prime minister said that Pakistan wanted closer ties with Russia. "
            "A Pakistani defence ministry statement said that joint exercises would be held every year. "
            "Foreign Minister Khurram Dastgir Khan arrived later. Khan said the talks were useful.")
    got = said(text, registry)
    # a lower-case "defence ministry" of a state is that state's body, named as one
    assert [g[0] for g in got] == ["nawaz-sharif", "new:Pakistani Defence Ministry", "khurram-dastgir-khan"]


def test_both_leaders_each_speak_and_agreements_are_commitments(registry):
    text = ("Shehbaz Sharif met Vladimir Putin in Beijing. Sharif thanked Putin. "
            "Both leaders agreed to strengthen bilateral ties.")
    got = said(text, registry)
    assert sorted(g[0] for g in got) == ["shehbaz-sharif", "vladimir-putin"]
    assert {g[2] for g in got} == {"Commitment"}


def test_no_statement_without_a_speaker_or_from_a_passive_verb(registry):
    text = ("Analysts suggest that the ties will deepen. Putin is expected to discuss wheat with Sharif. "
            "The deal was signed in March.")
    assert said(text, registry) == []


def test_the_writers_claims_stay_and_reported_sentences_are_not_the_writers(registry):
    text = ("Islamabad should insist on quality checks. "
            "Sergey Lavrov said that Pakistan should buy more wheat.")
    ex = extract("t", text, registry)
    assert [(c.speaker, c.kind, c.sentence.index) for c in ex.claims] == [
        (None, "Recommendation", 0), ("sergey-lavrov", "Recommendation", 1)]


def test_quotation_marks_left_open_close_at_the_paragraph():
    text = '“We will act. \n“Now,” he said. "Two words" and “an open one'
    assert [(text[q.start:q.end], q.words) for q in quotations(text)] == [
        ("We will act. ", 3), ("Now,", 1), ("Two words", 2), ("an open one", 3)]


def test_in_an_interview_the_answers_are_the_interviewees(registry):
    text = ("The newspaper spoke with Sergey Lavrov in Moscow.\n\n"
            "Q: How do you see the ties with Pakistan?\n\n"
            "A: Relations with Pakistan are excellent and will certainly grow.\n\n"
            "Q: Should Pakistan buy more Russian wheat?\n\n"
            "A: Pakistan should buy more wheat from Russia.")
    ex = extract("t", text, registry)
    assert [(c.speaker, c.kind, c.quote) for c in ex.claims] == [
        ("sergey-lavrov", "Prediction", "direct"), ("sergey-lavrov", "Recommendation", "direct")]


def test_a_cue_after_its_statement_without_quotation_marks(registry):
    # the parse hangs "told" under the statement, or leaves "said"/"stated" without a subject
    text = ("Bilateral cooperation between Russia and Pakistan is on the steady rise and it embraces all "
            "traditional areas of interaction, Russian Ambassador to Pakistan Albert Khorev told TASS on Monday. "
            "The forum will have a positive effect on bilateral relations between the two countries, stated "
            "Russian Deputy Trade and Investment Minister Alexey Gruzdev while welcoming the delegates.")
    got = said(text, registry)
    assert [(s.lower(), q) for s, q, _, _ in got] == [("albert-khorev", "indirect"),
                                                      ("new:alexey gruzdev", "indirect")]
    assert got[0][3].startswith("Bilateral cooperation") and got[0][3].endswith("areas of interaction")
    assert got[1][3] == "The forum will have a positive effect on bilateral relations between the two countries"


def test_quoted_as_saying_names_the_speaker_not_the_agency(registry):
    text = ("Dmitry Peskov is the Kremlin spokesman. "
            "Kremlin Spokesman Dmitry Peskov told journalists that preparations for the visit are underway. "
            '"Indeed, arrangements are being made for such a visit," TASS quoted the Kremlin official as saying.')
    got = said(text, registry)
    assert [s.lower() for s, *_ in got] == ["dmitry-peskov", "dmitry-peskov"]
    assert got[0][3] == "preparations for the visit are underway"  # "that" is no question word


def test_coordinated_clauses_of_different_kinds_are_two_statements(registry):
    text = ("Meanwhile, Dmitry Peskov told journalists that preparations for the visit are underway and the "
            "Kremlin will report the exact date in a timely fashion. Vladimir Putin also said that the gas "
            "pipeline project in Pakistan is strategically important, and that Russia is a reliable partner.")
    got = said(text, registry)
    assert [(s.lower(), t) for s, _, k, t in got] == [
        ("dmitry-peskov", "preparations for the visit are underway"),
        ("dmitry-peskov", "the Kremlin will report the exact date in a timely fashion"),
        ("vladimir-putin", "the gas pipeline project in Pakistan is strategically important, and that Russia is "
                           "a reliable partner"),
    ]
    assert got[0][2] != got[1][2]  # split only where the kinds differ


def test_he_is_the_last_subject_and_the_russian_envoy_the_russian_ambassador(registry):
    # Asad Majid Khan is named last, but only inside a clause about someone else; an envoy
    # called Russian is the person introduced as the Russian ambassador, not Pakistan's
    text = ("Russian Ambassador to Pakistan Danila Ganich on Wednesday termed former Prime Minister Imran Khan "
            "an honest leader. The ambassador was speaking about the cipher leaked by then Pakistan’s Ambassador "
            "to the US Dr Asad Majid Khan. He said that Pakistanis as a whole are supportive of Russia. "
            "“We support counter-terrorism measures along with Pakistan,” the Russian envoy said.")
    assert [(s.lower(), q) for s, q, _, _ in said(text, registry)] == [
        ("danila-ganich", "indirect"), ("danila-ganich", "direct")]


def test_the_newspaper_is_the_outlet_named_before(registry):
    text = ("Russia delivered 60,000 metric tons of wheat to Pakistan, Dawn newspaper reported on Tuesday. "
            "This year, Russia will expand the supply of food grains to Pakistan, the newspaper wrote. "
            "The paper said the wheat price will be $372 per metric ton.")
    got = said(text, registry)
    assert [s for s, *_ in got] == ["dawn"] * 3
    assert got[1][3] == "This year, Russia will expand the supply of food grains to Pakistan"


def test_a_surname_written_in_full_before_and_a_name_without_its_title(registry):
    text = ("The paper pointed that Russia's ambassador to Pakistan Alexey Y Dedov has now been quoted as saying "
            "that the two countries held discussions. Dedov said Russia strongly supported the corridor. "
            "Speaking at the opening session, Secretary Economic Affairs Dr Kazim Niaz said a huge potential "
            "existed to benefit from trade. He said that enhancing trade was the prime priority of Pakistan.")
    speakers = [s.lower() for s, *_ in said(text, registry)]
    assert "new:alexey y dedov" in speakers and "new:dedov" not in speakers
    assert speakers[-2:] == ["new:kazim niaz", "new:kazim niaz"]  # "he": the same person, named so


def test_a_long_title_before_the_cue_and_a_company_the_ner_took_for_a_people(registry):
    text = ("“We are talking about Mi-35 helicopters, we plan to supply them at the request of the anti-drug "
            "agency,” head of the Russian delegation at the international defense and security exhibition "
            "Eurosatory 2014 Igor Sevastyanov said. Meanwhile, Rostec stated that India has always been and "
            "still is Russia’s strategic partner in military cooperation in the region.")
    assert [s.lower() for s, *_ in said(text, registry)] == ["new:igor sevastyanov", "rostec"]


def test_every_answer_of_an_interview_is_said_a_judging_sentence_starting_a_new_statement(registry):
    text = ("The newspaper spoke with Sergey Lavrov in Moscow.\n\n"
            "Q: Please tell us about this holiday.\n\n"
            "A: Day of Russia dates back to the period of perestroika. In 1990, the parliament adopted a "
            "declaration of sovereignty. The sanctions against Russia are a very bad idea.\n\n"
            "Q: Could you tell us how you celebrate it?\n\nA: We do not celebrate anything this year.")
    ex = extract("t", text, registry)
    got = [(c.speaker, c.content.text, [s.span.text[:8] for s in c.also]) for c in ex.claims]
    assert got == [
        ("sergey-lavrov", "Day of Russia dates back to the period of perestroika", ["In 1990,"]),
        ("sergey-lavrov", "The sanctions against Russia are a very bad idea", []),
        ("sergey-lavrov", "We do not celebrate anything this year", []),
    ]  # the questions say nothing


def test_seeing_as_mentioning_and_castigating_say_something(registry):
    text = ("Islamabad sees cashless exchanges with Russia as a win-win way to continue trade. "
            "Sergey Lavrov particularly mentioned Russian support for Pakistan’s stance against Islamophobia. "
            "He castigated the West for irrationally advocating freedom of speech.")
    got = said(text, registry)
    assert [(s, k) for s, _, k, _ in got] == [("pakistan", "Assessment"), ("sergey-lavrov", got[1][2]),
                                              ("sergey-lavrov", "Assessment")]
    assert got[0][3] == "cashless exchanges with Russia as a win-win way to continue trade"


def test_as_x_said_a_relative_who_and_a_report_in_a_paper(registry):
    text = ("As Foreign Minister Sergey Lavrov very rightly said after their meeting, Russia is a crucial regional "
            "player for Pakistan. The mixed signals emanating from Moscow, as strategic affairs expert Brahma "
            "Chellaney said, were injecting uncertainty in the direction of the relationship. "
            "These concerns have been played down by the Russians, who maintain that they hold similar drills "
            "with other countries. A report in the Times of India by Sachin Parashar said Moscow has declared "
            "strong support for the project.")
    got = said(text, registry)
    assert [s.lower() for s, *_ in got] == ["sergey-lavrov", "new:brahma chellaney", "russia", "new:times of india"]
    assert got[0][3] == "Russia is a crucial regional player for Pakistan"
    assert got[1][3].startswith("were injecting uncertainty")


def test_pointing_to_communicating_and_a_gerund_with_its_own_subject(registry):
    text = ("The Russian ambassador Sergey Lavrov pointed to the role of political dialogue in the expansion of "
            "cooperation. India has been communicating its displeasure to Russia over its exercises with Pakistan. "
            "Russia went ahead with the joint exercises despite the Ministry of External Affairs (MEA) having "
            "communicated India’s misgivings to Moscow.")
    got = said(text, registry)
    assert [(s.lower(), k) for s, _, k, _ in got] == [("sergey-lavrov", "Assessment"), ("india", "Assessment"),
                                                      ("new:ministry of external affairs", got[2][2])]
    assert got[0][3] == "the role of political dialogue in the expansion of cooperation"


def test_conjoined_institutions_each_speak_and_recommending_reports(registry):
    text = ("Zamir Kabulov confirmed that the Foreign Ministry and the Justice Ministry recommended that the "
            "Kremlin remove the Taliban from the list of terrorist organizations.")
    got = said(text, registry)
    rec = [(s.lower(), k) for s, _, k, t in got if t.startswith("the Kremlin remove")]
    assert len(rec) == 2 and {k for _, k in rec} == {"Recommendation"}
    assert "new:justice ministry" in {s for s, _ in rec}


def test_a_quotation_that_repeats_the_paraphrase_before_it_is_one_statement(registry):
    text = ('Sergey Lavrov told journalists that the exact date of the visit will be made known in a '
            'timely fashion. Trade between the two countries grew last year. '
            '"The date of the visit will be announced in a timely fashion," Lavrov said. '
            '"The deal is good for both sides and for the region," Lavrov added.')
    ex = extract("t", text, registry)
    claims = [c for c in ex.claims if c.speaker == "sergey-lavrov"]
    assert [(c.quote, c.sentence.index, [s.index for s in c.also]) for c in claims] == [
        ("indirect", 0, [2]), ("direct", 3, [])]  # the repeat joins; a new quotation stays apart


def test_a_states_body_speaks_under_its_own_name_and_the_ministry_is_the_one_that_spoke(registry):
    text = ("Pakistan and Russia signed a gas pipeline agreement, Russia's energy ministry said on Friday. "
            "The ministry said the pipeline would be built by 2025. "
            "The Pakistan embassy in Russia said that Pakistan desires a strategic partnership with Russia. "
            "Russia's foreign ministry said that the talks were useful. "
            "The Taliban Ministry of Foreign Affairs asserted that the meeting was incomplete. "
            "A readout of the meeting shared by the Russian Presidency said that Putin raised the floods.")
    got = said(text, registry)
    assert [s.lower() for s, *_ in got] == [
        "new:russian energy ministry", "new:russian energy ministry", "new:pakistan embassy in russia",
        "russian-foreign-ministry", "new:taliban ministry of foreign affairs", "new:russian presidency"]


def test_a_states_body_speaks_for_its_state(registry):
    from kg.extract.context import Context
    from kg.extract.nlp import load_nlp

    text = "Russia's energy ministry said that the pipeline would be built by 2025."
    ex = extract("t", text, registry)
    ctx = Context(load_nlp()(text), [], [], [], registry, None, ex.new_entities)
    assert ctx.speaks_for("new:Russian Energy Ministry") == "russia"
    assert ctx.speaks_for("russian-foreign-ministry") == "russia"


def test_the_speakers_own_side_will_act_a_commitment_another_sides_act_a_prediction(registry):
    text = ("Sergey Lavrov said that Pakistan will buy more wheat next year. "
            "Sergey Lavrov said that the Kremlin will report the exact date of the visit. "
            '"The exact date of the visit will be announced in a timely fashion," Lavrov said.')
    got = said(text, registry)
    assert [(g[2], g[3]) for g in got] == [
        ("Prediction", "Pakistan will buy more wheat next year"),  # another state's act: a forecast
        ("Commitment", "the Kremlin will report the exact date of the visit")]  # the Kremlin: Russia, his side
    ex = extract("t", text, registry)  # the quotation right after forecasts the promised act: it joins it
    assert [s.index for s in ex.claims[1].also] == [2]


def test_condolences_and_a_welcome_of_a_person_are_no_statements(registry):
    text = ("Photos showed Vladimir Putin warmly welcoming Shehbaz Sharif at the summit. "
            '"I would like to begin our meeting by expressing condolences over the loss of life from the floods," '
            "Putin said. Putin welcomed the decision of Pakistan to buy Russian oil.")
    got = said(text, registry)
    assert [(g[0], g[3]) for g in got] == [("vladimir-putin", "the decision of Pakistan to buy Russian oil")]


def test_a_surname_the_ner_missed_and_one_the_linker_took_for_a_place(registry):
    text = ("Pakistani Foreign Minister Ishaq Dar received Sergey Lavrov in Islamabad. "
            '"Our relationship is on an upward trajectory," Dar told a joint press conference. '
            '"Pakistan values its friendship with Russia," according to Dar.')
    got = said(text, registry)
    assert [(s, q) for s, q, _, _ in got] == [("ishaq-dar", "direct"), ("ishaq-dar", "indirect")]
    assert got[1][3] == "Pakistan values its friendship with Russia"  # not also continued as Lavrov's


def test_a_spokesperson_is_the_office_named_with_him_never_the_last_person_named(registry):
    text = ("Pakistani Ambassador Muhammad Khalid Jamali said the pipeline faced financing hurdles. "
            "The Foreign Office spokesperson rejected reports that Pakistan had supplied ammunition to Ukraine. "
            "Prime Minister Shehbaz Sharif met the delegation on Monday. "
            "The spokesperson said at the weekly briefing that the talks went well.")
    got = said(text, registry)
    assert [(s, k) for s, _, k, _ in got] == [("new:Muhammad Khalid Jamali", "ReportOfFact"),
                                              ("pakistan-foreign-office", "Denial")]


def test_a_body_named_by_its_function_alone_is_no_speaker_and_a_subject_the_parse_hung_elsewhere(registry):
    # "the finance ministry" names no state: a bare "Finance Ministry" node would join every
    # state's finance ministry across articles, so that statement gets no speaker node
    text = ("Pakistan's government on Monday approved a plan to buy wheat from Russia, the finance ministry "
            "said in a statement. Pakistani Finance Minister Muhammad Aurangzeb told Reuters in an interview "
            "that talks on a currency swap were at an advanced stage.")
    got = said(text, registry)
    assert "new:Finance Ministry" not in [s for s, _, _, _ in got]
    assert [s for s, _, _, _ in got] == ["new:Muhammad Aurangzeb"]
    assert got[0][3] == "talks on a currency swap were at an advanced stage"


def test_he_is_never_a_woman_the_article_calls_so(registry):
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow valued its ties with Islamabad. "
            "Pakistani Ambassador Muhammad Khalid Jamali met officials in Moscow on Monday.\n\n"
            'The talks went on for hours. He said: "Pakistan is an important partner for us."')
    assert [s for s, *_ in said(text, registry)] == ["maria-zakharova", "new:Muhammad Khalid Jamali"]


def test_more_shapes_of_saying(registry):
    text = ("Pakistani Commerce Minister Jam Kamal Khan met Russian Deputy Prime Minister Alexei Overchuk. "
            "Khan informed the meeting that Pakistan had cleared the hurdles for the barter trade. "
            "Overchuk's visit, Khan said, was a sign of the growing trust between the two countries. "
            "Overchuk called for an end to the conflict in Afghanistan. "
            "Khan described Russia as a reliable partner.")
    got = said(text, registry)
    assert [(s, c[:28]) for s, _, _, c in got] == [
        ("new:Jam Kamal Khan", "Pakistan had cleared the hur"),
        ("new:Jam Kamal Khan", "Overchuk's visit, Khan said,"),
        ("alexei-overchuk", "an end to the conflict in Af"),
        ("new:Jam Kamal Khan", "Russia as a reliable partner")]
    assert got[2][2] == "Recommendation" and got[3][2] == "Assessment"


def test_a_that_clause_hung_on_in_a_statement_and_no_dateline_in_the_words(registry):
    text = ("MOSCOW, June 12 (TASS): Russia and Pakistan intend to increase trade to $5 billion, Russian "
            "Deputy Foreign Minister Andrey Rudenko told TASS on Monday.\n\n"
            "The Russian Ministry of Energy said in a statement that the first cargo of crude oil had been "
            "delivered to Karachi.")
    got = said(text, registry)
    assert got[0][0] == "andrey-rudenko"
    assert got[0][3] == "Russia and Pakistan intend to increase trade to $5 billion"
    assert got[1][0] == "new:Russian Ministry of Energy"
    assert got[1][3] == "the first cargo of crude oil had been delivered to Karachi"


def test_dismissing_those_suggestions_is_a_denial_and_rejecting_a_proposal_says_nothing(registry):
    text = ("Speaking in Islamabad on Thursday, Foreign Minister Hina Rabbani Khar and her Russian counterpart, "
            "Sergei Lavrov both dismissed those suggestions. Lavrov rejected the proposal.")
    got = said(text, registry)
    assert ("sergey-lavrov", "indirect", "Denial", "those suggestions") in got
    assert all(c != "the proposal" for *_, c in got)


def test_a_quotation_after_a_sentence_where_someone_spoke_is_theirs(registry):
    text = ('Shehbaz Sharif met the Russian delegation. "The corridor will change our region," he told them.\n\n'
            "Sergey Lavrov spoke to reporters after the meeting. "
            '"Our cooperation in counter-terrorism is very important for the whole region."')
    assert [s for s, *_ in said(text, registry)] == ["shehbaz-sharif", "sergey-lavrov"]


def test_the_ambassador_is_not_the_spokeswoman_named_before(registry):
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow valued its ties with Islamabad. "
            "Zakharova also pointed out that Western sanctions had failed to isolate Russia.\n\n"
            "The Russian ambassador maintained that Moscow's ties with India would not affect its relations "
            "with Pakistan.")
    assert "maria-zakharova" not in [s for s, _, _, c in said(text, registry) if c.startswith("Moscow's ties")]


def test_the_two_sides_are_the_two_states_named_together_last(registry):
    text = ("Pakistan and Russia held consultations on Afghanistan in Islamabad. Afghanistan was discussed, and "
            "Afghanistan's neighbours were briefed on the Afghanistan talks.\n\n"
            "Foreign Secretary Asad Majeed Khan and Deputy Foreign Minister Andrey Rudenko led their sides. "
            "The two sides agreed to expand cooperation in higher education and science.")
    assert [s for s, *_ in said(text, registry)] == ["pakistan", "russia"]


def test_the_parties_or_the_meeting_are_the_states_of_the_meeting_and_they_speak_on(registry):
    text = ("Tashkent hosted talks on a corridor linking Uzbekistan, Afghanistan and Pakistan. "
            "The parties agreed to work closely together on joint projects.")
    assert [s for s, *_ in said(text, registry)] == ["uzbekistan", "afghanistan", "pakistan"]
    text = ("Officials of Pakistan and Russia met in Islamabad on Tuesday. The meeting reaffirmed their "
            "commitment to deepen cooperation against terrorism. They stressed that dialogue must continue.")
    assert [s for s, *_ in said(text, registry)] == ["pakistan", "russia", "pakistan", "russia"]
    # with no states named together just before, "the parties" names nobody
    text = ("Pakistan and Russia signed a deal in May.\n\nThe election was held in June. Turnout was low. "
            "Voters were few. The parties agreed to accept the result.")
    assert said(text, registry) == []


def test_he_is_the_last_who_spoke_not_a_person_named_in_what_he_said(registry):
    text = ("Special Assistant Syed Tariq Fatemi gave an interview to Sputnik.\n"
            "There is a good chance Vladimir Putin and Shehbaz Sharif will meet in September, Fatemi said.\n"
            "He said that Pakistan has lost 90,000 lives to terrorism over the past 15 years.")
    speakers = [s for s, *_ in said(text, registry)]
    assert len(speakers) == 2 and speakers[0] == speakers[1] and speakers[0] == "tariq-fatemi"


def test_agreed_with_a_time_between_the_verb_and_what_was_agreed(registry):
    # "on Wednesday" is a prepositional phrase "on", like the "on" of "called on X to": it must
    # not hide the infinitive that says what both speakers agreed to
    text = ("Pakistan and Russia held talks in Islamabad. Prime Minister Shehbaz Sharif and Vladimir Putin "
            "agreed on Wednesday to pursue dialogue and cooperation in trade and energy.")
    assert [(s, k) for s, _, k, _ in said(text, registry)] == [
        ("shehbaz-sharif", "Commitment"), ("vladimir-putin", "Commitment")]
    text = "Pakistan and Russia held talks. The two sides agreed on Wednesday to expand cooperation in science."
    assert [s for s, *_ in said(text, registry)] == ["pakistan", "russia"]


def test_someone_who_speaks_in_a_when_clause_leaves_the_sentence_the_writers_too(registry):
    text = ("Pakistan and Russia held talks. Relations saw only one major milestone during Bhutto's government, "
            "when on his visit in 1974, the Soviet government agreed to expand its cooperation with Pakistan.")
    ex = extract("t", text, registry)
    assert [(c.speaker, c.kind) for c in ex.claims] == [(None, "Assessment"), ("soviet-union", "Commitment")]
    text = "Pakistan and Russia held talks. Relations are very strong, Lavrov said, and they will grow."
    assert all(c.speaker is not None for c in extract("t", text, registry).claims)


def test_an_honorific_before_a_new_persons_name_is_not_part_of_the_speaker(registry):
    text = ("Special Assistant to the Prime Minister, H.E. Syed Nasir Bukhari, gave an interview to Sputnik. "
            "The special assistant said the country is willing to work with Russia. Pakistan values the ties, "
            "Bukhari said.")
    assert {s for s, *_ in said(text, registry)} == {"new:Syed Nasir Bukhari"}


def test_a_title_holder_named_after_the_place_and_an_outlet_the_ner_took_for_a_person(registry):
    # the parse hangs "Zamir Kabulov" on "Afghanistan"; he speaks, not Russia
    text = ("Special Russian Presidential Representative to Afghanistan, Zamir Kabulov, had said "
            "that the Taliban would not attend the meeting.")
    assert [s[0] for s in said(text, registry)] == ["zamir-kabulov"]
    # "Dawn news reported": an outlet; the "he" after it is the premier named before
    text = ("Prime Minister Shehbaz Sharif arrived in Samarkand on Thursday. On Thursday, Sharif will meet "
            "Uzbek President Shavkat Mirziyoyev, Dawn news reported. "
            "“Pakistan reiterates its commitment to the Shanghai Spirit,” he said.")
    speakers = [s[0] for s in said(text, registry)]
    assert speakers[-1] == "shehbaz-sharif"


def test_intentions_confirmed_a_dateline_before_the_subject_and_states_listed_after_including(registry):
    # any reporting verb whose object is an intention: what was said
    text = ("Pakistan and Russia held talks. The two delegations also confirmed their intention "
            "to operationalise a pilot train.")
    assert said(text, registry) == [
        ("pakistan", "indirect", "Commitment", "their intention to operationalise a pilot train"),
        ("russia", "indirect", "Commitment", "their intention to operationalise a pilot train"),
    ]
    # the parse takes the dateline for the subject; the states after it speak
    text = "ISLAMABAD/MOSCOW – Pakistan and Russia have expressed their desire to advance military ties."
    assert [s[0] for s in said(text, registry)] == ["pakistan", "russia"]
    # "several nations, including A, B and C": each one named speaks
    text = "Several nations, including the US, China, and Russia, called for restraint from both sides."
    assert [(s[0], s[2]) for s in said(text, registry)] == [
        ("united-states", "Recommendation"), ("china", "Recommendation"), ("russia", "Recommendation")]


def test_what_parties_agree_to_sell_or_supply_is_a_deal_not_a_statement(registry):
    assert said("In 2015, Moscow agreed to sell four Mi-35M helicopters to Pakistan.", registry) == []
    text = "Pakistan and Russia agreed to hold the ninth session of the commission in Moscow this year."
    assert [(s[0], s[2]) for s in said(text, registry)] == [("pakistan", "Commitment"), ("russia", "Commitment")]


def test_a_rank_and_a_surname_is_the_person_named_in_full_before(registry):
    text = ("General Nadeem Raza met First Deputy Defense Minister Army General Valery Gerasimov in Moscow. "
            '"Pakistan is one of the few countries with which cooperation is developing," Gen Gerasimov said.')
    assert [s[0] for s in said(text, registry)] == ["new:Valery Gerasimov"]


def test_a_quoted_name_is_no_statement_and_an_agency_that_relays_does_not_speak(registry):
    text = ("This year, Russian Army Commander-in-Chief Oleg Salyukov has announced the first-ever "
            "“mutual special drills in mountainous terrain” with Pakistan.")
    assert all(s[1] != "direct" for s in said(text, registry))
    text = ("Russia-Pakistan military cooperation is developing dynamically, Russian Defense Minister "
            "Sergei Shoigu said at a meeting on Wednesday, TASS reports.")
    assert {s[0] for s in said(text, registry)} == {"sergei-shoigu"}


def test_a_report_quoted_from_an_unnamed_statement_is_read_as_indirect_speech(registry):
    text = ("Pakistan and Russia held talks in Moscow. “The two sides reaffirmed their commitment to a broad, "
            "forward-looking partnership,” an official statement said.")
    assert [(s[0], s[1], s[2]) for s in said(text, registry)] == [
        ("pakistan", "indirect", "Commitment"), ("russia", "indirect", "Commitment")]


def test_who_said_it_adds_it(registry):
    text = ("Prime Minister Shehbaz Sharif arrived in Samarkand. Foreign Office Spokesman Asim Iftikhar had "
            "earlier confirmed that Sharif had no plans to meet Narendra Modi. Prior to his departure, the "
            "Pakistani premier took to Twitter. “The global economic turbulence has necessitated more "
            "cooperation among SCO members,” he said, adding that the SCO vision represented the "
            "aspirations of 40 per cent of the world’s population.")
    found = {(s[0], s[3][:10]) for s in said(text, registry)}
    speakers = {s for s, words in found if words.startswith(("The global", "the SCO"))}
    assert len(speakers) == 1


def test_a_person_named_after_a_long_title_speaks_and_he_is_that_person(registry):
    text = ("Meanwhile, Minister for Information and Broadcasting Attaullah Tarar emphasized the "
            "significance of the meeting for the country. He said the preparations were complete. "
            "Additional Foreign Secretary (Arms Control and Disarmament) Tahir Andrabi said the talks "
            "were useful.")
    speakers = [s for s, *_ in said(text, registry)]
    assert speakers == ["new:Attaullah Tarar", "new:Attaullah Tarar", "new:Tahir Andrabi"]


def test_a_portfolio_without_a_title_names_no_one(registry):
    text = "Information and Broadcasting officials in Islamabad said the talks were useful."
    assert [s for s, *_ in said(text, registry)] == []


def test_a_paragraph_after_a_cue_that_ends_with_a_colon_is_a_quotation(registry):
    text = ("Russian Ambassador Albert Khorev said in an interview to a news agency:\n\n"
            "We have told our partners that the new rail link is good for the whole region. "
            "Trade will grow.\n\nThe interview was broadcast on Monday. The ministry explains:\n\n"
            "“We welcome the link.”")
    ex = extract("t", text, registry)
    blocks = [c for c in ex.claims if c.speaker == "albert-khorev"]
    assert len(blocks) == 1 and blocks[0].quote == "direct"
    assert blocks[0].content.text.startswith("We have told our partners") and len(blocks[0].also) == 1


def test_a_title_in_quotation_marks_continues_no_speaker(registry):
    text = ('“We will build the corridor together,” Albert Khorev said. He spoke at a seminar titled '
            '“New Horizons of Pakistan-Russia Relations in a Changing World” in Karachi.')
    ex = extract("t", text, registry)
    assert [c.content.text for c in ex.claims if c.speaker == "albert-khorev"] == [
        "We will build the corridor together"]


def test_an_expressed_hope_or_optimism_is_a_prediction(registry):
    text = "Sergey Lavrov expressed hope for further growth of energy cooperation."
    assert said(text, registry) == [
        ("sergey-lavrov", "indirect", "Prediction", "hope for further growth of energy cooperation")]
    text = "Sergey Lavrov expressed satisfaction with the growth of energy cooperation."
    assert [k for _, _, k, _ in said(text, registry)] == ["Assessment"]


def test_a_quotation_that_opens_with_a_judgement_is_an_assessment(registry):
    text = ('“Our relations with Pakistan are excellent and very promising. Next year we will open a new consulate '
            'in Lahore,” Sergey Lavrov said. “We will open a new consulate in Lahore next year,” Shehbaz Sharif said.')
    got = said(text, registry)
    assert [(g[0], g[2]) for g in got] == [("sergey-lavrov", "Assessment"), ("shehbaz-sharif", "Commitment")]
