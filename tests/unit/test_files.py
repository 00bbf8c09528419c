"""Reading posting files record by record, with line numbers and nothing lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.sources.files import BadRecord, SourceRecord, read_records


def test_csv_records_start_on_their_physical_line(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text('id,text\n1,"two\nlines"\n2,one\nbroken\n3,"x"\n', encoding="utf-8")
    items = list(read_records(path, "csv"))
    assert items == [
        SourceRecord(2, {"id": "1", "text": "two\nlines"}),
        SourceRecord(4, {"id": "2", "text": "one"}),
        BadRecord(5, "expected 2 fields, found 1", "broken"),
        SourceRecord(6, {"id": "3", "text": "x"}),
    ]


def test_jsonl_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": 1}\nnot json\n[1]\n\n{"id": 2}\n', encoding="utf-8")
    items = list(read_records(path, "jsonl"))
    assert [type(i).__name__ for i in items] == [
        "SourceRecord", "BadRecord", "BadRecord", "SourceRecord",
    ]  # fmt: skip
    assert [i.line for i in items] == [1, 2, 3, 5]
    assert items[2].reason == "expected a JSON object, got list"


def test_parquet_rows_are_records(tmp_path: Path) -> None:
    path = tmp_path / "p.parquet"
    pl.DataFrame({"id": ["a", "b"], "n": [1, 2]}).write_parquet(path)
    assert list(read_records(path, "parquet")) == [
        SourceRecord(1, {"id": "a", "n": 1}),
        SourceRecord(2, {"id": "b", "n": 2}),
    ]


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\r"))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.lists(st.tuples(cells, cells), max_size=8))
def test_csv_round_trip_keeps_every_row(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    path = tmp_path / "h.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    items = list(read_records(path, "csv"))
    kept = [r for r in rows if any(c.strip() for c in r)]
    assert all(isinstance(i, SourceRecord) for i in items)
    assert [(i.fields["id"], i.fields["text"]) for i in items] == kept  # type: ignore[union-attr]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.lists(st.one_of(st.dictionaries(st.text(), st.integers()), st.text()), max_size=8))
def test_jsonl_accounts_for_every_nonblank_line(tmp_path: Path, values: list) -> None:
    lines = [json.dumps(v) if isinstance(v, dict) else v.replace("\n", " ") for v in values]
    path = tmp_path / "h.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    items = list(read_records(path, "jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())


def test_xlsx_rows_start_at_row_two_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "export.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("postings")
    for r, row in enumerate(
        [["ID", "TITLE_RAW"], ["1", "Data Engineer"], [], ["2", "ML Engineer"]]
    ):
        sheet.write_row(r, 0, row)
    book.close()
    assert list(read_records(path, "xlsx")) == [
        SourceRecord(2, {"ID": "1", "TITLE_RAW": "Data Engineer"}),
        SourceRecord(4, {"ID": "2", "TITLE_RAW": "ML Engineer"}),
    ]


def test_lightcast_style_export_maps_onto_postings(tmp_path: Path) -> None:
    """Real LinkedIn rows re-shaped into Lightcast's export columns, in an XLSX file."""
    import xlsxwriter

    from extractors.mapping import ColumnMapping, normalize
    from pipelines.sources.mappings import MAPPINGS_DIR

    rows = list(csv.DictReader((Path(__file__).parents[1] / "data/linkedin_slice.csv").open()))[:5]
    path = tmp_path / "export.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    header = ["ID", "POSTED", "TITLE_RAW", "COMPANY_NAME", "BODY", "CITY_NAME", "SALARY_FROM"]
    sheet.write_row(0, 0, header)
    for i, row in enumerate(rows, start=1):
        posted = f"2024-04-{10 + i:02d}"
        sheet.write_row(i, 0, [row["job_id"], posted, row["title"], row["company_name"],
                               row["description"], row["location"], row["min_salary"]])  # fmt: skip
    book.close()
    mapping = ColumnMapping.from_yaml(MAPPINGS_DIR / "lightcast_export.yaml")
    assert mapping.enabled is False
    postings = [normalize(r.fields, mapping) for r in read_records(path, "xlsx")]  # type: ignore[union-attr]
    assert [p.source_id for p in postings] == [r["job_id"] for r in rows]
    assert [p.title for p in postings] == [" ".join(r["title"].split()) for r in rows]
    assert postings[0].posted_date.isoformat() == "2024-04-11"
