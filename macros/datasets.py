"""What each file in data/ must contain. One place to read the shape of every data set."""

from .schema import Bool, Date, Enum, Key, ListOf, MapOf, PastDate, Record, SourceKeys, Str, Text, Url

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

DEADLINE = Record(
    fields={
        "key": Key(), "name": Text(), "period": Text(), "starts": Text(), "consequence": Text(),
        "sources": SourceKeys(),
    },
    optional=dict(CHANGEABLE),
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

FAQ = Record(
    fields={"key": Key(), "question": Text(), "answer": Text(),
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
}
