"""Built-in rules at hand before they are built: their metadata and triggers, from the packs memo.

Building a rule (validating its keys, configuring its kind, importing the kind's module) is most
of what loading the built-in packs costs, and a short run needs few rules: one whose triggers a
text does not hold never runs on it. So once a pack has loaded in full, the packs memo keeps,
for each of its rules, its metadata and triggers as plain data (validated again when read, like
everything in the memo); later runs make a DeferredRule of them, which builds the rule itself the
first time it is asked anything else. Its answers are then the built rule's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newslint.records import fields
from newslint.rules.base import Examples, RuleInfo
from newslint.rules.registry import BILINGUAL_KIND_NAMES, KIND_NAMES
from newslint.triggers import Triggers

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.findings import Finding
    from newslint.regexes import TimeBudget
    from newslint.rules.base import Rule


class DeferredRule:
    """A built-in rule that is built when first needed; id, info, kind and triggers need no
    building, nor does checking a document that a bilingual rule is silent on."""

    __slots__ = ("info", "kind", "_triggers", "_build", "_rule")

    def __init__(self, info: RuleInfo, triggers: Triggers | None, build: Callable[[], Rule]) -> None:
        self.info = info
        self.kind = info.kind
        self._triggers = triggers
        self._build = build
        self._rule: Rule | None = None

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def rule(self) -> Rule:
        """The rule itself, built now if it was not yet."""
        if self._rule is None:
            self._rule = self._build()
        return self._rule

    def triggers(self) -> Triggers | None:
        return self._triggers

    def required_literals(self) -> frozenset[str] | None:
        return self._triggers.all if self._triggers is not None else None

    def check(self, doc: Document, budget: TimeBudget | None = None) -> list[Finding]:
        if self.kind in BILINGUAL_KIND_NAMES and not doc.bilingual:
            return []  # what a bilingual rule finds on a text without its source
        return self.rule.check(doc, budget)

    def __getattr__(self, name: str) -> Any:
        if name in DeferredRule.__slots__:  # not set yet (while copying): never build for it
            raise AttributeError(name)
        return getattr(self.rule, name)

    def __repr__(self) -> str:
        return f"<DeferredRule {self.id}{' (built)' if self._rule is not None else ''}>"


# --- as plain data, in the packs memo -----------------------------------------------------------

_INFO_TEXTS = ("id", "kind", "level", "message", "description", "source", "scope", "fix")
_CHOICES = {
    "kind": KIND_NAMES,
    "level": ("error", "warning", "info"),
    "scope": ("text", "unquoted", "writer"),
    "fix": ("safe", "unsafe", "none"),
}
_TRIGGER_SETS = tuple(field.name for field in fields(Triggers) if field.init)


def to_plain(rule: Rule) -> dict[str, Any]:
    """What a DeferredRule needs of a built rule, as JSON-ready data (the path is the reader's)."""
    info = rule.info
    plain: dict[str, Any] = {name: getattr(info, name) for name in _INFO_TEXTS}
    plain |= {"link": info.link, "default": info.default, "line": info.line, "triggers": list(info.triggers)}
    plain["examples"] = [list(info.examples.fail), list(info.examples.passing)]
    triggers = rule.triggers()
    plain["triggered_by"] = (
        None if triggers is None else {name: sorted(getattr(triggers, name)) for name in _TRIGGER_SETS}
    )
    return plain


def from_plain(plain: Any, path: str) -> tuple[RuleInfo, Triggers | None]:
    """The info and triggers to_plain described; ValueError for anything it cannot have written."""
    if not isinstance(plain, dict):
        raise ValueError("not a rule")
    if not all(isinstance(plain.get(name), str) for name in _INFO_TEXTS):
        raise ValueError("not a rule's texts")
    if not all(plain[name] in allowed for name, allowed in _CHOICES.items()):
        raise ValueError("not a rule's kind, level, scope or fix")
    link, default, line = plain.get("link"), plain.get("default"), plain.get("line")
    if not (link is None or isinstance(link, str)) or type(default) is not bool or type(line) is not int:
        raise ValueError("not a rule's settings")
    examples = plain.get("examples")
    if not (isinstance(examples, list) and len(examples) == 2 and all(_strings(side) for side in examples)):
        raise ValueError("not a rule's examples")
    if not _strings(plain.get("triggers")):
        raise ValueError("not a rule's triggers")
    info = RuleInfo(
        **{name: plain[name] for name in _INFO_TEXTS},  # type: ignore[arg-type]
        link=link,
        default=default,
        examples=Examples(tuple(examples[0]), tuple(examples[1])),
        path=path,
        line=line,
        triggers=tuple(plain["triggers"]),
    )
    return info, _triggers(plain.get("triggered_by"))


def _triggers(plain: Any) -> Triggers | None:
    if plain is None:
        return None
    if not (isinstance(plain, dict) and set(plain) == set(_TRIGGER_SETS) and all(map(_strings, plain.values()))):
        raise ValueError("not a rule's triggers")
    return Triggers(**{name: frozenset(texts) for name, texts in plain.items()})


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
