# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPortalDemo(TransactionCase):
    """The demo portal customer shows every fulfilment milestone of the portal."""

    def test_demo_customer_has_every_milestone(self):
        partner = self.env.ref("base.partner_demo_portal", raise_if_not_found=False)
        if not self.env.ref("crm_portal.product_demo_chair", raise_if_not_found=False):
            self.skipTest("database without demo data")
        orders = self.env["sale.order"].search([("partner_id", "=", partner.id)])
        milestones = set(orders.mapped("fulfilment_milestone"))
        expected = {
            "quotation",
            "sent",
            "confirmed",
            "preparing",
            "shipped",
            "delivered",
            "invoiced",
            "paid",
            "cancelled",
        }
        self.assertEqual(milestones & expected, expected)
        paid = self.env.ref("crm_portal.sale_order_portal_paid_demo")
        self.assertTrue(paid.date_paid and paid.date_invoiced and paid.date_delivered)
        shipped = self.env.ref("crm_portal.sale_order_portal_shipped_demo")
        self.assertEqual(shipped.fulfilment_milestone, "shipped")
        self.assertTrue(shipped.picking_ids.filtered(lambda p: p.state != "done"))

    def test_demo_customer_has_ticket_and_pending_survey(self):
        if not self.env.ref("crm_portal.product_demo_chair", raise_if_not_found=False):
            self.skipTest("database without demo data")
        partner = self.env.ref("base.partner_demo_portal")
        tickets = self.env["helpdesk.ticket"].search([("partner_id", "=", partner.id)])
        self.assertTrue(tickets.filtered("sale_order_id"))
        pending = self.env["survey.user_input"].search(
            [
                ("partner_id", "=", partner.id),
                ("crm_feedback_kind", "!=", False),
                ("state", "!=", "done"),
            ]
        )
        delivered = self.env.ref("crm_portal.sale_order_portal_delivered_demo")
        self.assertIn(delivered, pending.sale_order_id)
        self.assertTrue(pending.filtered("crm_feedback_sent_date"), "invitation sent")
