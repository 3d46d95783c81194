"""Fill the gaps in a translation with the default language's files."""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files

from ..passes import BuildPass


def source_files(docs_dir: str) -> list[str]:
    """Paths of the files in a docs folder, relative to it ('a/b.md'), hidden ones left out."""
    found = []
    for folder, dirs, names in os.walk(docs_dir):
        dirs.sort()
        found += [os.path.relpath(os.path.join(folder, name), docs_dir).replace(os.sep, "/")
                  for name in sorted(names) if not name.startswith(".")]
    return found


def add_fallbacks(files: Files, p: BuildPass) -> Files:
    if p.default:
        return files
    default_dir = p.build.passes[0].docs_dir
    present = {f.src_uri for f in files}
    for src_uri in source_files(default_dir):
        if src_uri not in present:
            files.append(File(src_uri, default_dir, p.site_dir, not p.offline))
            if src_uri.endswith(".md"):
                p.fallback_pages.add(src_uri)
    return files
