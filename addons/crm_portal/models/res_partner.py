# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Channels the customer accepts for order and ticket notifications. The customer
    # sets them on the portal account page; the notification automations read them.
    portal_notify_email = fields.Boolean(
        string="Notify by Email",
        default=True,
        help="Send order, invoice and ticket notifications to this contact by email.",
    )
    portal_notify_sms = fields.Boolean(
        string="Notify by SMS",
        help="Send order, invoice and ticket notifications to this contact by SMS.",
    )
