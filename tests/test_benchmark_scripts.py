# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The benchmark scripts: sizes of the generator's presets and their command lines.
Generating data is too slow for a test (see scripts/README.md for measured runs)."""

import importlib.util
import os
import subprocess
import sys


def load_script(repo_root, name):
    path = os.path.join(repo_root, "scripts", f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_large_scale_reaches_the_issue_sizes(repo_root):
    """--scale large: 1M leads, 5M stays (one per stage change plus the first), 200k
    orders, 100k partners; small stays the existing benchmark's set."""
    scales = load_script(repo_root, "generate_data").SCALES
    large = scales["large"]
    assert large["leads"] == 1_000_000
    assert large["leads"] * (large["changes_per_lead"] + 1) == 5_000_000
    assert (large["orders"], large["partners"]) == (200_000, 100_000)
    small = scales["small"]
    assert (small["leads"], small["changes_per_lead"], small["orders"]) == (
        100_000,
        5,
        200_000,
    )
    assert set(small) == set(large)


def test_scripts_show_their_options(repo_root):
    for name, option in (
        ("generate_data", "--scale"),
        ("benchmark_crm_analytics", "--xlsx-rows"),
    ):
        result = subprocess.run(
            [sys.executable, os.path.join(repo_root, "scripts", f"{name}.py"), "-h"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert option in result.stdout


def test_analytics_benchmark_targets(repo_root):
    """The targets printed in the table are the issue's."""
    bench = load_script(repo_root, "benchmark_crm_analytics")
    assert bench.TARGET_FUNNEL_RATIO == 2.0
    assert (bench.TARGET_XLSX_SECONDS, bench.TARGET_XLSX_MB) == (10.0, 200.0)
