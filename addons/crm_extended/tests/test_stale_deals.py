# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestStaleDeals(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_offer.stale_days = 3
        cls.stage_price.stale_days = 10
        cls.stage_won.stale_days = 1
        long_ago = fields.Datetime.now() - timedelta(days=5)
        cls.stale = cls._create_lead(
            "Sleeping", cls.salesman_a, cls.team_a, cls.stage_offer
        )
        cls.fresh = cls._create_lead(
            "Fresh", cls.salesman_a, cls.team_a, cls.stage_offer
        )
        cls.price = cls._create_lead(
            "Haggling", cls.salesman_b, cls.team_b, cls.stage_price
        )
        cls.won = cls._create_lead("Done", cls.salesman_b, cls.team_b, cls.stage_won)
        (cls.stale | cls.price | cls.won).date_last_stage_update = long_ago

    def _alerts(self, lead):
        return self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )

    def test_flag_and_filter(self):
        self.assertTrue(self.stale.is_stale)
        self.assertFalse(self.fresh.is_stale)
        self.assertFalse(self.price.is_stale, "5 days is fine where 10 are allowed")
        self.assertFalse(self.won.is_stale, "won deals are never stale")
        found = self.env["crm.lead"].search(
            [
                ("is_stale", "=", True),
                ("team_id", "in", (self.team_a | self.team_b).ids),
            ]
        )
        self.assertEqual(found, self.stale)

    def test_cron_schedules_one_activity_per_stay(self):
        self.env["crm.lead"]._cron_stale_deal_alerts()
        alert = self._alerts(self.stale)
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.user_id, self.salesman_a)
        self.assertIn("T Offer", alert.summary)
        self.assertFalse(self._alerts(self.fresh) | self._alerts(self.won))

        self.env["crm.lead"]._cron_stale_deal_alerts()
        self.assertEqual(len(self._alerts(self.stale)), 1, "not again the next day")

        # a new stay in a stage that is overdue too gets its own alert
        self.stale.write({"stage_id": self.stage_price.id})
        self.stale.date_last_stage_update = fields.Datetime.now() - timedelta(days=11)
        self.env["crm.lead"]._cron_stale_deal_alerts()
        self.assertEqual(len(self._alerts(self.stale)), 2)

    def test_cron_job_is_installed(self):
        cron = self.env.ref("crm_extended.ir_cron_crm_stale_deal_alerts")
        self.assertTrue(cron.active)
        self.assertEqual(cron.interval_type, "days")
