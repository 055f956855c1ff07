"""JUnit XML, for CI systems that show test reports: one test suite, a test case per file checked,
failing with its findings (ruff and eslint report the same way)."""

from __future__ import annotations

import re
from collections import defaultdict
from xml.etree import ElementTree as ET

from newslint.output import RunSummary

# What XML 1.0 cannot hold: control characters, and the lone surrogates that stand for the
# undecodable bytes of a file name ("caf\xe9.txt" on a Latin-1 file system).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Text an XML parser accepts: each impossible character written as an escape (\\x01)."""
    return _NOT_XML.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def render(run: RunSummary) -> str:
    by_file = defaultdict(list)
    for finding in run.findings:
        by_file[finding.path].append(finding)
    files = list(dict.fromkeys([*run.files, *by_file]))
    failed = sum(1 for path in files if by_file[path])
    suites = ET.Element("testsuites", name="newslint", tests=str(len(files)), failures=str(failed))
    suite = ET.SubElement(suites, "testsuite", name="newslint", tests=str(len(files)), failures=str(failed), errors="0")
    for path in files:
        shown = _xml_safe(path)
        case = ET.SubElement(suite, "testcase", name=shown, classname="newslint", file=shown)
        findings = by_file[path]
        if findings:
            failure = ET.SubElement(
                case, "failure", message=f"{len(findings)} problem{'' if len(findings) == 1 else 's'}", type="newslint"
            )
            failure.text = _xml_safe(
                "\n".join(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}" for f in findings)
            )
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
