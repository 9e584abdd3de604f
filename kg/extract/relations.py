"""Relations the articles state: memberships, interest in projects, cooperation.

Each relation is found from a cue word on the dependency parse and keeps its sentence
as evidence:

* membership: "X's membership of Y", "X, a member of Y", "X joined Y", "X's accession to
  Y", "X's election as a member of Y", and observer status ("X got observer status at Y
  in 2005"), with the states coordinated with X and the lists of
  :mod:`kg.extract.member_lists`; aspirations ("support for X's membership", "keen on
  becoming a member", "expected to join") and invitations ("invited X to join") are not
  memberships;
* interest in a project: a project name under a cue such as *interest*, *participate*,
  *invest* or *construction*; the interested party is the state that owns the cue
  ("Russian interest", "Moscow's participation") or the subject of its clause (through
  "signed an agreement to build X"), with the states coordinated with it;
* cooperation: *cooperation*/*collaboration* with two or more states in the sentence
  and at least one registry area ("energy", "defence") after the cue.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.member_lists import coordinated_states, listed_by_verb, listed_in_apposition
from kg.extract.members import first_state, member_and_organisations
from kg.extract.syntax import governing_verb, phrase, subject_of
from kg.extract.model import Cooperation, Membership, ProjectInterest
from kg.extract.tokens import token_indices

# words that make a membership an aspiration, not a fact ("support for X's membership",
# "keen on becoming a member"); verbs only in the second set
MEMBER_IRREALIS = {"support", "bid", "application", "quest", "desire", "keen", "hope", "aim",
                   "candidacy", "aspiration", "push", "willing", "eager", "ready", "likely"}
MEMBER_IRREALIS_VERBS = {"apply", "aspire", "want", "seek", "hope", "aim", "wish", "expect"}
# verbs that make "to join" an invitation, not a membership ("welcomed X to join Y")
INVITING_VERBS = {"welcome", "invite", "urge", "encourage", "ask", "call"}
MEMBER_NOUNS = {"state", "member", "country", "nation"}
LISTING_WORDS = {"especially", "including", "like", "notably", "particularly", "namely", "such"}
INTEREST_CUES = {
    "interest": "interest", "interested": "interest", "keen": "interest", "consideration": "interest",
    "participate": "participation", "participation": "participation", "involvement": "participation",
    "invest": "investment", "investment": "investment", "finance": "investment", "fund": "investment",
    "construct": "construction", "construction": "construction", "build": "construction",
    "establish": "construction", "develop": "construction", "restore": "construction",
    "modernise": "construction", "modernize": "construction", "revive": "construction",
    "rehabilitate": "construction", "upgrade": "construction",
}
COOPERATION_CUES = {"cooperation", "co-operation", "cooperate", "collaboration", "collaborate", "partnership"}
# every lemma _membership_cue or _listed_members can fire on
MEMBERSHIP_WORDS = {"join", "status", "observer", "member", "membership", "accession"} | MEMBER_NOUNS


# -- memberships ---------------------------------------------------------------------
def _membership_cue(token) -> str | None:
    low = token.lemma_.lower()
    if token.pos_ == "VERB" and low == "join":
        return "FullMember"
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if low == "accession" and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        return "FullMember"  # "X's accession to Y"
    if low == "status" and any(c.lower_ == "observer" for c in token.children):
        return "Observer"
    if low == "observer" and token.dep_ in {"attr", "appos"}:
        return "Observer"
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in {"admit", "accept", "join"}:
        # "admitted as an observer to X", "joined the SCO as a full member"
        return "Observer" if low == "observer" else ("FullMember" if low in {"member", "state"} else None)
    if token.dep_ == "pobj" and token.head.lower_ == "as" and low == "member" \
            and any(c.dep_ == "poss" for c in token.head.head.children):
        return "FullMember"  # "X's election as a member of Y", "X's role as a member of Y"
    if low in {"member", "membership"} and not any(c.lower_ == "observer" for c in token.children):
        if any(c.lower_ in {"full", "permanent", "founding"} for c in token.children) or token.dep_ in {"attr", "appos"} \
                or any(c.dep_ == "poss" for c in token.children):
            return "FullMember"
    return None


def _aspirational(token) -> bool:
    if token.pos_ == "VERB" and token.dep_ in {"xcomp", "ccomp"} and token.head.lemma_.lower() in INVITING_VERBS:
        return True
    cur = token
    for _ in range(4):
        lemma = cur.lemma_.lower()
        if cur is not token and ((lemma in MEMBER_IRREALIS and cur.pos_ in {"NOUN", "ADJ"})
                                 or (lemma in MEMBER_IRREALIS_VERBS and cur.pos_ == "VERB")):
            return True
        if cur.head is cur:
            break
        cur = cur.head
    return False


def _cue_lemma(token) -> str:
    """The lemma, with a plural proper noun made singular ("SCO member-States")."""
    low = token.lemma_.lower()
    if token.pos_ == "PROPN" and low.endswith("s") and low[:-1] in MEMBERSHIP_WORDS:
        return low[:-1]
    return low


def _listed_members(ctx: Context, token) -> list[tuple[str, str]]:
    """"the SCO states, especially Russia and China" -> [(russia, sco), (china, sco)]."""
    if _cue_lemma(token) not in MEMBER_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
        return []
    orgs = [m.entity for c in token.children if c.dep_ in {"compound", "nmod", "amod"}
            for m in ctx.mentions_in(c.subtree) if ctx.core_type(m.entity) == "Organisation"]
    if not orgs:
        return []
    members: list[str] = []
    for c in token.children:
        if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in LISTING_WORDS):
            for m in ctx.mentions_in(c.subtree):
                if ctx.is_state(m.entity) and m.entity not in members:
                    members.append(m.entity)
    return [(member, org) for member in members for org in dict.fromkeys(orgs)]


def find_memberships(ctx: Context) -> list[Membership]:
    found: dict[tuple[str, str, str], Membership] = {}
    for member, org, token in listed_in_apposition(ctx):
        if not ctx.in_author_bio(token):
            found.setdefault((member, org, "FullMember"),
                             Membership(member, org, "FullMember", ctx.sentence_of(token)))
    plurals = {word + "s" for word in MEMBERSHIP_WORDS}
    for token in (ctx.doc[i] for i in token_indices(ctx.doc, lemma=MEMBERSHIP_WORDS, lower=plurals)):
        listed = [(member, org, "FullMember") for member, org in _listed_members(ctx, token)]
        listed += listed_by_verb(ctx, token) if not _aspirational(token) else []
        for member, org, status in listed:
            found.setdefault((member, org, status), Membership(member, org, status, ctx.sentence_of(token)))
        status = _membership_cue(token)
        if status is None or ctx.in_author_bio(token) or _aspirational(token):
            continue
        member, orgs = member_and_organisations(ctx, token)
        if not member or not orgs:
            continue
        sentence = ctx.sentence_of(token)
        scope = list(phrase(token)) + ([*token.head.subtree] if token.pos_ != "VERB" else [])
        times = [t for t in ctx.times_in(sentence.span.start, sentence.span.end)
                 if t.value and min(x.idx for x in scope) <= t.span.start <= max(x.idx for x in scope) + 40]
        since = times[0].value[:4] if times else None
        for each in [member, *coordinated_states(ctx, member, token)]:
            for org in orgs:
                if each != org and (each, org, status) not in found:
                    found[(each, org, status)] = Membership(each, org, status, sentence, since)
    return sorted(found.values(), key=lambda m: (m.sentence.index, m.member, m.organisation))


# -- interest in projects ------------------------------------------------------------
def _party_of_cue(ctx: Context, cue) -> str | None:
    for c in cue.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"}:
            m = ctx.mention_at(c)
            if m and ctx.core_type(m.entity) in {"State", "Organisation"}:
                return m.entity
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            party = first_state(ctx, c.subtree)
            if party:
                return party
    return None


def _earlier_cue(ctx: Context, span):
    """When the parse does not put a project under its cue (long coordinations are often
    attached to the main verb), take the nearest earlier cue in the same clause chain."""
    sentence = ctx.sentence_of(span.root)
    first = (None, None, None)
    for tok in reversed(ctx.doc[:span.start]):
        if tok.idx < sentence.span.start or (tok.is_punct and tok.text in {";", ":"}):
            break
        cue = INTEREST_CUES.get(tok.lemma_.lower()) or INTEREST_CUES.get(tok.lower_)
        if cue and tok.pos_ in {"NOUN", "VERB", "ADJ"}:
            party = _party_of_cue(ctx, tok)
            if party:
                return cue if first[0] is None else first[0], tok, party
            if first[0] is None:
                first = (cue, tok, None)
    return first


PROJECT_NOUNS = {"project", "pipeline", "corridor", "plant", "line", "link", "port", "dam",
                 "railway", "venture", "scheme", "route", "satellite", "mill", "mills", "refinery"}


def _project_occurrences(ctx: Context):
    """(span, project id) for every project name, and for "the corridor", "the plant" ...
    standing for the project named last (within the three sentences before)."""
    out = []
    last: list[tuple[int, str]] = []  # (sentence index, project id)
    project_mentions = [m for m in ctx.mentions if ctx.core_type(m.entity) == "Project"]
    by_start = {m.span.start: m for m in project_mentions}
    starts = token_indices(ctx.doc, idx=by_start) if by_start else []
    nouns = token_indices(ctx.doc, lemma=PROJECT_NOUNS)
    for tok in (ctx.doc[i] for i in sorted({*starts, *nouns})):
        m = by_start.get(tok.idx)
        if m is not None:
            span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is not None:
                out.append((span, m.entity))
                last.append((m.sentence, m.entity))
            continue
        if tok.lemma_.lower() in PROJECT_NOUNS and tok.pos_ == "NOUN" and ctx.mention_at(tok) is None \
                and any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children):
            sentence = ctx.sentence_of(tok)
            if last and sentence is not None and sentence.index - last[-1][0] <= 3:
                out.append((ctx.doc[tok.i:tok.i + 1], last[-1][1]))
    return out


def find_interests(ctx: Context) -> list[ProjectInterest]:
    found: dict[tuple[str, str], ProjectInterest] = {}
    for span, project in _project_occurrences(ctx):
        if ctx.in_author_bio(span.root):
            continue
        kind, party, top = None, None, None
        cur = span.root
        for _ in range(10):
            if cur.head is cur:
                break
            cur = cur.head
            cue = INTEREST_CUES.get(cur.lemma_.lower()) or INTEREST_CUES.get(cur.lower_)
            if cue:
                kind = kind or cue
                top = cur
                party = _party_of_cue(ctx, cur)
                if party:
                    break
        if kind is None:
            kind, top, party = _earlier_cue(ctx, span)
        if kind is None:
            continue
        if party is None:
            verb = top if top.pos_ == "VERB" else governing_verb(top)
            for _ in range(4):
                if verb is None or party is not None:
                    break
                party = first_state(ctx, subject_of(verb, limit=1))
                if verb.dep_ in {"xcomp", "pcomp", "conj", "acl", "advcl"} and verb.head is not verb:
                    verb = verb.head if verb.head.pos_ in {"VERB", "AUX"} else governing_verb(verb.head)
                else:
                    break
        if party is None or party == project:
            continue
        sentence = ctx.sentence_of(span.root)
        for each in [party, *coordinated_states(ctx, party, top)]:
            if each != project:
                found.setdefault((each, project), ProjectInterest(each, project, sentence, kind))
    return sorted(found.values(), key=lambda i: (i.sentence.index, i.party, i.project))


# -- cooperation ---------------------------------------------------------------------
def _area_forms(registry) -> list[tuple[str, str]]:
    forms = []
    for eid, entity in registry.entities.items():
        if entity.type == "CooperationArea":
            for name in [entity.label, *entity.aliases]:
                forms.append((name.lower(), eid))
    return sorted(forms, key=lambda f: (-len(f[0]), f[0]))


def find_cooperations(ctx: Context) -> list[Cooperation]:
    forms = _area_forms(ctx.registry)
    out: dict[int, Cooperation] = {}
    for token in (ctx.doc[i] for i in token_indices(ctx.doc, lemma=COOPERATION_CUES, lower=COOPERATION_CUES)):
        sentence = ctx.sentence_of(token)
        if sentence is None or sentence.index in out or ctx.in_author_bio(token):
            continue
        partners: list[str] = []
        for m in ctx.mentions:
            if sentence.span.start <= m.span.start < sentence.span.end:
                for eid in (m.entity, ctx.nationality(m.entity)):
                    if eid and ctx.is_state(eid) and eid not in partners:
                        partners.append(eid)
        if len(partners) < 2:
            continue
        tail = ctx.text[token.idx:sentence.span.end].lower()
        hits: list[tuple[int, int, str]] = []
        for form, eid in forms:
            if form not in tail:  # a cheap test before the regular expression
                continue
            for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", tail):
                s, e = match.span()
                if not any(a < e and s < b for a, b, _ in hits):
                    hits.append((s, e, eid))
        hits.sort()
        areas: dict[str, str] = {}
        for s, e, eid in hits:
            areas.setdefault(eid, ctx.text[token.idx + s:token.idx + e])
        if not areas:
            continue
        out[sentence.index] = Cooperation(
            tuple(partners), tuple(areas), tuple(areas.values()), sentence
        )
    return [out[k] for k in sorted(out)]
