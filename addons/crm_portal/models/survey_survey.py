# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

FEEDBACK_KINDS = [("nps", "Net Promoter Score"), ("csat", "Customer Satisfaction")]


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    crm_feedback_kind = fields.Selection(
        FEEDBACK_KINDS,
        string="Feedback Kind",
        index="btree_not_null",
        help="Marks a customer feedback survey: its first scale or choice question "
        "gives the answer's score (NPS 0-10, CSAT 1-5).",
    )
