# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import HttpCaseWithUserPortal

from .common import fake_carrier_tracking


@tagged("post_install", "-at_install")
class TestPortalOrders(HttpCaseWithUserPortal):
    """The portal customer follows each order's fulfilment on /my/orders and on the
    order page; nobody else sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goods = cls.env["product.product"].create(
            {"name": "Portal chair", "type": "consu", "list_price": 80}
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Portal setup", "type": "service", "list_price": 30}
        )
        cls.other_customer = cls.env["res.partner"].create({"name": "Someone else"})
        cls.preparing = cls._order(cls.partner_portal, cls.goods, "PORTAL-PREP")
        cls.preparing.action_confirm()
        cls.delivered = cls._order(cls.partner_portal, cls.goods, "PORTAL-DONE")
        cls.delivered.action_confirm()
        for move in cls.delivered.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
        cls.delivered.picking_ids.move_ids.picked = True
        cls.delivered.picking_ids.button_validate()
        cls.service_order = cls._order(cls.partner_portal, cls.service, "PORTAL-SERV")
        cls.service_order.action_confirm()
        cls.foreign = cls._order(cls.other_customer, cls.goods, "FOREIGN-1")
        cls.foreign.action_confirm()

    @classmethod
    def _order(cls, partner, product, ref):
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "client_order_ref": ref,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )

    def test_orders_list_shows_status_and_filters(self):
        self.authenticate("portal", "portal")
        page = self.url_open("/my/orders").text
        self.assertIn("o_crm_portal_order_status", page)
        self.assertIn(self.preparing.name, page)
        self.assertIn(self.delivered.name, page)
        self.assertNotIn(self.foreign.name, page)
        self.assertIn("Being prepared", page)
        self.assertIn("Delivered", page)
        filtered = self.url_open("/my/orders?filterby=progress").text
        self.assertIn(self.preparing.name, filtered)
        self.assertIn(self.service_order.name, filtered, "confirmed, not yet prepared")
        self.assertNotIn(self.delivered.name, filtered)
        to_pay = self.url_open("/my/orders?filterby=to_pay").text
        self.assertIn(self.delivered.name, to_pay)
        self.assertNotIn(self.preparing.name, to_pay)
        # an unknown filter is ignored, not an error
        response = self.url_open("/my/orders?filterby=<script>")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.preparing.name, response.text)

    def test_order_page_timeline(self):
        self.authenticate("portal", "portal")
        page = self.url_open(self.delivered.get_portal_url()).text
        self.assertIn("o_crm_portal_order_timeline", page)
        for step in (
            "Quotation",
            "Confirmed",
            "Being prepared",
            "Shipped",
            "Delivered",
        ):
            self.assertIn(step, page)
        self.assertRegex(
            page, r"o_crm_portal_step_delivered[^\"]*o_crm_portal_step_current"
        )
        service_page = self.url_open(self.service_order.get_portal_url()).text
        self.assertIn("o_crm_portal_order_timeline", service_page)
        self.assertNotIn(
            "o_crm_portal_step_shipped", service_page, "no goods, no shipping"
        )
        self.service_order._action_cancel()
        cancelled = self.url_open(self.service_order.get_portal_url()).text
        self.assertIn("This order was cancelled on", cancelled)
        self.assertNotIn("o_crm_portal_step_current", cancelled)

    def test_carrier_tracking_link(self):
        """With a carrier integration (stock_delivery, not installed here: its
        values are faked) the shipped step links to the carrier's tracking page."""
        fake_carrier_tracking(self, "TRK-7788")
        self.authenticate("portal", "portal")
        page = self.url_open(self.delivered.get_portal_url()).text
        self.assertRegex(
            page,
            r'<a class="o_crm_portal_tracking_link"[^>]* '
            r'href="https://carrier.example/t/TRK-7788"[^>]*>TRK-7788</a>',
        )

    def test_steps_for_the_customer(self):
        steps = self.preparing._get_portal_fulfilment_steps()
        self.assertEqual(
            [s["key"] for s in steps],
            [
                "quotation",
                "confirmed",
                "preparing",
                "shipped",
                "delivered",
                "invoiced",
                "paid",
            ],
        )
        current = [s["key"] for s in steps if s["current"]]
        self.assertEqual(current, ["preparing"])
        self.assertFalse(next(s for s in steps if s["key"] == "shipped")["date"])

    def test_other_customers_and_public_see_nothing(self):
        self.authenticate("portal", "portal")
        # another customer's order id in the URL, without its token
        response = self.url_open(f"/my/orders/{self.foreign.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("FOREIGN-1", response.text)
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/orders/{self.delivered.id}?access_token=wrong", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("o_crm_portal_order_timeline", response.text)
        self.delivered._portal_ensure_token()
        response = self.url_open(
            f"/my/orders/{self.delivered.id}?access_token={self.delivered.access_token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_crm_portal_order_timeline", response.text)
