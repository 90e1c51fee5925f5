#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill a database that has the CRM suite installed with a large, plausible data
set, in set-based SQL (generate_series), for the benchmarks. Prints progress and what
it made.

    .venv/bin/python scripts/generate_data.py -c .run/odoo.conf -d crm_bench \\
        --partners 100000 --leads 100000 --changes-per-lead 5 --orders 200000 \\
        --lines-per-order 5

Leads get tracked stage changes exactly as Odoo's mail tracking stores them (one
mail.message plus one mail.tracking.value per change) and no stage history, so that
crm_extended's backfill can be measured on them. Orders are confirmed (80 %), draft
or cancelled, spread over three years.
"""

import argparse
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, config


def log(message, *args):
    print(f"[{time.strftime('%H:%M:%S')}] {message % args}", flush=True)


def timed(env, label, query):
    start = time.perf_counter()
    env.cr.execute(query)
    count = env.cr.rowcount
    env.cr.commit()  # pylint: disable=invalid-commit  (a data generator, not business code)
    log("%s: %s rows in %.1f s", label, count, time.perf_counter() - start)
    return count


def generate(env, args):
    company = env.company
    stages = env["crm.stage"].search([("team_id", "=", False)], order="sequence, id")
    users = env["res.users"].search([("share", "=", False)], limit=10)
    teams = env["crm.team"].search([], limit=5)
    products = env["product.product"].search([("sale_ok", "=", True)], limit=50)
    stage_field = env["ir.model.fields"]._get("crm.lead", "stage_id")
    if not (stages and users and teams and products):
        raise SystemExit("the database needs stages, users, teams and products")
    tag = args.tag
    log("generating into %s (tag %s)", env.cr.dbname, tag)

    timed(
        env,
        "partners",
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, is_company, active, type,
                   autopost_bills, customer_rank, company_id, email, create_date,
                   write_date, create_uid, write_uid)
            SELECT %(tag)s || ' customer ' || n, %(tag)s || ' customer ' || n, TRUE,
                   TRUE, 'contact', 'ask', 1, NULL,
                   'customer' || n || '@' || %(tag)s || '.example.com',
                   now(), now(), 1, 1
              FROM generate_series(1, %(count)s) n
            """,
            tag=tag,
            count=args.partners,
        ),
    )
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET commercial_partner_id = id "
            "WHERE commercial_partner_id IS NULL AND name LIKE %s",
            f"{tag} customer %",
        )
    )
    env.cr.execute(
        SQL(
            "SELECT MIN(id), MAX(id) FROM res_partner WHERE name LIKE %s",
            f"{tag} customer %",
        )
    )
    p_min, p_max = env.cr.fetchone()
    env.cr.commit()  # pylint: disable=invalid-commit

    timed(
        env,
        "leads",
        SQL(
            """
            INSERT INTO crm_lead (name, type, active, stage_id, partner_id, user_id,
                   team_id, company_id, expected_revenue, probability, priority,
                   create_date, write_date, create_uid, write_uid,
                   date_last_stage_update, date_open)
            SELECT %(tag)s || ' deal ' || n, 'opportunity', mod(n, 10) <> 0,
                   (%(stages)s::int[])[1 + mod(n, %(stage_count)s)],
                   %(p_min)s + mod(n::bigint * 7919, %(p_max)s - %(p_min)s + 1),
                   (%(users)s::int[])[1 + mod(n, %(user_count)s)],
                   (%(teams)s::int[])[1 + mod(n, %(team_count)s)],
                   %(company)s, 500 + mod(n::bigint * 37, 20000), 10, '1',
                   now() - make_interval(days => 1 + mod(n, 700)::int),
                   now(), 1, 1, now(), now()
              FROM generate_series(1, %(count)s) n
            """,
            tag=tag,
            stages=stages.ids,
            stage_count=len(stages),
            p_min=p_min,
            p_max=p_max,
            users=users.ids,
            user_count=len(users),
            teams=teams.ids,
            team_count=len(teams),
            company=company.id,
            count=args.leads,
        ),
    )
    # stage changes as Odoo tracks them: one message and one tracking value each;
    # change i of a lead moves it from stage i to stage i + 1 of the pipeline (cycling)
    timed(
        env,
        "tracked stage changes",
        SQL(
            """
            WITH leads AS (
                SELECT id, create_date, ROW_NUMBER() OVER (ORDER BY id) AS n
                  FROM crm_lead WHERE name LIKE %(pattern)s
            ), changes AS (
                SELECT leads.id AS lead_id, i,
                       leads.create_date + make_interval(hours => 20 * i) AS at,
                       (%(stages)s::int[])[1 + mod(leads.n + i - 1, %(stage_count)s)]
                           AS old_stage,
                       (%(stages)s::int[])[1 + mod(leads.n + i, %(stage_count)s)]
                           AS new_stage
                  FROM leads, generate_series(1, %(per_lead)s) i
            ), messages AS (
                INSERT INTO mail_message (model, res_id, message_type, date, author_id,
                       create_date, write_date, create_uid, write_uid, body)
                SELECT 'crm.lead', lead_id, 'notification', at, %(author)s,
                       at, at, 1, 1, NULL
                  FROM changes
             RETURNING id, res_id, date
            )
            INSERT INTO mail_tracking_value (mail_message_id, field_id,
                   old_value_integer, new_value_integer, create_date, write_date,
                   create_uid, write_uid)
            SELECT messages.id, %(field)s, changes.old_stage, changes.new_stage,
                   messages.date, messages.date, 1, 1
              FROM messages
              JOIN changes ON changes.lead_id = messages.res_id
                          AND changes.at = messages.date
            """,
            pattern=f"{tag} deal %",
            stages=stages.ids,
            stage_count=len(stages),
            per_lead=args.changes_per_lead,
            field=stage_field.id,
            author=env.user.partner_id.id,
        ),
    )
    timed(
        env,
        "sales orders",
        SQL(
            """
            INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                   partner_shipping_id, company_id, date_order, state, picking_policy,
                   amount_untaxed, amount_tax, amount_total, currency_rate, user_id,
                   team_id, create_date, write_date, create_uid, write_uid)
            SELECT %(tag)s || '/SO/' || n, partner, partner, partner, %(company)s,
                   now() - make_interval(days => mod(n::bigint * 13, 1095)::int),
                   CASE WHEN mod(n, 10) < 8 THEN 'sale'
                        WHEN mod(n, 10) = 8 THEN 'draft' ELSE 'cancel' END,
                   'direct', amount, 0, amount, 1,
                   (%(users)s::int[])[1 + mod(n, %(user_count)s)],
                   (%(teams)s::int[])[1 + mod(n, %(team_count)s)],
                   now(), now(), 1, 1
              FROM (
                    SELECT n,
                           %(p_min)s
                           + mod(n::bigint * 104729, %(p_max)s - %(p_min)s + 1)
                               AS partner,
                           100 + mod(n::bigint * 31, 5000) AS amount
                      FROM generate_series(1, %(count)s) n
              ) o
            """,
            tag=tag,
            company=company.id,
            users=users.ids,
            user_count=len(users),
            teams=teams.ids,
            team_count=len(teams),
            p_min=p_min,
            p_max=p_max,
            count=args.orders,
        ),
    )
    timed(
        env,
        "order lines",
        SQL(
            """
            INSERT INTO sale_order_line (order_id, name, product_id, price_unit,
                   product_uom_qty, customer_lead, price_subtotal, price_total,
                   state, company_id, currency_id, create_date, write_date,
                   create_uid, write_uid)
            SELECT so.id, 'Bench line',
                   (%(products)s::int[])[1 + mod(so.id + i, %(pc)s)],
                   so.amount_untaxed / %(per_order)s, 1, 0,
                   so.amount_untaxed / %(per_order)s, so.amount_untaxed / %(per_order)s,
                   so.state, so.company_id, %(currency)s, now(), now(), 1, 1
              FROM sale_order so, generate_series(1, %(per_order)s) i
             WHERE so.name LIKE %(pattern)s
            """,
            products=products.ids,
            pc=len(products),
            per_order=args.lines_per_order,
            currency=company.currency_id.id,
            pattern=f"{tag}/SO/%",
        ),
    )
    log("done: ANALYZE")
    env.cr.execute(SQL("ANALYZE"))
    env.cr.commit()  # pylint: disable=invalid-commit


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tag", default="bench")
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--changes-per-lead", type=int, default=5)
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--lines-per-order", type=int, default=5)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        generate(api.Environment(cr, SUPERUSER_ID, {}), args)


if __name__ == "__main__":
    main()
