"""The one loop that changes files of a built site in place."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable


def files(root: str, pattern: str, skip: Iterable[str] = ()) -> list[str]:
    """Paths of the files under `root` whose names match `pattern` ("*.html"), in a stable order,
    leaving out the folders `skip` (names of folders directly under `root`)."""
    skipped = set(skip)
    found = []
    for folder, dirs, names in os.walk(root):
        if folder == root:
            dirs[:] = [d for d in dirs if d not in skipped]
        dirs.sort()
        found += [os.path.join(folder, name) for name in sorted(names) if fnmatch.fnmatchcase(name, pattern)]
    return found


def read(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def rewrite_files(root: str, pattern: str, change: Callable[[str], str], skip: Iterable[str] = ()) -> None:
    """Replace the text of each file `files(root, pattern, skip)` finds with `change(text)`.
    A file `change` leaves as it was is not written again."""
    for path in files(root, pattern, skip):
        text = read(path)
        changed = change(text)
        if changed != text:
            write(path, changed)
