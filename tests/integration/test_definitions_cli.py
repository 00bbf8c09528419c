"""The code location loads through Dagster's own CLI, as `make dev` loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
DAGSTER = Path(sys.executable).with_name("dagster")


def test_dagster_validates_the_code_location(tmp_path: Path) -> None:
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    result = subprocess.run(
        [str(DAGSTER), "definitions", "validate", "-m", "pipelines.definitions"],
        env={"DAGSTER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "All code locations passed validation" in result.stderr + result.stdout
    assert "WARNING" not in result.stderr
