"""JUnit XML, for CI systems that show test reports: one test suite, a test case per file checked,
failing with its findings (ruff and eslint report the same way)."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from newslint.output import RunSummary, printable, text


def render(run: RunSummary) -> str:
    by_file = defaultdict(list)
    for finding in run.findings:
        by_file[finding.path].append(finding)
    files = list(dict.fromkeys([*run.files, *by_file]))
    failed = sum(1 for path in files if by_file[path])
    suites = ET.Element("testsuites", name="newslint", tests=str(len(files)), failures=str(failed))
    suite = ET.SubElement(suites, "testsuite", name="newslint", tests=str(len(files)), failures=str(failed), errors="0")
    for path in files:
        shown = printable(path)
        case = ET.SubElement(suite, "testcase", name=shown, classname="newslint", file=shown)
        findings = by_file[path]
        if findings:
            failure = ET.SubElement(
                case, "failure", message=f"{len(findings)} problem{'' if len(findings) == 1 else 's'}", type="newslint"
            )
            failure.text = "\n".join(text.line(finding) for finding in findings)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
