# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.tests.common import HttpCaseWithUserPortal

# queries of one /my/tickets page, whatever the number of tickets on it
MY_TICKETS_QUERIES = 22


@tagged("post_install", "-at_install")
class TestPortalPerformance(HttpCaseWithUserPortal):
    """/my, /my/orders and an order page cost the same queries with 10 or 100 orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Perf chair", "type": "consu", "list_price": 10}
        )
        cls.start = fields.Datetime.now()

    def _add_orders(self, count):
        """Confirmed orders, each a minute newer than the last one added."""
        existing = self.env["sale.order"].search_count(
            [("partner_id", "=", self.partner_portal.id)]
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": self.partner_portal.id,
                    "order_line": [(0, 0, {"product_id": self.product.id})],
                }
                for _i in range(count)
            ]
        )
        orders.action_confirm()
        for i, order in enumerate(orders, start=existing):
            order.date_order = self.start + timedelta(minutes=i)
        return orders

    def _queries(self, url):
        self.url_open(url)  # warm the caches and the routing map
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.env.cr.sql_log_count - before

    def _measure(self):
        # the second newest order: the order page then has a previous and a next one
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.partner_portal.id), ("state", "=", "sale")],
            order="date_order desc",
            limit=2,
        )[1]
        return {
            "home": self._queries("/my"),
            "orders": self._queries("/my/orders"),
            "order page": self._queries(f"/my/orders/{order.id}"),
        }

    def test_query_count_does_not_grow_with_orders(self):
        self._add_orders(10)
        self.authenticate("portal", "portal")
        few = self._measure()
        self._add_orders(90)
        many = self._measure()
        self.assertEqual(many, few)


@tagged("post_install", "-at_install")
class TestPortalTicketPerformance(HttpCaseWithUserPortal):
    """/my/tickets, with the order of each ticket, costs the same queries with 5 or
    50 tickets (all on one page)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Perf lamp", "type": "service", "list_price": 10}
        )

    def _add_tickets(self, count):
        """`count` tickets of the portal customer, each about its own order."""
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": self.partner_portal.id,
                    "order_line": [(0, 0, {"product_id": self.product.id})],
                }
                for _i in range(count)
            ]
        )
        orders.action_confirm()
        self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"Perf ticket {order.name}",
                    "description": "<p>Where is it?</p>",
                    "partner_id": self.partner_portal.id,
                    "sale_order_id": order.id,
                }
                for order in orders
            ]
        )

    def _list_tickets(self, expected):
        self.url_open("/my/tickets")  # warm the caches and the routing map
        with self.assertQueryCount(MY_TICKETS_QUERIES):
            response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.text.count('o_crm_portal_ticket_list_order">'), expected
        )

    def test_my_tickets_query_count_does_not_grow(self):
        existing = self.env["helpdesk.ticket"].search_count(
            [("partner_id", "child_of", self.partner_portal.id)]
        )
        self.authenticate("portal", "portal")
        self._add_tickets(5)
        self._list_tickets(existing + 5)
        self._add_tickets(45)
        self._list_tickets(existing + 50)
