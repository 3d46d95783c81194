"""MAINTAINING.md stays true to the code it describes."""

from __future__ import annotations

import re

from site_reader import ROOT


def test_maintaining_names_only_tests_that_exist():
    """MAINTAINING.md names the test that guards each change to Material: each must exist, or a
    maintainer upgrading Material would look for a guard that is gone."""
    text = (ROOT / "MAINTAINING.md").read_text(encoding="utf-8")
    missing, last = [], None
    for file, name, bare in re.findall(r"`(tests/test_\w+\.py)(?:::(\w+)(?:::\w+)?)?`|`(test_\w+)`", text):
        if file:
            last = ROOT / file
            if not last.is_file():
                missing.append(file)
            elif name and not re.search(rf"\b(def|class) {name}\b", last.read_text(encoding="utf-8")):
                missing.append(f"{file}::{name}")
        elif bare and last and last.is_file() and not re.search(rf"\bdef {bare}\b", last.read_text(encoding="utf-8")):
            missing.append(f"{last.relative_to(ROOT).as_posix()}::{bare}")
    assert len(re.findall(r"`tests/test_\w+\.py", text)) > 20, "MAINTAINING.md names hardly any tests"
    assert not missing, "MAINTAINING.md names tests that do not exist: " + ", ".join(missing)
