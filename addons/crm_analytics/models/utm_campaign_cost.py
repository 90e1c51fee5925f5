# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class UtmCampaignCost(models.Model):
    """One amount spent on a marketing campaign: an invoice from an ad network, a
    printing bill, a share of a salary. ROI reports add these up per campaign,
    medium, source and period and set them against the leads and revenue the
    campaign brought."""

    _name = "utm.campaign.cost"
    _description = "Campaign Cost"
    _order = "date desc, id desc"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "utm.campaign", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(string="Description")
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    medium_id = fields.Many2one("utm.medium", index="btree_not_null")
    source_id = fields.Many2one("utm.source", index="btree_not_null")
    amount = fields.Monetary(required=True, currency_field="currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Text()

    _sql_constraints = [
        (
            "amount_not_negative",
            "CHECK(amount >= 0)",
            "A campaign cost cannot be negative.",
        ),
    ]
