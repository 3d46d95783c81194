"""Let readers find accented words without typing the accents.

Material's search matches 'protección' only when the reader types the accent. After each
language's pages are built, every word of a page that carries an accent is added once more,
without it, to the end of that page's entry in the search index, so 'proteccion' finds it too.
"""

from __future__ import annotations

import json
import os

from macros.search import fold_entry

from ..passes import BuildPass
from ..rewrite import rewrite_files


def fold(index_json: str) -> str:
    index = json.loads(index_json)
    index["docs"] = [fold_entry(doc) for doc in index["docs"]]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def fold_search_index(p: BuildPass) -> None:
    rewrite_files(os.path.join(p.site_dir, "search"), "search_index.json", fold)
