# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # thresholds of the funnel diagnosis (crm.funnel.diagnosis, DIAGNOSIS_THRESHOLDS)
    crm_funnel_min_stays = fields.Integer(
        string="Minimum Stays per Figure",
        config_parameter="crm_analytics.funnel_min_stays",
        default=3,
    )
    crm_funnel_offer_min_rate = fields.Integer(
        string="Minimum Conversion after the Offer (%)",
        config_parameter="crm_analytics.funnel_offer_min_rate",
        default=40,
    )
    crm_funnel_prospect_drop_pct = fields.Integer(
        string="Alert on a Prospect Drop of (%)",
        config_parameter="crm_analytics.funnel_prospect_drop_pct",
        default=20,
    )
    crm_funnel_prospect_periods = fields.Integer(
        string="Previous Periods Compared",
        config_parameter="crm_analytics.funnel_prospect_periods",
        default=3,
    )
    crm_funnel_salesperson_gap = fields.Integer(
        string="Alert on a Salesperson Gap of (points)",
        config_parameter="crm_analytics.funnel_salesperson_gap",
        default=25,
    )
    crm_funnel_price_min_rate = fields.Integer(
        string="Minimum Conversion in Price Discussion (%)",
        config_parameter="crm_analytics.funnel_price_min_rate",
        default=50,
    )
    crm_funnel_unpaid_max_rate = fields.Integer(
        string="Maximum Unpaid Won Deals (%)",
        config_parameter="crm_analytics.funnel_unpaid_max_rate",
        default=10,
    )
    crm_funnel_payment_max_days = fields.Integer(
        string="Maximum Days to Payment",
        config_parameter="crm_analytics.funnel_payment_max_days",
        default=30,
    )

    @api.constrains(
        "crm_funnel_min_stays",
        "crm_funnel_offer_min_rate",
        "crm_funnel_prospect_drop_pct",
        "crm_funnel_prospect_periods",
        "crm_funnel_salesperson_gap",
        "crm_funnel_price_min_rate",
        "crm_funnel_unpaid_max_rate",
        "crm_funnel_payment_max_days",
    )
    def _check_crm_funnel_thresholds(self):
        percentages = (
            "crm_funnel_offer_min_rate",
            "crm_funnel_prospect_drop_pct",
            "crm_funnel_salesperson_gap",
            "crm_funnel_price_min_rate",
            "crm_funnel_unpaid_max_rate",
        )
        for settings in self:
            if settings.crm_funnel_prospect_periods < 1:
                raise ValidationError(
                    self.env._("Compare the prospects with at least one period.")
                )
            if settings.crm_funnel_min_stays < 0 or (
                settings.crm_funnel_payment_max_days < 0
            ):
                raise ValidationError(
                    self.env._("The funnel diagnosis thresholds cannot be negative.")
                )
            if any(not 0 <= settings[fname] <= 100 for fname in percentages):
                raise ValidationError(
                    self.env._(
                        "The funnel diagnosis rates and gaps are percentages: "
                        "between 0 and 100."
                    )
                )
