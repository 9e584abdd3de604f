"""A statement's kind and its stance toward what it is about.

Kind (see docs/annotation-guide.md): **Denial** when the cue rejects ("denied",
"dismissed") or the words call a report false; **Recommendation** when the cue urges or
the words say what should be done; **Commitment** when the speaker promises its own future
act ("we will", "Russia is ready to" said by Russia, "pledged", "Russia and Pakistan will
launch" said by either, "we plan to", "we are trying to", "is open to", "will not be
allowed"); **Prediction** for the
future or the possible ("will", "may", "expects"), but not a modal that hedges a judgement
("this would be a more strategic deal") nor a past "could not"; **Assessment** when the words
judge (an evaluative word of the VADER lexicon, a comparative or superlative, or a cue of
opinion: "believes", "described"; in a one-clause report of an act, adjectives that only
name the sort of a thing do not count; or they say what is not so: "the visit is not a
planned one", "we do not celebrate anything"); **ReportOfFact** otherwise.

Stance is VADER's compound polarity of the statement's words (the ``vaderSentiment``
package, a lexicon and rules: deterministic), with a few words of diplomacy added to its
lexicon ("cooperation", "sanctions"); at or above ``THRESHOLD`` positive, at or below
its negative negative, neutral between.

>>> stance_of("Relations are excellent and friendly")
'positive'
>>> stance_of("The sanctions are a hostile act that threatens regional peace")
'negative'
>>> stance_of("The delegation arrived in Moscow on Monday")
'neutral'
"""
from __future__ import annotations

import functools

from kg.extract.kind_frames import declares_support, observed, stands_ready

THRESHOLD = 0.3
# Words of diplomacy VADER's general lexicon lacks (valence on its -4..4 scale).
DOMAIN = {
    "cooperation": 1.5, "cooperate": 1.5, "partnership": 1.5, "partner": 1.0, "partners": 1.0,
    "strengthen": 1.5, "strengthening": 1.5, "strengthened": 1.5, "deepen": 1.2, "deepening": 1.2,
    "expand": 1.0, "expanding": 1.0, "boost": 1.5, "friendly": 1.8, "mutually": 0.8, "ties": 0.3,
    "sanctions": -1.5, "sanction": -1.2, "boycott": -1.5, "boycotted": -1.5, "interference": -1.5,
    "destabilise": -2.0, "destabilize": -2.0, "escalation": -1.5, "tensions": -1.2,
    "unacceptable": -2.0, "condemned": -2.0, "baseless": -1.8, "unfounded": -1.5, "provocation": -1.8,
    "terrorism": -2.5, "terrorist": -2.5, "militants": -1.5, "hegemony": -1.5,
}
_RECOMMEND_CUES = {"urge", "call", "advise", "recommend", "demand", "appeal", "suggest", "ask", "encourage", "advocate",
                   "request", "exhort", "implore", "plead"}
_COMMIT_CUES = {"promise", "pledge", "vow", "assure", "commit", "offer", "undertake", "decide"}
# Verbs of seeing a thing's worth ("recognised the importance of X"): a judgement, not advice;
# kg.extract.cues reads them as cues only with an object of worth or need.
RECOGNISING = frozenset("recognise recognize realise realize".split())
_DENY_CUES = {"deny", "reject", "dismiss", "refute", "rebuff", "rebut"}
_PREDICT_CUES = {"expect", "predict", "forecast", "hope", "anticipate", "fear", "estimate"}
_OPINION_CUES = {"consider", "believe", "think", "feel", "describe", "consider", "praise", "criticise",
                 "criticize", "welcome", "condemn", "argue", "insist", "complain", "doubt", "lament", "regret", "opine"}
# Verbs whose object noun phrase is what was said ("expressed satisfaction with ...",
# "highlighted the growing strength of ...", "praised Pakistan for ..."): judgements.
ATTITUDE = frozenset("""express highlight reaffirm emphasise emphasize stress underline underscore
    appreciate acknowledge welcome praise note hail commend voice reiterate laud condemn criticise
    criticize convey outline deny dismiss reject refute""".split())
_VALUE_NOUNS = {"importance", "significance", "satisfaction", "concern", "confidence", "appreciation",
                "gratitude", "potential", "strength", "implication"}
_SHOULD = {"should", "must", "ought"}
_FUTURE = {"will", "would", "may", "might", "could", "shall", "'ll", "wo"}
_FALSE = {"baseless", "unfounded", "false", "fabricated", "propaganda", "untrue", "groundless"}
_READY = {"ready", "willing", "committed", "determined", "prepared", "keen", "eager", "interested"}
_DEGREE = {"very", "particularly", "extremely", "highly", "so", "too", "really", "truly", "immensely"}
_UNTRUE = {"wrong", "incorrect", "untrue", "false", "misleading"}
_TRENDS = {"strengthen", "grow", "improve", "deepen", "expand", "weaken", "deteriorate", "decline", "worsen"}
_STATES = {"underway", "available", "present", "due", "aware", "able", "responsible", "open"}
_COPULA_LIKE = {"be", "have", "become", "remain", "seem"}  # "it would have a positive impact": no act
# Judging words VADER's lexicon lacks or scores weakly.
_JUDGING = {"tremendous", "substantive", "productive", "reliable", "steady", "robust", "durable",
            "strategic", "unprecedented", "considerable", "enormous", "immense", "vast", "healthy",
            "consider", "considers", "deem", "deems", "testament", "milestone"}
_PAIR = {"one", "two", "both", "2"}  # "the two countries": no figure
# Verbs of valuing: their clause judges its object ("Pakistan values its friendship with Russia")
_VALUING = {"value", "appreciate", "admire", "respect", "cherish", "treasure", "regard", "view", "consider", "deem"}
_WISH = {"desire", "commitment", "eagerness", "willingness", "readiness", "resolve", "determination",
         "wish", "intention", "pledge", "interest", "obligation"}


def cue_class(cue_lemma: str) -> str:
    """What a cue says of its statement's kind: "deny", "recommend", "commit", "predict",
    "opinion" (a cue of judging, an attitude verb), "report" (another reporting verb) or
    "none" (no cue: the writer's own words, a quotation that continues).

    >>> [cue_class(c) for c in ("deny", "urge", "pledge", "expect", "believe", "say", "")]
    ['deny', 'recommend', 'commit', 'predict', 'opinion', 'report', 'none']
    """
    if not cue_lemma:
        return "none"
    for name, cues in (("deny", _DENY_CUES), ("recommend", _RECOMMEND_CUES), ("commit", _COMMIT_CUES),
                       ("predict", _PREDICT_CUES), ("opinion", _OPINION_CUES | ATTITUDE)):
        if cue_lemma in cues:
            return name
    return "report"


@functools.lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(DOMAIN)
    return analyzer


def lexicon() -> dict[str, float]:
    """VADER's lexicon (word -> valence, -4..4) with the domain words added."""
    return _analyzer().lexicon


def scores(text: str) -> dict[str, float]:
    """VADER's scores of ``text`` (compound -1..1; pos, neg, neu shares), domain words added."""
    return dict(_scores(text))


@functools.lru_cache(maxsize=4096)
def _scores(text: str) -> dict[str, float]:
    # a statement's words are scored for its rule stance and again for the learned one
    return _analyzer().polarity_scores(text)


def forget_scores() -> None:
    """Empty the cache of VADER scores: ``extract`` does at each article, so that the cache
    serves one article's statements (scored for the rule's stance, then for the learned one)
    and timings do not gain from sentences that other articles repeat."""
    _scores.cache_clear()


def polarity(text: str) -> float:
    """VADER's compound score (-1..1) of ``text`` with the domain words added."""
    return scores(text)["compound"]


def stance_of(text: str, threshold: float | None = None) -> str:
    score, threshold = polarity(text), THRESHOLD if threshold is None else threshold
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


# comparatives that count or place in time rather than grade ("more talks", "earlier in the day")
_NOT_GRADING = frozenset("more most less least early earlier late later far further latter".split())


def _evaluative(tokens) -> bool:
    from kg.extract.claims import EVALUATIVE

    lexicon = _analyzer().lexicon
    return any(t.lemma_.lower() in EVALUATIVE or t.lower_ in lexicon and t.pos_ in ("ADJ", "ADV") and abs(lexicon[t.lower_]) >= 1.5
               or t.tag_ in ("JJR", "JJS", "RBR", "RBS")
               and t.lemma_.lower() not in _NOT_GRADING and t.lower_ not in _NOT_GRADING
               for t in tokens)


def _predicate(verb) -> list:
    """The words a copula says of its subject, with their modifiers ("a more strategic deal")."""
    out = []
    for c in verb.children:
        if c.dep_ in ("attr", "acomp", "advmod"):
            out += [c, *(d for d in c.children if d.dep_ in ("amod", "advmod", "conj"))]
    return out


def _subordinate(verb, content) -> bool:
    """The verb sits in a relative or adverbial clause of the statement's words ("..., which
    would soon be matched"): not what the statement itself asserts."""
    root = content.root if content is not None else verb
    while verb.i != root.i and verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "advcl", "acl") and not _cleft(verb):
            return True
        verb = verb.head
    return False


def _cleft(clause) -> bool:
    """A relative clause that carries the assertion of an empty "it is a N that ..."."""
    noun, copula = clause.head, clause.head.head
    return clause.dep_ == "relcl" and noun.dep_ == "attr" and copula.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in copula.children)


def _judgement(root) -> bool:
    """A copula that judges its subject ("Pakistan is a priority partner", "it was a
    complex issue", "I am so excited") or relations said to be changing now ("ties are
    strengthening"); not a place, a state of work or a count ("is in place", "was underway")."""
    if root is None:
        return False
    kids = list(root.children)
    if root.tag_ == "VBG" and root.lemma_ in _TRENDS and any(c.lemma_ == "be" and c.dep_ == "aux" for c in kids):
        return True
    if root.lemma_ not in ("be", "remain", "seem", "appear", "look", "sound") or not any(
            c.dep_ in ("nsubj", "expl") for c in kids):
        return False
    for c in kids:
        if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.lower_ not in _STATES:
            return True
        if c.dep_ == "attr" and c.pos_ == "NOUN" and not any(d.like_num for d in (c, *c.children)) and (
                any(d.dep_ in ("amod", "compound") and d.pos_ in ("ADJ", "NOUN") for d in c.children)
                or abs(lexicon().get(c.lower_, 0.0)) >= 1.0):
            return True
        if c.dep_ == "attr" and c.lower_ == "one" and any(  # "is one of the few / the most important"
                p.lower_ == "of" and any(d.lower_ in ("few", "most", "best") or d.tag_ == "JJS"
                                         for o in p.children for d in o.children) for p in c.children):
            return True
    return False


def _attributive(token, root) -> bool:
    """An adjective that names the sort of a thing the act is not done to ("work on the
    ambitious project", "active work was underway"), or its modifier; one on the act's
    object judges the act ("provided a good platform", "made tremendous strides")."""
    adjective = token.head if token.dep_ == "advmod" and token.head.dep_ == "amod" else token
    noun = adjective.head
    return adjective.dep_ == "amod" and not (noun.dep_ in ("dobj", "attr") and noun.head.i == root.i)


def _reports_act(root, content) -> bool:
    """The statement's main verb tells what was done ("added", "declared", "had become") or
    where things stand ("is in place", "was underway"), with no predicate that judges."""
    if root is None or root.pos_ not in ("VERB", "AUX") or root.lemma_ in _TRENDS or _regarded(root) or any(
            c.tag_ == "MD" for c in root.children) or any(
            t.dep_ in ("conj", "relcl") and t.pos_ in ("VERB", "AUX") and t.i != root.i
            or t.sent.start != root.sent.start for t in content):  # one clause: a judgement may sit in another
        return False
    if root.lemma_ == "be":
        return not _judgement(root) and not any(c.dep_ in ("attr", "acomp") and c.lower_ not in _STATES
                                                for c in root.children)
    return root.tag_ in ("VBD", "VBN") and root.lemma_ not in ("seem", "appear", "look", "remain")


def _regarded(verb) -> bool:
    """"should be taken as a positive sign", "must be seen as ...": how to read a thing, a
    judgement of it rather than a call to act."""
    return verb.lemma_ in ("take", "see", "view", "regard", "consider", "read", "treat") and any(
        c.dep_ == "auxpass" for c in verb.children) and any(c.lower_ == "as" for c in verb.children)


def _past_inability(modal) -> bool:
    """"could not" reports what was not possible ("West could not take part"), no forecast."""
    return modal.lower_ == "could" and any(c.dep_ == "neg" for c in modal.head.children)


_STATIVE = {"seem", "appear", "look", "know", "hate", "like", "love", "want", "understand", "realise", "realize"}
_OUTCOMES = {"impact", "effect", "consequence", "consequences", "implication", "implications", "bearing", "influence"}


# Acts of a programme: who will visit, meet, attend or chair what ("Sharif will meet ...",
# "the participants will discuss ...", "is expected to visit Russia").
_SCHEDULE_ACTS = {"visit", "attend", "meet", "preside", "chair", "co-chair", "participate", "discuss", "arrive", "conduct", "practice", "practise", "hold",
                  "travel", "address", "inaugurate"}
_HEDGES = {"chance", "likely", "unlikely", "possibly", "perhaps", "probably", "may", "might", "could"}


def one_sentence(tokens) -> bool:
    """Whether the tokens all sit in one sentence; for a run of consecutive tokens (a
    span's), whether none after the first starts a sentence, without building each one's."""
    if tokens[-1].i - tokens[0].i == len(tokens) - 1 and all(a.i < b.i for a, b in zip(tokens, tokens[1:])):
        return not any(t.is_sent_start for t in tokens[1:])
    return len({t.sent.start for t in tokens}) == 1


def scheduled_act(tokens) -> bool:
    """The statement's main verb is a future act of a programme ("will preside over", "will
    also take part in", "is expected to visit") with nothing that hedges it."""
    if not tokens or any(t.lower_ in _HEDGES for t in tokens):
        return False
    root = tokens[0].sent.root if one_sentence(tokens) else None
    root = next((t for t in tokens if t.head.i == t.i or t.head.i < tokens[0].i or t.head.i > tokens[-1].i), root)
    if root is None:
        return False
    if root.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in root.children):
        root = next((c for c in root.children if c.dep_ == "xcomp"), root)
    elif not any(c.tag_ == "MD" and c.lower_ in ("will", "shall", "would", "'ll") for c in root.children):
        return False
    if any(c.dep_ in ("neg", "auxpass") for c in root.children):
        return False  # "the Taliban would not attend": a forecast of a refusal; "every issue would be discussed"
    return root.lemma_ in _SCHEDULE_ACTS or root.lemma_ == "take" and any(
        c.lower_ == "part" for c in root.children)


def month_may(tok) -> bool:
    """"May" the month, tagged as a modal ("This May we will celebrate ...", "in May"): a
    capital "May" inside its sentence, or one after a preposition or a determiner."""
    if tok.lower_ != "may":
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return tok.text == "May" and before is not None and (
        before.pos_ in ("ADP", "DET") or before.lower_ in ("this", "next", "last", "early", "mid", "late")
        or before.like_num or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].like_num)


def hedges_state(modal) -> bool:
    """A modal of possibility that hedges how things are, not what will happen: on a verb
    of state ("might seem flourishing", "might have the cognizance of", "would like to
    know"), or conceding before a "but" ("the two may not be neighbours, but they have
    common stakes", "the timing may be incidental, but ...").  "may have an adverse
    impact" (an outcome) stays a forecast."""
    verb = modal.head
    word = modal.lower_
    if word == "would":
        return verb.lemma_ in ("like", "love", "prefer")
    if word not in ("may", "might", "could"):
        return False
    if verb.lemma_ in _STATIVE:
        return True
    if verb.lemma_ == "have" and any(c.dep_ == "dobj" and c.lower_ not in _OUTCOMES for c in verb.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children) and any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def _judging_modal(modal, content) -> bool:
    """A modal that hedges a judgement, not a forecast: "this would be a more strategic deal",
    "the timing may be incidental", or a future clause joined to a main clause that judges
    ("the visit is an important one and the talks would ...")."""
    verb = modal.head
    if verb.lemma_ == "be" and (_evaluative(_predicate(verb)) or _judgement(verb)):
        return True
    root = content.root if content is not None else None
    if root is None or verb.dep_ != "conj" or verb.head.i != root.i or any(
            c.tag_ == "MD" for c in root.children):
        return False
    conjuncts = {w.i for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for w in c.subtree}
    own = [w for w in root.subtree if w.i not in conjuncts]
    return _judgement(root) or _evaluative(own)


def classify_kind(content, cue_lemma: str, institution: bool = False, own_side=None) -> str:
    """The kind of a statement from its words (a spaCy Span) and its cue's lemma; an
    institution that says something "will be done" commits itself.  ``own_side`` (a token
    -> True, False or None) says whether a word names the speaker or the speaker's own
    state ("the Kremlin will ..." said by the Kremlin's spokesman: a Commitment; "Russia
    will ..." said by a newspaper: a Prediction); without it, or when it cannot tell, a
    state or a people as the subject counts as the speaker's own side."""
    tokens = list(content) if content is not None else []
    lowers = {t.lower_ for t in tokens}
    text = content.text.lower() if content is not None else ""
    negated = any(t.dep_ == "neg" and t.head.dep_ in ("ROOT", "ccomp") for t in tokens)
    scare = any(t.text in ('"', "“") for t in tokens)  # someone else's words, in quotation marks
    if cue_lemma in _DENY_CUES or (lowers & _FALSE or "so-called" in text or scare and not lowers & _SHOULD) and negated or (
            lowers & _UNTRUE and any(t.lemma_ in ("say", "claim", "suggest", "allege") for t in tokens)):
        return "Denial"  # "it's wrong to say that ..."
    urged = any(t.lower_ in _SHOULD and not _subordinate(t.head, content) and not _regarded(t.head) for t in tokens)
    if cue_lemma in _RECOMMEND_CUES or urged or advocated(content) and not observed(content, cue_lemma, RECOGNISING) or any(
            t.lemma_ in ("need", "have") and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to"
            and t.dep_ != "aux" and t.tag_ != "VBD" for i, t in enumerate(tokens)):  # "needed to": a past need
        return "Recommendation"
    subj = next((t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")), None)
    first_person = subj is not None and subj.lower_ in ("we", "i")
    future = any(t.lower_ in _FUTURE and t.tag_ == "MD" and not month_may(t) and t.head.lemma_ not in ("like", "love", "prefer")
                 and (first_person or not _judging_modal(t, content)) and not _past_inability(t)
                 and not hedges_state(t)
                 and not _subordinate(t.head, content) for t in tokens) or any(  # "would be helpful" judges; "we will be glad" promises
        t.lower_ == "going" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to"
        for i, t in enumerate(tokens))
    side = own_side(subj) if own_side is not None and subj is not None else None
    if side is False and subj.dep_ == "nsubj" and any(own_side(c) for c in subj.children if c.dep_ == "conj"):
        side = True  # "Russia and Pakistan will launch ..." said by Pakistan: its own act, with a partner
    state = subj is not None and subj.dep_ == "nsubj" and (
        side if side is not None else subj.ent_type_ in ("GPE", "NORP"))
    own = subj is not None and (first_person or state or subj.lower_ in ("he", "she", "it", "they")
                                and subj.head.lemma_ != "be" and subj.dep_ == "nsubj" or _own_country(subj))
    ready = any(t.lower_ in _READY or t.lower_ == "open" and t.pos_ == "ADJ" and any(  # "is open to importing"
        c.lower_ == "to" and c.dep_ == "prep" for c in t.children) for t in tokens[:8])
    wish = any(t.lemma_.lower() in _WISH for t in tokens[:6]) or own and subj.head.lemma_ in _INTENDING \
        or "look forward" in text or any(  # "We are holding talks; we plan to supply them"
        t.dep_ == "nsubj" and t.lower_ in ("we", "i") and t.head.lemma_ in _INTENDING for t in tokens) \
        or (first_person or side is True) and subj.head.lemma_ in _STRIVING and subj.head.tag_ in ("VBG", "VBP", "VBZ") and any(  # "we are trying to sign", "is working to support"
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in subj.head.children)
    verbs = [t for t in tokens[:3] if t.tag_ != "TO" and t.dep_ != "advmod"]
    to_do = cue_lemma in ("agree", "resolve") and verbs and (verbs[0].tag_ == "VB" or verbs[0].tag_ == "VBG" and (
        content is not None and verbs[0].i == content.root.i))  # "agreed to strengthen ...", "agreed on promoting ..."
    head = subj.head if subj is not None else None
    modal = head is not None and any(c.tag_ == "MD" and c.lower_ in _FUTURE for c in head.children)
    able = head is not None and any(c.lower_ in ("able", "likely", "unlikely") for c in head.children)
    acts = modal and not able and (first_person or head.lemma_ not in _COPULA_LIKE)
    passive_future = institution and any(t.dep_ == "auxpass" for t in tokens) and any(
        t.lower_ in ("will", "shall") and t.tag_ == "MD" for t in tokens) or _permitted(tokens)
    backs = first_person and head.lemma_ in ("support", "back", "stand") and head.tag_ in ("VBP", "VB")  # "we support ..."
    if cue_lemma not in _COMMIT_CUES and not first_person and scheduled_act(tokens):
        return "ReportOfFact"  # "the PM will preside over the meeting": a programme announced
    if cue_lemma in _COMMIT_CUES or own and (acts or ready) or wish or to_do or passive_future or backs \
            or stands_ready(tokens, content, own_side) or declares_support(content):
        return "Commitment"
    root = content.root if content is not None else None
    expected = any(t.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in t.children) for t in tokens) or (
        root is not None and root.lemma_ in ("expect", "anticipate", "foresee") and subj is not None)
    hedged = any(t.lower_ in ("likely", "unlikely", "soon") and not _subordinate(t.head, content) for t in tokens)
    if future or expected or cue_lemma in _PREDICT_CUES or hedged:
        return "Prediction"
    if cue_lemma not in _OPINION_CUES and root is not None and root.tag_ in ("VBD", "VBN") and any(
            t.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or t.ent_type_ == "CARDINAL" and t.lower_ not in _PAIR
            for t in tokens) and not lowers & _DEGREE:
        return "ReportOfFact"  # "Russia delivered 60,000 tonnes of wheat": a count is a fact
    # A report of what was done ("added important new subjects", "got a big hit due to the
    # devastating floods") judges nothing by the adjectives that only name its things.
    weighed = [t for t in tokens if not _attributive(t, root)] if _reports_act(root, content) else tokens
    if cue_lemma in _OPINION_CUES or cue_lemma in ATTITUDE or _evaluative(weighed) or any(
            t.lemma_.lower() in _VALUE_NOUNS for t in tokens) or {t.lower_ for t in weighed} & _JUDGING \
            or "as if" in text \
            or _judgement(root) or text.startswith(("what a ", "how ")) or root is not None and root.lemma_ in _VALUING \
            or any(t.tag_ == "MD" and hedges_state(t) for t in tokens) \
            or _negated_now(root):
        return "Assessment"
    if root is not None and root.tag_ in ("VBZ", "VBP") and root.lemma_ not in ("be", "continue") and not any(
            c.dep_ in ("aux", "auxpass") for c in root.children) and not any(
            t.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL", "DATE") for t in tokens):
        # "we maintain an intensive dialogue", "the initiative belongs to ...": how things stand in
        # the speaker's view; with a figure or a date ("control 75% of ...") or an event that goes
        # on ("the exercise continues"), a fact
        return "Assessment"
    return "ReportOfFact"


# Nouns that make their object a thing to be done ("stressed the importance of sustained
# dialogue", "underlined the need for restraint") and adjectives of "it is ADJ to ..."
_NEEDED_NOUNS = {"importance", "need", "necessity", "urgency"}
_NEEDED_ADJECTIVES = {"necessary", "essential", "imperative", "vital", "crucial", "important", "advisable", "urgent"}
# adjectives that, said of a thing or an act ("X is imperative"), call for it (dev gold: 3 of 3
# Recommendations; not "essential", "vital", "crucial": "peace is essential for both" judges)
NEEDED_ACT = {"imperative"}


def advocated(content) -> bool:
    """The statement calls for something: its words are "the importance of / the need for
    X" (the object of "stressed", "reiterated", "underlined"), or "it is necessary (to / that)
    ..." on its main clause; not "the significance of X" (a judgement of a thing) nor the
    need that something "has necessitated" (a report of a cause)."""
    if content is None or not len(content):
        return False
    root = content.root
    if root.lemma_.lower() in _NEEDED_NOUNS and root.i - content.start <= 2 and root.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in root.children):
        return True
    verb = root
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in NEEDED_ACT for c in verb.children):
        return True  # "a reliable banking system was imperative to enhance trade": what is to be done
    if verb.lemma_ != "be" or not any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in verb.children):
        return False
    return any(c.dep_ == "acomp" and c.lower_ in _NEEDED_ADJECTIVES and any(
        d.dep_ in ("xcomp", "ccomp") for d in (*c.children, *verb.children)) for c in verb.children) and not any(
        c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


# Verbs of the speaker's own intent or effort toward an act ("we plan to supply", "Russia
# is working to support"): the subject commits itself.
_INTENDING = frozenset("want wish intend plan like seek aim agree decide resolve".split())
_STRIVING = frozenset("try work strive endeavour endeavor".split())
_PERMITTING = frozenset("allow permit tolerate".split())


def _permitted(tokens) -> bool:
    """What "will (not) be allowed / permitted": a decision of whoever grants it, said by the
    side that decides ("the private sector would not be allowed to import wheat")."""
    return any(t.lemma_ in _PERMITTING and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
               and any(c.tag_ == "MD" and c.lower_ in ("will", "would", "shall") for c in t.children)
               for t in tokens)


def _own_country(subj) -> bool:
    """"his country", "our government", "my nation", and in someone's words a bare "the
    country" or "the state": the speaker's own state."""
    if subj.lemma_.lower() not in ("country", "government", "nation", "state", "side"):
        return False
    kids = list(subj.children)
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "our", "my") for c in kids) or (
        [c.lower_ for c in kids] == ["the"] and subj.lower_ in ("country", "state"))


def _negated_now(root) -> bool:
    """A speaker who says what is not so ("the visit is not a planned one", "it was not for
    him to decide", "we do not celebrate anything") takes a position: a negated copula, or a
    negated verb in the present with no modal; not a past act that did not happen ("the
    talks did not take place"), nor "not just X but also Y"."""
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(root.children)
    neg = next((c for c in kids if c.dep_ == "neg"), None)
    if neg is None or any(c.tag_ == "MD" for c in kids) or neg.i + 1 < len(neg.doc) and neg.doc[neg.i + 1].lower_ in (
            "just", "only", "merely", "simply"):
        return False
    if root.lemma_ == "be":
        return True
    tenses = [c.tag_ for c in kids if c.dep_ == "aux"] or [root.tag_]
    return all(t in ("VBZ", "VBP") for t in tenses)
