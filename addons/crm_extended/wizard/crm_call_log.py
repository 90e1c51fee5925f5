# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.crm_call import CALL_OUTCOMES


class CrmCallLog(models.TransientModel):
    """The one dialog that logs a call from a lead, a contact or a campaign line."""

    _name = "crm.call.log"
    _description = "Log a Phone Call"

    partner_id = fields.Many2one("res.partner", string="Contact")
    lead_id = fields.Many2one("crm.lead", string="Lead/Opportunity")
    campaign_line_id = fields.Many2one("crm.call.campaign.line")
    campaign_id = fields.Many2one(related="campaign_line_id.campaign_id")
    script = fields.Html(related="campaign_line_id.campaign_id.script")
    direction = fields.Selection(
        [("outbound", "Outgoing"), ("inbound", "Incoming")],
        default="outbound",
        required=True,
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now
    )
    duration = fields.Float(string="Duration (min)", digits=(16, 1))
    outcome = fields.Selection(CALL_OUTCOMES, required=True)
    callback_date = fields.Datetime(string="Call Back At")
    note = fields.Text()

    @api.model
    def _action_open(self, context):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Call"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    @api.onchange("lead_id")
    def _onchange_lead_id(self):
        if self.lead_id.partner_id and not self.partner_id:
            self.partner_id = self.lead_id.partner_id

    def _check_values(self):
        if not (self.partner_id or self.lead_id):
            raise ValidationError(
                self.env._("Choose the contact or the lead you called.")
            )
        if self.duration < 0:
            raise ValidationError(
                self.env._("The duration of a call cannot be negative.")
            )
        if self.outcome == "callback" and not self.callback_date:
            raise ValidationError(
                self.env._("Say when to call back: the outcome is “Call back”.")
            )
        if self.outcome == "callback" and self.callback_date < self.date_start:
            raise ValidationError(
                self.env._("The call-back time must come after the call.")
            )

    def _prepare_call_values(self):
        return {
            "partner_id": self.partner_id.id,
            "lead_id": self.lead_id.id,
            "campaign_id": self.campaign_id.id,
            "campaign_line_id": self.campaign_line_id.id,
            "direction": self.direction,
            "date_start": self.date_start,
            "duration": self.duration,
            "outcome": self.outcome,
            "note": self.note,
        }

    def action_log(self):
        self.ensure_one()
        self._check_values()
        call = self.env["crm.call"].create(self._prepare_call_values())
        call._apply_outcome(self.callback_date)
        return {"type": "ir.actions.act_window_close"}
