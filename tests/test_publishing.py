"""Publishing waits for the tests: the workflow runs .ci/run on every pull request and push to
main, and deploys the site only from main, only after that test job has passed."""

from __future__ import annotations

import yaml

from site_reader import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow() -> dict:
    # BaseLoader: YAML 1.1 would read the key `on` as true.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def needed(jobs: dict, name: str) -> set[str]:
    """Every job that must pass before `name` runs."""
    direct = jobs[name].get("needs", [])
    direct = [direct] if isinstance(direct, str) else direct
    return set(direct).union(*(needed(jobs, job) for job in direct))


def test_the_tests_run_on_pull_requests_and_on_main():
    flow = workflow()
    assert "pull_request" in flow["on"] and flow["on"]["push"]["branches"] == ["main"]
    runs = [step.get("run", "") for step in flow["jobs"]["test"]["steps"]]
    assert any("bash .ci/run" in run for run in runs), runs
    assert "if" not in flow["jobs"]["test"], "the tests must run on every event"


def test_deploying_needs_the_tests_and_happens_only_from_main():
    jobs = workflow()["jobs"]
    deploy = next(name for name, job in jobs.items()
                  if any("deploy-pages" in step.get("uses", "") for step in job["steps"]))
    assert "test" in jobs[deploy]["needs"], "the deploy job must name the test job in needs:"
    assert "test" in needed(jobs, deploy)
    for name in {deploy} | needed(jobs, deploy) - {"test"}:
        assert "refs/heads/main" in jobs[name].get("if", "") and "pull_request" in jobs[name]["if"], name

