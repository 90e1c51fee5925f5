# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class CrmKpiReport(models.Model):
    """KPI board: what each salesperson did in a month, with their team and HR
    department.

    Rows add up events attributed to a person: deals won and lost (closing month),
    leads received and how fast someone reacted to them (creation month), activities
    done and still overdue, calls with their outcome, helpdesk tickets solved and SLA
    breaches, and the salesperson's revenue target (a quarter target counts a third
    per month). The team is the salesperson's main sales team, or the record's team
    when nobody is assigned. Team targets stay on the targets themselves: adding them
    here would count the revenue target twice in team totals.
    """

    _name = "crm.kpi.report"
    _description = "Sales KPI Board"
    _inherit = ["crm.report.ratio.mixin"]
    _auto = False
    _rec_name = "user_id"
    _order = "date desc, user_id"
    # pending ORM writes to flush before reading the view
    _depends = {
        "crm.lead": [
            "create_date",
            "date_closed",
            "company_id",
            "user_id",
            "team_id",
            "active",
            "probability",
            "expected_revenue",
        ],
        "mail.activity": [
            "create_date",
            "res_model",
            "res_id",
            "user_id",
            "date_deadline",
            "active",
        ],
        "mail.message": [
            "model",
            "res_id",
            "mail_activity_type_id",
            "message_type",
            "author_id",
            "date",
        ],
        "res.users": ["partner_id", "share", "sale_team_id", "company_id"],
        "crm.call": [
            "lead_id",
            "date_start",
            "company_id",
            "user_id",
            "team_id",
            "outcome",
        ],
        "helpdesk.ticket": [
            "closed_date",
            "sla_deadline",
            "company_id",
            "user_id",
            "stage_id",
        ],
        "helpdesk.ticket.stage": ["closed"],
        "crm.target": [
            "date_from",
            "date_to",
            "company_id",
            "user_id",
            "target_revenue",
            "period",
        ],
        "hr.employee": ["user_id", "department_id", "active", "company_id"],
        "survey.user_input": [
            "state",
            "end_datetime",
            "sale_order_id",
            "helpdesk_ticket_id",
            "crm_feedback_kind",
            "crm_feedback_score",
            "crm_feedback_answered",
        ],
        "sale.order": ["user_id", "team_id", "company_id"],
    }

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    # additive measures
    won_revenue = fields.Monetary(readonly=True)
    target_revenue = fields.Monetary(string="Revenue Target", readonly=True)
    won_count = fields.Integer(string="Won Deals", readonly=True)
    lost_count = fields.Integer(string="Lost Deals", readonly=True)
    closed_count = fields.Integer(string="Closed Deals", readonly=True)
    cycle_days = fields.Float(
        string="Won Cycle Days (total)",
        readonly=True,
        help="Days from creation to winning, added up over the won deals.",
    )
    leads_received = fields.Integer(readonly=True)
    leads_responded = fields.Integer(readonly=True)
    response_hours = fields.Float(
        string="Response Hours (total)",
        readonly=True,
        help="Hours from a lead's creation to the first activity, message from an "
        "employee or call, added up over the leads with a response.",
    )
    activities_done = fields.Integer(readonly=True)
    activities_overdue = fields.Integer(readonly=True)
    calls = fields.Integer(string="Calls Made", readonly=True)
    calls_interested = fields.Integer(string="Calls: Interested", readonly=True)
    calls_callback = fields.Integer(string="Calls: Call Back", readonly=True)
    calls_no_answer = fields.Integer(string="Calls: No Answer", readonly=True)
    calls_not_interested = fields.Integer(string="Calls: Not Interested", readonly=True)
    calls_wrong_number = fields.Integer(string="Calls: Wrong Number", readonly=True)
    tickets_solved = fields.Integer(readonly=True)
    sla_breaches = fields.Integer(string="SLA Breaches", readonly=True)
    # customer feedback (crm_portal): order answers count for the order's
    # salesperson, ticket answers for the ticket's agent, at the answer's month
    nps_answers = fields.Integer(string="NPS Answers", readonly=True)
    nps_promoters = fields.Integer(string="NPS Promoters", readonly=True)
    nps_detractors = fields.Integer(string="NPS Detractors", readonly=True)
    csat_answers = fields.Integer(string="CSAT Answers", readonly=True)
    csat_total = fields.Integer(
        string="CSAT Points (total)",
        readonly=True,
        help="CSAT scores (1 to 5) added up over the answers.",
    )
    # ratios, recomputed from the sums in read_group (crm.report.ratio.mixin)
    attainment = fields.Float(
        string="Target Attainment (%)",
        readonly=True,
        help="Won revenue against the revenue target.",
    )
    win_rate = fields.Float(
        string="Win Rate (%)", readonly=True, help="Won deals / closed deals."
    )
    avg_cycle_days = fields.Float(string="Average Cycle (days)", readonly=True)
    avg_response_hours = fields.Float(string="Average Response (hours)", readonly=True)
    nps = fields.Float(
        string="NPS",
        readonly=True,
        help="% of promoters (9-10) minus % of detractors (0-6) among the NPS answers.",
    )
    csat = fields.Float(
        string="CSAT", readonly=True, help="Average CSAT score (1 to 5) of the answers."
    )

    @api.model
    def _get_ratio_definitions(self):
        return {
            "attainment": ({"won_revenue": 1}, "target_revenue", 100),
            "win_rate": ({"won_count": 1}, "closed_count", 100),
            "avg_cycle_days": ({"cycle_days": 1}, "won_count", 1),
            "avg_response_hours": ({"response_hours": 1}, "leads_responded", 1),
            "nps": ({"nps_promoters": 1, "nps_detractors": -1}, "nps_answers", 100),
            "csat": ({"csat_total": 1}, "csat_answers", 1),
        }

    @property
    def _table_query(self):
        return self._query()

    def _measures(self):
        """Measure columns of the event queries, in their SELECT order."""
        return [
            "won_revenue",
            "target_revenue",
            "won_count",
            "lost_count",
            "cycle_days",
            "leads_received",
            "leads_responded",
            "response_hours",
            "activities_done",
            "activities_overdue",
            "calls",
            "calls_interested",
            "calls_callback",
            "calls_no_answer",
            "calls_not_interested",
            "calls_wrong_number",
            "tickets_solved",
            "sla_breaches",
            "nps_answers",
            "nps_promoters",
            "nps_detractors",
            "csat_answers",
            "csat_total",
        ]

    def _event(self, key, date, company, user, team, from_clause, **measures):
        """One event SELECT: ``key`` unique among its rows, the given measures, 0
        for the others."""
        columns = [
            SQL("COALESCE(%s, 0)::numeric AS %s", measures[name], SQL.identifier(name))
            if name in measures
            else SQL("0::numeric AS %s", SQL.identifier(name))
            for name in self._measures()
        ]
        return SQL(
            "SELECT %s AS row_key, DATE_TRUNC('month', %s)::date AS date, "
            "%s AS company_id, %s AS user_id, %s AS team_id, %s %s",
            key,
            date,
            company,
            user,
            team,
            SQL(", ").join(columns),
            from_clause,
        )

    def _event_queries(self):
        """Hook: one SELECT per kind of event (see ``_event``)."""
        return [
            self._won_lost_query(),
            self._lead_response_query(),
            self._activity_done_query(),
            self._activity_overdue_query(),
            self._call_query(),
            self._ticket_query(),
            self._target_query(),
            self._feedback_query(),
        ]

    def _query(self):
        sums = SQL(", ").join(
            SQL("SUM(e.%s) AS %s", SQL.identifier(name), SQL.identifier(name))
            for name in self._measures()
        )
        return SQL(
            """
            SELECT r.*,
                   dep.department_id,
                   %(ratios)s
              FROM (
                SELECT MIN(e.event_key) AS id, e.date, e.company_id, e.user_id,
                       COALESCE(u.sale_team_id, e.team_id) AS team_id,
                       %(sums)s,
                       SUM(e.won_count + e.lost_count) AS closed_count
                  FROM (%(events)s) e
             LEFT JOIN res_users u ON u.id = e.user_id
                 WHERE e.date IS NOT NULL
              GROUP BY e.date, e.company_id, e.user_id,
                       COALESCE(u.sale_team_id, e.team_id)
              ) r
         LEFT JOIN LATERAL (
                SELECT emp.department_id
                  FROM hr_employee emp
                 WHERE emp.user_id = r.user_id AND emp.active
              ORDER BY emp.company_id = r.company_id DESC, emp.id
                 LIMIT 1
              ) dep ON TRUE
            """,
            ratios=self._ratio_select_sql("r"),
            sums=sums,
            events=self._union_events_sql(self._event_queries()),
        )

    def _won_lost_query(self):
        """Won (active, probability 100) and lost (archived, probability 0) deals at
        their closing month."""
        won = SQL("l.active AND l.probability >= 100")
        return self._event(
            SQL("l.id"),
            SQL("l.date_closed"),
            SQL("l.company_id"),
            SQL("l.user_id"),
            SQL("l.team_id"),
            SQL(
                "FROM crm_lead l WHERE l.date_closed IS NOT NULL "
                "AND ((l.active AND l.probability >= 100) "
                "OR (NOT l.active AND l.probability = 0))"
            ),
            won_revenue=SQL("CASE WHEN %s THEN l.expected_revenue END", won),
            won_count=SQL("CASE WHEN %s THEN 1 END", won),
            lost_count=SQL("CASE WHEN %s THEN 0 ELSE 1 END", won),
            cycle_days=SQL(
                "CASE WHEN %s THEN EXTRACT(EPOCH FROM l.date_closed - l.create_date)"
                " / 86400 END",
                won,
            ),
        )

    def _lead_response_query(self):
        """Leads at their creation month, with the delay to the first reaction: an
        activity planned, a message or e-mail written by an employee, an activity
        done or a call."""
        first = SQL(
            """
            LEFT JOIN LATERAL (
                SELECT MIN(t.at) AS at FROM (
                    SELECT a.create_date AS at FROM mail_activity a
                     WHERE a.res_model = 'crm.lead' AND a.res_id = l.id
                    UNION ALL
                    SELECT m.date FROM mail_message m
                     WHERE m.model = 'crm.lead' AND m.res_id = l.id
                       AND (m.mail_activity_type_id IS NOT NULL
                            OR (m.message_type IN ('comment', 'email')
                                AND EXISTS (SELECT 1 FROM res_users mu
                                             WHERE mu.partner_id = m.author_id
                                               AND NOT mu.share)))
                    UNION ALL
                    SELECT c.date_start FROM crm_call c WHERE c.lead_id = l.id
                ) t WHERE t.at >= l.create_date
            ) first ON TRUE
            """
        )
        return self._event(
            SQL("l.id"),
            SQL("l.create_date"),
            SQL("l.company_id"),
            SQL("l.user_id"),
            SQL("l.team_id"),
            SQL("FROM crm_lead l %s", first),
            leads_received=SQL("1"),
            leads_responded=SQL("CASE WHEN first.at IS NOT NULL THEN 1 END"),
            response_hours=SQL("EXTRACT(EPOCH FROM first.at - l.create_date) / 3600"),
        )

    def _activity_done_query(self):
        """Activities marked done (their feedback message), by their author."""
        return self._event(
            SQL("m.id"),
            SQL("m.date"),
            SQL("COALESCE(l.company_id, u.company_id)"),
            SQL("u.id"),
            SQL("l.team_id"),
            SQL(
                """
                FROM mail_message m
                JOIN res_users u ON u.partner_id = m.author_id AND NOT u.share
           LEFT JOIN crm_lead l ON m.model = 'crm.lead' AND l.id = m.res_id
               WHERE m.mail_activity_type_id IS NOT NULL
                 AND m.message_type = 'notification'
                """
            ),
            activities_done=SQL("1"),
        )

    def _activity_overdue_query(self):
        """Open activities past their deadline, at the deadline's month."""
        return self._event(
            SQL("a.id"),
            SQL("a.date_deadline"),
            SQL("COALESCE(l.company_id, u.company_id)"),
            SQL("a.user_id"),
            SQL("l.team_id"),
            SQL(
                """
                FROM mail_activity a
                JOIN res_users u ON u.id = a.user_id
           LEFT JOIN crm_lead l ON a.res_model = 'crm.lead' AND l.id = a.res_id
               WHERE a.active AND a.date_deadline < CURRENT_DATE
                """
            ),
            activities_overdue=SQL("1"),
        )

    def _call_query(self):
        def outcome(value):
            return SQL("CASE WHEN c.outcome = %s THEN 1 END", value)

        return self._event(
            SQL("c.id"),
            SQL("c.date_start"),
            SQL("c.company_id"),
            SQL("c.user_id"),
            SQL("c.team_id"),
            SQL("FROM crm_call c"),
            calls=SQL("1"),
            calls_interested=outcome("interested"),
            calls_callback=outcome("callback"),
            calls_no_answer=outcome("no_answer"),
            calls_not_interested=outcome("not_interested"),
            calls_wrong_number=outcome("wrong_number"),
        )

    def _ticket_query(self):
        """Tickets solved (closed) at their closing month, and SLA breaches: closed
        after the SLA deadline, or still open past it (at the deadline's month)."""
        breached = SQL(
            "t.sla_deadline < COALESCE(t.closed_date, NOW() AT TIME ZONE 'UTC')"
        )
        return self._event(
            SQL("t.id"),
            SQL("COALESCE(t.closed_date, t.sla_deadline)"),
            SQL("t.company_id"),
            SQL("t.user_id"),
            SQL("NULL::integer"),
            SQL(
                """
                FROM helpdesk_ticket t
                JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
               WHERE t.user_id IS NOT NULL
                 AND ((s.closed AND t.closed_date IS NOT NULL)
                      OR t.sla_deadline < COALESCE(t.closed_date,
                                                   NOW() AT TIME ZONE 'UTC'))
                """
            ),
            tickets_solved=SQL(
                "CASE WHEN s.closed AND t.closed_date IS NOT NULL THEN 1 END"
            ),
            sla_breaches=SQL("CASE WHEN %s THEN 1 END", breached),
        )

    def _target_query(self):
        """Salesperson revenue targets, spread evenly over the months they cover."""
        # a VALUES list rather than generate_series(): its row estimate (1000 per
        # target) made the planner expect millions of rows and pay seconds of JIT
        return self._event(
            SQL("tg.id * 3 + month.shift"),
            SQL("tg.date_from + month.shift * INTERVAL '1 month'"),
            SQL("tg.company_id"),
            SQL("tg.user_id"),
            SQL("NULL::integer"),
            SQL(
                """
                FROM crm_target tg
                JOIN (VALUES (0), (1), (2)) AS month(shift)
                  ON tg.date_from + month.shift * INTERVAL '1 month' <= tg.date_to
               WHERE tg.user_id IS NOT NULL
                """
            ),
            target_revenue=SQL(
                "tg.target_revenue / CASE WHEN tg.period = 'quarter' THEN 3 ELSE 1 END"
            ),
        )

    def _feedback_query(self):
        """Answered NPS/CSAT surveys (crm_portal) at the answer's month: about an
        order for its salesperson, about a ticket for its agent."""

        def kind(value, then):
            return SQL("CASE WHEN ui.crm_feedback_kind = %s THEN %s END", value, then)

        return self._event(
            SQL("ui.id"),
            SQL("ui.end_datetime"),
            SQL("COALESCE(so.company_id, t.company_id)"),
            SQL("COALESCE(so.user_id, t.user_id)"),
            SQL("so.team_id"),
            SQL(
                """
                FROM survey_user_input ui
           LEFT JOIN sale_order so ON so.id = ui.sale_order_id
           LEFT JOIN helpdesk_ticket t ON t.id = ui.helpdesk_ticket_id
               WHERE ui.state = 'done' AND ui.crm_feedback_answered
                 AND ui.crm_feedback_kind IS NOT NULL
                 AND COALESCE(so.user_id, t.user_id) IS NOT NULL
                """
            ),
            nps_answers=kind("nps", SQL("1")),
            nps_promoters=kind("nps", SQL("(ui.crm_feedback_score >= 9)::int")),
            nps_detractors=kind("nps", SQL("(ui.crm_feedback_score <= 6)::int")),
            csat_answers=kind("csat", SQL("1")),
            csat_total=kind("csat", SQL("ui.crm_feedback_score")),
        )
