"""The cues of reported speech: the verbs that report what someone said or holds, and
what the dependency parse says around them (the cue's subject, the clauses of its
complement, the words of the cue as written).  Used by :mod:`kg.extract.quotations`,
:mod:`kg.extract.reported_speech` and :mod:`kg.extract.statements`.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.stance import ATTITUDE, RECOGNISING

# Verbs that report speech or a held view; the kind rules in stance.py look at some of them.
REPORTING = frozenset("""say tell state claim announce declare add insist argue assert maintain
    warn believe think feel hope expect stress emphasise emphasize reiterate remark affirm confirm
    deny acknowledge admit vow promise pledge urge note suggest predict allege indicate caution report
    reject dismiss explain observe point assure agree describe complain accuse write
    call recall tweet post respond reply underline underscore highlight contend concede
    estimate forecast reckon fear doubt express welcome decide ask consider continue praise criticise criticize condemn
    comment recommend propose advise inform brief apprise reveal disclose clarify lament opine hint
    elaborate speculate demand regret proclaim resolve encourage advocate appeal request exhort implore
    plead""".split())
# Verbs whose object is what was said: the attitude verbs, and a few of mentioning and blaming.
OBJECT_CUES = ATTITUDE | frozenset("mention castigate slam lambast blast decry deplore communicate".split())
# Verbs whose object is what was promised ("pledged a fresh start to relations", "promised
# support").
PROMISING = frozenset("pledge promise vow".split())
# Objects that make any reporting verb's object what was said ("confirmed their intention to
# ...", "announced its readiness to ...", "stated their commitment to ...").
INTENTIONS = frozenset("""intention intent commitment desire readiness willingness resolve determination
    obligation support interest""".split())
# Verbs of seeing a thing's worth (RECOGNISING: "recognised the importance of ...", "realised the
# need for ..."): what was said when their object is a word of worth or need, not so otherwise
# ("recognised the new government" is an act).
WORTH = frozenset("importance significance need necessity potential value urgency".split())
# Verbs whose "to" object is what was said ("pointed to the role of ...", "objected to the sale").
POINTING = frozenset("point refer".split())
# "X sees / views / regards / perceives Y as Z": X's judgement of Y.
SEEING_AS = frozenset("see view regard perceive describe".split())
# Cues read as the opinion cues the kind rules know ("sees Y as Z" judges as "considers" does).
JUDGED_AS = {**dict.fromkeys(SEEING_AS, "consider"), "point": "consider", "communicate": "consider",
             "hopeful": "hope", "optimistic": "hope", "confident": "believe",
             "convinced": "believe",
             **dict.fromkeys("castigate slam lambast blast decry deplore".split(), "criticise")}
# Adjectives of a view held, with a "that" clause ("he was hopeful that trade will rebound",
# "the minister is confident that ..."): the clause is what the subject holds.
HOLDING = frozenset("hopeful optimistic confident convinced".split())
# Subjects that name no speaker of the article's ('I said', 'we believe').
FIRST_PERSON = {"i", "we"}
# Objects of attitude verbs that are courtesies, not statements ("conveyed greetings").
COURTESIES = frozenset("""greeting greetings condolence condolences sorrow grief sympathy sympathies
    wish wishes regards thanks felicitations warmth solidarity gratitude""".split())
# Words that make a statement a courtesy, left out ("expressing condolences over the loss of
# life", "congratulated the people of Pakistan").
COURTESY_WORDS = frozenset("condolence condole congratulate congratulation felicitate felicitation".split())
# Cues that may follow their statement ("..., the ministry said in a statement").
POSTPOSED = frozenset("say tell state add write tweet claim note insist stress announce confirm declare report".split())
QUOTING = frozenset({"quote", "cite"})  # "X quoted Y as saying": Y speaks


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing from "saying", "as saying", "and said";
    "TASS quoted the official as saying": the official, not the agency that quotes him."""
    came_from = verb
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in verb.children):
        return verb.head  # "the Russians, who maintain that ...": the Russians
    first, doc = verb.left_edge, verb.doc
    if verb.dep_ == "advcl" and first.lower_ == "having" and first.i > 0 and (
            not doc[first.i - 1].is_punct or doc[first.i - 1].text == ")"):
        return noun_before(first)  # "despite the Ministry of External Affairs having communicated ..."
    for _ in range(4):
        if verb.lemma_.lower() in QUOTING and came_from.lower_ == "as":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # two subjects are a misparse ("Islamabad, May 2: Ambassador X has confirmed"):
            before = [c for c in subjects if c.i < verb.i]  # the nearest before the verb
            return before[-1] if before else subjects[0]
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "pobj", "prep") and verb.head.i != verb.i:
            came_from, verb = verb, verb.head
            continue
        return None
    return None


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def noun_before(tok: Token) -> Token | None:
    """The noun phrase right before ``tok`` (past a parenthesis), by its head: the subject
    of a gerund clause that the parse hung elsewhere."""
    i = tok.i - 1
    if tok.doc[i].text == ")":
        while i > 0 and tok.doc[i].text != "(":
            i -= 1
        i -= 1
    noun = tok.doc[i]
    while noun.dep_ in ("pobj", "compound") and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "the Ministry of External Affairs": the Ministry
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def own_clauses(comp: Token) -> list[list[Token]]:
    """The complement's words up to a conjoined reporting verb of its own ("A provided ...
    and underlined that B", "A must be done and urged X to ...": only A) or a participle
    cue ("A, adding that B"), split into its coordinated clauses
    that have subjects of their own ("A is important, and B would continue": two
    statements, as a reader counts them)."""
    conjs = [c for c in comp.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    stop = min([*(c.left_edge.i for c in conjs if c.lemma_.lower() in REPORTING
                  and any(x.dep_ == "ccomp" or x.dep_ == "xcomp" and c.lemma_.lower() in URGING for x in c.children)),
                *(c.left_edge.i for c in comp.children if participle_cue(c) and comp.dep_ != "xcomp")], default=None)
    tokens = [t for t in comp.subtree if stop is None or t.i < stop]
    cuts = sorted(c.left_edge.i for c in conjs if has_subject(c) and (stop is None or c.i < stop)
                  and c.left_edge.i > tokens[0].i)
    out = []
    for lo, hi in zip([tokens[0].i, *cuts], [*cuts, tokens[-1].i + 1]):
        part = [t for t in tokens if lo <= t.i < hi]
        while len(part) > 1 and (part[-1].dep_ == "cc" or part[-1].is_punct):
            part.pop()
        while len(part) > 1 and (part[0].dep_ == "cc" or part[0].is_punct):
            part.pop(0)
        if part:
            out.append(part)
    return out


# Cues whose "to" clause is what was said ("... and urged the powers to help"): a statement of its own.
URGING = frozenset("urge call ask advise promise vow pledge warn encourage request appeal exhort implore plead".split())
# Cues of asking whose "to" clause says what the one asked should do, when someone is asked
# ("asked Russia to help", "appealed to the world to help"; "asked to join" asks leave).
ASKING = frozenset("ask encourage request appeal exhort implore plead".split())


def participle_cue(tok: Token) -> bool:
    """A cue of its own in a participle clause set off by a comma at the end of what was
    said ("... said A, adding that B", "... A, describing it as B"): B is a second statement
    of the same speaker, and A ends before the comma."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in PARTICIPLE_CUES \
        and tok.i > 0 and tok.doc[tok.i - 1].text == "," and not has_subject(tok)


PARTICIPLE_CUES = frozenset("""add say stress note describe term call insist assert warn urge
    emphasise emphasize underline underscore highlight reiterate express voice point observe
    claim maintain argue suggest hope predict vow pledge promise""".split())


def cue_words(doc: Doc, cue: Token) -> str:
    """The reporting verb with its particles ("told reporters", "pointed out", "according to")."""
    if cue.lower_ == "according":
        return "according to"
    extra = [c for c in cue.children if c.dep_ in ("prt",) or c.dep_ == "dobj" and c.lower_ in (
        "reporters", "journalists")]
    words = sorted([cue, *extra], key=lambda t: t.i)
    return " ".join(t.text for t in words)
