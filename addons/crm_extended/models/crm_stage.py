# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The funnel of the customer's article, in its own order. Reports group stages by these
# keys, so a company may name and split its stages freely and still be compared.
FUNNEL_STEPS = [
    ("new", "New"),
    ("qualified", "Qualified"),
    ("offer", "Offer sent"),
    ("price", "Price discussion"),
    ("contract", "Contract & payment"),
    ("won", "Won"),
]


class CrmStage(models.Model):
    _inherit = "crm.stage"

    funnel_step = fields.Selection(
        FUNNEL_STEPS,
        index=True,
        help="Step of the sales funnel this stage belongs to. Funnel reports count "
        "leads per step, so several stages may share one step.",
    )
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_stage_required_field_rel",
        "stage_id",
        "field_id",
        string="Required to Enter",
        domain="[('model', '=', 'crm.lead'), ('store', '=', True), "
        "('ttype', 'not in', ('binary', 'boolean'))]",
        help="A lead may enter this stage only once these fields are set, whichever "
        "way it is moved (pipeline, form, import, API).",
    )
    required_field_names = fields.Char(
        compute="_compute_required_field_names",
        store=True,
        help="Technical: the required field names, comma-separated, read with the "
        "stage itself so that checking a stage change costs no extra query.",
    )
    stale_days = fields.Integer(
        string="Stale after (days)",
        help="When a lead stays longer than this in the stage, its salesperson gets an "
        "activity to follow it up (once per stay). 0 disables the alert.",
    )

    _sql_constraints = [
        (
            "stale_days_not_negative",
            "CHECK(stale_days >= 0)",
            "The number of days before a lead is stale cannot be negative.",
        ),
    ]

    @api.depends("required_field_ids")
    def _compute_required_field_names(self):
        for stage in self:
            stage.required_field_names = ",".join(
                stage.required_field_ids.sudo().mapped("name")
            )

    @api.constrains("required_field_ids")
    def _check_required_field_ids(self):
        for stage in self:
            wrong = stage.required_field_ids.filtered(lambda f: f.model != "crm.lead")
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Stage “%(stage)s” can only require fields of leads, "
                        "not %(fields)s.",
                        stage=stage.name,
                        fields=", ".join(wrong.mapped("field_description")),
                    )
                )
