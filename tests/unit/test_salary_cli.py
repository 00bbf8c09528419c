"""`python -m pipelines.salary_cli`: the JSONL salary contract, run as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from pipelines.salary_cli import salary_stream

CMD = [sys.executable, "-m", "pipelines.salary_cli"]
KEYS = {
    "id", "min", "max", "currency", "period", "annual_min", "annual_max",
    "annual_min_usd", "annual_max_usd", "flags",
}  # fmt: skip


def run(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(CMD, input=stdin, capture_output=True, timeout=120, check=False)


def test_one_line_per_input_line_in_order() -> None:
    lines = [
        {"id": "a", "text": "$120-150k", "country": "US"},
        {"id": "b", "text": "€60.000 p.a.", "country": "DE", "posted": "2024-04-15"},
        {"id": "c", "text": "DOE"},
        {"id": "d", "text": None, "min": 17, "max": 20, "currency": "USD", "period": "HOURLY"},
        {"id": "e", "text": "Rs. 150,000 per month", "country": "PK"},
    ]
    result = run("".join(json.dumps(x) + "\n" for x in lines).encode())
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "d", "e"]
    assert all(set(o) == KEYS for o in out)
    a, b, c, d, e = out
    assert (a["min"], a["max"], a["currency"], a["period"]) == (120_000, 150_000, "USD", "year")
    assert a["annual_min_usd"] == 120_000
    assert (b["min"], b["currency"], b["annual_min"]) == (60_000, "EUR", 60_000)
    assert 60_000 < b["annual_min_usd"] < 70_000
    assert c["min"] is None and c["flags"] == ["no_salary"]
    assert (d["period"], d["annual_min"], d["annual_max"]) == ("hour", 35_360, 41_600)
    assert (e["currency"], e["period"], e["annual_min"], e["annual_min_usd"]) == (
        "PKR",
        "month",
        1_800_000,
        None,
    )


def test_malformed_lines_are_reported_and_the_rest_processed() -> None:
    stdin = (
        b'{"id": "ok1", "text": "$20/hr"}\n'
        b"not json\n"
        b'{"id": 5, "text": "x"}\n'
        b'["a list"]\n'
        b'{"id": "t", "text": 3}\n'
        b"\xff\xfe\n"
        b'{"id": "p", "text": "x", "posted": "yesterday"}\n'
        b'{"id": "m", "text": null, "min": [1]}\n'
        b"\n"
        b'{"id": "ok2", "text": "\xc2\xa345,000"}\n'
    )
    result = run(stdin)
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert [e.split(":")[0] for e in errors] == [
        "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8"
    ]  # fmt: skip
    assert "invalid JSON" in errors[0]
    assert '"id" must be a non-empty string' in errors[1]
    assert "expected a JSON object" in errors[2]
    assert "not valid UTF-8" in errors[4]
    assert "Traceback" not in result.stderr.decode()
    out = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["ok1", "ok2"]
    assert out[1]["currency"] == "GBP"


def test_salary_stream_returns_the_number_of_rejected_lines() -> None:
    sink, errors = io.StringIO(), io.StringIO()
    source = io.BytesIO(b'{"id": "a", "text": "$5k/month"}\n{"id": ""}\n')
    assert salary_stream(source, sink, errors=errors) == 1
    assert json.loads(sink.getvalue())["annual_min"] == 60_000
    assert errors.getvalue() == 'line 2: "id" must be a non-empty string\n'
