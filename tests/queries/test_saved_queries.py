"""Every saved query, run on the published graph (data/kg.trig) with pyoxigraph.

The assertions are facts a reader of the three articles knows (dates, amounts, who was
interested in what), not whatever the query happens to print.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal, URIRef

from kg import namespaces
from kg.queries import Catalogue, SavedQuery
from support import EMPTY_ON_PUBLISHED

ROOT = Path(__file__).resolve().parents[2]
ID, DOC, PAKRU = str(namespaces.ID), str(namespaces.DOC), str(namespaces.PAKRU)
XSD = "http://www.w3.org/2001/XMLSchema#"
DOC000, DOC001, DOC004 = (DOC + "000_0b13b1b12f328222", DOC + "001_da5aac3e0761b862",
                          DOC + "004_640bcc7791f640ba")
# sample values for every parameter, used to check substitution and inline() agree
SAMPLES = {
    "entity_by_name": {"name": "Kremlin"},
    "events": {"participant": "id:russia", "type": "pakru:Meeting", "since": "2010", "until": "2020"},
    "military_exercises": {"year": "2018", "name": "Friendship 2018"},
    "claims": {"kind": "pakru:Recommendation", "about": "id:russia", "document": "doc:000_0b13b1b12f328222"},
    "co_mentions": {"entity": "id:tapi-pipeline"},
    "cooperation": {"partner": "id:pakistan", "area": "id:energy"},
    "documents_mentioning": {"entity": "id:sco"},
    "event_places": {"place": "id:russia"},
    "evidence": {"resource": "id:tapi-pipeline"},
    "memberships": {"member": "id:pakistan", "status": "pakru:Observer"},
    "money_by_year": {"measure": "pakru:TradeVolume", "party": "id:russia"},
    "people_roles": {"person": "id:vladimir-putin"},
    "project_interest": {"party": "id:russia"},
    "relations_established": {"state": "id:russia", "partner": "id:pakistan"},
    "uncurated_entities": {"type": "pakru:Person"},
    "statements": {"speaker": "id:russia", "about": "id:pakistan", "since": "2008"},
    "disagreements": {"relation": "agrees", "about": "id:pakistan"},
    "event_dates": {"participant": "id:russia", "type": "pakru:MilitaryExercise", "since": "2016", "until": "2018"},
    "network": {"entity": "id:russia"},
    "relation_evidence": {"source": "id:russia", "target": "id:tapi-pipeline", "relation": "interest"},
}


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    """The published graph, loaded once for this module."""
    store = pyoxigraph.Store()
    store.load(path=str(ROOT / "data" / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load()


@pytest.fixture(scope="module")
def texts(store) -> dict[str, str]:
    """Article IRI -> its full text, as the graph stores it."""
    found = store.query("SELECT ?d ?t WHERE { ?d a <https://w3id.org/pakru/ontology#Article> ;"
                        " <https://schema.org/text> ?t }", use_default_graph_as_union=True)
    return {row["d"].value: row["t"].value for row in found}


def oxigraph_term(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    if term.datatype:
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
    return pyoxigraph.Literal(str(term))


def solutions(store, query: SavedQuery, values: dict[str, str] | None = None, *, inline: bool = False):
    """Rows of ``query`` as dicts of pyoxigraph terms, bound by substitution or inline(); either
    way the page asked for (default 1) of a paginated query."""
    if inline:
        found = store.query(query.inline(values or {}), use_default_graph_as_union=True)
    else:
        terms = query.bindings(values or {})
        substitutions = {pyoxigraph.Variable(p.variable): oxigraph_term(terms[p.name])
                         for p in query.params if p.name in terms}
        found = store.query(query.paged(query.text, values or {}), substitutions=substitutions,
                            use_default_graph_as_union=True)
    names = [v.value for v in found.variables]
    return [{n: row[n] for n in names} for row in found]


def value(term):
    """A pyoxigraph term as a plain Python value (IRI and text as str, numbers as Decimal)."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value in (XSD + "integer", XSD + "decimal"):
        return Decimal(term.value)
    return term.value


@pytest.fixture(scope="module")
def run(store, catalogue):
    def run(query_name: str, /, **values: str) -> list[dict]:
        rows = solutions(store, catalogue[query_name], values)
        return [{k: value(v) for k, v in row.items()} for row in rows]
    return run


# -- every query -------------------------------------------------------------------------

QUERY_NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


def test_the_catalogue_answers_the_competency_questions(catalogue):
    assert len(catalogue) >= 15
    assert set(SAMPLES) | {"timeline", "class_counts", "documents", "places_map"} == set(catalogue)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_returns_rows_whose_evidence_matches_the_article(name, store, catalogue, texts):
    """With defaults and with sample values: rows, and every quoted text is the article's text."""
    query = catalogue[name]
    for values in ({}, SAMPLES.get(name, {})):
        if any(p.required and p.default is None for p in query.params) and not values:
            continue
        rows = solutions(store, query, values)
        assert rows or (not values and name in EMPTY_ON_PUBLISHED), f"{name} {values} returned no rows"
        for row in rows:
            spans = [("exact", "start", "end"), ("sentence", "sentenceStart", "sentenceEnd")] \
                if "sentenceStart" in row else [("sentence", "start", "end"), ("text", "start", "end")]
            for quote, start, end in spans:
                if row.get(quote) is not None and row.get(start) is not None:
                    text = texts[row["document"].value]
                    assert text[int(row[start].value):int(row[end].value)] == row[quote].value


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_substitution_and_inline_values_give_the_same_rows(name, store, catalogue):
    """pyoxigraph's substitutions and the VALUES row of inline() (for plain endpoints) agree."""
    query = catalogue[name]
    for values in ({}, SAMPLES.get(name, {})):
        assert solutions(store, query, values) == solutions(store, query, values, inline=True)


def test_an_on_disk_store_gives_the_same_rows_and_lists_are_sorted(store, catalogue, tmp_path_factory):
    """Row order and the order inside list columns (participants, parties, ...) do not depend
    on how a store happens to iterate its triples."""
    disk = pyoxigraph.Store(str(tmp_path_factory.mktemp("store")))
    disk.load(path=str(ROOT / "data" / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    lists = {"participants", "places", "parties", "about", "kinds", "partners", "areas", "areaTexts", "names"}
    for name, query in catalogue.items():
        rows = solutions(store, query, SAMPLES.get(name, {}))
        assert rows == solutions(disk, query, SAMPLES.get(name, {})), name
        for row in rows:
            for column in lists & set(row):
                items = row[column].value.split(" | " if column == "names" else ", ")
                assert items == sorted(items), (name, column, items)


def test_answers_do_not_depend_on_the_reasoner(store, catalogue):
    """Without graph:inferred (a store that loaded the asserted graphs only, say) every query
    not marked ``inference: true`` gives the same rows: none relies on derived triples."""
    bare = pyoxigraph.Store()
    bare.load(path=str(ROOT / "data" / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    bare.remove_graph(pyoxigraph.NamedNode("https://w3id.org/pakru/graph/inferred"))
    for name, query in catalogue.items():
        if not query.uses_inference:
            for values in ({}, SAMPLES.get(name, {})):
                if all(not p.required or p.default or p.name in values for p in query.params):
                    assert solutions(store, query, values) == solutions(bare, query, values), name


def test_every_query_orders_its_rows(catalogue):
    for query in catalogue.values():
        assert "ORDER BY" in query.body, query.name


# -- one question at a time ------------------------------------------------------------

def test_entity_by_name_finds_every_kind_of_name(run):
    moscow = {(r["entity"], r["matchedBy"]) for r in run("entity_by_name", name="Moscow")}
    assert (ID + "moscow", "prefLabel") in moscow
    assert (ID + "russia", "metonym") in moscow  # "Moscow offered to be a mediator"
    assert {r["entity"] for r in run("entity_by_name", name="ussr")} == {ID + "soviet-union"}
    (friendship,) = run("entity_by_name", name="friendship 2018")
    assert friendship["type"] == PAKRU + "MilitaryExercise" and friendship["matchedBy"] == "name"
    tapi = run("entity_by_name", name="TAPI")
    assert {r["entity"] for r in tapi} == {ID + "tapi-pipeline"}
    assert tapi[0]["type"] == PAKRU + "Pipeline" and tapi[0]["curated"] == "true"
    assert run("entity_by_name", name="Atlantis") == []


def test_events_filter_by_participant_type_and_years_in_order(run):
    everything = run("events")
    dated = [r for r in everything if r["date"] or r["startDate"]]
    when = [r["date"] or r["startDate"] for r in dated]
    assert when == sorted(when) and when[0] == "1948-05-01"
    assert everything[-1]["date"] is None and everything[-1]["startDate"] is None  # undated last
    meetings = run("events", participant="id:russia", type="pakru:Meeting", since="2010")
    assert meetings and all("Russia" in r["participants"] for r in meetings)
    assert {r["type"] for r in meetings} <= {PAKRU + "Meeting", PAKRU + "Summit"}
    assert any("UFA in July 2015" in r["sentence"] for r in meetings)  # the SCO summit in Ufa
    range_ = run("events", since="1970", until="1991")
    assert {(r["date"], r["type"]) for r in range_} == {
        ("1974", PAKRU + "StateVisit"), ("1974", PAKRU + "Agreement"),  # Bhutto in Moscow
        ("1991", PAKRU + "EstablishmentOfRelations")}


def test_timeline_of_pakistan_russia_relations(run):
    rows = run("timeline")
    when = [r["when"] for r in rows]
    assert when == sorted(when)
    for milestone in ("1948-05-01", "1974", "1991", "2015-07", "2018-10-21"):
        assert milestone in when
    assert all(r["sentence"] and r["document"] for r in rows)
    assert all(0 <= float(r["confidence"]) <= 1 for r in rows)
    steel = next(r for r in rows if r["when"] == "1974")
    assert "Steel Mill" in steel["sentence"] and steel["document"] == DOC001


def test_friendship_2018_exercise_started_and_ended(run, store):
    rows = run("military_exercises", name="Friendship 2018")
    by_year = run("military_exercises", year="2018")
    assert [r["sentence"] for r in rows] == [r["sentence"] for r in by_year]
    (event,) = {r["event"] for r in rows}
    assert {(r["startDate"], r["endDate"]) for r in rows} == {("2018-10-21", "2018-11-04")}
    sentences = {r["sentence"] for r in rows}
    assert any("joint military exercise from October 21 to November 4, 2018" in s for s in sentences)
    assert "The drill was called Friendship 2018." in sentences
    assert {r["document"] for r in rows} == {DOC004}
    assert all({"Pakistan", "Russia"} <= set(r["participants"].split(", ")) for r in rows)
    typed = store.query(f"SELECT ?s WHERE {{ <{event}> <{PAKRU}startDate> ?s }}", use_default_graph_as_union=True)
    assert next(typed)["s"].datatype.value == XSD + "date"


def test_the_earlier_friendship_drills(run):
    """"Prior to that, two drills, in 2016 and 2017, were held in Cherat ... and ... Karachayevo-Cherkessia"."""
    (drill_2016,) = run("military_exercises", year="2016")
    (drill_2017,) = run("military_exercises", year="2017")
    assert "Cherat" in drill_2016["places"] and "Karachay-Cherkessia" in drill_2017["places"]
    for drill in (drill_2016, drill_2017):
        assert {"Pakistan", "Russia"} <= set(drill["participants"].split(", "))
        assert drill["sentence"].startswith("Prior to that, two drills, in 2016 and 2017")


def test_when_diplomatic_relations_were_established(run):
    rows = run("relations_established")
    established = {(r["date"], r["document"]) for r in rows if r["type"] == PAKRU + "EstablishmentOfRelations"}
    assert established == {("1948-05-01", DOC004), ("1991", DOC000)}  # the two articles disagree
    sentences = " ".join(r["sentence"] for r in rows)
    assert "first established on May 1, 1948" in sentences and "began in 1991" in sentences
    # the query lists recognitions too; the seeds' one ("Pakistan was the first to recognise Russia
    # as the successor state of the USSR") is withheld, its extraction naming the USSR a party
    assert {r["type"] for r in rows} <= {PAKRU + "EstablishmentOfRelations", PAKRU + "Recognition"}


def test_projects_russia_has_shown_interest_in(run):
    rows = run("project_interest", party="id:russia")
    projects = {r["project"] for r in rows}
    assert {ID + "tapi-pipeline", ID + "iran-pakistan-gas-pipeline",  # 000
            ID + "munda-dam", ID + "kurram-tangi-dam", ID + "muzaffargarh-power-project",  # 000, hydel power
            ID + "casa-1000", ID + "pakistan-steel-mills"} <= projects  # 001
    tapi = [r for r in rows if r["project"] == ID + "tapi-pipeline"]
    assert {r["document"] for r in tapi} == {DOC000, DOC001}
    assert all("TAPI" in r["sentence"] and "interest" in r["sentence"] for r in tapi)
    assert all(r["party"] == ID + "russia" for r in rows)
    soviet = run("project_interest", party="id:soviet-union")
    assert [r["project"] for r in soviet] == [ID + "pakistan-steel-mills"]  # Bhutto's 1974 visit
    everyone = {r["party"] for r in run("project_interest")}
    assert {ID + "russia", ID + "soviet-union"} <= everyone


def test_pakistan_has_been_an_sco_observer_since_2005(run):
    (row,) = run("memberships", member="id:pakistan", organisation="id:sco")
    assert row["status"] == PAKRU + "Observer" and row["since"] == "2005"
    assert "observer status at the SCO in 2005" in row["sentence"] and row["document"] == DOC000
    full = {r["organisation"] for r in run("memberships", member="id:pakistan", status="pakru:FullMember")}
    assert {ID + "seato", ID + "cento"} <= full
    (oic,) = run("memberships", member="id:russia", organisation="id:oic")  # Islamabad supported Moscow
    assert oic["status"] == PAKRU + "Observer" and "observer status" in oic["sentence"]


def test_claims_by_kind_author_document_and_entity(run):
    recommendations = run("claims", kind="pakru:Recommendation")
    assert recommendations and all(r["kind"] == PAKRU + "Recommendation" for r in recommendations)
    assert any(r["text"] == "Pakistan should welcome these offers." for r in recommendations)
    writer = ID + "author/004_640bcc7791f640ba"
    by_author = run("claims", author=writer)
    assert by_author and {r["document"] for r in by_author} == {DOC004}
    by_document = run("claims", document="doc:004_640bcc7791f640ba")
    assert [r["claim"] for r in by_document] == [r["claim"] for r in by_author]
    steel = run("claims", about="id:pakistan-steel-mills")
    assert any("greatest landmark" in r["text"] for r in steel)
    assert all("Pakistan Steel Mills" in r["about"] for r in steel)


def test_evidence_gives_document_offsets_and_sentence(run, texts):
    rows = run("evidence")  # default: the 2018 exercise
    assert rows and all(r["via"] == "evidence" for r in rows)
    for row in rows:
        text = texts[row["document"]]
        assert text[int(row["start"]):int(row["end"])] == row["sentence"] == row["exact"]
    assert rows[0]["sentence"].startswith("Pakistan and Russia also held a joint military exercise")
    mentions = run("evidence", resource="id:casa-1000")
    assert mentions and all(r["via"] == "mention" for r in mentions)
    for r in mentions:
        assert texts[r["document"]][int(r["start"]):int(r["end"])] == r["exact"]
        assert r["exact"] in r["sentence"]
        assert texts[r["document"]][int(r["sentenceStart"]):int(r["sentenceEnd"])] == r["sentence"]


def test_trade_volume_by_year(run):
    rows = run("money_by_year", measure="pakru:TradeVolume")
    by_year = {r["year"]: r for r in rows}
    assert by_year["2003"]["value"] == 92_000_000 and by_year["2003"]["currency"] == "USD"
    assert by_year["2011"]["value"] == 700_000_000 and by_year["2011"]["minValue"] == 700_000_000  # "over"
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)
    assert all("volume of trade between Russia and Pakistan" in r["sentence"] for r in rows)
    assert all({"Pakistan", "Russia"} <= set(r["parties"].split(", ")) for r in rows)


def test_entities_mentioned_together(run):
    top = run("co_mentions", entity="id:pakistan")[0]
    assert (top["entity"], top["other"]) == (ID + "pakistan", ID + "russia")  # the most frequent first
    assert top["documents"] == 3 and top["sentences"] >= 10
    counts = [r["sentences"] for r in run("co_mentions", entity="id:russia")]
    assert counts == sorted(counts, reverse=True) and counts[0] == top["sentences"]  # the same pair
    assert {r["entity"] for r in run("co_mentions")} == {ID + "tapi-pipeline"}  # the default
    with_tapi = run("co_mentions", entity="id:tapi-pipeline")
    assert all(r["entity"] == ID + "tapi-pipeline" for r in with_tapi)
    assert {ID + "russia", ID + "casa-1000", ID + "iran-pakistan-gas-pipeline"} <= {r["other"] for r in with_tapi}


def test_documents_that_mention_an_entity(run):
    assert [r["document"] for r in run("documents_mentioning", entity="id:tapi-pipeline")] == [DOC000, DOC001]
    assert [r["document"] for r in run("documents_mentioning", entity="id:sco")] == [DOC000, DOC001, DOC004]
    (ufa,) = run("documents_mentioning", entity="id:ufa")
    assert ufa["document"] == DOC004 and ufa["names"] == "UFA"


def test_people_with_their_roles(run):
    writer = run("people_roles", person="id:author/004_640bcc7791f640ba")
    assert {r["role"] for r in writer} == {"founder", "executive director"}
    assert {r["affiliationLabel"] for r in writer} == {"Islamabad Institute of Conflict Resolution"}
    assert "The writer is the founder and executive director" in writer[0]["sentence"]
    analyst = run("people_roles", person="id:author/001_da5aac3e0761b862")
    assert {r["role"] for r in analyst} == {"research analyst", "programme consultant", "content editor"}
    putin = run("people_roles", person="id:vladimir-putin")
    assert "President of Russia" in {r["role"] for r in putin}
    assert {r["nationality"] for r in putin} == {ID + "russia"}


def test_where_events_took_place(run):
    in_russia = run("event_places", place="id:russia")
    assert {ID + "moscow", ID + "ufa", ID + "karachay-cherkessia"} <= {r["place"] for r in in_russia}
    assert {r["countryLabel"] for r in in_russia} == {"Russia"} and ID + "islamabad" not in str(in_russia)
    ufa = [r for r in in_russia if r["place"] == ID + "ufa"]
    assert ufa and all(r["when"] == "2015-07" for r in ufa)
    assert any(r["type"] == PAKRU + "Summit" for r in ufa)
    kp = run("event_places", place="id:khyber-pakhtunkhwa")  # Cherat lies in Khyber Pakhtunkhwa
    assert {r["placeLabel"] for r in kp} >= {"Cherat"} and all(r["when"] == "2016" for r in kp)
    everywhere = run("event_places")
    assert {r["countryLabel"] for r in everywhere} >= {"Pakistan", "Russia"}


def test_counts_per_class(run):
    counts = {r["class"][len(PAKRU):]: int(r["instances"]) for r in run("class_counts")}
    assert counts["Article"] == 3
    for cls in ("Event", "Claim", "State", "Organisation", "Person", "Project", "Mention", "Sentence"):
        assert counts[cls] > 0, cls
    assert counts["Event"] == len({r["event"] for r in run("events")})
    assert counts["Claim"] == sum(counts[k] for k in ("Recommendation", "Assessment", "Prediction", "Commitment",
                                                       "Denial", "ReportOfFact"))
    assert counts["Meeting"] >= counts["Summit"] > 0  # subclasses are counted in
    assert "MemorandumOfUnderstanding" in counts  # listed even with no instance


def test_entities_not_yet_curated(run, store):
    rows = run("uncurated_entities")
    entities = {r["entity"] for r in rows}
    assert {ID + f"author/{d}" for d in ("000_0b13b1b12f328222", "001_da5aac3e0761b862",
                                        "004_640bcc7791f640ba")} <= entities  # writers not in the registry
    assert ID + "pakistan" not in entities and ID + "vladimir-putin" not in entities
    uncurated = store.query(f"SELECT DISTINCT ?e WHERE {{ ?e <{PAKRU}curated> false }}",
                            use_default_graph_as_union=True)
    assert entities == {row["e"].value for row in uncurated}
    people = run("uncurated_entities", type="pakru:Person")
    assert people and all(r["type"] == PAKRU + "Person" for r in people)


def test_documents_with_what_was_extracted(run):
    rows = run("documents")
    assert [r["identifier"] for r in rows] == ["000_0b13b1b12f328222", "001_da5aac3e0761b862",
                                               "004_640bcc7791f640ba"]
    assert all(r["events"] > 0 and r["claims"] > 0 and r["mentions"] > 0 for r in rows)
    assert all(r["author"] == ID + "author/" + r["identifier"] for r in rows)


def test_cooperation_by_partner_and_area(run):
    rows = run("cooperation", partner="id:pakistan")
    assert rows and all("Pakistan" in r["partners"].split(", ") for r in rows)
    defence = run("cooperation", area="id:defence")
    assert any("Tahir Rafiq Butt" in r["sentence"] for r in defence)  # air defence cooperation
    energy = run("cooperation", partner="id:russia", area="id:energy")
    assert {r["document"] for r in energy} >= {DOC004}


def test_literal_terms_round_trip():
    """The helper used above keeps datatype and language."""
    term = oxigraph_term(Literal("2005", datatype=URIRef(XSD + "gYear")))
    assert term.datatype.value == XSD + "gYear" and term.value == "2005"
    assert oxigraph_term(Literal("x", lang="en")).language == "en"


# -- the queries behind the charts of `kg serve` ---------------------------------------------


def test_event_dates_keeps_the_precision_of_each_date(store, catalogue):
    rows = solutions(store, catalogue["event_dates"])
    by_event = {r["event"].value: r for r in rows}
    assert len(by_event) == len(rows)  # one row per event
    friendship = by_event[ID + "event/militaryexercise/pakistan-russia/2018-10-21"]
    assert friendship["when"].datatype.value == XSD + "date"
    assert (friendship["startDate"].value, friendship["endDate"].value) == ("2018-10-21", "2018-11-04")
    assert by_event[ID + "event/militaryexercise/pakistan-russia/2016"]["when"].datatype.value == XSD + "gYear"
    assert by_event[ID + "event/summit/pakistan-russia-sco-vladimir-putin/2015-07"]["when"].datatype.value == XSD + "gYearMonth"
    assert friendship["kind"].value == "MilitaryExercise"
    exercises = solutions(store, catalogue["event_dates"], SAMPLES["event_dates"])
    assert [r["when"].value for r in exercises] == ["2016", "2017", "2018-10-21"]


def test_network_weights_pairs_by_articles(run):
    rows = run("network")
    pairs = {(r["source"], r["target"], r["relation"]): r for r in rows}
    pak_rus = pairs[(ID + "pakistan", ID + "russia", "same event")]
    assert pak_rus["articles"] == 3 and (pak_rus["from"], pak_rus["to"]) == (Decimal(1948), Decimal(2018))
    assert pairs[(ID + "pakistan", ID + "sco", "membership")]["targetKind"] == "Organisation"
    assert pairs[(ID + "russia", ID + "tapi-pipeline", "interest")]["articles"] == 2
    assert {r["relation"] for r in rows} == {"same event", "cooperation", "membership", "interest", "statement"}
    assert all(r["source"] != r["target"] for r in rows)
    around_russia = run("network", entity="id:russia")
    assert around_russia and all(ID + "russia" in (r["source"], r["target"]) for r in around_russia)


def test_relation_evidence_gives_the_sentences_of_an_edge(run):
    rows = run("relation_evidence", source="id:russia", target="id:tapi-pipeline", relation="interest")
    assert {r["document"] for r in rows} == {DOC000, DOC001}  # the two articles network counts
    assert all("TAPI" in r["sentence"] or "Turkmenistan" in r["sentence"] for r in rows)


def test_places_map_has_wkt_points_and_event_counts(run):
    rows = run("places_map")
    by_place = {r["place"]: r for r in rows}
    assert by_place[ID + "islamabad"]["wkt"] == "POINT(73.0652 33.6938)"
    assert by_place[ID + "ufa"]["events"] == 2  # the meetings and the SCO summit (not the support told before them)
    assert by_place[ID + "ufa"]["countryLabel"] == "Russia"
    assert by_place[ID + "ankara"]["events"] == 0
    assert ID + "cherat" not in by_place  # an event happened there, but it has no verified coordinates
