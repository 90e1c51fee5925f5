# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAnalyticsDemo(TransactionCase):
    """The demo data shows a campaign that paid back, next to ones still at a loss."""

    def test_christmas_campaign_pays_back(self):
        order = self.env.ref(
            "crm_analytics.sale_order_christmas_demo", raise_if_not_found=False
        )
        if not order:
            self.skipTest("database without demo data")
        campaign = self.env.ref("utm.utm_campaign_christmas_special")
        self.assertEqual(order.invoice_ids.campaign_id, campaign)
        self.assertIn(order.invoice_ids.payment_state, ("paid", "in_payment"))
        [group] = self.env["crm.roi.report"].read_group(
            [("campaign_id", "=", campaign.id)],
            ["cost:sum", "paid_revenue:sum", "roi:sum"],
            [],
        )
        self.assertEqual(group["cost"], 1200)
        self.assertEqual(group["paid_revenue"], 2700)  # 30 x 90, untaxed
        self.assertAlmostEqual(group["roi"], 125.0)
