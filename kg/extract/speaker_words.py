"""The words that tell who speaks: titles, ranks, institutions, sources of statements,
pairs ("both leaders", "the two sides") and pronouns, and the dateline that opens an article.
Used by :mod:`kg.extract.speakers` and :mod:`kg.extract.person_names`."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.institutions import OUTLETS

PERSON_PRONOUNS = {"he", "she"}
GROUP_PRONOUNS = {"it", "they"}
TITLES = frozenset("""minister president premier spokesman spokeswoman spokesperson ambassador envoy
    secretary chairman chief official diplomat adviser advisor governor general commander
    leader head director prime deputy senator lawmaker chancellor counterpart sapm representative""".split())
TITLE_WORDS = {"premier": ("premier", "prime minister"), "prime": ("prime minister", "premier"),
               "envoy": ("envoy", "ambassador"), "ambassador": ("ambassador", "envoy"),
               "diplomat": ("diplomat", "ambassador", "envoy")}
SOURCES = frozenset("""statement release communique communiqué report spokesman spokeswoman
    spokesperson source announcement readout""".split())
GENERIC_TITLES = frozenset("official diplomat leader head chief counterpart lawmaker".split())
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ch)$")  # "Russians", "Chinese", "Pakistani"
INSTITUTIONS = frozenset("""ministry embassy office department directorate agency army navy
    government commission council bank corporation company mission consulate secretariat
    military authorities authority administration parliament assembly cabinet presidency""".split())
STATE_BODIES = frozenset("government authorities authority leadership administration".split())
PAIR_PEOPLE = frozenset("leaders ministers premiers presidents heads counterparts".split())
# "the two sides", "both delegations": the two states that meet
PAIR_STATES = frozenset("countries delegations nations governments states parties sides".split())
# "The parties agreed", "the participants stressed", "the meeting reaffirmed", "the talks
# underlined": the states of the meeting just reported speak together
MEETING_SIDES = frozenset("parties participants".split())
# "the three countries", "the four parties": how many states of a run named together speak
COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}
MEETINGS = frozenset("meeting talks dialogue consultations discussions summit session".split())
RANKS = frozenset("""lt lt. gen gen. general col colonel maj major brig brigadier mr mrs ms dr field marshal h.e
    adm admiral rear captain capt commodore lieutenant rank""".split())  # "Captain 1st Rank", "Rear Adm."
NEWS_HEADS = OUTLETS | {"news", "tv", "television", "channel"}  # "Dawn news", "Geo TV"
CLOSE = ("compound", "poss", "amod", "appos", "flat", "nmod", "npadvmod")
TITLE_JOINS = frozenset({"for", "of", "and", "&", "(", ")", "-", "–"})  # inside a long title
REACH = 9  # tokens from a title word to its holder's name



def name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a person's name (no title, rank or body)."""
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in RANKS \
        and tok.lemma_.lower() not in TITLES and tok.lemma_.lower() not in INSTITUTIONS



def dateline_tokens(doc: Doc) -> set[int]:
    """The token indices of a dateline that opens the article: places in capitals before a
    dash or colon ("ISLAMABAD/MOSCOW –", "MOSCOW:"), maybe with a source in brackets between
    ("MOSCOW (TASS):"), with the mark; empty if there is none."""
    i = 0
    while i < min(len(doc), 8) and (doc[i].is_upper and doc[i].is_alpha or doc[i].text in ("/", ",")):
        i += 1
    if 0 < i < len(doc) and doc[i].text == "(":  # "(TASS)", "(Dunya News)"
        close = next((t.i for t in doc[i + 1:i + 6] if t.text.startswith(")")), None)
        if close is None:
            return set()
        if doc[close].text in ("):", ")-", ")–", ")—"):
            return set(range(close + 1))
        i = close + 1
    if i == 0 or i >= len(doc) or doc[i].text not in ("–", "—", "-", ":"):
        return set()
    return set(range(i + 1))
