# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.phone.mixin"]

    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_duplicate_partner_ids",
        string="Possible Duplicates",
        help="Other contacts with the same e-mail or phone number.",
    )
    duplicate_partner_count = fields.Integer(compute="_compute_duplicate_partner_ids")

    call_count = fields.Integer(
        compute="_compute_call_count",
        string="Calls",
        groups="sales_team.group_sale_salesman",
    )

    @api.depends("email_normalized", "phone", "mobile")
    def _compute_duplicate_partner_ids(self):
        keys = self._get_duplicate_keys()
        matches = self.env["res.partner"]
        if keys["emails"] or keys["phones"]:
            matches = self.search_fetch(
                [
                    "|",
                    "|",
                    ("email_normalized", "in", list(keys["emails"])),
                    ("phone", "in", list(keys["phones"])),
                    ("mobile", "in", list(keys["phones"])),
                ],
                ["email_normalized", "phone", "mobile", "commercial_partner_id"],
                limit=1000,
            )
        for partner in self:
            partner.duplicate_partner_ids = matches.filtered(
                lambda other, partner=partner: other._origin != partner._origin
                and other.commercial_partner_id != partner.commercial_partner_id
                and partner._shares_contact_point(other)
            )
            partner.duplicate_partner_count = len(partner.duplicate_partner_ids)

    def _get_duplicate_keys(self):
        """E-mails and E.164 numbers these records are reached at."""
        emails = {rec.email_normalized for rec in self if rec.email_normalized}
        phones = {
            rec[fname]
            for rec in self
            for fname in ("phone", "mobile")
            if fname in rec._fields and rec[fname] and rec[fname].startswith("+")
        }
        return {"emails": emails, "phones": phones}

    def _shares_contact_point(self, other):
        mine = self._get_duplicate_keys()
        theirs = other._get_duplicate_keys()
        return bool(
            mine["emails"] & theirs["emails"] or mine["phones"] & theirs["phones"]
        )

    def action_merge_duplicates(self):
        """Open Odoo's contact merge wizard on this contact and its duplicates."""
        self.ensure_one()
        partners = self | self.duplicate_partner_ids
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge Contacts"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": partners.ids,
                "active_id": self.id,
            },
        }

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
