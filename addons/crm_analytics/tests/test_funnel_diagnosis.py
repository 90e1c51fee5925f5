# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import FunnelCommon


@tagged("post_install", "-at_install")
class TestFunnelDiagnosis(FunnelCommon):
    """One team per situation, so each diagnosis reads its own funnel::

    healthy   salesman_a and salesman_b win 3 leads each, all paid in 5 days
    offer     4 leads reach the offer, 3 are lost there
    price     4 leads reach price discussion, 3 are lost there
    gap       salesman_a qualifies 3 of 3 leads, salesman_b loses 3 of 3 in New
    unpaid    3 won leads: 1 paid in 5 days, 2 never paid
    inflow    5 prospects in each of the 3 previous 30-day periods, 1 in this one
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["crm.team"]
        members = [(4, cls.salesman_a.id), (4, cls.salesman_b.id)]
        cls.team_healthy, cls.team_offer, cls.team_price = Team.create(
            [
                {"name": f"Diag {name}", "member_ids": members}
                for name in ("healthy", "offer", "price")
            ]
        )
        cls.team_gap, cls.team_unpaid, cls.team_inflow = Team.create(
            [
                {"name": f"Diag {name}", "member_ids": members}
                for name in ("gap", "unpaid", "inflow")
            ]
        )
        cls.healthy = cls.env["crm.lead"]
        for index in range(6):
            user = cls.salesman_a if index % 2 else cls.salesman_b
            lead = cls._run(
                f"Healthy {index}", cls.path_won, user=user, team=cls.team_healthy
            )
            cls._order(lead, paid_after=5)
            cls.healthy |= lead
        for team, step, reason in (
            (cls.team_offer, "offer", cls.reason_offer),
            (cls.team_price, "price", cls.reason_price),
        ):
            cls._run(f"{step} ok", cls.path_won, user=cls.salesman_a, team=team)
            for index in range(3):
                cls._run(
                    f"{step} lost {index}",
                    cls._path(step),
                    user=cls.salesman_a,
                    team=team,
                    lost=reason,
                )
        cls.gap_lost = cls.env["crm.lead"]
        for index in range(3):
            cls._run(
                f"Gap good {index}",
                cls._path("qualified"),
                user=cls.salesman_a,
                team=cls.team_gap,
            )
            cls.gap_lost |= cls._run(
                f"Gap bad {index}",
                cls._path("new"),
                user=cls.salesman_b,
                team=cls.team_gap,
                lost=cls.reason_offer,
            )
        won = [
            cls._run(f"Unpaid {index}", cls.path_won, team=cls.team_unpaid)
            for index in range(3)
        ]
        cls._order(won[0], paid_after=5)
        cls._order(won[1])
        cls.unpaid = won[1] | won[2]
        cls.inflow_now = cls._run("Inflow now", cls._path("new"), team=cls.team_inflow)
        for period in range(1, 4):
            for index in range(5):
                cls._age(
                    cls._run(
                        f"Inflow {period}.{index}",
                        cls._path("new"),
                        team=cls.team_inflow,
                    ),
                    30 * period,
                )
        cls.Diagnosis = cls.env["crm.funnel.diagnosis"].with_user(cls.manager)

    def _diagnose(self, team, **values):
        diagnosis = self.Diagnosis.create(
            dict(
                {
                    "team_id": team.id,
                    "date_from": self.today - timedelta(days=29),
                    "date_to": self.today,
                },
                **values,
            )
        )
        diagnosis.action_diagnose()
        return {finding.code: finding for finding in diagnosis.finding_ids}

    def test_healthy_funnel_is_silent(self):
        findings = self._diagnose(self.team_healthy)
        self.assertEqual(
            list(findings),
            [
                "offer_drop",
                "prospect_inflow",
                "salesperson_gap",
                "price_drop",
                "unpaid_deals",
            ],
        )
        self.assertFalse([code for code, f in findings.items() if f.is_alert])
        self.assertEqual(findings["offer_drop"].value, 100.0)
        self.assertIn("0 of the 6 won deals", findings["unpaid_deals"].message)
        self.assertIn("5.0 days", findings["unpaid_deals"].message)
        self.assertEqual(findings["salesperson_gap"].value, 0.0)

    def test_offer_drop(self):
        finding = self._diagnose(self.team_offer)["offer_drop"]
        self.assertTrue(finding.is_alert)
        self.assertEqual(finding.value, 25.0)
        self.assertIn("1 of the 4 stays", finding.message)
        self.assertEqual(len(finding.lead_ids), 3)
        self.assertFalse(self._diagnose(self.team_offer)["price_drop"].is_alert)
        action = finding.action_open_leads()
        self.assertEqual(action["res_model"], "crm.lead")
        self.assertEqual(
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search(action["domain"]),
            finding.lead_ids,
        )
        # the threshold comes from the settings
        self.env["res.config.settings"].create(
            {"crm_funnel_offer_min_rate": 20}
        ).execute()
        self.assertFalse(self._diagnose(self.team_offer)["offer_drop"].is_alert)

    def test_price_drop(self):
        findings = self._diagnose(self.team_price)
        self.assertTrue(findings["price_drop"].is_alert)
        self.assertEqual(findings["price_drop"].value, 25.0)
        self.assertFalse(findings["offer_drop"].is_alert)
        self.assertEqual(len(findings["price_drop"].lead_ids), 3)

    def test_salesperson_gap(self):
        finding = self._diagnose(self.team_gap)["salesperson_gap"]
        self.assertTrue(finding.is_alert)
        self.assertEqual(finding.value, 100.0)
        self.assertIn(f"best {self.salesman_a.name} 100%", finding.message)
        self.assertIn(f"weakest {self.salesman_b.name} 0%", finding.message)
        self.assertEqual(finding.lead_ids, self.gap_lost)

    def test_unpaid_deals(self):
        finding = self._diagnose(self.team_unpaid)["unpaid_deals"]
        self.assertTrue(finding.is_alert)
        self.assertIn("2 of the 3 won deals", finding.message)
        self.assertEqual(finding.lead_ids, self.unpaid)

    def test_unpaid_deals_without_any_payment(self):
        """No average payment delay is made up when nothing is paid."""
        finding = self._diagnose(self.team_offer)["unpaid_deals"]
        self.assertIn("No won deal of the period is paid yet.", finding.message)
        self.assertNotIn("days on average", finding.message)

    def test_prospect_inflow(self):
        finding = self._diagnose(self.team_inflow)["prospect_inflow"]
        self.assertTrue(finding.is_alert)
        self.assertEqual(finding.value, 1.0)
        self.assertIn("against 5.0 on average in the 3 previous", finding.message)
        self.assertEqual(finding.lead_ids, self.inflow_now)
        # the healthy team had no earlier period: nothing to compare
        healthy = self._diagnose(self.team_healthy)["prospect_inflow"]
        self.assertFalse(healthy.is_alert)
        self.assertIn("no earlier period", healthy.message)

    def test_form(self):
        """A salesperson opens the panel: last three months by default, Diagnose
        fills the five findings in the form."""
        with Form(self.env["crm.funnel.diagnosis"].with_user(self.salesman_a)) as panel:
            self.assertEqual(panel.date_to, self.today)
            self.assertEqual(panel.date_from.day, 1)
            panel.team_id = self.team_healthy
        diagnosis = panel.record
        # no new action: the form reloads in place, without one more breadcrumb
        self.assertIs(diagnosis.action_diagnose(), True)
        self.assertEqual(len(diagnosis.finding_ids), 5)
        self.assertEqual(diagnosis.alert_count, 0)
        # diagnosing again replaces the findings
        diagnosis.action_diagnose()
        self.assertEqual(len(diagnosis.finding_ids), 5)

    def test_bad_thresholds(self):
        Settings = self.env["res.config.settings"]
        for values in (
            {"crm_funnel_offer_min_rate": 120},
            {"crm_funnel_salesperson_gap": -5},
            {"crm_funnel_prospect_periods": 0},
            {"crm_funnel_payment_max_days": -1},
        ):
            with self.assertRaises(ValidationError):
                Settings.create(values)
        self.assertEqual(
            self.env["crm.funnel.diagnosis"]._get_thresholds()["offer_min_rate"], 40
        )

    def test_bad_period(self):
        with self.assertRaises(ValidationError):
            self.Diagnosis.create(
                {"date_from": self.today, "date_to": self.today - timedelta(days=1)}
            )

    def test_salesperson_sees_own_figures(self):
        """salesman_b's diagnosis of the gap team only counts their own stays."""
        diagnosis = (
            self.env["crm.funnel.diagnosis"]
            .with_user(self.salesman_b)
            .create({"team_id": self.team_gap.id})
        )
        diagnosis.action_diagnose()
        gap = diagnosis.finding_ids.filtered(lambda f: f.code == "salesperson_gap")
        self.assertFalse(gap.is_alert)
        self.assertNotIn(self.salesman_a.name, gap.message)
        # and another user cannot open it
        with self.assertRaises(AccessError):
            diagnosis.with_user(self.salesman_a).read(["date_from"])

    def test_query_count_constant(self):
        """The diagnosis reads a fixed number of queries, whatever the leads."""
        small = self.Diagnosis.create({"team_id": self.team_offer.id})
        large = self.Diagnosis.create({})
        small._compute_findings()  # warm the caches (parameters, selections)
        with self.assertQueryCount(6):
            small._compute_findings()
        with self.assertQueryCount(6):
            large._compute_findings()

    def test_display_name(self):
        diagnosis = self.env["crm.funnel.diagnosis"].create(
            {
                "date_from": "2026-01-01",
                "date_to": "2026-03-31",
                "team_id": self.team_a.id,
            }
        )
        self.assertEqual(
            diagnosis.display_name,
            f"Funnel diagnosis 2026-01-01 – 2026-03-31 ({self.team_a.display_name})",
        )
