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
    # hotline: the call opens a support ticket
    create_ticket = fields.Boolean(string="Open a Ticket")
    ticket_name = fields.Char(string="Ticket Title")
    ticket_category_id = fields.Many2one("helpdesk.ticket.category", string="Category")
    ticket_team_id = fields.Many2one("helpdesk.ticket.team", string="Helpdesk Team")
    ticket_sale_order_id = fields.Many2one(
        "sale.order",
        string="About Order",
        domain="[('partner_id', 'child_of', partner_id)]",
    )

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
        if self.create_ticket and not (self.partner_id and self.ticket_name):
            raise ValidationError(
                self.env._("A ticket needs the caller's contact and a title.")
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
        if not self.create_ticket:
            return {"type": "ir.actions.act_window_close"}
        call.ticket_id = self.env["helpdesk.ticket"].create(
            self._prepare_ticket_values()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": call.ticket_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def _prepare_ticket_values(self):
        """The hotline ticket opened by this call. Override to add."""
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
        )
        return {
            "name": self.ticket_name,
            "description": self.note or self.ticket_name,
            "partner_id": self.partner_id.id,
            "category_id": self.ticket_category_id.id,
            "team_id": self.ticket_team_id.id,
            "sale_order_id": self.ticket_sale_order_id.id,
            "lead_id": self.lead_id.id,
            "channel_id": channel.id if channel else False,
        }
