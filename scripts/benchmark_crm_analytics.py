#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Measure crm_analytics' reports against Odoo's own Pipeline Analysis on a generated
database (scripts/generate_data.py --scale large), as the web client calls them, as the
admin user (record rules apply) with the web client's default context (language, time
zone, the current company active), in transactions that are rolled back.

    .venv/bin/python scripts/benchmark_crm_analytics.py -c .run/odoo.conf \\
        -d crm_bench_large

Measures (best and median of --repeat runs after one warm-up run):
- baseline: crm.lead read_group grouped by stage, measure prorated revenue, on the
  opportunities (CRM > Reporting > Pipeline);
- crm.funnel.report _read_group by funnel_step (count), and with every measure;
- crm.roi.report and crm.kpi.report _read_group with every measure, by campaign and
  by salesperson;
- the XLSX export wizard crm.analytics.xlsx.export on a period holding --xlsx-rows
  stays, in a child process: wall time, peak RSS over the child's baseline
  (resource.getrusage ru_maxrss) and, in a second child, the Python allocation peak
  (tracemalloc);
- with --explain, the plans of the stage-history queries a funnel report runs.

A model that is not installed is reported as "skipped: model X not installed". The
table at the end gives the targets: funnel <= 2x pipeline, XLSX of 100k rows <= 10 s
and <= 200 MB.
"""

import argparse
import base64
import datetime
import gc
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

import odoo
from odoo import api
from odoo.tools import SQL, config

TARGET_FUNNEL_RATIO = 2.0
TARGET_XLSX_SECONDS = 10.0
TARGET_XLSX_MB = 200.0
XLSX_MODEL = "crm.analytics.xlsx.export"
# the stage-history queries a funnel report runs: (label, query)
EXPLAINED_QUERIES = [
    (
        "stays per step in a quarter",
        "SELECT funnel_step, COUNT(*) FROM crm_lead_stage_history "
        "WHERE date_entered >= %(from)s AND date_entered < %(to)s GROUP BY funnel_step",
    ),
    (
        "stays of one step in a quarter",
        "SELECT COUNT(*), AVG(duration_days) FROM crm_lead_stage_history "
        "WHERE funnel_step = 'offer' AND date_entered >= %(from)s "
        "AND date_entered < %(to)s",
    ),
    (
        "stays of one team in a quarter",
        "SELECT funnel_step, COUNT(*) FROM crm_lead_stage_history "
        "WHERE team_id = %(team)s AND date_entered >= %(from)s "
        "AND date_entered < %(to)s GROUP BY funnel_step",
    ),
    (
        "open stays of 1000 leads (stage change hook)",
        "SELECT id FROM crm_lead_stage_history WHERE date_left IS NULL "
        "AND lead_id IN (SELECT id FROM crm_lead ORDER BY id LIMIT 1000)",
    ),
    (
        "for scale: the pipeline's own query (opportunities per stage)",
        "SELECT stage_id, COUNT(*), SUM(prorated_revenue) FROM crm_lead "
        "WHERE type = 'opportunity' AND active GROUP BY stage_id",
    ),
    (
        "for scale: all stays per step joined with their leads (a funnel view floor)",
        "SELECT h.funnel_step, COUNT(*) FROM crm_lead_stage_history h "
        "JOIN crm_lead l ON l.id = h.lead_id GROUP BY h.funnel_step",
    ),
    (
        "median days per step (percentile_cont)",
        "SELECT funnel_step, percentile_cont(0.5) WITHIN GROUP "
        "(ORDER BY duration_days) FROM crm_lead_stage_history "
        "WHERE date_entered >= %(from)s AND date_entered < %(to)s "
        "AND date_left IS NOT NULL GROUP BY funnel_step",
    ),
]


def load(args):
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    return odoo.modules.registry.Registry(args.database)


def admin_uid(registry):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        return env.ref("base.user_admin").id


def web_env(cr, uid):
    """An environment with the context the web client sends by default: the user's
    language and time zone, and their current company as the only active one (the
    company switcher's default)."""
    user = api.Environment(cr, uid, {}).user
    return api.Environment(
        cr,
        uid,
        {
            "lang": user.lang,
            "tz": user.tz,
            "allowed_company_ids": [user.company_id.id],
        },
    )


def rss_mb():
    """Peak resident memory of this process so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------
# read_group measures
# ------------------------------------------------------------


def measures(model, fieldnames=None):
    """Aggregates a pivot asks for: every stored numeric field with an aggregator."""
    result = ["__count"]
    for name, field in model._fields.items():
        if fieldnames is not None and name not in fieldnames:
            continue
        if (
            field.store
            and field.type in ("integer", "float", "monetary")
            and field.aggregator
            and name != "id"
        ):
            result.append(f"{name}:{field.aggregator}")
    return result


def first_field(model, candidates):
    return next((name for name in candidates if name in model._fields), None)


def timed(registry, uid, func, repeat):
    """(best, median, result) of repeat runs of func(env) after one warm-up run."""
    with registry.cursor() as cr:
        env = web_env(cr, uid)
        func(env)
        times = []
        for _ in range(repeat):
            env.invalidate_all()
            start = time.perf_counter()
            result = func(env)
            times.append(time.perf_counter() - start)
        cr.rollback()
    return min(times), statistics.median(times), result


def report_cases(env):
    """(key, label, model name, function of env) of each measure."""
    lead = env["crm.lead"]
    cases = [
        (
            "pipeline",
            "Pipeline Analysis: crm.lead read_group by stage (baseline)",
            "crm.lead",
            lambda env: env["crm.lead"].read_group(
                [("type", "=", "opportunity")],
                measures(lead, {"prorated_revenue"}),
                ["stage_id"],
                lazy=False,
            ),
        ),
        (
            "funnel",
            "crm.funnel.report _read_group by funnel_step (count)",
            "crm.funnel.report",
            lambda env: env["crm.funnel.report"]._read_group(
                [], ["funnel_step"], ["__count"]
            ),
        ),
        (
            "funnel_default",
            "crm.funnel.report as the menu opens it (entered this month, all measures)",
            "crm.funnel.report",
            lambda env: env["crm.funnel.report"]._read_group(
                [
                    (
                        "date_entered",
                        ">=",
                        datetime.date.today().replace(day=1).isoformat(),
                    )
                ],
                ["funnel_step"],
                measures(env["crm.funnel.report"]),
            ),
        ),
        (
            "funnel_measures",
            "crm.funnel.report _read_group by funnel_step (all measures)",
            "crm.funnel.report",
            lambda env: env["crm.funnel.report"]._read_group(
                [], ["funnel_step"], measures(env["crm.funnel.report"])
            ),
        ),
    ]
    for key, label, model, candidates in (
        ("roi", "ROI report", "crm.roi.report", ("campaign_id", "medium_id")),
        ("kpi", "KPI board", "crm.kpi.report", ("user_id", "team_id")),
    ):
        cases.append(
            (
                key,
                f"{label}: {model} _read_group",
                model,
                lambda env, model=model, candidates=candidates: env[model]._read_group(
                    [],
                    [first_field(env[model], candidates) or "company_id"],
                    measures(env[model]),
                ),
            )
        )
    cases.append(
        (
            "kpi_default",
            "KPI board as the menu opens it: crm.kpi.report this month",
            "crm.kpi.report",
            lambda env: env["crm.kpi.report"]._read_group(
                [("date", ">=", datetime.date.today().replace(day=1).isoformat())],
                ["user_id"],
                measures(env["crm.kpi.report"]),
            ),
        )
    )
    return cases


# ------------------------------------------------------------
# XLSX export (child process)
# ------------------------------------------------------------


def xlsx_period(env, rows):
    """The first day of the period whose stays (newest first) number about rows."""
    env.cr.execute(
        SQL(
            "SELECT date_entered::date FROM crm_lead_stage_history "
            "ORDER BY date_entered DESC OFFSET %s LIMIT 1",
            max(rows - 1, 0),
        )
    )
    row = env.cr.fetchone()
    return row[0] if row else datetime.date(2000, 1, 1)


def xlsx_values(wizard_model, date_from, date_to):
    """Wizard values for the period: date fields named *from*/*start* and
    *to*/*end*."""
    values = {}
    for name, field in wizard_model._fields.items():
        if field.type not in ("date", "datetime") or field.readonly or field.compute:
            continue
        if re.search(r"(from|start)", name):
            values[name] = date_from
        elif re.search(r"(_to|end)", name):
            values[name] = date_to
    return values


def xlsx_output(env, wizard, result, last_attachment_id):
    """Size in bytes of the workbook the export produced: a binary field of the
    wizard, the attachment its download action points at, or an attachment it made."""
    for name, field in wizard._fields.items():
        if field.type == "binary" and wizard[name]:
            value = wizard.with_context(bin_size=False)[name]
            return len(base64.b64decode(value)), name
    attachments = env["ir.attachment"].sudo()
    url = isinstance(result, dict) and result.get("url") or ""
    match = re.search(r"/web/content/(\d+)", url)
    if match:
        attachment = attachments.browse(int(match.group(1)))
    else:
        attachment = attachments.search(
            [("id", ">", last_attachment_id)], order="id desc", limit=1
        )
    return len(attachment.raw or b""), attachment.name or "(no file found)"


def xlsx_child(args):
    """Run one export and print its figures as JSON (run in a fresh process so that
    ru_maxrss is this export's peak)."""
    registry = load(args)
    uid = admin_uid(registry)
    with registry.cursor() as cr:
        env = web_env(cr, uid)
        wizard_model = env[XLSX_MODEL]
        date_from = xlsx_period(env, args.xlsx_rows)
        date_to = datetime.date.today()
        values = xlsx_values(wizard_model, date_from, date_to)
        stays = None
        if "crm.funnel.report" in env and "date_entered" in env["crm.funnel.report"]:
            stays = env["crm.funnel.report"].search_count(
                [("date_entered", ">=", date_from)]
            )
        env.cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM ir_attachment"))
        last_attachment_id = env.cr.fetchone()[0]
        env.invalidate_all()
        gc.collect()
        baseline = rss_mb()
        if args.tracemalloc:
            tracemalloc.start()
        start = time.perf_counter()
        wizard = wizard_model.create(values)
        method = getattr(wizard, "action_export", None) or next(
            getattr(wizard, name)
            for name in dir(type(wizard))
            if name.startswith("action_") and "export" in name
        )
        result = method()
        env.flush_all()
        elapsed = time.perf_counter() - start
        traced_peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else 0
        size, output = xlsx_output(env, wizard, result, last_attachment_id)
        cr.rollback()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "rss_baseline_mb": baseline,
                "rss_peak_mb": rss_mb(),
                "traced_peak_mb": traced_peak / 2**20,
                "bytes": size,
                "output": output,
                "values": {k: str(v) for k, v in values.items()},
                "stays": stays,
            }
        )
    )


def run_xlsx_child(args, traced):
    command = [
        sys.executable,
        os.path.abspath(__file__),
        "-c",
        args.config,
        "-d",
        args.database,
        "--xlsx-child",
        "--xlsx-rows",
        str(args.xlsx_rows),
    ]
    if traced:
        command.append("--tracemalloc")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError((done.stderr or done.stdout).strip().splitlines()[-1])
    return json.loads(lines[-1])


# ------------------------------------------------------------
# main
# ------------------------------------------------------------


def explain(registry):
    with registry.cursor() as cr:
        cr.execute(
            SQL(
                "SELECT MAX(date_entered)::date, "
                "(SELECT id FROM crm_team ORDER BY id LIMIT 1) "
                "FROM crm_lead_stage_history"
            )
        )
        last, team = cr.fetchone()
        if not last:
            print("explain: no stage history")
            return
        params = {
            "from": last - datetime.timedelta(days=91),
            "to": last + datetime.timedelta(days=1),
            "team": team,
        }
        for label, query in EXPLAINED_QUERIES:
            cr.execute(
                SQL(
                    "EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) %s",
                    SQL(query, **params),  # pylint: disable=sql-injection
                )
            )
            print(f"\nplan: {label}")
            for (line,) in cr.fetchall():
                print(f"    {line}")
        cr.rollback()


def sizes(registry):
    with registry.cursor() as cr:
        counts = {}
        for label, table in (
            ("leads", "crm_lead"),
            ("stage history rows", "crm_lead_stage_history"),
            ("orders", "sale_order"),
            ("partners", "res_partner"),
            ("campaigns", "utm_campaign"),
        ):
            cr.execute(
                SQL("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", table)
            )
            counts[label] = cr.fetchone()[0]
        cr.execute(SQL("SHOW server_version"))
        version = cr.fetchone()[0]
        cr.execute(SQL("SELECT pg_size_pretty(pg_database_size(current_database()))"))
        size = cr.fetchone()[0]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL {version}; database {size}"
    )
    print("data (estimates): " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--xlsx-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.xlsx_child:
        xlsx_child(args)
        return
    registry = load(args)
    uid = admin_uid(registry)
    sizes(registry)
    rows = []  # (label, value, target, verdict)
    results = {}
    with registry.cursor() as cr:
        installed = set(api.Environment(cr, uid, {}).registry.models)
        cases = report_cases(web_env(cr, uid))
    for key, label, model, func in cases:
        if model not in installed:
            print(f"{label}: skipped: model {model} not installed", flush=True)
            continue
        best, median, groups = timed(registry, uid, func, args.repeat)
        results[key] = best
        print(
            f"{label}: best {best:.3f} s, median {median:.3f} s, {len(groups)} groups",
            flush=True,
        )
        rows.append((label, f"{best:.3f} s", "", ""))
    for key, label in (
        ("funnel", "funnel, all stays (count) / pipeline"),
        ("funnel_default", "funnel as the menu opens it / pipeline"),
    ):
        if "pipeline" not in results or key not in results:
            continue
        ratio = results[key] / results["pipeline"]
        verdict = "ok" if ratio <= TARGET_FUNNEL_RATIO else "MISSED"
        rows.append((label, f"{ratio:.2f}x", f"<= {TARGET_FUNNEL_RATIO}x", verdict))
    if XLSX_MODEL not in installed:
        print(f"XLSX export: skipped: model {XLSX_MODEL} not installed", flush=True)
    else:
        try:
            run = run_xlsx_child(args, traced=False)
            traced = run_xlsx_child(args, traced=True)
        except (RuntimeError, StopIteration) as error:
            print(f"XLSX export: failed: {error}", flush=True)
        else:
            memory = run["rss_peak_mb"] - run["rss_baseline_mb"]
            print(
                f"XLSX export ({run['stays']} stays from {run['values']}): "
                f"{run['seconds']:.2f} s, {run['bytes']:,} bytes ({run['output']}), "
                f"peak RSS {run['rss_peak_mb']:.0f} MB = {memory:.0f} MB over the "
                f"baseline {run['rss_baseline_mb']:.0f} MB; Python allocation peak "
                f"(tracemalloc) {traced['traced_peak_mb']:.0f} MB",
                flush=True,
            )
            rows.append(
                (
                    f"XLSX export, {args.xlsx_rows:,} rows: time",
                    f"{run['seconds']:.2f} s",
                    f"<= {TARGET_XLSX_SECONDS:.0f} s",
                    "ok" if run["seconds"] <= TARGET_XLSX_SECONDS else "MISSED",
                )
            )
            rows.append(
                (
                    f"XLSX export, {args.xlsx_rows:,} rows: memory over baseline",
                    f"{memory:.0f} MB",
                    f"<= {TARGET_XLSX_MB:.0f} MB",
                    "ok" if memory <= TARGET_XLSX_MB else "MISSED",
                )
            )
    print(f"\n{'measure':<64} {'value':>10} {'target':>10} {'':>6}")
    for label, value, target, verdict in rows:
        print(f"{label:<64} {value:>10} {target:>10} {verdict:>6}")
    if args.explain:
        explain(registry)


if __name__ == "__main__":
    main()
