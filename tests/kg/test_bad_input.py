"""Bad input is refused clearly and loses nothing (tests/data/bad/).

Each file of ``tests/data/bad/`` goes through ``kg build`` (``kg.cli.main``) with
``--documents``/``--registry``/``--ontology``/``--shapes`` pointing at temporary
copies and ``--out`` holding a copy of the published files.  A refused input must give
exit code 2, an error naming the file (and the line where there is one), and leave the
files in ``--out`` byte-identical.  Encodings that read safely (Latin-1/Windows-1252,
UTF-16 with a byte-order mark) build with a warning instead.

Three bad inputs are made at test time rather than committed: a binary file, a 10 MB
article, and the twin of ``duplicate_id/Friendship.txt`` (a checkout on a case-insensitive
file system could not hold both ``Friendship.txt`` and ``friendship.txt``).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.corpus import EncodingWarning_

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
PUBLISHED = ("kg.trig", "kg.ttl")

# file under tests/data/bad -> (where it goes, words the error must hold, "<name>:<line>" or bare name)
REFUSED = {
    "articles/empty_article.txt": ("documents", "article is empty", "empty_article.txt"),
    "articles/blank_article.txt": ("documents", "only whitespace", "blank_article.txt"),
    "articles/cp1251_article.txt": ("documents", "is not UTF-8", "cp1251_article.txt:3"),
    "articles/sidecar_error.txt": ("documents", "metadata is not valid YAML", "sidecar_error.yaml:4"),
    "articles/sidecar_error.yaml": ("documents", "metadata is not valid YAML", "sidecar_error.yaml:4"),
    "duplicate_id/Friendship.txt": ("documents", "same id", "friendship.txt"),
    "registry/yaml_error.yaml": ("registry", "YAML syntax error", "yaml_error.yaml:7"),
    "registry/duplicate_alias.yaml": ("registry", "claimed by two entities", "duplicate_alias.yaml:6"),
    "registry/unknown_type.yaml": ("registry", "unknown type 'Country'", "unknown_type.yaml:3"),
    "ontology/broken_ontology.ttl": ("ontology", "Turtle syntax error", "broken_ontology.ttl:8"),
    "shapes/broken_shapes.ttl": ("shapes", "Turtle syntax error", "broken_shapes.ttl:7"),
}
READABLE = {
    "articles/latin1_article.txt": ("cp1252", "at a café near the ministry that the détente"),
    "articles/utf16_bom_article.txt": ("utf-16", "Karachi’s port"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (temporary leftovers included) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def setup(tmp_path):
    """Temporary inputs (real articles, registry, ontology, shapes) and a published --out."""
    paths = {"documents": tmp_path / "documents", "registry": tmp_path / "registry", "out": tmp_path / "out"}
    shutil.copytree(ROOT / "data" / "documents", paths["documents"])
    shutil.copytree(ROOT / "data" / "registry", paths["registry"])
    paths["out"].mkdir()
    for name in PUBLISHED:
        shutil.copy(ROOT / "data" / name, paths["out"] / name)
    for name in ("pakru.ttl", "shapes.ttl"):
        shutil.copy(ROOT / "ontology" / name, tmp_path / name)
    paths["ontology"], paths["shapes"] = tmp_path / "pakru.ttl", tmp_path / "shapes.ttl"
    return paths


def build(paths: dict, *extra: str) -> int:
    return main(["build", "--documents", str(paths["documents"]), "--registry", str(paths["registry"]),
                 "--ontology", str(paths["ontology"]), "--shapes", str(paths["shapes"]),
                 "--out", str(paths["out"]), "-q", *extra])


def assert_refused(paths: dict, capsys, words: str, where: str, *extra: str) -> str:
    """Build, and check exit code 2, the message, and that --out did not change."""
    before = snapshot(paths["out"])
    code = build(paths, *extra)
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in err, err
    assert where in err, f"the error should name {where!r}: {err}"
    assert err.startswith("kg: error: ") and "Traceback" not in err
    assert snapshot(paths["out"]) == before, "the published files changed"
    return err


def test_every_bad_file_has_a_case():
    files = {str(p.relative_to(BAD)) for p in BAD.rglob("*") if p.is_file()}
    assert files == set(REFUSED) | set(READABLE)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_file_is_refused_and_nothing_changes(setup, capsys, name):
    kind, words, where = REFUSED[name]
    source = BAD / name
    if kind == "documents":
        for sibling in source.parent.glob(source.stem + ".*"):  # an article travels with its sidecar
            shutil.copy(sibling, setup["documents"] / sibling.name)
        if name.startswith("duplicate_id/"):
            shutil.copy(source, setup["documents"] / source.name.lower())
            if len(list(setup["documents"].glob("*riendship.txt"))) < 2:
                pytest.skip("this file system ignores case in file names")
    elif kind == "registry":
        shutil.copy(source, setup["registry"] / source.name)
    else:
        setup[kind] = source
    err = assert_refused(setup, capsys, words, where)
    if name == "registry/duplicate_alias.yaml":  # both claims of the name are shown
        assert "places.yaml:" in err and "'Islamabad'" in err


def test_binary_file_is_refused(setup, capsys):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64
    (setup["documents"] / "photo.txt").write_bytes(png)
    assert_refused(setup, capsys, "binary file (it contains NUL bytes)", "photo.txt")


def test_utf16_without_bom_is_refused_with_a_hint(setup, capsys):
    (setup["documents"] / "no_bom.txt").write_bytes("Pakistan and Russia met in Moscow.\n".encode("utf-16-le"))
    assert_refused(setup, capsys, "UTF-16 without a byte-order mark", "no_bom.txt")


def test_ten_megabyte_article_is_refused(setup, capsys):
    line = "Pakistan and Russia agreed to deepen cooperation in energy, trade and defence.\n"
    text = line * (10 * 1024 * 1024 // len(line) + 1)
    (setup["documents"] / "huge.txt").write_text(text, encoding="utf-8")
    assert_refused(setup, capsys, "article is 10.0 MiB; the limit is 2.0 MiB", "huge.txt")


def test_a_link_out_of_the_documents_folder_is_refused(setup, capsys, tmp_path):
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (setup["documents"] / "passwd.txt").symlink_to(secret)
    err = assert_refused(setup, capsys, "is a symbolic link to", "passwd.txt")
    assert "outside the documents folder" in err and str(secret) in err


def test_a_link_within_the_documents_folder_is_read(setup, tmp_path):
    (first,) = sorted(setup["documents"].glob("000_*.txt"))
    inside = setup["documents"] / "kept" / "copy_source.txt"
    inside.parent.mkdir()
    inside.write_text(first.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    (setup["documents"] / "linked.txt").symlink_to(inside)
    from kg.corpus import read_corpus

    assert "linked" in {d.id for d in read_corpus(setup["documents"])}


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "data:text/html,<script>x</script>",
                                 "JaVaScRiPt:alert(1)", "ftp://example.org/a", "www.example.org/no-scheme"])
def test_a_sidecar_url_must_be_a_web_address(setup, capsys, url):
    (first,) = sorted(setup["documents"].glob("000_*.txt"))
    first.with_suffix(".yaml").write_text(f"title: An article\nurl: {url!r}\n", encoding="utf-8")
    err = assert_refused(setup, capsys, "is not a web address: give an http:// or https:// URL",
                         first.with_suffix(".yaml").name + ":2")
    assert url in err


def test_an_article_past_the_sentence_limit_is_refused_up_front(setup, capsys):
    from kg.corpus import MAX_SENTENCES

    sentence = "Pakistan and Russia held talks in Moscow in 2015. "
    (setup["documents"] / "long.txt").write_text(sentence * (MAX_SENTENCES + 1), encoding="utf-8")
    assert_refused(setup, capsys, f"article has about {MAX_SENTENCES + 1:,} sentences; the limit is "
                                  f"{MAX_SENTENCES:,}", "long.txt")


def test_missing_documents_folder_is_refused(setup, capsys):
    setup["documents"] = setup["documents"] / "nope"
    assert_refused(setup, capsys, "documents folder does not exist", "nope")


@pytest.fixture(scope="module")
def readable_build(tmp_path_factory):
    """One build of the two safely readable articles (only them), warnings recorded."""
    tmp = tmp_path_factory.mktemp("readable")
    docs, out = tmp / "documents", tmp / "out"
    docs.mkdir()
    out.mkdir()
    for name in READABLE:
        shutil.copy(BAD / name, docs / Path(name).name)
    with pytest.warns(EncodingWarning_) as record:
        code = main(["build", "--documents", str(docs), "--out", str(out), "-q", "--no-owl"])
    return code, [str(w.message) for w in record], out


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_encoding_builds_with_a_warning(readable_build, name):
    code, warnings, out = readable_build
    encoding, words = READABLE[name]
    assert code == 0
    file = Path(name).name
    assert any(file in w and f"read as {encoding}" in w and "re-saving it as UTF-8" in w for w in warnings), warnings
    assert words in (out / "kg.trig").read_text(encoding="utf-8")
