# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# shipped surveys, used by companies that did not pick their own
DEFAULT_FEEDBACK_SURVEYS = {
    "delivery": "crm_portal.survey_feedback_nps",
    "ticket": "crm_portal.survey_feedback_csat",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_feedback_enabled = fields.Boolean(
        string="Send Feedback Surveys",
        default=True,
        help="Invite customers to a survey after a delivery and after a ticket is "
        "closed.",
    )
    crm_feedback_delivery_survey_id = fields.Many2one(
        "survey.survey",
        string="Survey After Delivery",
        domain="[('crm_feedback_kind', '!=', False)]",
        default=lambda self: self._default_crm_feedback_survey("delivery"),
    )
    crm_feedback_ticket_survey_id = fields.Many2one(
        "survey.survey",
        string="Survey After Ticket Close",
        domain="[('crm_feedback_kind', '!=', False)]",
        default=lambda self: self._default_crm_feedback_survey("ticket"),
    )
    crm_feedback_delay_days = fields.Integer(
        string="Feedback Delay (Days)",
        default=0,
        help="Days between the delivery or the ticket closing and the invitation; "
        "0 sends it at the next run of the scheduled action.",
    )
    crm_feedback_interval_days = fields.Integer(
        string="Feedback Interval (Days)",
        default=30,
        help="A customer gets at most one feedback invitation in this many days.",
    )

    _sql_constraints = [
        (
            "crm_feedback_days_positive",
            "CHECK(crm_feedback_delay_days >= 0 AND crm_feedback_interval_days >= 0)",
            "The feedback delay and interval cannot be negative.",
        )
    ]

    @api.constrains("crm_feedback_delivery_survey_id", "crm_feedback_ticket_survey_id")
    def _check_crm_feedback_surveys(self):
        for company in self:
            surveys = (
                company.crm_feedback_delivery_survey_id
                | company.crm_feedback_ticket_survey_id
            )
            wrong = surveys.filtered(lambda survey: not survey.crm_feedback_kind)
            if wrong:
                raise ValidationError(
                    self.env._(
                        "The survey %(survey)s is not a feedback survey: set its "
                        "Feedback Kind (NPS or CSAT) first.",
                        survey=wrong[0].display_name,
                    )
                )

    @api.model
    def _default_crm_feedback_survey(self, event):
        return self.env.ref(DEFAULT_FEEDBACK_SURVEYS[event], raise_if_not_found=False)

    @api.model
    def _init_crm_feedback_surveys(self):
        """Give the shipped surveys to the companies that existed before the module."""
        for event, fname in (
            ("delivery", "crm_feedback_delivery_survey_id"),
            ("ticket", "crm_feedback_ticket_survey_id"),
        ):
            survey = self._default_crm_feedback_survey(event)
            if survey:
                self.search([(fname, "=", False)]).write({fname: survey.id})
