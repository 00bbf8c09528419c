"""`skillradar extract`: the stable JSONL contract, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CMD = [sys.executable, "-m", "pipelines.cli", "extract"]

TEXT = "We need Python and SQL; our go-to-market team uses Excel at times."


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(CMD + args, input=stdin, capture_output=True, timeout=120, check=False)


def test_extract_writes_one_line_per_input_line_in_order() -> None:
    lines = [
        {"id": "a", "text": TEXT, "title": "Data Engineer"},
        {"id": "b", "text": "Nothing technical here."},
        {"id": "c", "text": "scikit-learn, sklearn or Scikit Learn"},
    ]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
    result = run([], stdin)
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    a = out[0]["skills"]
    names = [s["name"] for s in a]
    assert "Python" in names and "SQL" in names
    assert not any(s["text"].lower() == "go" for s in a)
    for skill in a:
        assert TEXT[skill["start"] : skill["end"]] == skill["text"]
        assert set(skill) == {"name", "skill_id", "start", "end", "text", "step", "section"}
        assert skill["section"] in {"required", "preferred", "other"}
    assert out[1]["skills"] == []
    assert {s["skill_id"] for s in out[2]["skills"]} == {out[2]["skills"][0]["skill_id"]}
    assert len(out[2]["skills"]) == 3


def test_malformed_lines_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "ok1", "text": "Python"}\n'
        b"not json\n"
        b'{"id": 5, "text": "x"}\n'
        b'{"id": "t", "text": "y", "title": 3}\n'
        b"\xff\xfe\n"
        b'{"id": "ok2", "text": "SQL"}\n'
    )
    output = tmp_path / "out.jsonl"
    result = run(["--input", str(source), "--output", str(output)])
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4", "line 5"]
    assert "invalid JSON" in errors[0]
    assert '"id" must be a non-empty string' in errors[1]
    assert "Traceback" not in result.stderr.decode()
    out = [json.loads(x) for x in output.read_text().splitlines()]
    assert [o["id"] for o in out] == ["ok1", "ok2"]
    assert out[0]["skills"][0]["name"] == "Python"


def test_missing_input_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(["--input", str(tmp_path / "nope.jsonl")])
    assert result.returncode == 2
    stderr = result.stderr.decode().strip()
    assert stderr.count("\n") == 0
    assert "nope.jsonl" in stderr and "Traceback" not in stderr
