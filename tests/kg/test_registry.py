"""Tests for kg.registry: the real curated registry, its RDF, and every kind of broken input."""
from __future__ import annotations

import doctest
import shutil
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the package is used from the source tree, not installed
    sys.path.insert(0, str(ROOT))

import kg.registry  # noqa: E402
from kg.errors import InputError, RegistryError  # noqa: E402
from kg.namespaces import ID, PAKRU, SDO as SCHEMA, WD  # noqa: E402
from kg.registry import AREA_SCHEME, Entity, Registry, core_class, load_registry  # noqa: E402

BAD = Path(__file__).resolve().parents[1] / "data" / "registry_bad"

# Ids the articles need (docs brief); the registry may hold more.
REQUIRED_IDS = {
    "State": ["pakistan", "russia", "soviet-union", "united-states", "india", "china", "afghanistan", "iran",
              "turkmenistan", "bangladesh", "saudi-arabia", "germany"],
    "Organisation": ["sco", "un-security-council", "united-nations", "oic", "seato", "cento",
                     "quaid-i-azam-university", "crss", "iicr", "haqqani-network", "taliban"],
    "Pipeline": ["iran-pakistan-gas-pipeline", "tapi-pipeline"],
    "TransmissionProject": ["casa-1000"],
    "Corridor": ["cpec"],
    "IndustrialPlant": ["pakistan-steel-mills"],
    "PowerProject": ["munda-dam", "kurram-tangi-dam", "muzaffargarh-power-project"],
    "Person": ["vladimir-putin", "asif-ali-zardari", "liaquat-ali-khan", "zulfiqar-ali-bhutto", "zia-ul-haq",
               "jimmy-carter", "tahir-rafiq-butt", "ashfaq-parvez-kayani"],
    "City": ["islamabad", "moscow", "karachi", "peshawar", "kabul", "beijing", "ufa"],
    "Region": ["balochistan", "chechnya", "kashmir", "sindh", "khyber-pakhtunkhwa", "karachay-cherkessia",
               "north-caucasus", "south-asia", "central-asia", "asia"],
    "Place": ["cherat"],
    "CooperationArea": ["energy", "defence", "counter-terrorism", "trade", "steel", "telecommunication",
                        "space-technology", "science-and-technology", "culture", "education", "infrastructure",
                        "mining", "agriculture", "irrigation", "transport", "disaster-management"],
}

# Surface forms exactly as the three articles (or the brief) write them -> the entity they name.
ARTICLE_FORMS = {
    "Pak": "pakistan", "Russian federation": "russia", "Russian Federation": "russia", "USSR": "soviet-union",
    "Soviets": "soviet-union", "Uncle Sam": "united-states", "U.S.": "united-states", "USA": "united-states",
    "Americans": "united-states", "UFA": "ufa", "Karachayevo-Cherkessia": "karachay-cherkessia",
    "Muzzaffargarh": "muzaffargarh-power-project", "Kuramtangi": "kurram-tangi-dam", "Munda": "munda-dam",
    "Iran-Pakistan (IP) gas pipeline": "iran-pakistan-gas-pipeline", "IP gas pipeline": "iran-pakistan-gas-pipeline",
    "TAPI": "tapi-pipeline", "CASA-1000": "casa-1000", "CPEC": "cpec", "Steel Mills Karachi": "pakistan-steel-mills",
    "Pakistan Steel Mill": "pakistan-steel-mills", "Organisation of Islamic Conference": "oic", "OIC": "oic",
    "SCO": "sco", "UN Security Council": "un-security-council", "QAU": "quaid-i-azam-university",
    "Centre for Research and Security Studies": "crss", "Islamabad Institute of Conflict Resolution": "iicr",
    "President Putin": "vladimir-putin", "Zardari": "asif-ali-zardari", "General Zia": "zia-ul-haq",
    "Zia": "zia-ul-haq", "Carter": "jimmy-carter", "Ashfaq Kayani": "ashfaq-parvez-kayani",
    "Kayani": "ashfaq-parvez-kayani", "Haqqani network": "haqqani-network", "Khyber Pakhtunkhwa": "khyber-pakhtunkhwa",
    "emergency management": "disaster-management", "cultural diplomacy": "culture", "student exchange": "education",
    "oil and gas": "energy", "energy sector": "energy", "air defence": "defence", "space technology": "space-technology",
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def graph(registry):
    return registry.to_rdf()


# -- the real registry -------------------------------------------------------------------

def test_default_directory_is_data_registry(registry):
    assert registry.entities == load_registry(ROOT / "data" / "registry").entities
    assert 120 <= len(registry.entities) <= 320


def test_required_ids_have_the_right_types(registry):
    for type_name, ids in REQUIRED_IDS.items():
        for entity_id in ids:
            assert entity_id in registry.entities, entity_id
            assert registry.entities[entity_id].type == type_name, entity_id


def test_entities_are_sorted_and_described(registry):
    assert list(registry.entities) == sorted(registry.entities)
    for entity in registry.entities.values():
        assert entity.description and "\n" not in entity.description, entity.id
        assert Path(entity.source).parent == ROOT / "data" / "registry" and entity.line > 0


def test_article_forms_resolve(registry):
    names = registry.names()
    for form, entity_id in ARTICLE_FORMS.items():
        assert (entity_id, "metonym") not in names.get(form, []), form
        assert [eid for eid, _ in names[form]] == [entity_id], form


def test_capitals_and_seats_are_metonyms_of_their_states(registry):
    names = registry.names()
    assert names["Kremlin"] == [("russia", "metonym")]
    assert names["Moscow"] == [("moscow", "label"), ("russia", "metonym")]
    assert names["Islamabad"] == [("islamabad", "label"), ("pakistan", "metonym")]
    assert names["Washington"] == [("washington", "label"), ("united-states", "metonym")]
    assert names["Beijing"] == [("beijing", "label"), ("china", "metonym")]
    assert ("soviet-union", "demonym") in names["Soviet"]


def test_only_metonyms_share_a_name_with_a_place_label(registry):
    for form, pairs in registry.names().items():
        if len(pairs) > 1:
            assert len(pairs) == 2 and pairs[1][1] == "metonym", form
            assert pairs[0][1] == "label" and registry.entities[pairs[0][0]].type in {"City", "Place", "Region"}
            assert registry.entities[pairs[1][0]].type == "State", form


def test_lookup(registry):
    assert registry.lookup("the Kremlin").id == "russia"
    assert registry.lookup("The Kremlin").id == "russia"
    assert registry.lookup("Moscow").id == "moscow"  # the place; names() gives the metonym reading too
    assert registry.lookup("the Shanghai Cooperation Organisation").id == "sco"
    assert registry.lookup("shanghai cooperation organisation").id == "sco"
    assert registry.lookup("  Russian \n Federation ").id == "russia"
    assert registry.lookup("Tu\u0308rkiye").id == "turkey"  # decomposed ü, NFC-normalised
    assert registry.lookup("the United States").id == "united-states"
    assert registry.lookup("Ufa").id == registry.lookup("UFA").id == "ufa"
    assert registry.lookup("the") is None and registry.lookup("Atlantis") is None


def test_references_resolve_to_the_right_types(registry):
    entities = registry.entities
    for e in entities.values():
        if e.capital:
            assert entities[e.capital].type == "City", e.id
            assert entities[e.capital].located_in == e.id or e.id == "soviet-union", e.id
        if e.nationality:
            assert entities[e.nationality].type == "State", e.id
        if e.located_in:
            assert entities[e.located_in].type in {"State", "Place", "City", "Region"}, e.id
    chain, current = [], "cherat"
    while current:
        chain.append(current)
        current = entities[current].located_in
    assert chain == ["cherat", "khyber-pakhtunkhwa", "pakistan"]
    assert entities["karachay-cherkessia"].located_in == "russia"
    assert entities["ufa"].located_in == "bashkortostan" and entities["bashkortostan"].located_in == "russia"


def test_wikidata_ids_are_unique_and_well_formed(registry):
    ids = [e.wikidata for e in registry.entities.values() if e.wikidata]
    assert len(ids) == len(set(ids)) and len(ids) >= 40
    assert registry.entities["russia"].wikidata == "Q159"
    assert registry.entities["sco"].wikidata == "Q485207"


def test_core_class():
    assert core_class("Pipeline") == "Project" and Registry.core_class("City") == "Place"
    assert core_class("State") == "State" and core_class("CooperationArea") == "CooperationArea"
    with pytest.raises(ValueError, match="allowed"):
        core_class("Country")


def test_docstring_examples_run():
    failures, tried = doctest.testmod(kg.registry)
    assert tried > 0 and failures == 0


# -- RDF -----------------------------------------------------------------------------------

def test_rdf_one_english_preflabel_per_entity(registry, graph):
    for e in registry.entities.values():
        labels = list(graph.objects(e.iri, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "en" and str(labels[0]) == e.label, e.id


def test_rdf_has_no_blank_nodes(graph):
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_rdf_types_and_core_classes(registry, graph):
    for e in registry.entities.values():
        types = set(graph.objects(e.iri, RDF.type))
        assert {PAKRU[e.type], PAKRU[core_class(e.type)]} <= types, e.id
        assert (e.iri, PAKRU.curated, Literal(True)) in graph
    assert PAKRU.Place in set(graph.objects(ID["moscow"], RDF.type))
    assert {PAKRU.Pipeline, PAKRU.Project} <= set(graph.objects(ID["tapi-pipeline"], RDF.type))
    boolean = URIRef("http://www.w3.org/2001/XMLSchema#boolean")  # rdflib's XSD namespace trips pytest's collector
    assert graph.value(ID["russia"], PAKRU.curated).datatype == boolean


def test_rdf_cooperation_areas_form_a_scheme(registry, graph):
    assert (AREA_SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(AREA_SCHEME, SKOS.prefLabel).language == "en"
    areas = [e for e in registry.entities.values() if e.type == "CooperationArea"]
    for e in areas:
        assert (e.iri, RDF.type, SKOS.Concept) in graph and (e.iri, SKOS.inScheme, AREA_SCHEME) in graph
    assert set(graph.subjects(SKOS.inScheme, AREA_SCHEME)) == {e.iri for e in areas}


def test_rdf_names_links_and_references(graph):
    russia, putin = ID["russia"], ID["vladimir-putin"]
    assert Literal("Russian Federation", lang="en") in set(graph.objects(russia, SKOS.altLabel))
    assert Literal("Russians", lang="en") in set(graph.objects(russia, PAKRU.demonym))
    assert Literal("Kremlin", lang="en") in set(graph.objects(russia, PAKRU.metonym))
    assert graph.value(russia, SCHEMA.description).language == "en"
    assert (russia, OWL.sameAs, WD["Q159"]) in graph and WD["Q159"] == URIRef("http://www.wikidata.org/entity/Q159")
    assert (russia, PAKRU.capital, ID["moscow"]) in graph
    assert (ID["cherat"], PAKRU.locatedIn, ID["khyber-pakhtunkhwa"]) in graph
    assert (putin, SCHEMA.nationality, russia) in graph
    assert Literal("President of Russia", lang="en") in set(graph.objects(putin, SCHEMA.jobTitle))
    assert not list(graph.objects(ID["iicr"], OWL.sameAs))  # unverified: no link


def test_rdf_every_entity_reference_resolves(graph):
    subjects = set(graph.subjects(RDF.type, None))
    for prop in (PAKRU.capital, PAKRU.locatedIn, SCHEMA.nationality, SKOS.inScheme):
        for target in graph.objects(None, prop):
            assert target in subjects, (prop, target)


# -- fingerprint ----------------------------------------------------------------------------

def test_fingerprint_follows_content_not_layout(registry, tmp_path):
    copy = tmp_path / "registry"
    shutil.copytree(ROOT / "data" / "registry", copy)
    assert load_registry(copy).fingerprint() == registry.fingerprint()
    people = copy / "people.yaml"
    people.write_text("# a new comment\n" + people.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_registry(copy).fingerprint() == registry.fingerprint()  # comments and lines do not count
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("label: Vladimir Putin", "label: Vladimir Putin (president)"), encoding="utf-8")
    changed = load_registry(copy).fingerprint()
    assert changed != registry.fingerprint() and len(changed) == 64
    (copy / "extra.yaml").write_text("- id: ruritania\n  type: State\n  label: Ruritania\n", encoding="utf-8")
    assert load_registry(copy).fingerprint() not in {changed, registry.fingerprint()}


# -- broken input ---------------------------------------------------------------------------

BROKEN = [  # (case folder, file named in the error, line, word in the message)
    ("syntax_error", "states.yaml", 6, "syntax"),
    ("not_mapping", "states.yaml", 6, "not a mapping"),
    ("missing_label", "places.yaml", 7, "missing the required key 'label'"),
    ("bad_id", "states.yaml", 3, "invalid id"),
    ("duplicate_id", "b.yaml", 6, "duplicate id"),
    ("unknown_type", "states.yaml", 4, "unknown type"),
    ("unknown_key", "states.yaml", 5, "unknown key"),
    ("duplicate_name", "b.yaml", 5, "claimed by two entities"),
    ("bad_reference", "states.yaml", 5, "does not exist"),
    ("bad_wikidata", "states.yaml", 5, "invalid wikidata"),
    ("not_a_list", "states.yaml", 2, "list of entries"),
    ("duplicate_key", "states.yaml", 5, "duplicate key"),
    ("metonym_vs_alias", "b.yaml", 5, "claimed by two entities"),
    ("two_metonyms", "states.yaml", 10, "claimed by two entities"),
    ("located_in_cycle", "places.yaml", 5, "cycle"),
    ("wrong_reference_type", "people.yaml", 5, "expected state"),
    ("key_not_allowed", "people.yaml", 5, "not allowed"),
    ("not_text", "states.yaml", 4, "must be non-empty text"),
    ("list_expected", "states.yaml", 5, "must be a list"),
    ("same_name_twice", "states.yaml", 5, "listed twice"),
]


@pytest.mark.parametrize("case, filename, line, word", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_registry_names_file_line_and_problem(case, filename, line, word):
    with pytest.raises(RegistryError) as caught:
        load_registry(BAD / case)
    err = caught.value
    assert Path(err.path).name == filename and err.line == line
    assert f"{filename}:{line}: " in str(err)
    assert word in err.message.lower()
    assert isinstance(err, InputError) and err.exit_code == 2


def test_every_broken_case_is_tested():
    assert {p.name for p in BAD.iterdir() if p.is_dir()} == {case[0] for case in BROKEN}


def test_messages_name_both_places_and_the_fix():
    for case, other in (("duplicate_id", "a.yaml:1"), ("duplicate_name", "a.yaml:4"), ("two_metonyms", "states.yaml:5")):
        with pytest.raises(RegistryError, match=other):
            load_registry(BAD / case)
    with pytest.raises(RegistryError, match="'zenda-castle'.*'ruritania'"):
        load_registry(BAD / "duplicate_name")
    with pytest.raises(RegistryError, match=r"did you mean 'aliases'\?.*allowed keys: .*aliases"):
        load_registry(BAD / "unknown_key")
    with pytest.raises(RegistryError, match="allowed types: .*State.*CooperationArea"):
        load_registry(BAD / "unknown_type")
    with pytest.raises(RegistryError, match="did you mean 'strelsau'"):
        load_registry(BAD / "bad_reference")


def test_metonym_may_share_a_place_label(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "- id: ruritania\n  type: State\n  label: Ruritania\n  metonyms: [Strelsau]\n  capital: strelsau\n"
        "- id: strelsau\n  type: City\n  label: Strelsau\n  located_in: ruritania\n", encoding="utf-8")
    reg = load_registry(tmp_path)
    assert reg.names()["Strelsau"] == [("strelsau", "label"), ("ruritania", "metonym")]
    assert reg.lookup("Strelsau").id == "strelsau"


def test_names_clash_after_nfc_and_whitespace_normalisation(tmp_path):
    (tmp_path / "a.yaml").write_text("- id: a\n  type: Place\n  label: Z\u00fcrich  Lake\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- id: b\n  type: Place\n  label: Zu\u0308rich Lake\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="claimed by two entities") as caught:
        load_registry(tmp_path)
    assert Path(caught.value.path).name == "b.yaml" and caught.value.line == 3


def test_case_matters_for_clashes(tmp_path):
    (tmp_path / "a.yaml").write_text("- id: a\n  type: Place\n  label: Polish\n"
                                     "- id: b\n  type: Place\n  label: polish\n", encoding="utf-8")
    assert {e.id for e in load_registry(tmp_path).entities.values()} == {"a", "b"}


def test_missing_or_empty_directory(tmp_path):
    with pytest.raises(RegistryError, match="no registry directory"):
        load_registry(tmp_path)
    with pytest.raises(RegistryError, match="no registry directory"):
        load_registry(tmp_path / "absent")


def test_empty_file_is_allowed(tmp_path):
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (tmp_path / "one.yaml").write_text("- id: a\n  type: Region\n  label: A\n", encoding="utf-8")
    assert list(load_registry(tmp_path).entities) == ["a"]


def test_entity_is_frozen_and_compares_by_content():
    a = Entity("x", "City", "X", source="a.yaml", line=1)
    assert a == Entity("x", "City", "X", source="b.yaml", line=9)
    with pytest.raises(AttributeError):
        a.label = "Y"  # type: ignore[misc]


def test_coordinates_become_a_geosparql_point(registry, graph):
    from kg.namespaces import GEO

    islamabad = registry.entities["islamabad"]
    assert islamabad.coordinates == "33.6938, 73.0652"
    assert islamabad.wkt == "POINT(73.0652 33.6938)"  # WKT is longitude first
    geometry = ID["islamabad/geometry"]
    assert (islamabad.iri, GEO.hasGeometry, geometry) in graph
    assert (geometry, GEO.asWKT, Literal("POINT(73.0652 33.6938)", datatype=GEO.wktLiteral)) in graph
    assert registry.entities["cherat"].coordinates is None  # no verified source: stays off the map
    assert not list(graph.objects(ID["cherat"], GEO.hasGeometry))


def test_every_coordinate_names_its_source():
    text = (kg.registry.DEFAULT_DIRECTORY / "places.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip().startswith("coordinates:")]
    assert len(lines) >= 20
    assert all("# verified: index file " in line for line in lines), [l for l in lines if "# verified" not in l]


@pytest.mark.parametrize("value, why", [("73.0652, 33.6938 E", "latitude, longitude"), ("95.0, 10.0", "-90..90"),
                                        ("10.0, 181.5", "-180..180"), ("33.6938", "latitude, longitude")])
def test_bad_coordinates_are_refused_with_the_line(tmp_path, value, why):
    (tmp_path / "r.yaml").write_text(f"- id: x\n  type: City\n  label: X\n  coordinates: \"{value}\"\n",
                                     encoding="utf-8")
    with pytest.raises(RegistryError, match=why) as info:
        load_registry(tmp_path)
    assert info.value.line == 4


def test_only_places_have_coordinates(tmp_path):
    (tmp_path / "r.yaml").write_text("- id: x\n  type: State\n  label: X\n  coordinates: \"1.0, 2.0\"\n",
                                     encoding="utf-8")
    with pytest.raises(RegistryError, match="not allowed on a State"):
        load_registry(tmp_path)


def test_named_takes_labels_and_aliases_only(registry):
    assert registry.named("zamir kabulov").id == "zamir-kabulov"  # any case
    assert registry.named("The Russian Federation").id == "russia"  # an alias, "the" dropped
    assert registry.named("Russian") is None  # a demonym names no entity here
    assert registry.named("Kremlin") is None  # nor does a metonym
    assert registry.named("Nobody Known") is None
