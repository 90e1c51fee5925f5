# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDigest(BaseCommon):
    """Company B closes three deals in the digest period: won 100 and 300, one lost
    (win rate 2/3), and makes two calls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Digest Company"})
        Lead = cls.env["crm.lead"].with_company(cls.company_b)
        leads = Lead.create(
            [
                {
                    "name": f"Digest deal {revenue}",
                    "type": "opportunity",
                    "company_id": cls.company_b.id,
                    "user_id": False,
                    "team_id": False,
                    "expected_revenue": revenue,
                }
                for revenue in (100.0, 300.0, 900.0)
            ]
        )
        leads[:2].action_set_won()
        leads[2].action_set_lost()
        partner = cls.env["res.partner"].create({"name": "Digest callee"})
        cls.env["crm.call"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": cls.company_b.id,
                    "outcome": outcome,
                }
                for outcome in ("interested", "no_answer")
            ]
        )
        cls.digest = cls.env["digest.digest"].create(
            {
                "name": "Digest B",
                "company_id": cls.company_b.id,
                "kpi_crm_won_revenue": True,
                "kpi_crm_win_rate": True,
                "kpi_crm_calls_made": True,
            }
        )

    def _period_digest(self):
        now = fields.Datetime.now()
        return self.digest.with_context(
            start_datetime=now - timedelta(hours=1),
            end_datetime=now + timedelta(hours=1),
        )

    def test_kpi_values(self):
        digest = self._period_digest()
        self.assertEqual(digest.kpi_crm_won_revenue_value, 400.0)
        self.assertAlmostEqual(digest.kpi_crm_win_rate_value, 200 / 3, places=2)
        self.assertEqual(digest.kpi_crm_calls_made_value, 2)
        self.assertEqual(
            digest.kpi_crm_lead_created_value,
            2,
            "crm's own KPI: lost leads are archived",
        )

    def test_empty_period(self):
        now = fields.Datetime.now()
        digest = self.digest.with_context(
            start_datetime=now - timedelta(days=30),
            end_datetime=now - timedelta(days=20),
        )
        self.assertEqual(digest.kpi_crm_won_revenue_value, 0.0)
        self.assertEqual(digest.kpi_crm_win_rate_value, 0.0)

    def test_email_kpis_and_links(self):
        manager = new_test_user(
            self.env,
            login="digest_manager",
            groups="sales_team.group_sale_manager",
            company_id=self.company_b.id,
            company_ids=[(6, 0, self.company_b.ids)],
        )
        kpis = {
            kpi["kpi_name"]: kpi
            for kpi in self.digest._compute_kpis(self.company_b, manager)
        }
        self.assertIn("kpi_crm_won_revenue", kpis)
        self.assertIn("crm_kpi_report_action", kpis["kpi_crm_win_rate"]["kpi_action"])

    def test_no_sales_rights_no_sales_kpis(self):
        employee = new_test_user(
            self.env, login="digest_employee", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self._period_digest().with_user(employee).kpi_crm_won_revenue_value  # noqa: B018
        kpis = self.digest._compute_kpis(self.company_b, employee)
        self.assertNotIn("kpi_crm_win_rate", [kpi["kpi_name"] for kpi in kpis])

    def test_team_leaders_receive_the_weekly_digest(self):
        weekly = self.env.ref("crm_analytics.digest_digest_team_leaders")
        self.assertEqual(weekly.periodicity, "weekly")
        self.assertTrue(weekly.kpi_crm_won_revenue and weekly.kpi_crm_win_rate)
        leaders = (
            self.env["crm.team"].search([]).user_id.filtered(lambda u: not u.share)
        )
        self.assertLessEqual(leaders, weekly.user_ids)
        leader = new_test_user(
            self.env, login="digest_leader", groups="crm_extended.group_crm_team_leader"
        )
        team = self.env["crm.team"].create({"name": "Digest team"})
        self.assertNotIn(leader, weekly.user_ids)
        team.user_id = leader
        self.assertIn(leader, weekly.user_ids)
