"""The rules a diagram in data/diagrams.yml must follow beyond its shape (datasets.DIAGRAM):
arrows join nodes that exist, point down the page, and make sense for each kind of node; and the
diagram can be drawn in every language (no word too wide for its box, no label too long)."""

from __future__ import annotations

from .diagram_layout import Edge, LayoutError, Node, layout
from .errors import DataError, raise_all

FILE = "data/diagrams.yml"


def graph_problem(diagram: dict) -> tuple[str, str] | None:
    """The first thing wrong with the nodes and arrows of one diagram, as (field, problem)."""
    nodes, edges = diagram["nodes"], diagram["edges"]
    position: dict[str, int] = {}
    for i, node in enumerate(nodes, start=1):
        if node["key"] in position:
            return f"nodes[{i}].key", f"duplicate node key '{node['key']}'; node keys must be unique in a diagram"
        position[node["key"]] = i
    known = ", ".join(position)
    seen: set[tuple[str, str]] = set()
    leaving: dict[str, list[int]] = {key: [] for key in position}
    arriving: set[str] = set()
    for i, edge in enumerate(edges, start=1):
        for end in ("from", "to"):
            if edge[end] not in position:
                return f"edges[{i}].{end}", f"unknown node '{edge[end]}'; the nodes of this diagram are {known}"
        source, target = edge["from"], edge["to"]
        if position[target] <= position[source]:
            return f"edges[{i}].to", (f"the arrow from '{source}' points back up to '{target}'; arrows point down: "
                                      f"list '{target}' after '{source}' under nodes")
        if (source, target) in seen:
            return f"edges[{i}]", f"there is already an arrow from '{source}' to '{target}'"
        seen.add((source, target))
        kind = nodes[position[source] - 1]["kind"]
        if kind == "outcome":
            return f"edges[{i}].from", f"'{source}' is an outcome, which ends the flow; make it a step or a decision"
        if kind == "step" and leaving[source]:
            return f"edges[{i}].from", (f"the step '{source}' already leads somewhere; a step has one next node, "
                                        "so make it a decision if the path splits here")
        if kind == "decision" and "label" not in edge:
            return f"edges[{i}].label", f"an arrow leaving the decision '{source}' needs a label, such as yes or no"
        leaving[source].append(i)
        arriving.add(target)
    for i, node in enumerate(nodes, start=1):
        key = node["key"]
        if node["kind"] == "decision" and len(leaving[key]) < 2:
            return f"nodes[{i}].kind", f"the decision '{key}' needs at least two arrows leaving it, one per answer"
        if not leaving[key] and key not in arriving:
            return f"nodes[{i}].key", f"'{key}' has no arrow to or from it; add one under edges"
        labels = [edges[j - 1]["label"] for j in leaving[key] if "label" in edges[j - 1]]
        for lang in labels[0] if labels else ():
            words = [label[lang] for label in labels]
            if len(set(words)) < len(words):
                return f"edges[{leaving[key][-1]}].label", f"two arrows leaving '{key}' have the same '{lang}' label"
    return None


def layout_for(diagram: dict, lang: str):
    """The diagram's nodes and arrows in one language, laid out (raises LayoutError)."""
    nodes = [Node(n["key"], n["kind"], n["text"][lang]) for n in diagram["nodes"]]
    edges = [Edge(e["from"], e["to"], e["label"][lang] if "label" in e else None) for e in diagram["edges"]]
    return layout(nodes, edges)


def check_diagrams(diagrams: list[dict], languages: tuple[str, ...]) -> None:
    """Raise DataError naming the diagram and field of each diagram's first problem, for all
    diagrams at once."""
    problems = []
    for diagram in diagrams:
        problem = graph_problem(diagram)
        if problem:
            problems.append(DataError(FILE, diagram["key"], *problem))
            continue
        for lang in languages:
            try:
                layout_for(diagram, lang)
            except LayoutError as err:
                problems.append(DataError(FILE, diagram["key"], f"{err.field}.{lang}", err.problem))
    raise_all(problems)
