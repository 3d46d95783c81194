"""Write Material's settings for its script (the <script id="__config"> of every page) compactly.

Material writes them as JSON with spaces and every accented letter as a \\u escape, and with the
interface words of features this site does not use (copying code, choosing a version). The
same settings, without those words, written as UTF-8 with no spaces, are about 0.1 KB less of
every compressed page. Characters that could end the script early (<, >, &) stay escaped, as
Material writes them. Guarded by tests/test_page_frame.py (the settings Material reads are all
there) and the search tests in every language (its words reach the reader).
"""

from __future__ import annotations

import json
import re

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def _copies_code(settings: dict) -> bool:
    return any(feature.startswith("content.code.copy") for feature in settings.get("features", []))


def _has_versions(settings: dict) -> bool:
    return settings.get("version") is not None


# Interface words Material's script uses only with a feature: dropped when that feature is off.
_WORDS_FOR = {"clipboard.copy": _copies_code, "clipboard.copied": _copies_code, "select.version": _has_versions}


def compact(html: str) -> str:
    match = _CONFIG.search(html)
    if not match:
        return html
    settings = json.loads(match.group(2))
    words = settings.get("translations", {})
    for key, used in _WORDS_FOR.items():
        if key in words and not used(settings):
            del words[key]
    text = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    text = re.sub("[<>&]", lambda m: _UNSAFE[m.group()], text)
    return html[:match.start(2)] + text + html[match.end(2):]
