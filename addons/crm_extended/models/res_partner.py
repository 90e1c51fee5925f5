# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

RFM_SEGMENTS = [
    ("champion", "Champions"),
    ("loyal", "Loyal"),
    ("promising", "Promising"),
    ("attention", "Needs Attention"),
    ("at_risk", "At Risk"),
    ("hibernating", "Hibernating"),
]
ABC_CLASSES = [("A", "A"), ("B", "B"), ("C", "C")]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.phone.mixin"]

    # Customer value (article: segmentation by value and by response to promotions).
    # Stored on the commercial partner and its contacts by _compute_customer_segments,
    # a set-based SQL job (daily cron, or the "Update segments" action).
    order_count = fields.Integer(string="Confirmed Orders", readonly=True, copy=False)
    first_order_date = fields.Datetime(readonly=True, copy=False)
    last_order_date = fields.Datetime(readonly=True, copy=False)
    lifetime_value = fields.Float(
        readonly=True,
        copy=False,
        digits="Account",
        help="Untaxed total of the confirmed orders, in company currency.",
    )
    rfm_recency = fields.Integer(
        string="Recency Score", readonly=True, copy=False, aggregator="avg"
    )
    rfm_frequency = fields.Integer(
        string="Frequency Score", readonly=True, copy=False, aggregator="avg"
    )
    rfm_monetary = fields.Integer(
        string="Monetary Score", readonly=True, copy=False, aggregator="avg"
    )
    rfm_segment = fields.Selection(
        RFM_SEGMENTS, string="RFM Segment", readonly=True, copy=False, index=True
    )
    abc_class = fields.Selection(
        ABC_CLASSES,
        string="ABC Class",
        readonly=True,
        copy=False,
        index=True,
        help="A: the customers making the first 80% of revenue, B: the next 15%, "
        "C: the last 5%.",
    )
    responsiveness_score = fields.Integer(
        readonly=True,
        copy=False,
        aggregator="avg",
        help="0-100: how the customer reacts to mass mailings (opened, clicked, "
        "replied), over the mailings sent to them.",
    )
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_duplicate_partner_ids",
        string="Possible Duplicates",
        help="Other contacts with the same e-mail or phone number.",
    )
    duplicate_partner_count = fields.Integer(compute="_compute_duplicate_partner_ids")

    call_count = fields.Integer(
        compute="_compute_call_count",
        string="Calls",
        groups="sales_team.group_sale_salesman",
    )

    @api.depends("email_normalized", "phone", "mobile")
    def _compute_duplicate_partner_ids(self):
        emails, phones = self._get_contact_points()
        matches = self._find_by_contact_points(emails, phones)
        for partner in self:
            partner.duplicate_partner_ids = matches.filtered(
                lambda other, partner=partner: other._origin != partner._origin
                and other.commercial_partner_id != partner.commercial_partner_id
                and partner._shares_contact_point(other)
            )
            partner.duplicate_partner_count = len(partner.duplicate_partner_ids)

    @api.model
    def _find_by_contact_points(self, emails, phones):
        """Contacts reached at any of these normalised e-mails or E.164 numbers, in
        one query (at most 1000: duplicates, not a mailing list)."""
        if not (emails or phones):
            return self.browse()
        return self.search_fetch(
            [
                "|",
                "|",
                ("email_normalized", "in", list(emails)),
                ("phone", "in", list(phones)),
                ("mobile", "in", list(phones)),
            ],
            ["email_normalized", "phone", "mobile", "commercial_partner_id"],
            limit=1000,
        )

    def action_merge_duplicates(self):
        """Open Odoo's contact merge wizard on this contact and its duplicates."""
        self.ensure_one()
        partners = self | self.duplicate_partner_ids
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge Contacts"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": partners.ids,
                "active_id": self.id,
            },
        }

    def _compute_call_count(self):
        """Calls with the contact or anyone of its company (a company rolls up its
        contacts)."""
        all_partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        counts = dict(
            self.env["crm.call"]._read_group(
                [("partner_id", "in", all_partners.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.call_count = sum(
                count
                for called, count in counts.items()
                if called == partner
                or called.commercial_partner_id == partner
                or called.parent_id == partner
            )

    def action_open_timeline(self):
        """Partner 360: the customer's past and planned interactions, newest first."""
        self.ensure_one()
        Timeline = self.env["crm.partner.timeline"]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Timeline of %(name)s", name=self.display_name),
            "res_model": "crm.partner.timeline",
            "view_mode": "list",
            "domain": Timeline._timeline_domain(self),
            "context": {"create": False},
        }

    def action_log_call(self):
        self.ensure_one()
        return self.env["crm.call.log"]._action_open({"default_partner_id": self.id})

    def action_view_calls(self):
        self.ensure_one()
        return self.env["crm.call"]._action_view(
            [("partner_id", "child_of", self.id)], {"default_partner_id": self.id}
        )

    # ------------------------------------------------------------
    # CUSTOMER SEGMENTS
    # ------------------------------------------------------------

    @api.model
    def _compute_customer_segments(self):
        """Recompute order statistics, RFM scores and segment, ABC class and mailing
        responsiveness of every customer in a few UPDATE statements.

        Scores are quintiles (1-5, 5 best) among customers with confirmed orders:
        recency on the last order date, frequency on the order count, monetary on the
        lifetime value. Contacts carry their company's values.
        """
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                WITH stats AS (
                    SELECT partner.commercial_partner_id AS partner_id,
                           COUNT(*) AS order_count,
                           MIN(so.date_order) AS first_order,
                           MAX(so.date_order) AS last_order,
                           SUM(so.amount_untaxed
                               / COALESCE(NULLIF(so.currency_rate, 0), 1)) AS revenue
                      FROM sale_order so
                      JOIN res_partner partner ON partner.id = so.partner_id
                     WHERE so.state = 'sale'
                  GROUP BY partner.commercial_partner_id
                ), scored AS (
                    SELECT stats.*,
                           NTILE(5) OVER (ORDER BY last_order) AS recency,
                           NTILE(5) OVER (ORDER BY order_count) AS frequency,
                           NTILE(5) OVER (ORDER BY revenue) AS monetary,
                           SUM(revenue) OVER (ORDER BY revenue DESC, partner_id
                                              ROWS UNBOUNDED PRECEDING)
                             / NULLIF(SUM(revenue) OVER (), 0) AS cumulative_share,
                           revenue / NULLIF(SUM(revenue) OVER (), 0) AS own_share
                      FROM stats
                )
                UPDATE res_partner partner
                   SET order_count = scored.order_count,
                       first_order_date = scored.first_order,
                       last_order_date = scored.last_order,
                       lifetime_value = scored.revenue,
                       rfm_recency = scored.recency,
                       rfm_frequency = scored.frequency,
                       rfm_monetary = scored.monetary,
                       rfm_segment = CASE
                         WHEN scored.recency >= 4 AND scored.frequency >= 4
                         THEN 'champion'
                         WHEN scored.frequency >= 4 THEN 'loyal'
                         WHEN scored.recency >= 4 THEN 'promising'
                         WHEN scored.recency <= 2 AND scored.frequency >= 3
                         THEN 'at_risk'
                         WHEN scored.recency <= 2 THEN 'hibernating'
                         ELSE 'attention' END,
                       abc_class = CASE
                         WHEN scored.cumulative_share - scored.own_share < 0.8 THEN 'A'
                         WHEN scored.cumulative_share - scored.own_share < 0.95
                         THEN 'B'
                         ELSE 'C' END
                  FROM scored
                 WHERE partner.commercial_partner_id = scored.partner_id
                """
            )
        )
        _logger.info("customer segments: %s contacts of paying customers", cr.rowcount)
        cr.execute(
            SQL(
                """
                UPDATE res_partner partner
                   SET order_count = 0, first_order_date = NULL, last_order_date = NULL,
                       lifetime_value = 0, rfm_recency = NULL, rfm_frequency = NULL,
                       rfm_monetary = NULL, rfm_segment = NULL, abc_class = NULL
                 WHERE (partner.order_count > 0 OR partner.rfm_segment IS NOT NULL)
                   AND NOT EXISTS (
                       SELECT 1 FROM sale_order so
                         JOIN res_partner buyer ON buyer.id = so.partner_id
                        WHERE so.state = 'sale'
                          AND buyer.commercial_partner_id
                              = partner.commercial_partner_id)
                """
            )
        )
        _logger.info("customer segments: %s contacts reset", cr.rowcount)
        self._compute_responsiveness()
        self.invalidate_model()

    @api.model
    def _compute_responsiveness(self):
        """Score = share of possible reactions (open, click, reply) to the mailings
        delivered to the customer, its contacts or its leads, in percent."""
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                WITH targets AS (
                    SELECT trace.res_id AS partner_id, trace.*
                      FROM mailing_trace trace
                     WHERE trace.model = 'res.partner'
                    UNION ALL
                    SELECT lead.partner_id, trace.*
                      FROM mailing_trace trace
                      JOIN crm_lead lead ON lead.id = trace.res_id
                     WHERE trace.model = 'crm.lead' AND lead.partner_id IS NOT NULL
                ), scores AS (
                    SELECT partner.commercial_partner_id AS partner_id,
                           ROUND(100.0 * (
                               COUNT(targets.open_datetime)
                               + COUNT(targets.links_click_datetime)
                               + COUNT(targets.reply_datetime))
                             / (3 * COUNT(*))) AS score
                      FROM targets
                      JOIN res_partner partner ON partner.id = targets.partner_id
                     WHERE targets.trace_status IN ('sent', 'open', 'reply', 'pending')
                        OR targets.open_datetime IS NOT NULL
                  GROUP BY partner.commercial_partner_id
                )
                UPDATE res_partner partner
                   SET responsiveness_score = scores.score
                  FROM scores
                 WHERE partner.commercial_partner_id = scores.partner_id
                   AND partner.responsiveness_score IS DISTINCT FROM scores.score
                """
            )
        )
        _logger.info("customer segments: responsiveness of %s contacts", cr.rowcount)

    def action_compute_customer_segments(self):
        self._compute_customer_segments()
        return True
