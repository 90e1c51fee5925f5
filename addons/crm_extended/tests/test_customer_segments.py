# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestCustomerSegments(BaseCommon):
    """Five customers with confirmed orders (days ago: untaxed amount)::

        whale     10: 5000, 40: 3000
        regular    5: 300, 20: 300, 60: 300
        newbie     2: 100            (+ a draft of 9,000,000 that must not count)
        sleeper  400: 600, 500: 600
        one_shot 300: 50

    Scores are ranks among every paying customer of the database (demo ones too), so
    the test recomputes the expected ABC classes from the orders in plain SQL and
    checks the RFM scores by their ordering.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Segment service", "type": "service"}
        )
        Partner = cls.env["res.partner"]
        cls.customers = {}
        plan = {
            "whale": [(10, 5000), (40, 3000)],
            "regular": [(5, 300), (20, 300), (60, 300)],
            "newbie": [(2, 100)],
            "sleeper": [(400, 600), (500, 600)],
            "one_shot": [(300, 50)],
        }
        now = fields.Datetime.now()
        for name, orders in plan.items():
            partner = Partner.create({"name": name, "is_company": True})
            cls.customers[name] = partner
            for days, amount in orders:
                order = cls.env["sale.order"].create(
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            (
                                0,
                                0,
                                {
                                    "product_id": cls.product.id,
                                    "price_unit": amount,
                                    "tax_id": False,
                                },
                            )
                        ],
                    }
                )
                order.action_confirm()
                order.date_order = now - timedelta(days=days)
        cls.contact = Partner.create(
            {"name": "Whale buyer", "parent_id": cls.customers["whale"].id}
        )
        # an order in draft counts for nothing
        cls.env["sale.order"].create(
            {
                "partner_id": cls.customers["newbie"].id,
                "order_line": [
                    (0, 0, {"product_id": cls.product.id, "price_unit": 9e6})
                ],
            }
        )
        cls.plan = plan

    def _expected(self):
        """Independent recomputation: quintiles and ABC shares over all customers with
        confirmed orders in the database (demo data included)."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT partner.commercial_partner_id, COUNT(*), MAX(so.date_order),
                   SUM(so.amount_untaxed)
              FROM sale_order so JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.state = 'sale'
          GROUP BY partner.commercial_partner_id
            """
        )
        rows = self.env.cr.fetchall()
        return {pid: (count, last, revenue) for pid, count, last, revenue in rows}

    def test_statistics_scores_and_classes(self):
        self.env["res.partner"]._compute_customer_segments()
        expected = self._expected()
        whale = self.customers["whale"]
        self.assertEqual(whale.order_count, 2)
        self.assertAlmostEqual(whale.lifetime_value, 8000)
        self.assertEqual(whale.last_order_date, expected[whale.id][1])
        self.assertEqual(
            self.contact.lifetime_value, 8000, "a contact carries its company's values"
        )
        self.assertEqual(self.customers["newbie"].order_count, 1, "drafts do not count")
        # ranking: more recent / more orders / more revenue never score lower
        by_recency = sorted(self.customers.values(), key=lambda p: p.last_order_date)
        self.assertEqual(
            [p.rfm_recency for p in by_recency],
            sorted(p.rfm_recency for p in by_recency),
        )
        self.assertGreaterEqual(
            self.customers["regular"].rfm_frequency,
            self.customers["newbie"].rfm_frequency,
        )
        ours = self.customers.values()
        self.assertEqual(
            self.customers["whale"].rfm_monetary, max(p.rfm_monetary for p in ours)
        )
        self.assertIn(self.customers["sleeper"].rfm_segment, ("at_risk", "hibernating"))
        self.assertIn(self.customers["newbie"].rfm_segment, ("promising", "attention"))
        # ABC: A covers the first 80 % of revenue
        total = sum(revenue for _count, _last, revenue in expected.values())
        running = 0.0
        for pid, (_count, _last, revenue) in sorted(
            expected.items(), key=lambda item: (-item[1][2], item[0])
        ):
            klass = (
                "A" if running / total < 0.8 else "B" if running / total < 0.95 else "C"
            )
            running += revenue
            self.assertEqual(self.env["res.partner"].browse(pid).abc_class, klass)
        self.assertIn(
            self.customers["whale"],
            self.env["res.partner"].search([("abc_class", "=", "A")]),
            "usable in search filters and mailing domains",
        )

    def test_customer_without_orders_is_reset(self):
        self.env["res.partner"]._compute_customer_segments()
        one_shot = self.customers["one_shot"]
        self.assertTrue(one_shot.rfm_segment)
        self.env["sale.order"].search(
            [("partner_id", "=", one_shot.id)]
        )._action_cancel()
        self.env["res.partner"]._compute_customer_segments()
        self.assertFalse(one_shot.rfm_segment)
        self.assertEqual(one_shot.order_count, 0)

    def test_responsiveness_from_mailing_traces(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Promo",
                "body_html": "<p>Hi</p>",
                "mailing_model_id": self.env.ref("base.model_res_partner").id,
            }
        )
        whale, regular = self.customers["whale"], self.customers["regular"]
        lead = self.env["crm.lead"].create(
            {"name": "Promo lead", "partner_id": regular.id}
        )
        now = fields.Datetime.now()
        self.env["mailing.trace"].create(
            [
                # whale: opened, clicked and replied to one of two mailings -> 3/6
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": whale.id,
                    "trace_status": "reply",
                    "open_datetime": now,
                    "links_click_datetime": now,
                    "reply_datetime": now,
                },
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": self.contact.id,
                    "trace_status": "sent",
                },
                # regular, reached through its lead: opened only -> 1/3
                {
                    "mass_mailing_id": mailing.id,
                    "model": "crm.lead",
                    "res_id": lead.id,
                    "trace_status": "open",
                    "open_datetime": now,
                },
            ]
        )
        self.env["res.partner"]._compute_customer_segments()
        self.assertEqual(whale.responsiveness_score, 50)
        self.assertEqual(regular.responsiveness_score, 33)
        self.assertEqual(
            self.env["res.partner"].search(
                [
                    ("responsiveness_score", ">=", 50),
                    ("id", "in", (whale | regular).ids),
                ]
            ),
            whale,
        )

    def test_cron_and_action(self):
        cron = self.env.ref("crm_extended.ir_cron_customer_segments")
        cron.method_direct_trigger()
        self.assertEqual(self.customers["whale"].order_count, 2)
