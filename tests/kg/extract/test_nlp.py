"""The spaCy pipeline (kg/extract/nlp.py): a line break ends a sentence (in a text wrapped at a
fixed width only a blank line does), so a
statement after a quotation that closes a paragraph is a sentence of its own."""
from __future__ import annotations

from kg.extract.nlp import load_nlp
from kg.extract.pipeline import extract
from kg.registry import load_registry


def test_a_line_break_ends_a_sentence():
    doc = load_nlp()("He said they would meet again soon\n\nThe talks were held in Moscow on Friday. "
                     "MOSCOW\nA meeting on Afghanistan began in Kazan on Friday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["He said they would meet again soon", "The talks were held in Moscow on Friday.",
                     "MOSCOW", "A meeting on Afghanistan began in Kazan on Friday."]


def test_a_statement_after_a_paragraph_that_ends_a_quotation_is_found():
    text = ("PM Nawaz Sharif said: “while in Ufa we did agree on improving bilateral trade, there is "
            "improvement. It has been always my endeavour to build our relationship and I am continuing to "
            "strive for that.”\n\nTalking to Afghan President Ashraf Ghani in Astana, the Prime Minister "
            "said that Pakistan remains committed to peace.")
    ex = extract("t", text, load_registry())
    assert any(c.content.text == "Pakistan remains committed to peace" and c.speaker == "nawaz-sharif"
               for c in ex.claims)


def test_a_text_wrapped_at_a_fixed_width_breaks_sentences_only_at_blank_lines():
    from kg.extract.nlp import hard_wrapped

    text = ("The Prime Minister of Pakistan met the Russian\nPresident in Moscow on Tuesday and the\n"
            "two leaders discussed trade, energy and the\nsituation in Afghanistan.\n\nHe said the talks "
            "were good and that\nboth sides would meet again soon.")
    assert hard_wrapped(text)
    sents = [s.text.strip() for s in load_nlp()(text).sents]
    assert sents[0].startswith("The Prime Minister") and sents[0].endswith("Afghanistan.")
    assert sents[1].startswith("He said") and sents[1].endswith("again soon.")
    assert not hard_wrapped("Pakistan and Russia held talks.\nThe talks went well.\nMOSCOW\nA meeting began.")


def test_the_text_kept_with_a_doc_is_its_own():
    """The parse keeps each Doc's text (kg.extract.tokens.doc_text reads it), and it is that
    Doc's, not the previous one's, in a batch of texts parsed together."""
    from kg.extract.tokens import doc_text

    texts = ["Pakistan and Russia held talks.\n\nThey agreed to meet.", "A second text, unlike the first.",
             "Pakistan and Russia held talks.\n\nThey agreed to meet again."]
    for text, doc in zip(texts, load_nlp().pipe(texts, batch_size=2)):
        assert doc.user_data, "paragraph_breaks no longer keeps the text with the Doc"
        assert doc_text(doc) == doc.text == text


def test_a_label_in_title_case_that_opens_a_paragraph_is_parsed_apart():
    from kg.extract.nlp import label_end
    doc = load_nlp()("Karachi: The finance minister on Monday said that exports grew.\nThe envoy said: Talks went well.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Karachi:", "The finance minister on Monday said that exports grew."]
    said = next(t for t in doc if t.text == "said")
    assert any(c.dep_ == "nsubj" for c in said.children), "the dateline still takes the sentence's subject"
    assert label_end(doc, 0) == 2
    second = next(t.i for t in doc if t.text == "The" and t.i > 2)
    assert label_end(doc, second) is None, "a speech verb in lower case before the colon is no label"


def test_a_label_stays_in_the_sentence_it_opens():
    from kg.extract.sentences import sentences_of
    text = "Lahore: Pakistan and Russia signed a protocol.\nBackground: The two sides met in 2021."
    spans = [s.span.text for s in sentences_of(load_nlp()(text))]
    assert spans == ["Lahore: Pakistan and Russia signed a protocol.", "Background: The two sides met in 2021."]


def test_a_statement_after_a_dateline_in_title_case_has_its_speaker():
    text = "Islamabad: Foreign Minister Shah Mahmood Qureshi Tuesday said that relations with Russia are improving."
    ex = extract("t", text, load_registry())
    assert [c.speaker for c in ex.claims] == ["shah-mehmood-qureshi"]
