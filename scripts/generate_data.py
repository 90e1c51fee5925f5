#!/usr/bin/env python3
# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill a database that has the CRM suite installed with a large, plausible data
set, in set-based SQL (generate_series, INSERT ... SELECT), for the benchmarks. Prints
a progress line per step (rows, seconds, total elapsed) and a summary.

    .venv/bin/python scripts/generate_data.py -c .run/odoo.conf -d crm_bench
    .venv/bin/python scripts/generate_data.py -c .run/odoo.conf -d crm_bench_large \\
        --scale large

Sizes (--scale small is the default; any size option overrides its preset):

    scale   partners  leads  changes/lead  history rows  orders  lines/order  campaigns
    small   100k      100k   5             600k          200k    5            20
    large   100k      1M     4             5M            200k    5            200

Leads get tracked stage changes exactly as Odoo's mail tracking stores them (one
mail.message plus one mail.tracking.value per change; --no-tracking skips them) and,
unless --no-history, the stays of crm_extended's crm.lead.stage.history that its
backfill would build from that tracking: a first stay from the lead's creation, one
per change, the last one open (or closed as lost for an archived lead). The lead's
stage is the last stay's. A lead moves through the pipeline's stages in order, one
change every 6 to 205 hours (its own pace), cycling back to the first stage.

70 % of the leads come from a campaign (with the campaign's medium and source),
campaigns have monthly utm.campaign.cost lines (crm_analytics) over two years. Orders
are confirmed (80 %), draft or cancelled, spread over three years; half of them are
linked to a won opportunity and carry its campaign, medium and source; confirmed
orders get the fulfilment dates and milestone crm_extended computes (prepared,
shipped, delivered, invoiced, paid), without pickings or invoices.
"""

import argparse
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, config

SCALES = {
    "small": {
        "partners": 100_000,
        "leads": 100_000,
        "changes_per_lead": 5,
        "orders": 200_000,
        "lines_per_order": 5,
        "campaigns": 20,
    },
    "large": {
        "partners": 100_000,
        "leads": 1_000_000,
        "changes_per_lead": 4,
        "orders": 200_000,
        "lines_per_order": 5,
        "campaigns": 200,
    },
}
# leads are written in batches of this many, so that one statement's temporary data
# stays small and progress shows
BATCH = 250_000
COST_MONTHS = 24


class Generator:
    def __init__(self, env, args):
        self.env = env
        self.cr = env.cr
        self.args = args
        self.started = time.perf_counter()
        self.phases = []  # (label, rows, seconds)

    # ------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------

    def log(self, message, *args):
        elapsed = time.perf_counter() - self.started
        print(
            f"[{time.strftime('%H:%M:%S')} +{elapsed:7.1f} s] {message % args}",
            flush=True,
        )

    def run(self, label, query):
        """Execute one statement, commit, log and record its row count and time."""
        start = time.perf_counter()
        self.cr.execute(query)
        rows = max(self.cr.rowcount, 0)
        self.cr.commit()  # pylint: disable=invalid-commit  (a generator, not business code)
        seconds = time.perf_counter() - start
        self.log("%s: %s rows in %.1f s", label, f"{rows:,}", seconds)
        self.phases.append((label, rows, seconds))
        return rows

    def fetch(self, query):
        self.cr.execute(query)
        return self.cr.fetchall()

    def batches(self, total):
        """(first, last) lead numbers of each batch, 1-based."""
        for first in range(1, total + 1, BATCH):
            yield first, min(first + BATCH - 1, total)

    # ------------------------------------------------------------
    # steps
    # ------------------------------------------------------------

    def generate(self):
        env, args = self.env, self.args
        # one core and bounded memory per statement: other people use the machine
        self.cr.execute(
            SQL(
                "SET max_parallel_workers_per_gather = 0; SET work_mem = '64MB'; "
                "SET synchronous_commit = off"
            )
        )
        self.company = env.company
        self.stages = env["crm.stage"].search(
            [("team_id", "=", False)], order="sequence, id"
        )
        self.users = env["res.users"].search([("share", "=", False)], limit=10)
        self.teams = env["crm.team"].search([], limit=5)
        self.products = env["product.product"].search(
            [("sale_ok", "=", True)], limit=50
        )
        self.mediums = env["utm.medium"].search([], order="id")
        self.sources = env["utm.source"].search([], order="id")
        needed = (self.stages, self.users, self.teams, self.products)
        if not all(needed) or not (self.mediums and self.sources):
            raise SystemExit(
                "the database needs stages, users, teams, products, UTM mediums and "
                "sources"
            )
        self.log(
            "generating into %s (tag %s): %s partners, %s leads x %s stage changes, "
            "%s orders x %s lines, %s campaigns",
            self.cr.dbname,
            args.tag,
            f"{args.partners:,}",
            f"{args.leads:,}",
            args.changes_per_lead,
            f"{args.orders:,}",
            args.lines_per_order,
            args.campaigns,
        )
        self.generate_partners()
        self.generate_campaigns()
        self.generate_leads()
        if args.tracking:
            self.generate_tracking()
        if args.history:
            self.generate_history()
            self.refresh_later_steps()
            self.order_history()
        self.generate_orders()
        self.generate_order_lines()
        start = time.perf_counter()
        self.cr.execute(SQL("ANALYZE"))
        self.cr.commit()  # pylint: disable=invalid-commit
        self.phases.append(("ANALYZE", 0, time.perf_counter() - start))
        self.log("ANALYZE in %.1f s", self.phases[-1][2])
        self.summary()

    def generate_partners(self):
        tag = self.args.tag
        self.run(
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
                count=self.args.partners,
            ),
        )
        self.cr.execute(
            SQL(
                "UPDATE res_partner SET commercial_partner_id = id "
                "WHERE commercial_partner_id IS NULL AND name LIKE %s",
                f"{tag} customer %",
            )
        )
        [(self.p_min, self.p_max)] = self.fetch(
            SQL(
                "SELECT MIN(id), MAX(id) FROM res_partner WHERE name LIKE %s",
                f"{tag} customer %",
            )
        )
        self.cr.commit()  # pylint: disable=invalid-commit

    def generate_campaigns(self):
        """Campaigns, each with one medium and one source, and a cost line per month
        over two years (a bigger one for every third campaign)."""
        tag, count = self.args.tag, self.args.campaigns
        utm_stage = self.env["utm.stage"].search([], order="sequence, id", limit=1)
        self.run(
            "campaigns",
            SQL(
                """
                INSERT INTO utm_campaign (name, title, user_id, stage_id, company_id,
                       active, is_auto_campaign, color, create_date, write_date,
                       create_uid, write_uid)
                SELECT %(tag)s || ' campaign ' || n,
                       jsonb_build_object('en_US', %(tag)s || ' campaign ' || n),
                       (%(users)s::int[])[1 + mod(n, %(user_count)s)], %(stage)s,
                       %(company)s, TRUE, FALSE, mod(n, 12), now(), now(), 1, 1
                  FROM generate_series(1, %(count)s) n
                """,
                tag=tag,
                users=self.users.ids,
                user_count=len(self.users),
                stage=utm_stage.id,
                company=self.company.id,
                count=count,
            ),
        )
        # campaign k (1-based, in id order) uses medium k and source k (cycling)
        self.campaign_ids = [
            row[0]
            for row in self.fetch(
                SQL(
                    "SELECT id FROM utm_campaign WHERE name LIKE %s ORDER BY id",
                    f"{tag} campaign %",
                )
            )
        ]
        if "utm.campaign.cost" not in self.env:
            self.log("cost lines: skipped, crm_analytics is not installed")
            return
        self.run(
            "campaign cost lines",
            SQL(
                """
                INSERT INTO utm_campaign_cost (campaign_id, medium_id, source_id,
                       company_id, name, date, amount, create_date, write_date,
                       create_uid, write_uid)
                SELECT c.id, (%(mediums)s::int[])[1 + mod(c.k, %(medium_count)s)],
                       (%(sources)s::int[])[1 + mod(c.k, %(source_count)s)],
                       %(company)s, 'Media spend, month ' || m,
                       (date_trunc('month', now() at time zone 'UTC')
                        - make_interval(months => m))::date,
                       CASE WHEN mod(c.k, 3) = 0 THEN 5000 ELSE 800 END
                           + mod(c.k * 97 + m * 31, 700),
                       now(), now(), 1, 1
                  FROM unnest(%(campaigns)s::int[]) WITH ORDINALITY AS c(id, k),
                       generate_series(0, %(months)s - 1) m
                """,
                mediums=self.mediums.ids,
                medium_count=len(self.mediums),
                sources=self.sources.ids,
                source_count=len(self.sources),
                company=self.company.id,
                campaigns=self.campaign_ids,
                months=COST_MONTHS,
            ),
        )

    def _lead_plan(self):
        """SQL of the per-lead numbers every lead step shares, from the lead number n:
        pace (hours between two changes), first stage index (0-based), campaign index
        (0 = none)."""
        return SQL(
            """
            (6 + mod(n::bigint * 31, 200))::int AS pace,
            mod(n, %(stage_count)s) AS first_stage,
            CASE WHEN mod(n, 10) < 7
                 THEN 1 + mod(n::bigint * 7, %(campaign_count)s) ELSE 0 END AS campaign
            """,
            stage_count=len(self.stages),
            campaign_count=max(len(self.campaign_ids), 1),
        )

    def generate_leads(self):
        args = self.args
        changes = args.changes_per_lead
        won = [stage.is_won for stage in self.stages]
        for first, last in self.batches(args.leads):
            self.run(
                f"leads {first:,}-{last:,}",
                SQL(
                    """
                    INSERT INTO crm_lead (name, type, active, stage_id, partner_id,
                           user_id, team_id, company_id, expected_revenue, probability,
                           priority, campaign_id, medium_id, source_id, date_closed,
                           create_date, write_date, create_uid, write_uid,
                           date_last_stage_update, date_open)
                    SELECT %(tag)s || ' deal ' || n, 'opportunity',
                           NOT (mod(n, 10) = 0 AND NOT is_won),
                           (%(stages)s::int[])[1 + last_stage],
                           %(p_min)s + mod(n::bigint * 7919, %(p_max)s - %(p_min)s + 1),
                           (%(users)s::int[])[1 + mod(n, %(user_count)s)],
                           (%(teams)s::int[])[1 + mod(n, %(team_count)s)],
                           %(company)s, 500 + mod(n::bigint * 37, 20000),
                           CASE WHEN is_won THEN 100
                                WHEN mod(n, 10) = 0 THEN 0 ELSE 10 END, '1',
                           (%(campaigns)s::int[])[NULLIF(campaign, 0)],
                           CASE WHEN campaign > 0
                                THEN (%(mediums)s::int[])[1 + mod(campaign, %(mc)s)]
                                WHEN mod(n, 2) = 0
                                THEN (%(mediums)s::int[])[1 + mod(n, %(mc)s)] END,
                           CASE WHEN campaign > 0
                                THEN (%(sources)s::int[])[1 + mod(campaign, %(sc)s)]
                                WHEN mod(n, 2) = 0
                                THEN (%(sources)s::int[])[1 + mod(n, %(sc)s)] END,
                           CASE WHEN is_won THEN last_change
                                WHEN mod(n, 10) = 0
                                THEN last_change + make_interval(hours => pace) END,
                           created, last_change, 1, 1, last_change, created
                      FROM (
                            SELECT n, plan.*, created,
                                   mod(first_stage + %(changes)s, %(stage_count)s)
                                       AS last_stage,
                                   (%(won)s::bool[])[1 + mod(first_stage + %(changes)s,
                                                            %(stage_count)s)] AS is_won,
                                   created + make_interval(
                                       hours => (plan.pace * %(changes)s)::int)
                                       AS last_change
                              FROM generate_series(%(first)s, %(last)s) n,
                                   LATERAL (SELECT %(plan)s) plan,
                                   LATERAL (
                                SELECT date_trunc('second', now() at time zone 'UTC')
                                       - make_interval(days => 1 + mod(n, 700)::int)
                                       - make_interval(hours => (
                                           plan.pace * (%(changes)s + 1))::int)
                                       AS created) c
                      ) lead
                    """,
                    tag=args.tag,
                    plan=self._lead_plan(),
                    stages=self.stages.ids,
                    stage_count=len(self.stages),
                    won=won,
                    changes=changes,
                    p_min=self.p_min,
                    p_max=self.p_max,
                    users=self.users.ids,
                    user_count=len(self.users),
                    teams=self.teams.ids,
                    team_count=len(self.teams),
                    company=self.company.id,
                    campaigns=self.campaign_ids or [None],
                    mediums=self.mediums.ids,
                    mc=len(self.mediums),
                    sources=self.sources.ids,
                    sc=len(self.sources),
                    first=first,
                    last=last,
                ),
            )
        # lead number n -> id, kept for the steps below (ids follow n in one INSERT,
        # but another session's inserts may interleave: do not rely on arithmetic)
        self.run(
            "lead numbering (temporary table)",
            SQL(
                """
                CREATE TEMP TABLE bench_lead AS
                SELECT id, create_date, active, stage_id,
                       ROW_NUMBER() OVER (ORDER BY id) AS n
                  FROM crm_lead WHERE name LIKE %s
                """,
                f"{args.tag} deal %",
            ),
        )
        self.cr.execute(
            SQL("CREATE UNIQUE INDEX ON bench_lead (n); ANALYZE bench_lead")
        )
        self.cr.commit()  # pylint: disable=invalid-commit

    def _changes(self, first, last):
        """Rows (lead_id, i, at, old_stage, new_stage) of changes 1..k of the leads
        numbered first..last: change i moves a lead from its stage i-1 to stage i of
        its path, pace hours after the previous one."""
        return SQL(
            """
            SELECT lead.id AS lead_id, i,
                   lead.create_date
                       + make_interval(hours => (plan.pace * i)::int) AS at,
                   (%(stages)s::int[])[1 + mod(plan.first_stage + i - 1, %(sc)s)]
                       AS old_stage,
                   (%(stages)s::int[])[1 + mod(plan.first_stage + i, %(sc)s)]
                       AS new_stage
              FROM bench_lead lead,
                   LATERAL (SELECT %(plan)s FROM (SELECT lead.n AS n) x) plan,
                   generate_series(1, %(changes)s) i
             WHERE lead.n BETWEEN %(first)s AND %(last)s
            """,
            stages=self.stages.ids,
            sc=len(self.stages),
            plan=self._lead_plan(),
            changes=self.args.changes_per_lead,
            first=first,
            last=last,
        )

    def generate_tracking(self):
        """Stage changes as Odoo tracks them: a message and a tracking value each."""
        field = self.env["ir.model.fields"]._get("crm.lead", "stage_id")
        for first, last in self.batches(self.args.leads):
            self.run(
                f"tracked stage changes, leads {first:,}-{last:,}",
                SQL(
                    """
                    WITH changes AS (%(changes)s), messages AS (
                        INSERT INTO mail_message (model, res_id, message_type, date,
                               author_id, create_date, write_date, create_uid,
                               write_uid, body)
                        SELECT 'crm.lead', lead_id, 'notification', at, %(author)s,
                               at, at, 1, 1, NULL
                          FROM changes
                     RETURNING id, res_id, date
                    )
                    INSERT INTO mail_tracking_value (mail_message_id, field_id,
                           old_value_integer, new_value_integer, create_date,
                           write_date, create_uid, write_uid)
                    SELECT messages.id, %(field)s, changes.old_stage,
                           changes.new_stage, messages.date, messages.date, 1, 1
                      FROM messages
                      JOIN changes ON changes.lead_id = messages.res_id
                                  AND changes.at = messages.date
                    """,
                    changes=self._changes(first, last),
                    field=field.id,
                    author=self.env.user.partner_id.id,
                ),
            )

    def generate_history(self):
        """crm_extended's stays, as its backfill builds them from the tracking: stay 0
        from the creation in the first stage, stay i from change i; each ends when the
        next begins; the last stays open, or ends as lost when the lead is archived."""
        changes = self.args.changes_per_lead
        for first, last in self.batches(self.args.leads):
            self.run(
                f"stage history, leads {first:,}-{last:,}",
                SQL(
                    """
                    INSERT INTO crm_lead_stage_history (lead_id, stage_from_id,
                           stage_to_id, funnel_step_from, funnel_step, user_id,
                           salesperson_id, team_id, company_id, date_entered,
                           date_left, duration_days, exit_reason, expected_revenue,
                           create_uid, create_date, write_uid, write_date)
                    SELECT stay.lead_id, stage_from.id, stage_to.id,
                           stage_from.funnel_step, stage_to.funnel_step, %(uid)s,
                           lead.user_id, lead.team_id, lead.company_id, stay.entered,
                           stay.left_at,
                           EXTRACT(EPOCH FROM (stay.left_at - stay.entered)) / 86400,
                           CASE WHEN stay.i < %(changes)s THEN 'moved'
                                WHEN stay.left_at IS NOT NULL THEN 'lost' END,
                           lead.expected_revenue, %(uid)s, now() at time zone 'UTC',
                           %(uid)s, now() at time zone 'UTC'
                      FROM (
                            SELECT bl.id AS lead_id, i,
                                   CASE WHEN i > 0 THEN (%(stages)s::int[])[
                                       1 + mod(plan.first_stage + i - 1, %(sc)s)] END
                                       AS from_id,
                                   (%(stages)s::int[])[
                                       1 + mod(plan.first_stage + i, %(sc)s)] AS to_id,
                                   bl.create_date + make_interval(
                                       hours => (plan.pace * i)::int) AS entered,
                                   CASE WHEN i < %(changes)s
                                        THEN bl.create_date + make_interval(
                                            hours => (plan.pace * (i + 1))::int)
                                        WHEN NOT bl.active
                                        THEN bl.create_date + make_interval(
                                            hours => (plan.pace * (i + 1))::int)
                                   END AS left_at
                              FROM bench_lead bl,
                                   LATERAL (SELECT %(plan)s FROM (SELECT bl.n AS n) x)
                                       plan,
                                   generate_series(0, %(changes)s) i
                             WHERE bl.n BETWEEN %(first)s AND %(last)s
                      ) stay
                      JOIN crm_lead lead ON lead.id = stay.lead_id
                      LEFT JOIN crm_stage stage_from ON stage_from.id = stay.from_id
                      JOIN crm_stage stage_to ON stage_to.id = stay.to_id
                    """,
                    changes=changes,
                    stages=self.stages.ids,
                    sc=len(self.stages),
                    plan=self._lead_plan(),
                    uid=self.env.uid,
                    first=first,
                    last=last,
                ),
            )

    def refresh_later_steps(self):
        """What each lead did after each stay (crm_extended keeps it on the stays for
        the funnel reports), as the ORM hooks would have written it."""
        history = self.env["crm.lead.stage.history"]
        if "later_rank" not in history._fields:
            return
        start = time.perf_counter()
        history._refresh_later_steps()
        rows = max(self.cr.rowcount, 0)
        self.cr.commit()  # pylint: disable=invalid-commit
        seconds = time.perf_counter() - start
        self.log("later steps of the stays: %s rows in %.1f s", f"{rows:,}", seconds)
        self.phases.append(("later steps of the stays", rows, seconds))

    def order_history(self):
        """Store the stays in the order they happened. A live database writes a stay
        when its lead changes stage, so the rows follow their entry dates; this
        generator writes them lead by lead, which spreads one month's stays over the
        whole table: reading a month's 100k stays then touched 22,700 pages and took
        0.21 s instead of 0.035 s."""
        self.run(
            "stays stored in entry-date order",
            SQL(
                "CLUSTER crm_lead_stage_history "
                "USING crm_lead_stage_history_entered_step_idx"
            ),
        )

    def generate_orders(self):
        """Orders: 80 % confirmed, 10 % draft, 10 % cancelled. Half of the orders
        come from a won opportunity (its partner, campaign, medium and source). A
        confirmed order reaches a milestone by its number: confirmed, preparing,
        shipped, delivered, invoiced or paid, with the dates of each step."""
        args = self.args
        self.run(
            "sales orders",
            SQL(
                """
                WITH won AS (
                    SELECT lead.id, lead.partner_id, lead.campaign_id, lead.medium_id,
                           lead.source_id, ROW_NUMBER() OVER (ORDER BY lead.id) AS k
                      FROM bench_lead bl
                      JOIN crm_lead lead ON lead.id = bl.id
                     WHERE lead.probability = 100
                ), orders AS (
                    SELECT n,
                           CASE WHEN mod(n, 10) < 8 THEN 'sale'
                                WHEN mod(n, 10) = 8 THEN 'draft' ELSE 'cancel' END
                               AS state,
                           CASE WHEN mod(n, 10) < 8 THEN mod(n / 10, 10)
                               END AS milestone,
                           date_trunc('second', now() at time zone 'UTC')
                               - make_interval(days => mod(n::bigint * 13, 1095)::int)
                               AS ordered,
                           %(p_min)s
                               + mod(n::bigint * 104729, %(p_max)s - %(p_min)s + 1)
                               AS partner,
                           100 + mod(n::bigint * 31, 5000) AS amount,
                           now() at time zone 'UTC' AS now_utc,
                           CASE WHEN mod(n / 100, 2) = 0
                                THEN 1 + mod(n::bigint * 7919, GREATEST(
                                    (SELECT COUNT(*) FROM won), 1)) END AS won_k
                      FROM generate_series(1, %(count)s) n
                )
                INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                       partner_shipping_id, company_id, date_order, state,
                       picking_policy, amount_untaxed, amount_tax, amount_total,
                       currency_rate, user_id, team_id, opportunity_id, campaign_id,
                       medium_id, source_id, invoice_status, date_sent, date_confirmed,
                       date_cancelled, date_preparing, date_shipped, date_delivered,
                       date_invoiced, date_paid, fulfilment_milestone, create_date,
                       write_date, create_uid, write_uid)
                SELECT %(tag)s || '/SO/' || o.n, p.partner, p.partner, p.partner,
                       %(company)s, o.ordered, o.state, 'direct', o.amount, 0, o.amount,
                       1, (%(users)s::int[])[1 + mod(o.n, %(user_count)s)],
                       (%(teams)s::int[])[1 + mod(o.n, %(team_count)s)],
                       won.id, won.campaign_id, won.medium_id, won.source_id,
                       CASE WHEN o.state <> 'sale' THEN 'no'
                            WHEN o.milestone >= 5 THEN 'invoiced'
                            ELSE 'to invoice' END,
                       CASE WHEN mod(o.n, 3) = 0 OR o.state = 'sale'
                            THEN o.ordered - interval '2 days' END,
                       CASE WHEN o.state = 'sale' THEN o.ordered END,
                       CASE WHEN o.state = 'cancel'
                            THEN o.ordered + interval '1 day' END,
                       CASE WHEN o.milestone >= 2 THEN d.preparing END,
                       CASE WHEN o.milestone >= 3 THEN d.shipped END,
                       CASE WHEN o.milestone >= 4 THEN d.delivered END,
                       CASE WHEN o.milestone >= 5 THEN d.invoiced::date END,
                       CASE WHEN o.milestone >= 7 THEN d.paid::date END,
                       CASE WHEN o.state = 'cancel' THEN 'cancelled'
                            WHEN o.state = 'draft' AND mod(o.n, 3) = 0 THEN 'sent'
                            WHEN o.state = 'draft' THEN 'quotation'
                            WHEN o.milestone >= 7 THEN 'paid'
                            WHEN o.milestone >= 5 THEN 'invoiced'
                            WHEN o.milestone = 4 THEN 'delivered'
                            WHEN o.milestone = 3 THEN 'shipped'
                            WHEN o.milestone = 2 THEN 'preparing'
                            ELSE 'confirmed' END,
                       o.ordered, o.ordered, 1, 1
                  FROM orders o
                  LEFT JOIN won ON won.k = o.won_k
                  CROSS JOIN LATERAL (
                        SELECT COALESCE(won.partner_id, o.partner) AS partner) p
                  CROSS JOIN LATERAL (
                    SELECT LEAST(o.ordered + interval '1 day', o.now_utc) AS preparing,
                           LEAST(o.ordered + interval '3 days', o.now_utc) AS shipped,
                           LEAST(o.ordered + interval '5 days', o.now_utc) AS delivered,
                           LEAST(o.ordered + interval '7 days', o.now_utc) AS invoiced,
                           LEAST(o.ordered + interval '21 days', o.now_utc) AS paid) d
                """,
                tag=args.tag,
                company=self.company.id,
                users=self.users.ids,
                user_count=len(self.users),
                teams=self.teams.ids,
                team_count=len(self.teams),
                p_min=self.p_min,
                p_max=self.p_max,
                count=args.orders,
            ),
        )

    def generate_order_lines(self):
        per_order = self.args.lines_per_order
        self.run(
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
                       so.amount_untaxed / %(per_order)s,
                       so.amount_untaxed / %(per_order)s,
                       so.state, so.company_id, %(currency)s, now(), now(), 1, 1
                  FROM sale_order so, generate_series(1, %(per_order)s) i
                 WHERE so.name LIKE %(pattern)s
                """,
                products=self.products.ids,
                pc=len(self.products),
                per_order=per_order,
                currency=self.company.currency_id.id,
                pattern=f"{self.args.tag}/SO/%",
            ),
        )

    def summary(self):
        total = time.perf_counter() - self.started
        print("\nsummary")
        print(f"  {'step':<48} {'rows':>12} {'seconds':>9}")
        for label, rows, seconds in self.phases:
            print(f"  {label:<48} {rows:>12,} {seconds:>9.1f}")
        [(size,)] = self.fetch(
            SQL("SELECT pg_size_pretty(pg_database_size(current_database()))")
        )
        print(f"  {'total':<48} {'':>12} {total:>9.1f}")
        print(f"  database {self.cr.dbname}: {size}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tag", default="bench")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    for name in SCALES["small"]:
        parser.add_argument(f"--{name.replace('_', '-')}", type=int)
    parser.add_argument(
        "--no-tracking",
        dest="tracking",
        action="store_false",
        help="no mail.message / mail.tracking.value for the stage changes",
    )
    parser.add_argument(
        "--no-history",
        dest="history",
        action="store_false",
        help="no crm.lead.stage.history rows (to measure crm_extended's backfill)",
    )
    args = parser.parse_args()
    for name, value in SCALES[args.scale].items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        Generator(api.Environment(cr, SUPERUSER_ID, {}), args).generate()


if __name__ == "__main__":
    main()
