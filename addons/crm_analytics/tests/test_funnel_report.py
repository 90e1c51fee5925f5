# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from statistics import median

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import FunnelCommon


@tagged("post_install", "-at_install")
class TestFunnelReport(FunnelCommon):
    """Team A, salesman_a::

        won x2      New -> Qualified -> Offer -> Price -> Contract -> Won
        lost x2     New -> Qualified -> Offer (lost: bad offer)
        lost x1     New -> Qualified -> Offer -> Price (lost: too expensive)
        open x1     New -> Qualified
    Team B, salesman_b: one lead still in New, one lead in company B.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        a = {"user": cls.salesman_a, "team": cls.team_a}
        cls.won = cls._run("Won 1", cls.path_won, **a) | cls._run(
            "Won 2", cls.path_won, **a
        )
        cls.lost_offer = cls._run(
            "Lost offer 1", cls._path("offer"), lost=cls.reason_offer, **a
        ) | cls._run("Lost offer 2", cls._path("offer"), lost=cls.reason_offer, **a)
        cls.lost_price = cls._run(
            "Lost price", cls._path("price"), lost=cls.reason_price, **a
        )
        cls.open = cls._run("Open", cls._path("qualified"), **a)
        cls.lead_b = cls._run(
            "Team B", cls._path("new"), user=cls.salesman_b, team=cls.team_b
        )
        cls.team_a_leads = cls.won | cls.lost_offer | cls.lost_price | cls.open
        # offer stays of 1, 2, 4, 10 and 20 days: median 4, average 7.4
        cls._set_durations(cls.won[0], "offer", 1)
        cls._set_durations(cls.won[1], "offer", 2)
        cls._set_durations(cls.lost_offer[0], "offer", 4)
        cls._set_durations(cls.lost_offer[1], "offer", 10)
        cls._set_durations(cls.lost_price, "offer", 20)
        cls.report = cls.env["crm.funnel.report"].with_user(cls.manager)
        cls.domain_a = [("team_id", "=", cls.team_a.id)]

    def _sql_counts(self):
        """Entered / moved / lost / still there per step, straight from the history."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT funnel_step, COUNT(*),
                       COUNT(*) FILTER (WHERE exit_reason = 'moved'),
                       COUNT(*) FILTER (WHERE exit_reason = 'lost'),
                       COUNT(*) FILTER (WHERE date_left IS NULL)
                  FROM crm_lead_stage_history
                 WHERE team_id = %s
              GROUP BY funnel_step
                """,
                self.team_a.id,
            )
        )
        return {row[0]: row[1:] for row in rows}

    def test_counts_match_history(self):
        groups = self.report._read_group(
            self.domain_a,
            ["funnel_step"],
            [
                "entered_count:sum",
                "moved_count:sum",
                "lost_count:sum",
                "stayed_count:sum",
            ],
        )
        got = {step: tuple(values) for step, *values in groups}
        self.assertEqual(got, self._sql_counts())
        # and by hand: 6 leads entered New and Qualified, 5 the offer, 3 the price
        self.assertEqual(got["new"], (6, 6, 0, 0))
        self.assertEqual(got["qualified"], (6, 5, 0, 1))
        self.assertEqual(got["offer"], (5, 3, 2, 0))
        self.assertEqual(got["price"], (3, 2, 1, 0))
        self.assertEqual(got["won"], (2, 0, 0, 2))

    def test_rows_named_after_their_lead(self):
        rows = self.env["crm.funnel.report"].search([("lead_id", "in", self.won.ids)])
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(row.name, row.lead_id.name)
            self.assertEqual(row.display_name, row.lead_id.name)

    def test_steps_in_funnel_order(self):
        """Groups come New first and Won last, in a pivot (eager) and a list."""
        expected = ["new", "qualified", "offer", "price", "contract", "won"]
        groups = self.report.read_group(
            self.domain_a, ["entered_count"], ["funnel_step"], lazy=False
        )
        self.assertEqual([g["funnel_step"] for g in groups], expected)
        groups = self.report.read_group(
            self.domain_a,
            ["entered_count"],
            ["funnel_step"],
            orderby="funnel_step desc",
        )
        self.assertEqual([g["funnel_step"] for g in groups], expected[::-1])

    def test_conversion_rates(self):
        groups = self.report._read_group(
            self.domain_a,
            ["funnel_step"],
            [
                "advanced_count:sum",
                "won_count:sum",
                "conversion_next_rate:avg",
                "conversion_won_rate:avg",
            ],
        )
        got = {step: values for step, *values in groups}
        # qualified: 5 of the 5 stays left reached the offer (the open one is not
        # counted); won later: 2 of 6
        advanced, won, to_next, to_won = got["qualified"]
        self.assertEqual((advanced, won), (5, 2))
        self.assertAlmostEqual(to_next, 100.0)
        self.assertAlmostEqual(to_won, 100.0 * 2 / 6)
        # offer: 3 of 5 went on to price, 2 of 5 were won
        advanced, won, to_next, to_won = got["offer"]
        self.assertEqual((advanced, won), (3, 2))
        self.assertAlmostEqual(to_next, 60.0)
        self.assertAlmostEqual(to_won, 40.0)
        # won: no next step, every stay counts as won
        self.assertFalse(got["won"][2])
        self.assertAlmostEqual(got["won"][3], 100.0)

    def test_median_days(self):
        medians = self.report.get_median_days(self.domain_a)
        self.assertAlmostEqual(medians["offer"], median([1, 2, 4, 10, 20]))
        figures = self.report._get_step_figures(self.domain_a)
        self.assertAlmostEqual(figures["offer"]["avg_days"], 37 / 5)
        self.assertEqual(
            sorted(figures["offer"]["dropped_lead_ids"]), sorted(self.lost_offer.ids)
        )
        # a step nobody left has no median
        self.assertEqual(medians["won"], 0.0)

    def test_dimensions(self):
        self.lead_b.partner_id = self.customer
        self.customer.write({"country_id": self.env.ref("base.be").id})
        department = self.env["hr.department"].create({"name": "Field Sales"})
        self.env["hr.employee"].create(
            {
                "name": "Salesman B",
                "user_id": self.salesman_b.id,
                "department_id": department.id,
            }
        )
        product = self.env["product.product"].create(
            {
                "name": "Funnel Pump",
                "categ_id": self.env["product.category"].create({"name": "Pumps"}).id,
            }
        )
        cheap = self.env["product.product"].create({"name": "Funnel Screw"})
        self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "opportunity_id": self.lead_b.id,
                "order_line": [
                    (0, 0, {"product_id": cheap.id, "price_unit": 1.0}),
                    (0, 0, {"product_id": product.id, "price_unit": 500.0}),
                ],
            }
        )
        self.env.flush_all()
        row = self.report.search([("lead_id", "=", self.lead_b.id)])
        self.assertEqual(row.department_id, department)
        self.assertEqual(row.product_categ_id, product.categ_id)
        self.assertEqual(row.country_id, self.env.ref("base.be"))
        self.assertEqual(row.partner_id, self.customer)

    def test_lost_reason_by_step(self):
        groups = self.report._read_group(
            self.domain_a + [("exit_reason", "=", "lost")],
            ["funnel_step", "lost_reason_id"],
            ["__count"],
        )
        self.assertEqual(
            {(step, reason) for step, reason, _count in groups},
            {("offer", self.reason_offer), ("price", self.reason_price)},
        )
        self.assertEqual(sum(count for _s, _r, count in groups), 3)


@tagged("post_install", "-at_install")
class TestFunnelReportAccess(FunnelCommon):
    """salesman_a: own stays; leader_a: team A; manager: all; company B hidden."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead_a = cls._run(
            "A", cls._path("offer"), user=cls.salesman_a, team=cls.team_a
        )
        cls.lead_a_other = cls._run("A other", cls._path("qualified"), team=cls.team_a)
        cls.lead_b = cls._run(
            "B", cls._path("qualified"), user=cls.salesman_b, team=cls.team_b
        )
        cls.lead_company_b = cls._run(
            "Company B", cls._path("new"), company_id=cls.company_b.id
        )
        cls.all_leads = cls.lead_a | cls.lead_a_other | cls.lead_b | cls.lead_company_b

    def _visible_leads(self, user):
        rows = (
            self.env["crm.funnel.report"]
            .with_user(user)
            .search([("lead_id", "in", self.all_leads.ids)])
        )
        return rows.lead_id

    def test_salesperson_sees_own_stays(self):
        self.assertEqual(self._visible_leads(self.salesman_a), self.lead_a)
        self.assertEqual(
            self.env["crm.funnel.report"]
            .with_user(self.salesman_a)
            ._get_step_figures([("lead_id", "in", self.all_leads.ids)])["new"][
                "entered"
            ],
            1,
        )

    def test_team_leader_sees_team(self):
        self.assertEqual(
            self._visible_leads(self.leader_a), self.lead_a | self.lead_a_other
        )

    def test_manager_sees_company(self):
        self.assertEqual(
            self._visible_leads(self.manager),
            self.lead_a | self.lead_a_other | self.lead_b,
        )
        self.manager.company_ids |= self.company_b
        rows = (
            self.env["crm.funnel.report"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id, self.company_b.id])
            .search([("lead_id", "in", self.all_leads.ids)])
        )
        self.assertEqual(rows.lead_id, self.all_leads)

    def test_portal_user_denied(self):
        with self.assertRaises(AccessError):
            self.env["crm.funnel.report"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["crm.funnel.report"].with_user(self.portal_user)._get_step_figures(
                []
            )
