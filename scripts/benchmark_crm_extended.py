#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Measure crm_extended's heavy jobs on a generated database (scripts/generate_data.py):
the stage-history backfill (rows/s), the customer segmentation job, and a stage change
of 1 and of 1000 leads. Every measure runs in a transaction that is rolled back, so the
script can run again on the same data.

    .venv/bin/python scripts/benchmark_crm_extended.py -c .run/odoo.conf -d crm_bench
"""

import argparse
import os
import platform
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, config


def measure(registry, label, func):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        result = func(env)
        env.flush_all()
        elapsed = time.perf_counter() - start
        cr.rollback()
    print(f"{label}: {elapsed:.2f} s {result or ''}", flush=True)
    return elapsed, result


def count(env, query):
    env.cr.execute(query)
    return env.cr.fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        sizes = {
            "leads": count(env, SQL("SELECT COUNT(*) FROM crm_lead")),
            "tracked stage changes": count(
                env,
                SQL(
                    "SELECT COUNT(*) FROM mail_tracking_value v "
                    "JOIN ir_model_fields f ON f.id = v.field_id "
                    "WHERE f.model = 'crm.lead' AND f.name = 'stage_id'"
                ),
            ),
            "partners": count(env, SQL("SELECT COUNT(*) FROM res_partner")),
            "orders": count(env, SQL("SELECT COUNT(*) FROM sale_order")),
            "order lines": count(env, SQL("SELECT COUNT(*) FROM sale_order_line")),
            "history rows": count(
                env, SQL("SELECT COUNT(*) FROM crm_lead_stage_history")
            ),
        }
        cr.execute(SQL("SHOW server_version"))
        pg_version = cr.fetchone()[0]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL {pg_version}"
    )
    print("data: " + ", ".join(f"{v} {k}" for k, v in sizes.items()), flush=True)

    def backfill(env):
        env.cr.execute(SQL("DELETE FROM crm_lead_stage_history"))
        return env["crm.lead.stage.history"]._backfill_from_tracking()

    elapsed, rows = measure(registry, "stage history backfill", backfill)
    print(f"  -> {rows} rows, {rows / elapsed:,.0f} rows/s")

    measure(
        registry,
        "customer segmentation job",
        lambda env: env["res.partner"]._compute_customer_segments(),
    )

    def move(size):
        def run(env):
            leads = env["crm.lead"].search(
                [("active", "=", True), ("stage_id.is_won", "=", False)], limit=size
            )
            stages = env["crm.stage"].search([("is_won", "=", False)], limit=2)
            target = stages[1] if leads[:1].stage_id == stages[0] else stages[0]
            leads.write({"stage_id": target.id})
            return f"({len(leads)} leads)"

        return run

    measure(registry, "stage change, 1 lead", move(1))
    measure(registry, "stage change, 1000 leads", move(1000))


if __name__ == "__main__":
    main()
