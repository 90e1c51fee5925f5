# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCallCampaignLine(models.Model):
    """One person to call in a campaign, and where that stands."""

    _name = "crm.call.campaign.line"
    _description = "Call Campaign Contact"
    _order = "state_sequence, next_call_date, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "crm.call.campaign", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    campaign_state = fields.Selection(
        related="campaign_id.state", string="Campaign State"
    )
    partner_id = fields.Many2one("res.partner", string="Contact", check_company=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead/Opportunity",
        check_company=True,
        index="btree_not_null",
    )
    phone = fields.Char(compute="_compute_phone")
    agent_id = fields.Many2one(
        "res.users",
        index="btree_not_null",
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("todo", "To Call"), ("callback", "Call Back"), ("done", "Done")],
        default="todo",
        required=True,
        index=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    next_call_date = fields.Datetime(string="Call At")
    attempt_count = fields.Integer(string="Attempts", readonly=True)
    last_outcome = fields.Selection(
        related="last_call_id.outcome", string="Last Outcome"
    )
    last_call_id = fields.Many2one("crm.call", readonly=True)

    @api.depends("partner_id.phone", "partner_id.mobile", "lead_id.phone")
    def _compute_phone(self):
        for line in self:
            line.phone = (
                line.lead_id.phone or line.partner_id.mobile or line.partner_id.phone
            )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"callback": 0, "todo": 1, "done": 2}
        for line in self:
            line.state_sequence = order[line.state]

    @api.constrains("partner_id", "lead_id")
    def _check_someone_to_call(self):
        if any(not (line.partner_id or line.lead_id) for line in self):
            raise ValidationError(
                self.env._("Each line of a call campaign needs a contact or a lead.")
            )

    @api.onchange("lead_id")
    def _onchange_lead_id(self):
        if self.lead_id.partner_id and not self.partner_id:
            self.partner_id = self.lead_id.partner_id

    def action_log_call(self):
        self.ensure_one()
        return self.env["crm.call.log"]._action_open(
            {
                "default_campaign_line_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_lead_id": self.lead_id.id,
            }
        )
