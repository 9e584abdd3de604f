"""Tests of kg.extract.quotations: the words of a statement as evidence."""


def test_a_statement_keeps_the_closing_bracket_of_one_it_opens():
    from kg.extract.quotations import span_of

    text = "The minister said both sides would work within the Eurasian Economic Union (EAEU)."
    start = text.index("both")
    assert span_of(text, start, text.index(")")).text.endswith("(EAEU)")
    # a bracket the words do not open is left where it is
    text = "He said (in Moscow) ties were good)."
    assert span_of(text, text.index("ties"), text.rindex(")")).text == "ties were good"
