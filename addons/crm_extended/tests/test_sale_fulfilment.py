# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestSaleFulfilment(BaseCommon):
    """An order walks quotation -> sent -> confirmed -> being prepared -> shipped ->
    delivered -> invoiced -> paid, each milestone with its date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Fulfilment Customer"})
        cls.goods = cls.env["product.product"].create(
            {
                "name": "Boxed goods",
                "type": "consu",
                "list_price": 100.0,
                "invoice_policy": "delivery",
            }
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Consulting hour",
                "type": "service",
                "list_price": 50.0,
                "invoice_policy": "order",
            }
        )

    def _order(self, product, qty=2):
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )

    def _deliver(self, order):
        for picking in order.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking.button_validate()

    def _invoice_and_pay(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        return invoice

    def test_goods_order_walks_every_milestone(self):
        order = self._order(self.goods)
        self.assertEqual(order.fulfilment_milestone, "quotation")

        order.action_quotation_sent()
        self.assertEqual(order.fulfilment_milestone, "sent")
        self.assertTrue(order.date_sent)

        order.action_confirm()
        self.assertTrue(order.date_confirmed)
        self.assertEqual(order.fulfilment_milestone, "preparing")
        self.assertTrue(order.date_preparing)
        self.assertFalse(order.date_shipped)

        self._deliver(order)
        self.assertEqual(order.fulfilment_milestone, "delivered")
        self.assertEqual(order.date_shipped, order.effective_date)
        self.assertTrue(order.date_delivered)

        invoice = self._invoice_and_pay(order)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(order.fulfilment_milestone, "paid")
        self.assertEqual(order.date_invoiced, invoice.invoice_date)
        self.assertTrue(order.date_paid)
        self.assertFalse(order.fulfilment_tracking_ref)

    def test_invoiced_but_unpaid(self):
        order = self._order(self.service)
        order.action_confirm()
        self.assertEqual(order.fulfilment_milestone, "confirmed", "no goods to ship")
        self.assertFalse(order.date_sent, "confirmed straight from the quotation")
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(order.fulfilment_milestone, "invoiced")
        self.assertFalse(order.date_paid)

    def test_partial_delivery_is_shipped_not_delivered(self):
        order = self._order(self.goods, qty=4)
        order.action_confirm()
        picking = order.picking_ids
        picking.move_ids.quantity = 1
        picking.move_ids.picked = True
        picking.with_context(
            cancel_backorder=False, skip_backorder=True
        ).button_validate()
        self.assertEqual(order.fulfilment_milestone, "shipped")
        self.assertTrue(order.date_shipped)
        self.assertFalse(order.date_delivered)

    def test_cancel_and_reset(self):
        order = self._order(self.goods)
        order.action_cancel()
        self.assertEqual(order.fulfilment_milestone, "cancelled")
        self.assertTrue(order.date_cancelled)
        order.action_draft()
        self.assertEqual(order.fulfilment_milestone, "quotation")
        self.assertFalse(order.date_cancelled)

    def test_existing_orders_get_their_dates(self):
        confirmed = self._order(self.service)
        confirmed.action_confirm()
        confirmed.date_confirmed = False
        self.env["sale.order"]._init_fulfilment_dates()
        self.assertEqual(confirmed.date_confirmed, confirmed.date_order)
        self.assertEqual(confirmed.fulfilment_milestone, "confirmed")

    def test_milestones_in_batch(self):
        """Recomputing many orders reads their pickings and invoices in batches."""
        orders = self.env["sale.order"].browse(
            [self._order(self.goods).id for _ in range(10)]
        )
        orders.action_confirm()
        self.assertEqual(set(orders.mapped("fulfilment_milestone")), {"preparing"})
