"""Import a file from hooks/ the way MkDocs does, for unit tests of its pure functions."""

import importlib.util

from site_reader import ROOT


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
