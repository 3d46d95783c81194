"""Print every check in data/ (see `checked:` in macros/datasets.py), oldest first."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from macros import checks  # noqa: E402
from macros.data import load  # noqa: E402
from macros.errors import DataError  # noqa: E402
from macros.i18n import site_languages  # noqa: E402


def main() -> int:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    try:
        data = load(ROOT / "data", site_languages(config))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    today = dt.date.today()
    rows = checks.report(data)
    print(f"{len(rows)} changeable facts, oldest check first (today is {today.isoformat()}).\n")
    for on, file, key, against, unsettled, review in rows:
        age = (today - on).days
        flag = "  STILL CHANGING" if unsettled else ""
        print(f"{on.isoformat()}  ({age} days)  data/{file}  {key}{flag}")
        print(f"    read: {against}")
        if review:
            print(f"    reviewer note: {review}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
