# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

TICKET_PRIORITIES = [
    ("0", "Low"),
    ("1", "Medium"),
    ("2", "High"),
    ("3", "Very High"),
]


class HelpdeskTicketSla(models.Model):
    """How fast tickets of a category and/or priority must be answered and solved.
    A ticket takes the most specific policy that matches it (category and priority,
    then category, then priority, then a policy with neither)."""

    _name = "helpdesk.ticket.sla"
    _description = "Helpdesk SLA Policy"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one("helpdesk.ticket.category")
    priority = fields.Selection(TICKET_PRIORITIES)
    response_hours = fields.Float(
        string="First Response (hours)",
        help="Hours from the ticket's creation to the first answer of an agent.",
    )
    resolution_hours = fields.Float(
        string="Resolution (hours)",
        required=True,
        help="Hours from the ticket's creation to its closing: the SLA deadline.",
    )
    company_id = fields.Many2one(
        "res.company", index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "hours_positive",
            "CHECK(resolution_hours > 0 AND response_hours >= 0)",
            "SLA times must be positive.",
        ),
    ]

    @api.constrains("response_hours", "resolution_hours")
    def _check_response_before_resolution(self):
        for sla in self:
            if sla.response_hours and sla.response_hours > sla.resolution_hours:
                raise ValidationError(
                    self.env._(
                        "SLA “%(name)s”: the first response cannot be due after the "
                        "resolution.",
                        name=sla.name,
                    )
                )

    def _match_score(self, ticket):
        """How specifically this policy fits the ticket; None when it does not fit."""
        self.ensure_one()
        if self.category_id and self.category_id != ticket.category_id:
            return None
        if self.priority and self.priority != ticket.priority:
            return None
        if (
            self.company_id
            and ticket.company_id
            and self.company_id != ticket.company_id
        ):
            return None
        return (2 if self.category_id else 0) + (1 if self.priority else 0)
