# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.crm_extended.models.crm_lead_stage_history import EXIT_REASONS
from odoo.addons.crm_extended.models.crm_stage import FUNNEL_STEPS

STEP_KEYS = [key for key, _label in FUNNEL_STEPS]


def _step_rank(column):
    """SQL rank of a funnel step column (1 = new ... 6 = won, 0 = no step)."""
    return SQL(
        "CASE %s %s ELSE 0 END",
        column,
        SQL(" ").join(
            SQL("WHEN %s THEN %s", key, rank)
            for rank, key in enumerate(STEP_KEYS, start=1)
        ),
    )


class CrmFunnelReport(models.Model):
    """Funnel analysis: one row per stay of a lead in a stage (crm.lead.stage.history),
    with what the lead, its customer, its quotation and its salesperson looked like.

    The measures are per stay, so the pivot sums and averages them correctly:
    ``entered_count`` is 1 per stay, ``moved_count``/``lost_count``/``stayed_count``
    say how the stay ended, ``advanced_count`` is 1 when the lead later reached a
    further funnel step and ``won_count`` when it was won afterwards. The conversion
    rates are the same flags as 0/100 averaged, so a pivot cell shows the rate of the
    stays it groups; the conversion to the next step counts the stays already left
    (empty while the lead is still there, and on the Won step, which has no next step).
    """

    _name = "crm.funnel.report"
    _description = "Funnel Analysis"
    _auto = False
    _order = "date_entered desc, id desc"
    _rec_name = "name"

    # Dimensions
    lead_id = fields.Many2one("crm.lead", string="Lead/Opportunity", readonly=True)
    # read from the view's own join: a row's name, and the export's lead column,
    # without a second join on the leads
    name = fields.Char(string="Lead/Opportunity Name", readonly=True)
    funnel_step = fields.Selection(FUNNEL_STEPS, readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    date_entered = fields.Datetime(string="Entered on", readonly=True)
    date_left = fields.Datetime(string="Left on", readonly=True)
    exit_reason = fields.Selection(EXIT_REASONS, readonly=True)
    lost_reason_id = fields.Many2one("crm.lost.reason", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    salesperson_id = fields.Many2one("res.users", readonly=True)
    department_id = fields.Many2one(
        "hr.department",
        readonly=True,
        help="Department of the salesperson's employee.",
    )
    medium_id = fields.Many2one("utm.medium", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    rfm_segment = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["rfm_segment"]
        ._description_selection(self.env),
        string="RFM Segment",
        readonly=True,
    )
    abc_class = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["abc_class"]
        ._description_selection(self.env),
        string="ABC Class",
        readonly=True,
    )
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        readonly=True,
        help="Category of the largest line of the lead's quotations.",
    )
    country_id = fields.Many2one("res.country", readonly=True)
    state_id = fields.Many2one("res.country.state", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    company_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True
    )
    # Measures
    entered_count = fields.Integer(string="Entered", readonly=True)
    moved_count = fields.Integer(string="Moved On", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    stayed_count = fields.Integer(string="Still There", readonly=True)
    advanced_count = fields.Integer(string="Reached a Next Step", readonly=True)
    won_count = fields.Integer(string="Won Later", readonly=True)
    conversion_next_rate = fields.Float(
        string="Conversion to Next Step (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )
    conversion_won_rate = fields.Float(
        string="Conversion to Won (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    duration_days = fields.Float(
        string="Days in Step",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Days the lead spent in the stage (stays already left).",
    )
    expected_revenue = fields.Monetary(
        readonly=True, currency_field="company_currency_id"
    )

    # ------------------------------------------------------------
    # VIEW
    # ------------------------------------------------------------

    def _select(self):
        # what the lead did after this stay: crm_extended keeps it on the stay
        # (later_rank, won_later), so no per-row lookup of the later stays
        won_later = SQL(
            "CASE WHEN stay.funnel_step = 'won' OR stay.won_later THEN 1 ELSE 0 END"
        )
        advanced = SQL(
            """CASE WHEN stay.funnel_step = 'won' OR stay.date_left IS NULL THEN NULL
                    WHEN stay.later_rank > %s THEN 1 ELSE 0 END""",
            _step_rank(SQL("stay.funnel_step")),
        )
        return SQL(
            """
            stay.id AS id,
            stay.lead_id AS lead_id,
            lead.name AS name,
            stay.funnel_step AS funnel_step,
            stay.stage_to_id AS stage_id,
            stay.date_entered AS date_entered,
            stay.date_left AS date_left,
            stay.exit_reason AS exit_reason,
            CASE WHEN stay.exit_reason = 'lost' THEN lead.lost_reason_id END
                AS lost_reason_id,
            stay.team_id AS team_id,
            stay.salesperson_id AS salesperson_id,
            COALESCE(employee_here.department_id, employee.department_id)
                AS department_id,
            lead.medium_id AS medium_id,
            lead.source_id AS source_id,
            lead.campaign_id AS campaign_id,
            partner.id AS partner_id,
            partner.rfm_segment AS rfm_segment,
            partner.abc_class AS abc_class,
            lead.product_categ_id AS product_categ_id,
            COALESCE(lead.country_id, partner.country_id) AS country_id,
            COALESCE(lead.state_id, partner.state_id) AS state_id,
            stay.company_id AS company_id,
            1 AS entered_count,
            CASE WHEN stay.exit_reason = 'moved' THEN 1 ELSE 0 END AS moved_count,
            CASE WHEN stay.exit_reason = 'lost' THEN 1 ELSE 0 END AS lost_count,
            CASE WHEN stay.date_left IS NULL THEN 1 ELSE 0 END AS stayed_count,
            COALESCE(%(advanced)s, 0) AS advanced_count,
            %(won_later)s AS won_count,
            %(advanced)s * 100.0 AS conversion_next_rate,
            %(won_later)s * 100.0 AS conversion_won_rate,
            stay.duration_days AS duration_days,
            stay.expected_revenue AS expected_revenue
            """,
            advanced=advanced,
            won_later=won_later,
        )

    def _from(self):
        # Every join is a LEFT JOIN on a unique key, so PostgreSQL drops the ones
        # a query does not use: counting stays per step reads the stays only.
        return SQL(
            """
            crm_lead_stage_history stay
            LEFT JOIN crm_lead lead ON lead.id = stay.lead_id
            LEFT JOIN res_partner partner ON partner.id = lead.partner_id
            LEFT JOIN (
                -- the salesperson's first active employee in the stay's company
                SELECT user_id, company_id,
                       (ARRAY_AGG(department_id ORDER BY id))[1] AS department_id
                  FROM hr_employee WHERE active AND user_id IS NOT NULL
              GROUP BY user_id, company_id
                ) employee_here ON employee_here.user_id = stay.salesperson_id
                               AND employee_here.company_id = stay.company_id
            LEFT JOIN (
                -- else the first one of any company
                SELECT user_id,
                       (ARRAY_AGG(department_id ORDER BY id))[1] AS department_id
                  FROM hr_employee WHERE active AND user_id IS NOT NULL
              GROUP BY user_id
                ) employee ON employee.user_id = stay.salesperson_id
            """
        )

    def _where(self):
        return SQL("stay.stage_to_id IS NOT NULL")

    def init(self):
        # a lead's main product category is recomputed from its quotations:
        # sale_crm leaves sale_order.opportunity_id without an index
        tools.create_index(
            self.env.cr,
            "sale_order_opportunity_id_crm_analytics_idx",
            "sale_order",
            ["opportunity_id"],
            where="opportunity_id IS NOT NULL",
        )
        # a salesperson reads their own stays (record rule on salesperson_id)
        tools.create_index(
            self.env.cr,
            "crm_lead_stage_history_salesperson_crm_analytics_idx",
            "crm_lead_stage_history",
            ["salesperson_id", "date_entered"],
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
            )
        )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        # funnel steps in funnel order (New first, Won last), not alphabetically
        if "funnel_step" in groupby_terms:
            groupby_terms = dict(
                groupby_terms, funnel_step=_step_rank(groupby_terms["funnel_step"])
            )
        return super()._read_group_orderby(order, groupby_terms, query)

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    @api.model
    def _funnel_query(self, domain):
        """Query on the rows of `domain` the current user may read (record rules
        applied), for the set-based figures below. None when it returns nothing."""
        self.check_access("read")
        query = self._search(domain)
        return None if query.is_empty() else query

    @api.model
    def _get_step_figures(self, domain):
        """Per funnel step, in one query: stays entered, moved on, lost, still there,
        reached a next step, won later, average and median days in the step (median
        of the stays already left, by percentile_cont), and the leads that left the
        step without reaching a further one (dropped_lead_ids).

        :return: {step: {figure: value}} for every step, zeros when no stay
        """
        figures = {
            step: {
                "entered": 0,
                "moved": 0,
                "lost": 0,
                "stayed": 0,
                "advanced": 0,
                "won": 0,
                "avg_days": 0.0,
                "median_days": 0.0,
                "dropped_lead_ids": [],
            }
            for step in STEP_KEYS
        }
        query = self._funnel_query(domain)
        if query is None:
            return figures
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT crm_funnel_report.funnel_step AS step,
                       COUNT(*) AS entered,
                       SUM(crm_funnel_report.moved_count) AS moved,
                       SUM(crm_funnel_report.lost_count) AS lost,
                       SUM(crm_funnel_report.stayed_count) AS stayed,
                       SUM(crm_funnel_report.advanced_count) AS advanced,
                       SUM(crm_funnel_report.won_count) AS won,
                       AVG(crm_funnel_report.duration_days) AS avg_days,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (
                           ORDER BY crm_funnel_report.duration_days) AS median_days,
                       ARRAY_AGG(DISTINCT crm_funnel_report.lead_id) FILTER (
                           WHERE crm_funnel_report.conversion_next_rate = 0)
                           AS dropped_lead_ids
                  FROM %s
                 WHERE %s
              GROUP BY crm_funnel_report.funnel_step
                """,
                query.from_clause,
                query.where_clause or SQL("TRUE"),
            )
        )
        for row in rows:
            step = row.pop("step")
            if step in figures:
                figures[step].update(
                    {key: value for key, value in row.items() if value is not None}
                )
        return figures

    @api.model
    def get_median_days(self, domain=None):
        """Median days in each funnel step of the stays in `domain` (already left),
        for the diagnosis panel and the export: {step: days}."""
        figures = self._get_step_figures(domain or [])
        return {step: values["median_days"] for step, values in figures.items()}
