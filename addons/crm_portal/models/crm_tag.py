# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmTag(models.Model):
    _inherit = "crm.tag"

    lead_form_visible = fields.Boolean(
        string="Offered on the Contact Form",
        help="Visitors of the public contact form can pick this tag as their interest.",
    )
