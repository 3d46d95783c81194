"""Let readers find accented words without typing the accents.

Material's search matches 'protección' only when the reader types the accent. After each
language's build, every word of a page that carries an accent is added once more, without
it, to the end of that page's entry in the search index, so 'proteccion' finds it too.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from macros.search import fold_entry  # noqa: E402


def on_post_build(config):
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as fh:
        index = json.load(fh)
    index["docs"] = [fold_entry(doc) for doc in index["docs"]]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(index, fh, ensure_ascii=False, separators=(",", ":"))
