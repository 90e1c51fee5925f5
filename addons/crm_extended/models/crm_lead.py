# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    funnel_step = fields.Selection(
        related="stage_id.funnel_step",
        store=True,
        index=True,
    )
