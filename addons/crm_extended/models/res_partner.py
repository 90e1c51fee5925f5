# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    call_count = fields.Integer(
        compute="_compute_call_count",
        string="Calls",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_call_count(self):
        """Calls with the contact or anyone of its company (a company rolls up its
        contacts)."""
        all_partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        counts = dict(
            self.env["crm.call"]._read_group(
                [("partner_id", "in", all_partners.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.call_count = sum(
                count
                for called, count in counts.items()
                if called == partner
                or called.commercial_partner_id == partner
                or called.parent_id == partner
            )

    def action_log_call(self):
        self.ensure_one()
        return self.env["crm.call.log"]._action_open({"default_partner_id": self.id})

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_extended.crm_call_action"
        )
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
