# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    cost_line_ids = fields.One2many("utm.campaign.cost", "campaign_id", string="Costs")
    cost_currency_id = fields.Many2one(
        "res.currency", compute="_compute_cost_currency_id"
    )
    cost_total = fields.Monetary(
        string="Total Cost",
        compute="_compute_cost_total",
        currency_field="cost_currency_id",
        help="Sum of the campaign's cost lines in the current company.",
    )
    cost_per_lead = fields.Monetary(
        string="Cost per Lead",
        compute="_compute_cost_per_lead",
        currency_field="cost_currency_id",
        groups="sales_team.group_sale_salesman",
        help="Total cost divided by the leads and opportunities of the campaign, "
        "archived and lost ones included.",
    )

    @api.depends_context("company")
    def _compute_cost_currency_id(self):
        self.cost_currency_id = self.env.company.currency_id

    @api.depends("cost_line_ids.amount")
    @api.depends_context("company")
    def _compute_cost_total(self):
        totals = dict(
            self.env["utm.campaign.cost"]._read_group(
                [
                    ("campaign_id", "in", self.ids),
                    ("company_id", "=", self.env.company.id),
                ],
                ["campaign_id"],
                ["amount:sum"],
            )
        )
        for campaign in self:
            if isinstance(campaign.id, models.NewId):
                # form being edited: add up the lines on screen, saved or not
                lines = campaign.cost_line_ids.filtered(
                    lambda line: line.company_id == self.env.company
                )
                campaign.cost_total = sum(lines.mapped("amount"))
            else:
                campaign.cost_total = totals.get(campaign, 0.0)

    @api.depends("cost_total", "crm_lead_count")
    def _compute_cost_per_lead(self):
        for campaign in self:
            leads = campaign.crm_lead_count
            campaign.cost_per_lead = campaign.cost_total / leads if leads else 0.0
