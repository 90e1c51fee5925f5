#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Count the results of an Odoo test run and of a pytest JUnit report.

    odoo_test_summary.py odoo ODOO_LOG     -> "passed failed skipped" for the Odoo tests
    odoo_test_summary.py junit REPORT.xml  -> "passed failed skipped" for pytest

For the Odoo log, a test counts as failed when Odoo's own report says so; besides, every
ERROR or CRITICAL line that does not come from a test (a module that fails to load, a
broken view, a crash in a cron) counts as one more failure and is printed on stderr, as
OCA's CI does with oca_checklog_odoo. No result line at all means Odoo died: a failure.
"""

import re
import sys
import xml.etree.ElementTree as ET

RESULT_RE = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)
SKIP_RE = re.compile(r" INFO \S+ odoo\.addons\.[\w.]+: skipped ")
LOG_RE = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ \d+ (ERROR|CRITICAL) \S+ ([\w.]+): (.*)")
# Odoo only warns when a module's demo data fails, then installs it without demo
DEMO_FAILED_RE = re.compile(r" WARNING \S+ odoo\.modules\.loading: .*demo data failed")


def odoo_counts(path):
    total = failed = skipped = 0
    found = False
    stray = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if match := RESULT_RE.search(line):
                found = True
                failed = int(match[1]) + int(match[2])
                total = int(match[3])
            elif SKIP_RE.search(line):
                skipped += 1
            elif (match := LOG_RE.match(line)) and ".tests" not in match[2]:
                stray.append(line.rstrip())
            elif DEMO_FAILED_RE.search(line):
                stray.append(line.rstrip())
    for line in stray:
        print(f"error outside tests: {line}", file=sys.stderr)
    if not found:
        print("no test report in the Odoo log: Odoo stopped early", file=sys.stderr)
        return 0, 1, 0
    # Odoo counts each failed subTest as a failure: never report negative passes
    return max(total - failed - skipped, 0), failed + len(stray), skipped


def junit_counts(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - failed - skipped, failed, skipped


def main(argv):
    kind, path = argv[1], argv[2]
    passed, failed, skipped = (odoo_counts if kind == "odoo" else junit_counts)(path)
    print(passed, failed, skipped)


if __name__ == "__main__":
    main(sys.argv)
