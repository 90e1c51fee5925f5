# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import SQL

from .common_roi import AnalyticsCommon


@tagged("post_install", "-at_install")
class TestRoiReport(AnalyticsCommon):
    """Figures of the fixture (tests/common.py), computed by hand:

    Spring fair: CPL 300/4 = 75, CAC 300/1 = 300, ROI (800-300)/300 = 166.67 %,
                 ROMI (1000-300)/300 = 233.33 %
    Radio spot:  CPL 100, CAC 100, ROI (0-100)/100 = -100 %, ROMI (500-100)/100 = 400 %
    Both:        CPL 400/5 = 80, CAC 400/2 = 200, ROI (800-400)/400 = 100 %,
                 ROMI (1500-400)/400 = 275 %
    """

    MEASURES = [
        "cost:sum",
        "leads:sum",
        "opportunities:sum",
        "won_deals:sum",
        "won_revenue:sum",
        "invoiced_revenue:sum",
        "paid_revenue:sum",
        "cost_per_lead:sum",
        "cost_per_won:sum",
        "roi:sum",
        "romi:sum",
    ]

    def _report(self, user=None):
        Report = self.env["crm.roi.report"]
        return Report.with_user(user) if user else Report

    def _by_campaign(self, user=None, domain=None):
        groups = self._report(user).read_group(
            [("campaign_id", "in", self.campaigns.ids)] + (domain or []),
            self.MEASURES,
            ["campaign_id"],
        )
        return {group["campaign_id"][0]: group for group in groups}

    def assertFigures(self, group, expected):
        for name, value in expected.items():
            self.assertAlmostEqual(group[name], value, places=2, msg=name)

    def test_figures_per_campaign(self):
        groups = self._by_campaign()
        self.assertFigures(
            groups[self.fair.id],
            {
                "cost": 300,
                "leads": 4,
                "opportunities": 3,
                "won_deals": 1,
                "won_revenue": 1000,
                "invoiced_revenue": 1000,
                "paid_revenue": 800,
                "cost_per_lead": 75,
                "cost_per_won": 300,
                "roi": 500 / 3,
                "romi": 700 / 3,
            },
        )
        self.assertFigures(
            groups[self.radio.id],
            {
                "cost": 100,
                "leads": 1,
                "won_deals": 1,
                "won_revenue": 500,
                "invoiced_revenue": 300,
                "paid_revenue": 0,
                "cost_per_lead": 100,
                "cost_per_won": 100,
                "roi": -100,
                "romi": 400,
            },
        )

    def test_totals_are_ratios_of_sums(self):
        """The grand total (no groupby) is not the sum of the campaigns' ratios."""
        [total] = self._report().read_group(
            [("campaign_id", "in", self.campaigns.ids)], self.MEASURES, []
        )
        self.assertFigures(
            total,
            {
                "cost": 400,
                "cost_per_lead": 80,
                "cost_per_won": 200,
                "roi": 100,
                "romi": 275,
            },
        )

    def test_grouped_list_and_graph_path(self):
        """Grouped lists and graphs call web_read_group, which goes through
        read_group: their group rows carry the same ratios."""
        result = self._report(self.manager).web_read_group(
            [("campaign_id", "in", self.campaigns.ids)],
            ["cost_per_lead:sum", "roi:sum"],
            ["campaign_id"],
        )
        groups = {group["campaign_id"][0]: group for group in result["groups"]}
        self.assertAlmostEqual(groups[self.fair.id]["cost_per_lead"], 75.0)
        self.assertAlmostEqual(groups[self.radio.id]["roi"], -100.0)

    def test_ratio_alone_does_not_leak_helper_measures(self):
        [total] = self._report().read_group(
            [("campaign_id", "in", self.campaigns.ids)], ["roi:sum"], []
        )
        self.assertAlmostEqual(total["roi"], 100.0, places=2)
        self.assertNotIn("paid_revenue", total)
        self.assertNotIn("cost", total)

    def test_rows_carry_their_own_ratios(self):
        rows = self._report().search(
            [("campaign_id", "=", self.radio.id), ("cost", ">", 0)]
        )
        self.assertEqual(len(rows), 1, "one cost row: month, campaign, no medium")
        self.assertAlmostEqual(rows.roi, -100.0)

    def test_matches_independent_sql(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT c.id,
                       (SELECT COALESCE(SUM(amount), 0) FROM utm_campaign_cost
                         WHERE campaign_id = c.id),
                       (SELECT COUNT(*) FROM crm_lead WHERE campaign_id = c.id),
                       (SELECT COALESCE(SUM(amount_untaxed_signed), 0) FROM account_move
                         WHERE campaign_id = c.id AND state = 'posted'
                           AND payment_state IN ('paid', 'in_payment'))
                  FROM utm_campaign c WHERE c.id IN %s
                """,
                tuple(self.campaigns.ids),
            )
        )
        groups = self._by_campaign()
        for campaign_id, cost, leads, paid in self.env.cr.fetchall():
            group = groups[campaign_id]
            self.assertAlmostEqual(group["cost"], float(cost))
            self.assertEqual(group["leads"], leads)
            self.assertAlmostEqual(group["paid_revenue"], float(paid))

    def test_filters_medium_team_salesperson_segment(self):
        by_medium = self._by_campaign(domain=[("medium_id", "=", self.medium.id)])
        self.assertEqual(by_medium[self.fair.id]["cost"], 200)
        by_user = self._by_campaign(domain=[("user_id", "=", self.sales_1.id)])
        self.assertEqual(by_user[self.fair.id]["leads"], 2)
        self.assertEqual(by_user[self.fair.id]["paid_revenue"], 800)
        self.assertEqual(by_user[self.fair.id]["cost"], 0, "costs have no salesperson")
        by_team = self._by_campaign(domain=[("team_id", "=", self.team_b.id)])
        self.assertEqual(by_team[self.radio.id]["won_revenue"], 500)
        self.customer.rfm_segment = "champion"
        by_segment = self._by_campaign(domain=[("rfm_segment", "=", "champion")])
        self.assertEqual(by_segment[self.fair.id]["leads"], 4)

    def test_rows_have_unique_ids_and_read_back(self):
        Report = self.env["crm.roi.report"]
        rows = Report.search_read([], ["cost", "leads", "paid_revenue"])
        self.assertTrue(rows)
        self.assertEqual(len({row["id"] for row in rows}), len(rows))
        for row in rows:
            again = Report.browse(row["id"])
            self.assertEqual(
                (again.cost, again.leads, again.paid_revenue),
                (row["cost"], row["leads"], row["paid_revenue"]),
            )

    def test_reads_without_jit(self):
        """The report's queries run with PostgreSQL's JIT off, and only they."""
        Report = self.env["crm.roi.report"]
        [(before,)] = self.env.execute_query(SQL("SHOW jit"))
        during = Report._call_without_jit(self.env.execute_query, SQL("SHOW jit"))
        self.assertEqual(during, [("off",)])
        self.assertEqual(self.env.execute_query(SQL("SHOW jit")), [(before,)])

    def test_salesperson_sees_own_rows_only(self):
        groups = self._by_campaign(user=self.sales_1)
        self.assertEqual(list(groups), [self.fair.id])
        self.assertEqual(groups[self.fair.id]["leads"], 2)
        self.assertEqual(groups[self.fair.id]["cost"], 0)
        rows = self._report(self.sales_1).search([])
        self.assertEqual(rows.user_id, self.sales_1)

    def test_team_leader_sees_team_rows(self):
        rows = self._report(self.team_leader).search(
            [("campaign_id", "in", self.campaigns.ids)]
        )
        self.assertEqual(rows.team_id, self.team_a)
        self.assertEqual(rows.user_id, self.sales_1)

    def test_manager_sees_all_within_companies(self):
        self.env["utm.campaign.cost"].create(
            {
                "campaign_id": self.fair.id,
                "amount": 5000.0,
                "company_id": self.company_b.id,
            }
        )
        groups = self._by_campaign(user=self.manager)
        self.assertEqual(groups[self.fair.id]["cost"], 300, "company B cost hidden")
        self.manager.company_ids |= self.company_b
        groups = (
            self._report(self.manager)
            .with_context(allowed_company_ids=[self.company.id, self.company_b.id])
            .read_group(
                [("campaign_id", "=", self.fair.id)], ["cost:sum"], ["campaign_id"]
            )
        )
        self.assertEqual(groups[0]["cost"], 5300)

    def test_query_count_constant_in_rows(self):
        Report = self._report(self.manager)
        domain = [("campaign_id", "!=", False)]
        Report.read_group(
            domain, self.MEASURES, ["campaign_id", "date:month"], lazy=False
        )
        # the report's query, between turning JIT off and back to default
        with self.assertQueryCount(3):
            Report.read_group(
                domain, self.MEASURES, ["campaign_id", "date:month"], lazy=False
            )
        for index in range(5):
            campaign = self.env["utm.campaign"].create({"name": f"ROI extra {index}"})
            self.env["utm.campaign.cost"].create(
                {"campaign_id": campaign.id, "amount": 10.0 * (index + 1)}
            )
            self.env["crm.lead"].create(
                [
                    {"name": f"Extra {index}-{n}", "campaign_id": campaign.id}
                    for n in range(3)
                ]
            )
        Report.read_group(
            domain, self.MEASURES, ["campaign_id", "date:month"], lazy=False
        )
        # the report's query, between turning JIT off and back to default
        with self.assertQueryCount(3):
            Report.read_group(
                domain, self.MEASURES, ["campaign_id", "date:month"], lazy=False
            )
