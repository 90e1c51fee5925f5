# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user
from odoo.tools import SQL

from odoo.addons.base.tests.common import BaseCommon


class AnalyticsCommon(BaseCommon):
    """Two campaigns, two salespeople, a team leader and a manager.

    Team A (leader: team_leader)        Team B
      sales_1                             sales_2

    campaign     cost   leads (opp.)  won (revenue)   invoiced  paid
    Spring fair  300    4 (3)         1 (1000)        1000      800
    Radio spot   100    1 (1)         1 (500)          300        0

    sales_1: L1 won 1000 today (created 10 days ago, called after 2h),
             L2 lost (called after 4h); target 2000 this month
    sales_2: L3 open opportunity, L4 lead (called after 1h),
             L5 won 500 today (created 20 days ago)
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Analytics Company B"})
        cls.sales_1 = new_test_user(
            cls.env, login="roi_sales_1", groups="sales_team.group_sale_salesman"
        )
        cls.sales_2 = new_test_user(
            cls.env, login="roi_sales_2", groups="sales_team.group_sale_salesman"
        )
        cls.team_leader = new_test_user(
            cls.env, login="roi_leader", groups="crm_extended.group_crm_team_leader"
        )
        cls.manager = new_test_user(
            cls.env, login="roi_manager", groups="sales_team.group_sale_manager"
        )
        cls.team_a = cls.env["crm.team"].create(
            {
                "name": "ROI Team A",
                "user_id": cls.team_leader.id,
                "member_ids": [(6, 0, cls.sales_1.ids)],
            }
        )
        cls.team_b = cls.env["crm.team"].create(
            {"name": "ROI Team B", "member_ids": [(6, 0, cls.sales_2.ids)]}
        )
        cls.customer = cls.env["res.partner"].create({"name": "ROI Customer"})
        cls.fair = cls.env["utm.campaign"].create({"name": "ROI Spring fair"})
        cls.radio = cls.env["utm.campaign"].create({"name": "ROI Radio spot"})
        cls.campaigns = cls.fair | cls.radio
        cls.medium = cls.env["utm.medium"].create({"name": "ROI Fair stand"})
        cls.env["utm.campaign.cost"].create(
            [
                {
                    "campaign_id": cls.fair.id,
                    "amount": 200.0,
                    "medium_id": cls.medium.id,
                },
                {"campaign_id": cls.fair.id, "amount": 100.0},
                {"campaign_id": cls.radio.id, "amount": 100.0},
            ]
        )
        Lead = cls.env["crm.lead"]

        def lead(name, user, campaign, **values):
            return Lead.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "campaign_id": campaign.id,
                    "partner_id": cls.customer.id,
                    "type": "opportunity",
                    **values,
                }
            )

        cls.lead_1 = lead("L1", cls.sales_1, cls.fair, expected_revenue=1000.0)
        cls.lead_2 = lead("L2", cls.sales_1, cls.fair, expected_revenue=700.0)
        cls.lead_3 = lead("L3", cls.sales_2, cls.fair, expected_revenue=400.0)
        cls.lead_4 = lead("L4", cls.sales_2, cls.fair, type="lead")
        cls.lead_5 = lead("L5", cls.sales_2, cls.radio, expected_revenue=500.0)
        cls.lead_1.action_set_won()
        cls.lead_5.action_set_won()
        cls.lead_2.action_set_lost()
        # won today, created 10 and 20 days ago
        cls.env.flush_all()
        for won, days in ((cls.lead_1, 10), (cls.lead_5, 20)):
            cls.env.cr.execute(
                SQL(
                    "UPDATE crm_lead SET create_date = date_closed"
                    " - %s * INTERVAL '1 day' WHERE id = %s",
                    days,
                    won.id,
                )
            )
        cls.env.invalidate_all()
        Call = cls.env["crm.call"]
        for won, user, hours, outcome in (
            (cls.lead_1, cls.sales_1, 2, "interested"),
            (cls.lead_2, cls.sales_1, 4, "no_answer"),
            (cls.lead_4, cls.sales_2, 1, "callback"),
        ):
            Call.create(
                {
                    "lead_id": won.id,
                    "user_id": user.id,
                    "outcome": outcome,
                    "date_start": won.create_date + timedelta(hours=hours),
                }
            )
        cls.env["crm.target"].create(
            {
                "user_id": cls.sales_1.id,
                "period": "month",
                "date_from": fields.Date.today().replace(day=1),
                "target_revenue": 2000.0,
            }
        )
        cls._create_invoice(cls.fair, cls.sales_1, 800.0, pay=True)
        cls._create_invoice(cls.fair, cls.sales_1, 200.0)
        cls._create_invoice(cls.radio, cls.sales_2, 300.0)

    @classmethod
    def _create_invoice(cls, campaign, user, amount, pay=False):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "campaign_id": campaign.id,
                "invoice_user_id": user.id,
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Service",
                            "price_unit": amount,
                            "tax_ids": [(6, 0, [])],
                        },
                    )
                ],
            }
        )
        invoice.action_post()
        if pay:
            cls.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()
        return invoice
