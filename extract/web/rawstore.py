"""Content-addressed store of every report file downloaded: nothing fetched is ever lost or fetched twice.

Layout under the store's root (OFSTED_HOME/raw):
    <sha256[:2]>/<sha256>.pdf   the bytes, named by their hash (the same file under two ids is stored once)
    ids/<file id>               the sha256 of the file the site serves under that id
    meta/<file id>.json         what the site said about that file when it was found (label, dates, provider),
                                so a download retried on a later run keeps its provenance

Each write goes to a temporary name and is renamed into place, so a crash never leaves half a file, and
several processes can share one store (a rename is atomic; two writers of one file write the same bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# File ids are digits on the real site, and only digits are let near the disk: a name such as "." or ".."
# would turn the index folder itself (or its parent) into the file written.
FILE_ID = re.compile(r"[0-9]+")
ID_INDEX = "ids"
META = "meta"


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    path: Path
    size: int


class RawStore:
    def __init__(self, root: str | os.PathLike):
        # Absolute, so the paths the warehouse stores lead to the files from any folder.
        self.root = Path(os.path.abspath(root))

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def put(self, data: bytes, file_id: str | None = None) -> StoredFile:
        sha256 = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha256)
        if not path.exists():
            atomic_write(path, data)
        if file_id is not None:
            atomic_write(self._id_path(file_id), sha256.encode())
        return StoredFile(sha256, path, len(data))

    def get(self, file_id: str) -> StoredFile | None:
        """The file stored under a site file id, or None when that id was never downloaded."""
        try:
            sha256 = self._id_path(file_id).read_text().strip()
        except FileNotFoundError:
            return None
        path = self.path_for(sha256)
        if not SHA256_HEX.match(sha256) or not path.is_file():
            return None  # an index entry whose file is gone is as good as never downloaded
        return StoredFile(sha256, path, path.stat().st_size)

    def file_ids(self) -> set[str]:
        index = self.root / ID_INDEX
        return {p.name for p in index.iterdir() if not p.name.startswith(".")} if index.is_dir() else set()

    def put_meta(self, file_id: str, meta: dict) -> None:
        atomic_write(self._meta_path(file_id), json.dumps(meta, sort_keys=True).encode())

    def get_meta(self, file_id: str) -> dict | None:
        try:
            return json.loads(self._meta_path(file_id).read_text())
        except FileNotFoundError:
            return None

    def _id_path(self, file_id: str) -> Path:
        return self.root / ID_INDEX / checked(file_id)

    def _meta_path(self, file_id: str) -> Path:
        return self.root / META / f"{checked(file_id)}.json"


class InvalidFileId(ValueError):
    """A file id that is not the digits the Ofsted site uses; never used as a file name."""


def checked(file_id: str) -> str:
    if not isinstance(file_id, str) or not FILE_ID.fullmatch(file_id):
        raise InvalidFileId(f"file id {file_id!r} is not an Ofsted file id (digits only, as in /v1/file/50282345)")
    return file_id


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
