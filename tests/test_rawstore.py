"""The content-addressed raw store."""

from __future__ import annotations

import hashlib

import pytest

from extract.web.rawstore import InvalidFileId, RawStore

PDF = b"%PDF-1.4 some report"


def test_put_stores_by_sha256_and_indexes_the_file_id(tmp_path):
    store = RawStore(tmp_path)
    stored = store.put(PDF, file_id="50282345")
    sha = hashlib.sha256(PDF).hexdigest()
    assert stored.sha256 == sha
    assert stored.path == tmp_path / sha[:2] / f"{sha}.pdf"
    assert stored.path.read_bytes() == PDF
    assert store.get("50282345") == stored
    assert store.file_ids() == {"50282345"}


def test_the_same_bytes_under_two_ids_are_stored_once(tmp_path):
    store = RawStore(tmp_path)
    first, second = store.put(PDF, "1"), store.put(PDF, "2")
    assert first.path == second.path
    assert len(list(tmp_path.glob("*/*.pdf"))) == 1


def test_unknown_ids_and_ids_whose_file_is_gone_read_as_never_downloaded(tmp_path):
    store = RawStore(tmp_path)
    assert store.get("404") is None
    store.put(PDF, "1").path.unlink()
    assert store.get("1") is None


def test_no_partial_files_are_left_behind(tmp_path):
    RawStore(tmp_path).put(PDF, "1")
    assert not list(tmp_path.rglob(".part-*"))


@pytest.mark.parametrize("file_id", ["../../etc/passwd", ".", "..", "", "12a", "50282345\n", "-1", "１２"])
def test_file_ids_that_are_not_digits_are_refused_before_touching_the_disk(tmp_path, file_id):
    store = RawStore(tmp_path / "raw")
    with pytest.raises(InvalidFileId, match="not an Ofsted file id"):
        store.put(PDF, file_id)
    with pytest.raises(InvalidFileId):
        store.put_meta(file_id, {})
    assert not (tmp_path / "raw" / "ids").exists() and not (tmp_path / "raw" / "meta").exists()


def test_a_file_id_of_dot_never_turns_the_index_into_a_file(tmp_path):
    store = RawStore(tmp_path)
    with pytest.raises(InvalidFileId):
        store.put(PDF, ".")
    store.put(PDF, "1")
    assert (tmp_path / "ids").is_dir() and store.get("1") is not None


def test_a_store_named_by_a_relative_folder_gives_absolute_paths(tmp_path, monkeypatch):
    """The warehouse stores where each file was read from: it must lead to the file from any folder."""
    monkeypatch.chdir(tmp_path)
    stored = RawStore("data/../data/raw").put(PDF, "1")
    assert stored.path == tmp_path / "data" / "raw" / stored.sha256[:2] / f"{stored.sha256}.pdf"
