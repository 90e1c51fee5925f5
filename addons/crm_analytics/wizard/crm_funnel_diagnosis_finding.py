# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

FINDING_CODES = [
    ("offer_drop", "Narrowing after the offer"),
    ("prospect_inflow", "Prospect inflow"),
    ("salesperson_gap", "Salesperson differences"),
    ("price_drop", "Narrowing in price discussion"),
    ("unpaid_deals", "Won but not paid"),
]


class CrmFunnelDiagnosisFinding(models.TransientModel):
    """The answer to one question of a funnel diagnosis, with the leads behind it."""

    _name = "crm.funnel.diagnosis.finding"
    _description = "Funnel Diagnosis Finding"
    _order = "sequence, id"

    diagnosis_id = fields.Many2one(
        "crm.funnel.diagnosis", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Selection(FINDING_CODES, required=True)
    name = fields.Char(string="Question", required=True)
    message = fields.Text(string="Finding")
    value = fields.Float(digits=(16, 1))
    threshold = fields.Float(digits=(16, 1))
    is_alert = fields.Boolean(string="Alert")
    lead_ids = fields.Many2many(
        "crm.lead",
        "crm_funnel_diagnosis_finding_lead_rel",
        "finding_id",
        "lead_id",
        string="Leads",
        context={"active_test": False},
    )
    lead_count = fields.Integer(compute="_compute_lead_count")

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        for finding in self:
            finding.lead_count = len(finding.lead_ids)

    def action_open_leads(self):
        """The leads behind this finding (lost ones included)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "crm.lead",
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "domain": [("id", "in", self.lead_ids.ids)],
            "context": {"active_test": False, "create": False},
        }
