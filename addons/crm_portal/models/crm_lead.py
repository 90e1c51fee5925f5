# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    form_remote_addr = fields.Char(
        string="Sent From (IP)",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="sales_team.group_sale_manager",
        help="Address the public contact form was posted from; used to limit spam.",
    )

    @api.model
    def _lead_form_recent_count(self, remote_addr, minutes):
        """Leads posted from this address through the contact form in the last
        `minutes` minutes."""
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        return self.sudo().search_count(
            [("form_remote_addr", "=", remote_addr), ("create_date", ">=", since)]
        )
