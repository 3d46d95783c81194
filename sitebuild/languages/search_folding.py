"""Let readers find accented words without typing the accents.

Material's search matches 'protección' only when the reader types the accent. After each
language's pages are built, every word of a page that carries an accent is added once more,
without it, to the end of that page's entry in the search index, so 'proteccion' finds it too.

The same pass leaves out of the index the sections every page ends with, its sources and its
"Cite this page" box (macros/search.py, is_boilerplate): they repeat citations on every page,
and made searches return source lists instead of the text that answers the question.
"""

from __future__ import annotations

import json
import os

from macros.search import fold_entry, is_boilerplate

from ..passes import BuildPass
from ..rewrite import rewrite_files


def fold(index_json: str) -> str:
    index = json.loads(index_json)
    index["docs"] = [fold_entry(doc) for doc in index["docs"] if not is_boilerplate(doc)]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def fold_search_index(p: BuildPass) -> None:
    rewrite_files(os.path.join(p.site_dir, "search"), "search_index.json", fold)
