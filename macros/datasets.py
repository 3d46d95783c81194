"""What each file in data/ must contain. One place to read the shape of every data set."""

from .schema import Bool, Count, Date, Enum, Key, ListOf, MapOf, PastDate, Record, SourceKeys, Str, Text, Url

# A changeable fact (a fee, a policy, a case still in the courts) carries the date whose state a
# dated source shows, and what was read. Pages show "Checked on <on>"; `review` is for legal
# reviewers only and never rendered (scripts/review-report lists every check, oldest first).
CHECK = Record(
    fields={
        "on": PastDate(),        # the date whose state the source shows (not the day you read it, if older)
        "against": Str(),        # what was read, with its own date: "eCFR 8 C.F.R. 1003.24, current to 2026-11-27"
    },
    optional={"unsettled": Bool()},   # true: still moving; the page says so and what to do anyway
)
CHANGEABLE = {"checked": CHECK, "review": Str()}

SOURCE = Record(
    fields={
        "key": Key(),
        "kind": Enum("treaty", "statute", "regulation", "case", "general_comment", "rule",
                     "report", "guidance", "form", "manual"),
        "jurisdiction": Enum("us", "un", "coe", "oas", "ca", "uk", "au"),
        "short": Str(),          # short citation shown in tables: "8 C.F.R. § 1208.17"
        "citation": Str(),       # full citation
        "url": Url(),            # official or most authoritative public copy
    },
    optional={"note": Text(), **CHANGEABLE},
)

GLOSSARY = Record(
    fields={"key": Key(), "term": Text(), "definition": Text()},
    optional={"abbr": Str(), "sources": SourceKeys()},
)

EVIDENCE = Record(
    fields={
        "key": Key(), "name": Text(), "proves": Text(), "who": Text(), "how": Text(),
        "pitfalls": ListOf(Text()), "checklist": ListOf(Text()), "sources": SourceKeys(),
    },
)

# How the deadline calculator (docs/*/tools/deadlines.md, macros/deadline_tool.py) counts a
# deadline: from which events, how long, and whether a last day on a weekend or federal holiday
# moves to the next business day. Set `next_business_day: true` only where the rule says so (for
# BIA appeals, 8 C.F.R. 1003.38(c)); otherwise the page tells the reader to file before that day.
DEADLINE_EVENTS = ("judge-decision", "bia-decision", "final-order", "last-arrival", "address-change")
CALCULATOR = Record(
    fields={
        "events": ListOf(Enum(*DEADLINE_EVENTS)),
        "count": Count(1, 3650),
        "unit": Enum("days", "years"),
        "next_business_day": Bool(),
        "file": Text(),          # what to file
        "where": Text(),         # where it goes
        # the guide's page that explains it: a path inside docs/<language>/ and a heading's id
        "page": Str(r"[a-z0-9/-]+\.md#[a-z0-9-]+", "a page path and section, like process/appeals.md#bia-deadline"),
    },
    optional={"note": Text()},   # an exception or warning shown with the date
)

DEADLINE = Record(
    fields={
        "key": Key(), "name": Text(), "period": Text(), "starts": Text(), "consequence": Text(),
        "sources": SourceKeys(),
    },
    optional={"calculator": CALCULATOR, **CHANGEABLE},
)

FORM = Record(
    fields={
        "key": Key(), "number": Str(), "name": Text(), "purpose": Text(), "filed_with": Text(),
        "fee": Text(), "sources": SourceKeys(),
    },
    optional={"url": Url(), **CHANGEABLE},
)

JURISDICTION = Record(
    fields={
        "key": Key(), "name": Text(), "decides": Text(), "standard": Text(), "covers": Text(),
        "protection": Text(), "sources": SourceKeys(),
    },
)

UPDATE = Record(
    fields={"key": Key(), "date": Date(), "title": Text(), "summary": Text(), "sources": SourceKeys()},
    optional={"status": Enum("in_force", "pending", "in_litigation", "superseded"), **CHANGEABLE},
)

def faq_topic_string(topic: str) -> str:
    """The data/ui.yml string that names an FAQ topic (its heading)."""
    return "faq_topic_" + topic.replace("-", "_")


FAQ = Record(
    fields={"key": Key(), "topic": Key(), "question": Text(), "answer": Text(),
            "page": Str(r"[a-z0-9/-]+\.md", "a page path inside docs/<language>/, like qualify/torture-definition.md")},
    optional={"anchor": Key()},
)

PROTECTION_COLUMN = Record(fields={"key": Key(), "name": Text()})
PROTECTION_CELL = Record(fields={"text": Text(), "sources": SourceKeys()})
PROTECTION_ROW_FIELDS = {"key": Key(), "label": Text()}  # plus `cells`, checked against the columns

# A process diagram (macros/diagrams.py). Nodes are listed in reading order, top to bottom;
# the rules for nodes and arrows together are in macros/diagram_checks.py.
DIAGRAM_NODE = Record(
    fields={"key": Key(), "kind": Enum("step", "decision", "outcome"), "text": Text()},
    optional={"sources": SourceKeys()},
)
DIAGRAM_EDGE = Record(fields={"from": Key(), "to": Key()}, optional={"label": Text()})
DIAGRAM = Record(
    fields={"key": Key(), "title": Text(), "description": Text(),
            "nodes": ListOf(DIAGRAM_NODE, min_items=2), "edges": ListOf(DIAGRAM_EDGE)},
)

# The termbase (macros/terms.py): one legal concept per entry; for each language (any language,
# so a new edition can start its terms before its pages) the term to use, the variants to avoid
# and why, and the name an agency uses on its forms.
TERM_VARIANT = Record(fields={"text": Str(), "why": Str()})
TERM_IN_LANGUAGE = Record(fields={"use": Str()}, optional={"official": Str(), "avoid": ListOf(TERM_VARIANT)})
TERM = Record(
    fields={"key": Key(), "concept": Str(), "terms": MapOf(TERM_IN_LANGUAGE)},
    # pages (paths inside docs/<language>/) that may quote an avoided variant to explain it
    optional={"allow_on": ListOf(Str(r"[a-z0-9/-]+\.md", "a page path inside docs/<language>/"))},
)

# A situation the home page starts from (data/situations.yml); its page is
# docs/<language>/situations/<key>.md, whose title must be `title` (checked in data.py).
SITUATION = Record(fields={"key": Key(), "title": Text(), "line": Text()})
SITUATIONS_FOLDER = "situations"

# The protection finder (data/finder.yml, macros/finder.py): questions whose answers lead to
# another question or a result; the rules for the tree as a whole are in macros/finder_checks.py.
FINDER_PAGE = Str(r"[a-z0-9/-]+\.md(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?",
                  "a page path inside docs/<language>/, with an optional #anchor, like qualify/criminal-records.md#asylum-bars")
FINDER_ANSWER = Record(fields={"text": Text(), "next": Key()}, optional={"step": Key(), "unsure": Bool()})
FINDER_QUESTION = Record(fields={"key": Key(), "title": Text(), "answers": ListOf(FINDER_ANSWER, min_items=2)},
                         optional={"help": Text()})
FINDER_STEP = Record(fields={"key": Key(), "title": Text(), "text": Text(), "pages": ListOf(FINDER_PAGE)},
                     optional={"deadlines": ListOf(Key())})
FINDER_REASON = Record(fields={
    "key": Key(),
    # "cat": both forms of CAT protection; "international": routes outside the US
    "protection": Enum("asylum", "statutory_withholding", "cat_withholding", "cat_deferral", "cat", "international"),
    "text": Text(),
})
FINDER_RESULT = Record(
    fields={"key": Key(), "title": Text(), "summary": Text(), "next": Text(), "pages": ListOf(FINDER_PAGE),
            "sources": SourceKeys()},
    optional={"fits": ListOf(Key()), "unlikely": ListOf(Key()), "deadlines": ListOf(Key())},
)
FINDER_SECTIONS = {"questions": FINDER_QUESTION, "steps": FINDER_STEP, "reasons": FINDER_REASON,
                   "results": FINDER_RESULT}

# A translated edition's state (data/editions.yml), shown under every page title of that edition:
# which English edition it was translated from, and whether a native-speaking legal reviewer has
# read it (checked in data.py: every language but the default has exactly one entry).
EDITION_REVIEW = Record(fields={"by": Str(), "on": PastDate()})
EDITION = Record(fields={"key": Key(), "translated_from": PastDate()}, optional={"reviewed": EDITION_REVIEW})

# file name -> record for files that are a plain list of entries
LISTS = {
    "glossary.yml": GLOSSARY,
    "evidence.yml": EVIDENCE,
    "deadlines.yml": DEADLINE,
    "forms.yml": FORM,
    "jurisdictions.yml": JURISDICTION,
    "updates.yml": UPDATE,
    "faq.yml": FAQ,
    "diagrams.yml": DIAGRAM,
    "terms.yml": TERM,
    "editions.yml": EDITION,
    "situations.yml": SITUATION,
}
