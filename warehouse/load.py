"""Load transform frames into the warehouse: idempotent by key, atomic by snapshot.

    result = load_batch(db_path, frames)           # one atomic write
    with writing(db_path) as con:                  # or several steps in one atomic write
        result = load_frames(con, frames)
        record_failure(con, ...)

Each table's key and merge rule is declared below, next to the code that applies it, so a rerun is idempotent
by construction: the same frames loaded twice leave every row (and `reports.loaded_at`) as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

import duckdb
import pandas as pd

from transform.frames import PROVENANCE_COLUMNS, Frames
from warehouse.exceptions import FramesInvalid
from warehouse.search_index import update_search_index
from warehouse.snapshot import DEFAULT_LOCK_TIMEOUT_SECONDS, log_changes, log_rewrite, when_published, writing

MERGE_SQL = Path(__file__).parent / "sql" / "merge_reports.sql"
REFRESH_LA_JUDGEMENTS_SQL = Path(__file__).parent / "sql" / "refresh_la_judgements.sql"


@dataclass(frozen=True)
class DerivedTable:
    """A table every load keeps from the others, logged for the standby like them."""

    table: str
    key: str  # the column a change removes rows by


# Derived from reports and judgements (migration 009), for the inspections the load touched.
LA_JUDGEMENTS = DerivedTable("la_judgements", "report_id")
DERIVED_TABLES = (LA_JUDGEMENTS,)
# The order rows are stored in, where reads rely on it (min/max statistics skip the row groups a query need not
# read: one report's sentences, a range of reports for the search index): loads insert in it, and the standby
# replays in it.
STORED_ORDER = {"passages": "report_no, seq"}
REWRITE_LA_JUDGEMENTS_SQL = Path(__file__).parent / "sql" / "rewrite_la_judgements.sql"
# la_judgements is rewritten in authority order (migration 011) when the rows loads appended since the last rewrite
# pass this fraction of it: the rows appended meanwhile lie in every row group they fill, which one authority's
# history reads whole. At a tenth the history took 58 ms of CPU at 1,000,000 reports, against 56 ms in order and
# 90 ms as loads leave it; a rewrite writes the whole table on each copy (~100 MB per write there), and a
# million-report backfill rewrites it 14 times: 1.24 GB of the 8.1 GB it writes (docs/design.md).
COMPACT_APPENDED_FRACTION = 0.1
# Nor below DuckDB's row group (rows): a table of one row group is read whole in any order.
COMPACT_MIN_APPENDED_ROWS = 122_880
# Rows the rewrite sorts at once, a range of authorities at a time (see rewrite_la_judgements.sql): at 1,000,000
# reports, quarters of the table.
REWRITE_CHUNK_ROWS = 600_000


@dataclass(frozen=True)
class TableRule:
    table: str
    key: tuple[str, ...]
    merge: str  # the rule in words, shown in docs/warehouse.md


PROVIDERS = TableRule(
    "providers", ("urn",), "upsert by URN: a new URN is inserted; a known one takes the incoming non-NULL values"
)
REPORTS = TableRule(
    "reports",
    ("report_id",),
    "by parser_version: a new report is inserted; a newer parser_version, or the same version with different "
    "content (content_hash) or new provenance, replaces the row; an older parser_version, or the same content, "
    "changes nothing. Provenance (source_url, file_id, published, site_label, site_inspection_date) is sticky: "
    "a load without it never erases it",
)
JUDGEMENTS = TableRule("judgements", ("report_id", "area"), "replaced together with their report")
QUOTATIONS = TableRule("quotations", ("report_id", "seq"), "replaced together with their report")
PASSAGES = TableRule("passages", ("report_id", "seq"), "replaced together with their report")
PREVIOUS_JUDGEMENTS = TableRule("previous_judgements", ("report_id", "area"), "replaced together with their report")
TABLE_RULES = (PROVIDERS, REPORTS, JUDGEMENTS, QUOTATIONS, PASSAGES, PREVIOUS_JUDGEMENTS)
# Tables replaced together with their report; a new one (declared like QUOTATIONS) is merged by the same rule.
REPORT_TABLES = tuple(rule for rule in TABLE_RULES if rule.key[0] == "report_id")


class Action(str, Enum):
    INSERT = "insert"
    REPLACE = "replace"
    UNCHANGED = "unchanged"
    KEEP_NEWER = "keep_newer"  # the warehouse already holds a newer parse of this file


@dataclass(frozen=True)
class LoadResult:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_newer: int = 0

    @property
    def loaded(self) -> int:
        return self.inserted + self.replaced


def load_batch(db: str | Path, frames: Frames, lock_timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS) -> LoadResult:
    """Load frames in one atomic write: afterwards readers see all of them, or (if anything failed) none."""
    with writing(db, lock_timeout) as con:
        return load_frames(con, frames)


def load_frames(con: duckdb.DuckDBPyConnection, frames: Frames) -> LoadResult:
    """Merge frames into the tables through `con` (a `writing` connection), by the rules declared above."""
    for rule in TABLE_RULES:
        check_key(rule, getattr(frames, rule.table))
    stage(con, frames)
    compared = ("report_id", "parser_version", "content_hash", *PROVENANCE_COLUMNS)
    stored = con.execute(
        f"SELECT {', '.join(f'r.{name}' for name in compared)} FROM reports AS r JOIN stage_reports USING (report_id)"
    ).df()
    actions = plan_reports(frames.reports, stored)
    con.execute("CREATE OR REPLACE TEMP TABLE load_plan (report_id VARCHAR PRIMARY KEY, action VARCHAR NOT NULL)")
    if actions:
        plan = pd.DataFrame({"report_id": list(actions), "action": [a.value for a in actions.values()]})
        con.register("load_plan_rows", plan)
        con.execute("INSERT INTO load_plan SELECT report_id, action FROM load_plan_rows")
        con.unregister("load_plan_rows")
    merge(con)
    drop_stage(con)
    taken = list(actions.values())
    return LoadResult(
        inserted=taken.count(Action.INSERT),
        replaced=taken.count(Action.REPLACE),
        unchanged=taken.count(Action.UNCHANGED),
        kept_newer=taken.count(Action.KEEP_NEWER),
    )


def check_key(rule: TableRule, frame: pd.DataFrame) -> None:
    key = list(rule.key)
    missing = frame[frame[key].isna().any(axis=1)]
    if not missing.empty:
        raise FramesInvalid(f"{rule.table}: {len(missing)} row(s) without a value for key {', '.join(key)}")
    duplicated = frame[frame.duplicated(key, keep=False)]
    if not duplicated.empty:
        example = ", ".join(str(v) for v in duplicated.iloc[0][key])
        raise FramesInvalid(
            f"{rule.table}: {len(duplicated)} rows share a key ({', '.join(key)} = {example}); build frames with "
            "transform.frames.reports_to_frames, which keeps one row per key"
        )


def stage(con: duckdb.DuckDBPyConnection, frames: Frames) -> None:
    """Copy each frame into a temporary table shaped like its target, so types are the warehouse's."""
    for rule in TABLE_RULES:
        frame = getattr(frames, rule.table)
        columns = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE table_name = ? AND database_name = current_database() ORDER BY column_index",
            [rule.table],
        ).fetchall()
        # Spelled out rather than CREATE ... AS SELECT ... LIMIT 0: in DuckDB 2.0, a table made that way inside a
        # transaction silently keeps no rows from a DataFrame of 122,880 rows or more (one row group).
        definition = ", ".join(f"{name} {data_type}" for name, data_type in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE stage_{rule.table} ({definition})")
        if not frame.empty:
            con.register("incoming", frame)
            con.execute(f"INSERT INTO stage_{rule.table} BY NAME SELECT * FROM incoming")
            con.unregister("incoming")


def drop_stage(con: duckdb.DuckDBPyConnection) -> None:
    for rule in TABLE_RULES:
        con.execute(f"DROP TABLE stage_{rule.table}")
    con.execute("DROP TABLE load_plan")
    con.execute("DROP TABLE load_ids")
    con.execute("DROP TABLE replaced_ids")
    for table in ("touched_inspections", "la_dropped", "la_refreshed", "load_numbers"):
        con.execute(f"DROP TABLE {table}")


def plan_reports(incoming: pd.DataFrame, stored: pd.DataFrame) -> dict[str, Action]:
    """What to do with each incoming report, given what the warehouse holds (the REPORTS rule)."""
    held = {row.report_id: row for row in stored.itertuples(index=False)}
    actions = {}
    for row in incoming.itertuples(index=False):
        old = held.get(row.report_id)
        actions[row.report_id] = Action.INSERT if old is None else compare(row, old)
    return actions


def compare(new, old) -> Action:
    new_version, old_version = version_key(new.parser_version), version_key(old.parser_version)
    if new_version < old_version:
        return Action.KEEP_NEWER
    if new_version > old_version or new.content_hash != old.content_hash:
        return Action.REPLACE
    adds_provenance = any(
        not is_missing(getattr(new, name)) and not same_value(getattr(new, name), getattr(old, name))
        for name in PROVENANCE_COLUMNS
    )
    return Action.REPLACE if adds_provenance else Action.UNCHANGED


def version_key(version: str) -> tuple:
    """'1.10.0' sorts after '1.9.2'; parts that are not numbers sort after numbers, as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in str(version).split("."))


def is_missing(value) -> bool:
    return value is None or pd.isna(value)


def same_value(new, old) -> bool:
    """Equal provenance values; dates compare as dates whether they come from Python or from DuckDB."""
    if is_missing(old):
        return False
    if isinstance(new, (date, pd.Timestamp)):
        return pd.Timestamp(new) == pd.Timestamp(old)
    return str(new) == str(old)


def merge(con: duckdb.DuckDBPyConnection) -> None:
    """Apply the merge rules, then tell the snapshot writer which rows changed (its standby copy replays them)."""
    con.execute(MERGE_SQL.read_text())
    con.execute(REFRESH_LA_JUDGEMENTS_SQL.read_text())
    log_changes(con, PROVIDERS.table, "urn", "SELECT * FROM providers WHERE urn IN (SELECT urn FROM stage_providers)",
                "SELECT urn FROM stage_providers")
    for rule in REPORT_TABLES:
        log_changes(con, rule.table, "report_id",
                    f"SELECT s.* FROM stage_{rule.table} AS s JOIN load_ids USING (report_id)",
                    "SELECT report_id FROM replaced_ids")
    log_changes(con, LA_JUDGEMENTS.table, LA_JUDGEMENTS.key, "SELECT * FROM la_refreshed",
                "SELECT report_id FROM la_dropped")
    keep_la_judgements_in_order(con)
    when_published(con, update_search_index)


def keep_la_judgements_in_order(con: duckdb.DuckDBPyConnection) -> None:
    """Count the rows this load appended to la_judgements; rewrite the table in order when they are too many."""
    con.execute("UPDATE la_judgements_order SET appended_rows = appended_rows + (SELECT count(*) FROM la_refreshed)")
    appended, rows = con.execute(
        "SELECT appended_rows, (SELECT count(*) FROM la_judgements) FROM la_judgements_order").fetchone()
    if appended > max(COMPACT_APPENDED_FRACTION * rows, COMPACT_MIN_APPENDED_ROWS):
        compact_la_judgements(con)


def compact_la_judgements(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite la_judgements in authority order (same rows) in this write; the standby does the same at replay."""
    rewrite_la_judgements(con)
    log_rewrite(con, LA_JUDGEMENTS.table)


def rewrite_la_judgements(con: duckdb.DuckDBPyConnection) -> None:
    """la_judgements' rows inserted again in authority order, a range of authorities at a time, and the old ones
    deleted; the count of rows appended since starts again."""
    rows, last_rowid = con.execute("SELECT count(*), max(rowid) FROM la_judgements").fetchone()
    ranges = -(-rows // REWRITE_CHUNK_ROWS)
    bounds = con.execute("SELECT quantile_disc(urn, ?) FROM la_judgements",
                         [[n / ranges for n in range(1, ranges)]]).fetchone()[0] if ranges > 1 else []
    edges, rewrite = [None, *bounds, None], REWRITE_LA_JUDGEMENTS_SQL.read_text()
    for low, high in zip(edges, edges[1:]):
        con.execute(rewrite, {"last_rowid": last_rowid, "low": low, "high": high})
    con.execute("DELETE FROM la_judgements WHERE rowid <= ?", [last_rowid])
    con.execute("UPDATE la_judgements_order SET appended_rows = 0")


def relocate_paths(con: duckdb.DuckDBPyConnection, paths: dict[str, str]) -> int:
    """Give reports whose stored path is relative (loaded before paths were stored absolute) the absolute path a run
    found the same file at (`paths`: report_id, the file's sha256, -> absolute path); returns how many changed. An
    absolute path already stored is kept: it is where the row was loaded from."""
    if not paths:
        return 0
    con.register("found_paths", pd.DataFrame({"report_id": list(paths), "path": list(paths.values())}))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE relocated AS SELECT f.report_id, f.path FROM found_paths AS f "
        "JOIN reports AS r USING (report_id) WHERE NOT starts_with(r.path, '/') AND starts_with(f.path, '/')"
    )
    con.unregister("found_paths")
    con.execute("UPDATE reports SET path = f.path FROM relocated AS f WHERE reports.report_id = f.report_id")
    log_changes(con, REPORTS.table, "report_id",
                "SELECT * FROM reports WHERE report_id IN (SELECT report_id FROM relocated)",
                "SELECT report_id FROM relocated")
    (changed,) = con.execute("SELECT count(*) FROM relocated").fetchone()
    con.execute("DROP TABLE relocated")
    return changed


# Tables a write may rewrite in place (same rows, another order), and how: the standby replays the rewrite the
# same way after the write's rows (warehouse/snapshot.py).
REWRITES = {LA_JUDGEMENTS.table: rewrite_la_judgements}
