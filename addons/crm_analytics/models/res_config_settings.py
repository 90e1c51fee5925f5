# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
