"""The one error type contributors see when data or front matter is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from mkdocs.exceptions import PluginError

T = TypeVar("T")
R = TypeVar("R")


class DataError(PluginError):
    """Bad data or front matter. The message names the file, the entry and the field."""

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str):
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        where = [file]
        if entry is not None:
            where.append(f"entry '{entry}'")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")

    @property
    def errors(self) -> list[DataError]:
        """Every problem this error stands for (one, or several for DataErrors)."""
        return [self]


class DataErrors(DataError):
    """Several problems found in one pass, so a contributor can fix them all before building again."""

    def __init__(self, errors: Iterable[DataError]):
        self._errors = list({str(e): e for error in errors for e in error.errors}.values())
        first = self._errors[0]
        self.file, self.entry, self.field, self.problem = first.file, first.entry, first.field, first.problem
        if len(self._errors) == 1:
            PluginError.__init__(self, str(first))
            return
        lines = "\n".join(f"  {i}. {e}" for i, e in enumerate(self._errors, start=1))
        PluginError.__init__(self, f"{len(self._errors)} problems to fix before the site can be built "
                                   f"(each names the file, the entry and the field):\n{lines}")

    @property
    def errors(self) -> list[DataError]:
        return self._errors


def raise_all(errors: list[DataError]) -> None:
    """Raise the problems found, if any: one as itself, several together."""
    if len(errors) == 1 and len(errors[0].errors) == 1:
        raise errors[0]
    if errors:
        raise DataErrors(errors)


def check_each(items: Iterable[T], check: Callable[[T], R]) -> list[R]:
    """`check` every item, carrying on past problems; raise them all at the end, or return the results."""
    results, problems = [], []
    for item in items:
        try:
            results.append(check(item))
        except DataError as error:
            problems.append(error)
    raise_all(problems)
    return results
