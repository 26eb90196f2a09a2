"""The CI workflow that builds the frozen bundles on Windows, macOS and Linux runners.

It cannot run here; this checks that it is valid YAML with the shape GitHub Actions needs and
that every script it calls exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "bundles.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_triggers_and_jobs(workflow: dict[Any, Any]) -> None:
    # YAML 1.1 reads the bare key `on` as True; GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    assert "workflow_dispatch" in triggers
    assert triggers["push"]["tags"] == ["v*"]
    runners = {name: job["runs-on"] for name, job in workflow["jobs"].items()}
    assert runners["windows"] == "windows-latest"
    assert runners["macos"] == "macos-latest"
    assert runners["linux"].startswith("ubuntu-")


def test_every_step_is_a_run_or_a_pinned_action(workflow: dict[Any, Any]) -> None:
    for name, job in workflow["jobs"].items():
        assert job["steps"], name
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), (name, step)
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_each_job_builds_and_uploads_its_installer(workflow: dict[Any, Any]) -> None:
    jobs = workflow["jobs"]
    expected = {
        "windows": ("installer\\build.py --smoke-test", "dist/UngeDesk-*-setup.exe"),
        "macos": ("installer/build.py --smoke-test", "dist/UngeDesk-*.dmg"),
        "linux": ("installer/build.py --smoke-test", "dist/ungedesk_*.deb"),
    }
    for name, (command, artifact) in expected.items():
        assert command in _runs(jobs[name]), name
        uploads = [s for s in jobs[name]["steps"] if s.get("uses", "").startswith("actions/upload")]
        assert len(uploads) == 1, name
        assert artifact in uploads[0]["with"]["path"], name
        assert uploads[0]["with"]["if-no-files-found"] == "error", name
    assert "makensis" in _runs(jobs["windows"]) or "nsis" in _runs(jobs["windows"])
    assert "apt-get install -y ./dist/ungedesk_*.deb" in _runs(jobs["linux"])


def test_scripts_it_calls_exist(workflow: dict[Any, Any]) -> None:
    text = "\n".join(_runs(job) for job in workflow["jobs"].values())
    scripts = set(re.findall(r"installer[/\\][\w/\\.-]+\.py", text))
    assert scripts
    for script in scripts:
        assert (ROOT / script.replace("\\", "/")).is_file(), script
