"""What loading the built-in rule packs found, kept between runs as signed plain data.

Loading the packs parses their YAML, compiles each regex once to validate it, and parses each
to find the literal text it needs and whether it may start or end inside a word. That is most of
newslint's start-up, and gives the same answers while the packs and the code stay the same. The
answers are kept as JSON tables in the user's cache folder ($XDG_CACHE_HOME/newslint or
~/.cache/newslint), named after the packs, newslint's code and the regex module's version, and
signed with the user's key (see cachefiles.py): data, never code, read only when this user's
newslint wrote it, and then validated again as the rule files are. Only successes are kept, so
a pattern that does not compile is always reported. Rule files of the user's own are not
remembered (only the compiled programs of their patterns, see below, up to a bound).
NEWSLINT_NO_RULE_CACHE=1 turns it off.

Once a pack has loaded, the memo also keeps each of its rules' metadata and triggers (see
rules/deferred.py): later runs build only the rules a text can trigger, and those find their
answers here too, after the packs have loaded. And it keeps the compiled program of each regex
a run compiles (regex_programs.py): those are learnt while the run goes on, and written once, at
its end (`save`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any, TypeVar

from newslint import cachefiles, digests
from newslint.digests import blake2b

T = TypeVar("T")
KEEP = 4  # files kept: a few versions or checkouts side by side; older ones go
MAX_KEPT = 4096  # entries of a table `keep` adds to: the built-in packs compile about 550 patterns


def _valid(value: Any) -> bool:
    return value is True


def _literal(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _leading(value: Any) -> bool:
    return value is None or (
        isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and value[1] in (1, 2)
    )


def _edges(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(edge, bool) for edge in value)


def _swap(value: Any) -> bool:
    """[its triggers: [text, how it stands] each; its requirements; its context's: lists of texts]"""
    if not isinstance(value, list) or len(value) != 3 or not all(isinstance(part, list) for part in value):
        return False
    triggers, *requirements = value
    return all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and pair[1] in (0, 1, 2)
        for pair in triggers
    ) and all(
        isinstance(texts, list) and all(isinstance(t, str) for t in texts) for part in requirements for texts in part
    )


def _anything(value: Any) -> bool:
    return True  # checked when decoded (rules/deferred.py)


def _text(value: Any) -> bool:
    return isinstance(value, str)  # JSON, decoded (and checked) only when needed


# The tables, and what a value in each must be: anything else makes the whole file a miss. Each
# key is kept as its digest (see _digest).
TABLES: dict[str, Callable[[Any], bool]] = {
    "documents": _text,  # BLAKE2 digest of a rule file's text -> its YAML as plain data, in JSON (yaml_source.from_plain)
    "valid": _valid,  # "flags\0pattern" compiles (regex module)
    "templates": _valid,  # "key\0replacement..." expands on a match of key
    "literal": _literal,  # pattern -> the lowercase literal every match holds
    "edges": _edges,  # pattern -> [may start with a word character, may end with one]
    "leading": _leading,  # pattern -> [the words a match starts with, how they stand] (regexes.py)
    "lead_marks": _text,  # pattern -> the marks every match starts with one of; "" (regexes.py)
    "swaps": _swap,  # a swap -> [its triggers, texts its matches hold one of each of, its context's] (kinds/substitution.py)
    "rules": _anything,  # BLAKE2 digest of a rule file's text -> its rules' info and triggers (rules/deferred.py), and where each one's entry stands in the document (rules/loader.py)
    "gates": _anything,  # "flags\0pattern" -> [what may not follow each mark it starts with, ...], checked when read (regexes.py)
    "programs": _anything,  # "flags\0pattern" -> its compiled program, checked when rebuilt (regex_programs.py)
    "re_programs": _anything,  # the same for the patterns compiled with `re` (re_programs.py)
}


def cache_folder() -> str:
    return os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")


class PacksMemo:
    """The tables: filled while the built-in packs load (see `remembering`), and read by the rules
    that are built afterwards (rules/deferred.py)."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, Any]] = {}
        self._name: str | None = None  # the file, once the packs have started loading
        self._loading = False
        self._learnt = False  # anything the file does not hold yet

    @contextmanager
    def remembering(self, packs: str | os.PathLike[str]) -> Iterator[None]:
        """Use (and afterwards keep) the answers for the packs in this folder."""
        if os.environ.get("NEWSLINT_NO_RULE_CACHE"):
            self._tables, self._name = {}, None
            yield
            return
        self._name = f"packs-{packs_digest(packs)}.json"
        self._tables, self._learnt, self._loading = self._read(self._name), False, True
        try:
            yield
            self.save()
        finally:
            self._loading = False  # the tables stay, for rules built later

    def recall(self, table: str, key: str, compute: Callable[[], T]) -> T:
        """The answer kept for key, or compute() (kept if it does not raise and the packs are
        loading)."""
        entries = self._tables.get(table)
        digest = _digest(key)
        if entries is not None and digest in entries:
            return entries[digest]
        value = compute()
        if self._loading:
            self._tables.setdefault(table, {})[digest] = value
            self._learnt = True
        return value

    def keep(self, table: str, key: str, value: Any) -> None:
        """Keep an answer found at any time of the run, for `save` to write (nothing is kept
        before the packs have started loading: the file is not known yet, nor past MAX_KEPT
        entries: a user trying rule after rule of their own must not grow the file forever)."""
        if self._name is not None:
            entries = self._tables.setdefault(table, {})
            if len(entries) < MAX_KEPT:
                entries[_digest(key)] = value
                self._learnt = True

    def save(self) -> None:
        """Write the tables if this run learnt something the file does not hold."""
        if self._name is not None and self._learnt:
            self._write(self._name)
            self._learnt = False

    def known(self, table: str, key: str) -> Any:
        """The answer kept for key, or None; nothing is computed."""
        return self._tables.get(table, {}).get(_digest(key))

    def _read(self, name: str) -> dict[str, dict[str, Any]]:
        folder = cachefiles.own_folder(cache_folder(), "newslint", create=False)
        payload = cachefiles.read_entry(folder, name) if folder is not None else None
        return _validated(payload) if payload is not None else {}

    def _write(self, name: str) -> None:
        folder = cachefiles.own_folder(cache_folder(), "newslint")
        if folder is None:
            return
        with suppress(TypeError, ValueError):  # a value JSON cannot hold is simply not kept
            payload = json.dumps(self._tables, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
            cachefiles.write_entry(folder, name, payload)
        older = sorted(_memo_files(folder), key=_modified, reverse=True)[KEEP:]
        for old in older:
            with suppress(OSError):
                os.unlink(old)


def _digest(key: str) -> str:
    """A table's key as kept: most keys are patterns, some a kilobyte long, and the tables stay in
    memory for the rules built later; 96 bits of BLAKE2 name them as well in 24 characters."""
    return digests.hexdigest(key.encode("utf-8", "surrogatepass"), size=12)


def packs_digest(packs: str | os.PathLike[str]) -> str:
    """The packs' files and newslint's code: any change to one of them names another file. A file
    counts by its size and modification time, as for the code (see cachefiles.code_digest)."""
    return _packs_digest(os.fspath(packs))


@lru_cache(maxsize=4)
def _packs_digest(packs: str) -> str:
    digest = blake2b(cachefiles.code_digest().encode())
    for relative, path in tree_files(packs, (".yaml", ".yml", ".txt")):
        info = os.stat(path)
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def tree_files(folder: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path relative to folder, path) of every file under folder whose suffix is one of these,
    as pathlib's `sorted(p for p in Path(folder).rglob("*") if p.suffix in suffixes and p.is_file())`
    finds them (links to folders are not followed, the order is by path components), without
    importing pathlib: a plain run need not (it pulls in urllib.parse and ipaddress)."""
    found = sorted((relative.split("/"), path) for relative, path in _walk(folder, "") if _suffix(relative) in suffixes)
    return [("/".join(parts), path) for parts, path in found]


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, str]]:
    """(relative path, path) of every file under folder, links to files included."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        relative = prefix + entry.name
        with suppress(OSError):
            if entry.is_file():
                yield relative, entry.path
            elif entry.is_dir() and not entry.is_symlink():
                yield from _walk(entry.path, relative + "/")


def _suffix(relative: str) -> str:
    """pathlib's PurePath.suffix: a name's last dot and what follows, unless it starts or ends it."""
    name = relative.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _memo_files(folder: str) -> list[str]:
    """The packs memos in the cache folder (what glob("packs-*.json") finds)."""
    try:
        with os.scandir(folder) as entries:
            return [entry.path for entry in entries if _is_memo_name(entry.name)]
    except OSError:
        return []


def _is_memo_name(name: str) -> bool:
    return name.startswith("packs-") and name.endswith(".json") and len(name) >= len("packs-.json")


def _modified(path: str) -> float:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return 0.0


def _validated(payload: bytes) -> dict[str, dict[str, Any]]:
    """The tables of a file, each value checked; nothing at all when any of it is wrong."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or not set(data) <= set(TABLES):
        return {}
    for name, table in data.items():
        if not isinstance(table, dict) or not all(TABLES[name](value) for value in table.values()):
            return {}
    return data


MEMO = PacksMemo()
