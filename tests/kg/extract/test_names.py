"""kg.extract.names: acronyms that a bracket sets after a title."""
from __future__ import annotations

import pytest

from kg.extract.names import title_acronyms
from kg.extract.nlp import load_nlp

_TEXTS = [
    "Special Assistant to the Prime Minister (SAPM), Tariq Fatemi, spoke.  Later the SAPM left.",
    "(COAS) opened it.  The Chief of Army Staff (COAS) General Asim Munir met the Foreign Minister (FM).",
    "Trade grew (by 5 per cent) and the Federal Minister (FM) said so (FM",
    "The Minister for Planning (MP). (Ministry of Foreign Affairs) (MOFA) the Deputy Chief (DC) , Ali Khan.",
    "The Shanghai Cooperation Organisation (SCO) and the Chief Minister (CM)",
]


def _every_token(doc) -> list[int]:
    """Where title_acronyms may find an acronym, by a walk over every token: one in brackets."""
    return [t.i for t in doc[2:-1] if t.text.isupper() and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"]


@pytest.mark.parametrize("text", _TEXTS)
def test_title_acronyms_looks_at_every_acronym_in_brackets(text):
    doc = load_nlp()(text)
    found = title_acronyms(doc)
    assert set(found) <= {doc[i].text for i in _every_token(doc)}
    for i in _every_token(doc):  # each bracketed acronym after the title it abbreviates is found
        words = doc[max(0, i - 8):i - 1].text
        initials = "".join(w[0] for w in words.split() if w[:1].isupper())
        if initials.endswith(doc[i].text) and any(w in words.lower() for w in ("minister", "chief", "assistant")):
            assert doc[i].text in found, (doc[i].text, words)


def test_title_acronyms_and_where_the_holders_name_starts():
    doc = load_nlp()(_TEXTS[0] + "  " + _TEXTS[1])
    found = title_acronyms(doc)
    assert found["SAPM"] is not None and doc[found["SAPM"]].text == "Tariq"
    assert found["FM"] is None  # no person named after it
    assert "SCO" not in title_acronyms(load_nlp()(_TEXTS[4]))  # an organisation, not a title
