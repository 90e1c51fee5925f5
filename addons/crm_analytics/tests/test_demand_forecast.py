# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDemandForecast(BaseCommon):
    """One product, in units:

    pipeline   quotation of 10 on an opportunity at 40 % closing in two months -> 4
               quotation of 5 on an opportunity at 50 % without deadline       -> 2.5
               quotation of 7 on a won opportunity, a cancelled quotation      -> 0
    history    1 dozen confirmed two months ago (12 units), 6 units this month
    baseline   12 / 6 = 2 per month, on next month's row
    forecast   next month 2.5 + 2 = 4.5, in two months 4
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.this_month = cls.today.replace(day=1)
        cls.next_month = cls.this_month + relativedelta(months=1)
        cls.in_two_months = cls.this_month + relativedelta(months=2)
        cls.salesman = new_test_user(
            cls.env, login="forecast_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.other_salesman = new_test_user(
            cls.env, login="forecast_other", groups="sales_team.group_sale_salesman"
        )
        cls.leader = new_test_user(
            cls.env,
            login="forecast_leader",
            groups="crm_extended.group_crm_team_leader",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Forecast team",
                "user_id": cls.leader.id,
                "member_ids": [(6, 0, cls.salesman.ids)],
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Forecast widget", "type": "consu"}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Forecast customer"})
        Lead = cls.env["crm.lead"]
        cls.lead_dated = Lead.create(
            {
                "name": "Dated",
                "type": "opportunity",
                "probability": 40,
                "user_id": cls.salesman.id,
                "date_deadline": cls.in_two_months + relativedelta(days=3),
            }
        )
        cls.lead_undated = Lead.create(
            {
                "name": "Undated",
                "type": "opportunity",
                "probability": 50,
                "user_id": cls.other_salesman.id,
            }
        )
        cls.lead_won = Lead.create({"name": "Won", "type": "opportunity"})
        cls._order(cls.lead_dated, 10)
        cls._order(cls.lead_undated, 5)
        cls._order(cls.lead_won, 7)
        cls.lead_won.action_set_won()
        cls._order(cls.lead_undated, 100).action_cancel()
        dozen = cls.env.ref("uom.product_uom_dozen")
        past = cls._order(False, 1, uom=dozen)
        past.action_confirm()
        past.date_order = fields.Datetime.now() - relativedelta(months=2)
        cls._order(False, 6).action_confirm()

    @classmethod
    def _order(cls, lead, qty, uom=None):
        line = {"product_id": cls.product.id, "product_uom_qty": qty}
        if uom:
            line["product_uom"] = uom.id
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "opportunity_id": lead.id if lead else False,
                "user_id": (lead.user_id or cls.salesman).id
                if lead
                else cls.salesman.id,
                "order_line": [(0, 0, line)],
            }
        )

    def _by_month(self, user=None):
        Forecast = self.env["crm.demand.forecast"]
        if user:
            Forecast = Forecast.with_user(user)
        groups = Forecast.read_group(
            [("product_id", "=", self.product.id)],
            [
                "expected_qty:sum",
                "confirmed_qty:sum",
                "confirmed_avg_qty:sum",
                "forecast_qty:sum",
            ],
            ["date:day"],
        )
        return {
            group["__range"]["date:day"]["from"]: (
                group["expected_qty"],
                group["confirmed_qty"],
                group["confirmed_avg_qty"],
                group["forecast_qty"],
            )
            for group in groups
        }

    def test_quantities_per_month(self):
        two_months_ago = self.this_month - relativedelta(months=2)
        self.assertEqual(
            self._by_month(),
            {
                str(two_months_ago): (0, 12, 0, 0),
                str(self.this_month): (0, 6, 0, 0),
                str(self.next_month): (2.5, 0, 2, 4.5),
                str(self.in_two_months): (4, 0, 0, 4),
            },
        )

    def test_salesperson_sees_own_rows(self):
        months = self._by_month(self.salesman)
        self.assertEqual(months[str(self.in_two_months)], (4, 0, 0, 4))
        self.assertNotIn(str(self.next_month), months, "other's pipeline, no baseline")

    def test_team_leader_sees_the_team_pipeline(self):
        self.assertEqual(self.lead_dated.team_id, self.team)
        months = self._by_month(self.leader)
        self.assertEqual(months[str(self.in_two_months)], (4, 0, 0, 4))
        self.assertNotIn(str(self.next_month), months, "other salesperson, no team")

    def test_manager_sees_everything_of_their_companies(self):
        manager = new_test_user(
            self.env, login="forecast_manager", groups="sales_team.group_sale_manager"
        )
        self.assertEqual(self._by_month(manager), self._by_month())
        company_b = self.env["res.company"].create({"name": "Forecast Company B"})
        order_b = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "company_id": company_b.id,
                "user_id": False,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "product_uom_qty": 50})
                ],
            }
        )
        order_b.action_confirm()
        months = self._by_month(manager)
        self.assertEqual(months[str(self.this_month)], (0, 6, 0, 0), "company B hidden")
