"""Tests for kg.extract.metadata: the closing "The writer is ..." note."""
from __future__ import annotations

from support import make_sentences, read_document

from kg.extract.metadata import find_author
from kg.extract.model import Author


def author_of(nlp, text: str, known: dict[str, str] | None = None) -> Author | None:
    doc = nlp(text)
    sentences = make_sentences(doc)
    author = find_author(doc, sentences, (known or {}).get)
    if author is not None:
        span = author.sentence.span
        assert doc.text[span.start:span.end] == span.text
        assert author.sentence in sentences[-2:]
    return author


def test_roles_split_on_commas_and_and(nlp):
    a = author_of(nlp, "Trade grew. The writer is a senior fellow, policy adviser and "
                       "columnist at the Lahore Forum for Energy Studies.")
    assert a.roles == ("senior fellow", "policy adviser", "columnist")
    assert a.affiliation_text == "Lahore Forum for Energy Studies"
    assert a.affiliation == "new:Lahore Forum for Energy Studies"
    assert a.email is None


def test_field_after_the_role_is_dropped_and_city_after_the_affiliation(nlp):
    a = author_of(nlp, "Ties deepened. The author is a PhD candidate in Economics at the "
                       "NDU, Rawalpindi and can be reached at k.rana@ndu.example.pk",
                  {"NDU": "national-defence-university"})
    assert a.roles == ("PhD candidate",)
    assert (a.affiliation, a.affiliation_text) == ("national-defence-university", "NDU")
    assert a.email == "k.rana@ndu.example.pk"


def test_working_as_and_email_in_the_next_sentence(nlp):
    a = author_of(nlp, "Ties deepened. The writer is working as a data journalist at the "
                       "Karachi Policy Lab. She can be reached at n.shah@kpl.example.org.")
    assert a.sentence.index == 1
    assert a.roles == ("data journalist",)
    assert a.affiliation == "new:Karachi Policy Lab"
    assert a.email == "n.shah@kpl.example.org"


def test_affiliation_after_of_or_with_when_there_is_no_at(nlp):
    a = author_of(nlp, "Ties deepened. The writer is the director of the Quetta Institute of Peace.")
    assert (a.roles, a.affiliation_text) == (("director",), "Quetta Institute of Peace")
    a = author_of(nlp, "Ties deepened. The writer is associated with the Multan Centre of Law.")
    assert (a.roles, a.affiliation_text) == ((), "Multan Centre of Law")


def test_role_without_affiliation(nlp):
    a = author_of(nlp, "Ties deepened. The writer is a freelance journalist based in Lahore.")
    assert (a.roles, a.affiliation, a.affiliation_text) == (("freelance journalist",), None, None)


def test_named_writer(nlp):
    a = author_of(nlp, "Ties deepened. John Smith is a professor of history at Oxford University.")
    assert a.roles == ("professor",)
    assert a.affiliation == "new:Oxford University"


def test_no_author_note(nlp):
    assert author_of(nlp, "Pakistan is a key partner of Russia. Trade will grow.") is None
    assert author_of(nlp, "The writer is a poet. Trade grew. Ties deepened.") is None  # not in last two


def test_article_000_author(nlp):
    a = author_of(nlp, read_document("000"), {"QAU": "quaid-i-azam-university"})
    assert a.sentence.span.text.startswith("The writer is an MPhil student")
    assert a.roles == ("MPhil student",)
    assert (a.affiliation, a.affiliation_text) == ("quaid-i-azam-university", "QAU")
    assert a.email == "gleamsoul@yahoo.com"


def test_article_001_author_spans_two_sentences(nlp):
    a = author_of(nlp, read_document("001"))
    assert a.sentence.span.text.startswith("The writer is working as")
    assert a.roles == ("research analyst", "programme consultant", "content editor")
    assert a.affiliation == "new:Centre for Research and Security Studies"
    assert a.email == "farooq@crss.pk"


def test_article_004_author(nlp):
    a = author_of(nlp, read_document("004"),
                  {"Islamabad Institute of Conflict Resolution": "iicr"})
    assert a.roles == ("founder", "executive director")
    assert a.affiliation == "iicr"
    assert a.email is None
