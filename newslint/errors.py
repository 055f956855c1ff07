"""Errors that end in a one-line message for the user instead of a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """A problem caused by the user's input, rules or options; the CLI prints it and exits 2."""

    _init_args: tuple = ()

    def __reduce__(self):  # errors cross process boundaries with --jobs
        return (type(self), self._init_args or self.args, self.__dict__)


class RuleFileError(NewslintError):
    """A rule file that cannot be loaded: reported as `file:line: rule-id: what is wrong`."""

    def __init__(self, path: str, line: int | None, rule_id: str | None, problem: str) -> None:
        self._init_args = (path, line, rule_id, problem)
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.problem = problem
        location = f"{path}:{line}" if line else path
        subject = f" {rule_id}:" if rule_id else ""
        super().__init__(f"{location}:{subject} {problem}")


class RuleFileWarning(UserWarning):
    """A user's rule that loads but will be slow: `file:line: rule-id: what to change`."""


class InputError(NewslintError):
    """A file that cannot be linted (missing, unreadable, not UTF-8, binary). For standard input,
    `data` keeps the bytes that were read, so that a filter can pass them on unchanged."""

    def __init__(self, path: str, problem: str, data: bytes | None = None) -> None:
        self._init_args = (path, problem, data)
        self.path = path
        self.problem = problem
        self.data = data
        super().__init__(f"{path}: {problem}")


class InternalError(NewslintError):
    """A bug met on one file: reported like a file that could not be read, so that one file
    never stops the others (NEWSLINT_DEBUG=1 shows the traceback instead)."""

    def __init__(self, path: str, problem: str) -> None:
        self._init_args = (path, problem)
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: internal error, please report it: {problem}")


class RuleFailure(NewslintError):
    """A rule that could not finish on one document, e.g. a regex that timed out."""

    def __init__(self, path: str, rule_id: str, problem: str) -> None:
        self._init_args = (path, rule_id, problem)
        self.path = path
        self.rule_id = rule_id
        self.problem = problem
        super().__init__(f"{path}: {rule_id}: rule failed: {problem}")
