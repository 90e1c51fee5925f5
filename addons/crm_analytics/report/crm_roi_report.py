# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.crm_extended.models.res_partner import ABC_CLASSES, RFM_SEGMENTS


class CrmRoiReport(models.Model):
    """Marketing ROI per campaign, medium, source and month.

    Each row adds up events of one month: campaign costs (cost lines), leads created,
    deals won (at their closing month) and posted customer invoices carrying the
    campaign (at their invoice date; paid when fully paid or in payment). Costs have no
    salesperson, team or customer: filtering on those keeps the revenue side only.
    Amounts are in the company currency, invoices untaxed.
    """

    _name = "crm.roi.report"
    _description = "Marketing ROI Analysis"
    _inherit = ["crm.report.ratio.mixin"]
    _auto = False
    _rec_name = "campaign_id"
    _order = "date desc, campaign_id"
    # pending ORM writes to flush before reading the view
    _depends = {
        "utm.campaign.cost": [
            "date",
            "company_id",
            "campaign_id",
            "medium_id",
            "source_id",
            "amount",
        ],
        "crm.lead": [
            "create_date",
            "company_id",
            "campaign_id",
            "medium_id",
            "source_id",
            "team_id",
            "user_id",
            "partner_id",
            "type",
            "active",
            "probability",
            "date_closed",
            "expected_revenue",
        ],
        "res.partner": ["commercial_partner_id", "rfm_segment", "abc_class"],
        "account.move": [
            "invoice_date",
            "company_id",
            "campaign_id",
            "medium_id",
            "source_id",
            "team_id",
            "invoice_user_id",
            "commercial_partner_id",
            "amount_untaxed_signed",
            "payment_state",
            "move_type",
            "state",
        ],
    }

    date = fields.Date(string="Month", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENTS, string="RFM Segment", readonly=True)
    abc_class = fields.Selection(ABC_CLASSES, string="ABC Class", readonly=True)
    # additive measures
    cost = fields.Monetary(readonly=True)
    leads = fields.Integer(readonly=True, help="Leads and opportunities created.")
    opportunities = fields.Integer(readonly=True)
    won_deals = fields.Integer(readonly=True)
    won_revenue = fields.Monetary(readonly=True)
    invoiced_revenue = fields.Monetary(readonly=True)
    paid_revenue = fields.Monetary(readonly=True)
    # ratios, recomputed from the sums in read_group (crm.report.ratio.mixin)
    cost_per_lead = fields.Monetary(string="CPL", readonly=True)
    cost_per_won = fields.Monetary(
        string="CAC", readonly=True, help="Cost per won deal."
    )
    roi = fields.Float(
        string="ROI (%)",
        readonly=True,
        help="(Paid revenue - cost) / cost, in percent.",
    )
    romi = fields.Float(
        string="ROMI (%)",
        readonly=True,
        help="(Won revenue - cost) / cost, in percent: the return on marketing "
        "investment before invoicing.",
    )

    @api.model
    def _get_ratio_definitions(self):
        return {
            "cost_per_lead": ({"cost": 1}, "leads", 1),
            "cost_per_won": ({"cost": 1}, "won_deals", 1),
            "roi": ({"paid_revenue": 1, "cost": -1}, "cost", 100),
            "romi": ({"won_revenue": 1, "cost": -1}, "cost", 100),
        }

    @property
    def _table_query(self):
        return self._query()

    def _query(self):
        return SQL(
            """
            SELECT r.*,
                   %(ratios)s
              FROM (
                SELECT MIN(e.event_key) AS id, e.date, e.company_id, e.campaign_id,
                       e.medium_id, e.source_id, e.team_id, e.user_id,
                       e.rfm_segment, e.abc_class,
                       SUM(e.cost) AS cost,
                       SUM(e.leads) AS leads,
                       SUM(e.opportunities) AS opportunities,
                       SUM(e.won_deals) AS won_deals,
                       SUM(e.won_revenue) AS won_revenue,
                       SUM(e.invoiced_revenue) AS invoiced_revenue,
                       SUM(e.paid_revenue) AS paid_revenue
                  FROM (%(events)s) e
                 WHERE COALESCE(e.campaign_id, e.medium_id, e.source_id) IS NOT NULL
              GROUP BY e.date, e.company_id, e.campaign_id, e.medium_id, e.source_id,
                       e.team_id, e.user_id, e.rfm_segment, e.abc_class
              ) r
            """,
            ratios=self._ratio_select_sql("r"),
            events=self._union_events_sql(self._event_queries()),
        )

    def _event_queries(self):
        """Hook: one SELECT per kind of event, all with the same columns, the first
        one (``row_key``) unique within the query."""
        return [
            self._cost_query(),
            self._lead_query(),
            self._won_query(),
            self._invoice_query(),
        ]

    def _cost_query(self):
        return SQL(
            """
            SELECT c.id AS row_key, DATE_TRUNC('month', c.date)::date AS date,
                   c.company_id,
                   c.campaign_id, c.medium_id, c.source_id,
                   NULL::integer AS team_id, NULL::integer AS user_id,
                   NULL::varchar AS rfm_segment, NULL::varchar AS abc_class,
                   c.amount AS cost, 0 AS leads, 0 AS opportunities, 0 AS won_deals,
                   0 AS won_revenue, 0 AS invoiced_revenue, 0 AS paid_revenue
              FROM utm_campaign_cost c
            """
        )

    def _lead_query(self):
        """Leads at their creation month, lost and archived ones included."""
        return SQL(
            """
            SELECT l.id AS row_key, DATE_TRUNC('month', l.create_date)::date,
                   l.company_id, l.campaign_id, l.medium_id, l.source_id,
                   l.team_id, l.user_id,
                   cp.rfm_segment, cp.abc_class,
                   0, 1, CASE WHEN l.type = 'opportunity' THEN 1 ELSE 0 END, 0,
                   0, 0, 0
              FROM crm_lead l
         LEFT JOIN res_partner p ON p.id = l.partner_id
         LEFT JOIN res_partner cp ON cp.id = p.commercial_partner_id
            """
        )

    def _won_query(self):
        """Won deals at their closing month."""
        return SQL(
            """
            SELECT l.id AS row_key, DATE_TRUNC('month', l.date_closed)::date,
                   l.company_id, l.campaign_id, l.medium_id, l.source_id,
                   l.team_id, l.user_id,
                   cp.rfm_segment, cp.abc_class,
                   0, 0, 0, 1, COALESCE(l.expected_revenue, 0), 0, 0
              FROM crm_lead l
         LEFT JOIN res_partner p ON p.id = l.partner_id
         LEFT JOIN res_partner cp ON cp.id = p.commercial_partner_id
             WHERE l.active AND l.probability >= 100 AND l.date_closed IS NOT NULL
            """
        )

    def _invoice_query(self):
        """Posted customer invoices and credit notes (negative) carrying UTM data."""
        return SQL(
            """
            SELECT m.id AS row_key, DATE_TRUNC('month', m.invoice_date)::date,
                   m.company_id, m.campaign_id, m.medium_id, m.source_id, m.team_id,
                   m.invoice_user_id, cp.rfm_segment, cp.abc_class,
                   0, 0, 0, 0, 0, m.amount_untaxed_signed,
                   CASE WHEN m.payment_state IN ('paid', 'in_payment')
                        THEN m.amount_untaxed_signed ELSE 0 END
              FROM account_move m
         LEFT JOIN res_partner cp ON cp.id = m.commercial_partner_id
             WHERE m.move_type IN ('out_invoice', 'out_refund')
               AND m.state = 'posted'
               AND m.invoice_date IS NOT NULL
            """
        )
