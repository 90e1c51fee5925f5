# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        index="btree_not_null",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        tracking=True,
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Lead/Opportunity", index="btree_not_null", tracking=True
    )
    call_ids = fields.One2many("crm.call", "ticket_id", string="Calls")
    # the order's progress, for the agent and the customer
    order_milestone = fields.Selection(
        related="sale_order_id.fulfilment_milestone", string="Order Status"
    )
    order_date_shipped = fields.Datetime(related="sale_order_id.date_shipped")
    order_date_delivered = fields.Datetime(related="sale_order_id.date_delivered")
    order_date_paid = fields.Date(related="sale_order_id.date_paid")
    order_tracking_ref = fields.Char(related="sale_order_id.fulfilment_tracking_ref")

    # service levels
    sla_id = fields.Many2one(
        "helpdesk.ticket.sla",
        string="SLA Policy",
        compute="_compute_sla",
        store=True,
        readonly=False,
    )
    sla_deadline = fields.Datetime(
        string="SLA Deadline", compute="_compute_sla", store=True, index=True
    )
    sla_response_deadline = fields.Datetime(
        string="Response Due", compute="_compute_sla", store=True
    )
    sla_breached = fields.Boolean(
        string="SLA Breached",
        compute="_compute_sla_breached",
        search="_search_sla_breached",
        help="Closed after its SLA deadline, or still open past it.",
    )
    first_response_date = fields.Datetime(readonly=True, copy=False)
    first_response_hours = fields.Float(
        compute="_compute_service_times", store=True, aggregator="avg"
    )
    resolution_hours = fields.Float(
        compute="_compute_service_times", store=True, aggregator="avg"
    )

    @api.depends("category_id", "priority", "company_id", "create_date")
    def _compute_sla(self):
        policies = self.env["helpdesk.ticket.sla"].search(
            [("company_id", "in", [*self.company_id.ids, False])]
        )
        for ticket in self:
            scored = [
                (score, -policy.sequence, policy)
                for policy in policies
                if (score := policy._match_score(ticket)) is not None
            ]
            policy = max(scored, key=lambda s: s[:2])[2] if scored else policies[:0]
            start = ticket.create_date or fields.Datetime.now()
            ticket.sla_id = policy
            ticket.sla_deadline = (
                start + timedelta(hours=policy.resolution_hours) if policy else False
            )
            ticket.sla_response_deadline = (
                start + timedelta(hours=policy.response_hours)
                if policy.response_hours
                else False
            )

    @api.depends("sla_deadline", "closed_date")
    def _compute_sla_breached(self):
        now = fields.Datetime.now()
        for ticket in self:
            end = ticket.closed_date or now
            ticket.sla_breached = bool(
                ticket.sla_deadline and end > ticket.sla_deadline
            )

    def _search_sla_breached(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on SLA Breached."))
        breached = SQL(
            "%s < COALESCE(%s, %s)",
            SQL.identifier("helpdesk_ticket", "sla_deadline"),
            SQL.identifier("helpdesk_ticket", "closed_date"),
            fields.Datetime.now(),
        )
        query = self._search([("sla_deadline", "!=", False)])
        query.add_where(breached)
        return [("id", "in" if (operator == "=") == value else "not in", query)]

    @api.depends("first_response_date", "closed_date", "create_date")
    def _compute_service_times(self):
        for ticket in self:
            ticket.first_response_hours = ticket._hours_since_creation(
                ticket.first_response_date
            )
            ticket.resolution_hours = ticket._hours_since_creation(ticket.closed_date)

    def _hours_since_creation(self, moment):
        """Hours from creation to `moment` (0 when either is unknown). Odoo stamps
        messages to the second and creation to the microsecond: never below zero."""
        if not (moment and self.create_date):
            return 0.0
        return max(0.0, (moment - self.create_date).total_seconds() / 3600)

    def _message_post_after_hook(self, message, msg_vals):
        """The first message an employee sends the customer is the first response."""
        if (
            message.message_type in ("comment", "email")
            and not message.subtype_id.internal
            and message.author_id.user_ids.filtered(lambda u: not u.share)
        ):
            self.filtered(lambda t: not t.first_response_date).sudo().write(
                {"first_response_date": message.date or fields.Datetime.now()}
            )
        return super()._message_post_after_hook(message, msg_vals)

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        if self.sale_order_id and not self.partner_id:
            self.partner_id = self.sale_order_id.partner_id
