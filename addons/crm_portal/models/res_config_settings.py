# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_feedback_enabled = fields.Boolean(
        related="company_id.crm_feedback_enabled", readonly=False
    )
    crm_feedback_delivery_survey_id = fields.Many2one(
        related="company_id.crm_feedback_delivery_survey_id", readonly=False
    )
    crm_feedback_ticket_survey_id = fields.Many2one(
        related="company_id.crm_feedback_ticket_survey_id", readonly=False
    )
    crm_feedback_delay_days = fields.Integer(
        related="company_id.crm_feedback_delay_days", readonly=False
    )
    crm_feedback_interval_days = fields.Integer(
        related="company_id.crm_feedback_interval_days", readonly=False
    )
