# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import PDF, TicketPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTicketSecurity(TicketPortalCommon):
    """Customer A never reaches B's tickets, orders or files; a visitor reaches
    nothing without logging in."""

    def _assert_nothing_of_b(self, response):
        self.assertNotIn(self.ticket_b.name, response.text)
        self.assertNotIn(self.order_b.name, response.text)
        self.assertNotIn("B-ORDER-REF", response.text)

    def _assert_refused(self, response, statuses=(302, 303, 403, 404)):
        self.assertIn(response.status_code, statuses)
        self._assert_nothing_of_b(response)

    def test_customer_a_cannot_reach_b_tickets(self):
        self.authenticate("customer_a", "customer_a")
        response = self.url_open(
            f"/my/ticket/{self.ticket_b.id}", allow_redirects=False
        )
        self._assert_refused(response)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        wrong_token = self.url_open(
            f"/my/ticket/{self.ticket_b.id}?access_token=not-the-token",
            allow_redirects=False,
        )
        self._assert_refused(wrong_token)
        listing = self.url_open("/my/tickets")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.ticket_a.name, listing.text)
        self._assert_nothing_of_b(listing)
        attachment = self.url_open(
            f"/web/content/{self.attachment_b.id}?download=true", allow_redirects=False
        )
        self.assertIn(attachment.status_code, (403, 404))
        self.assertNotIn(PDF, attachment.content)

    def test_customer_a_cannot_use_b_order(self):
        self.authenticate("customer_a", "customer_a")
        form = self.url_open(
            f"/new/ticket?sale_order_id={self.order_b.id}", allow_redirects=False
        )
        self._assert_refused(form)
        self.assertIn("This order does not exist or is not one of yours.", form.text)
        self.assertNotIn("This ticket is about order", form.text)
        response = self._submit(
            sale_order_id=str(self.order_b.id),
            files=[("attachment", ("photo.pdf", PDF, "application/pdf"))],
        )
        self._assert_refused(response)
        self.assertEqual(self._tickets_of(self.partner_a), self.ticket_a)
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("name", "=", "Chair arrived broken")])
        )
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "photo.pdf")]))
        # B's order page and its next actions stay closed to A as well
        order_page = self.url_open(
            f"/my/orders/{self.order_b.id}", allow_redirects=False
        )
        self._assert_refused(order_page)

    def test_customer_a_cannot_close_b_ticket(self):
        """helpdesk_mgmt's close route searched any ticket as superuser."""
        stage = self.env["helpdesk.ticket.stage"].create(
            {"name": "Solved by customer", "closed": True, "close_from_portal": True}
        )
        open_stage = self.ticket_b.stage_id
        self.authenticate("customer_a", "customer_a")
        response = self.url_open(
            f"/ticket/close?ticket_id={self.ticket_b.id}&stage_id={stage.id}",
            allow_redirects=False,
        )
        self._assert_refused(response)
        self.assertEqual(self.ticket_b.stage_id, open_stage)
        response = self.url_open(
            f"/ticket/close?ticket_id=x&stage_id={stage.id}", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        # A still closes their own ticket
        self.url_open(f"/ticket/close?ticket_id={self.ticket_a.id}&stage_id={stage.id}")
        self.assertEqual(self.ticket_a.stage_id, stage)

    def test_customer_a_with_b_order_link(self):
        """A holding B's order link sees the order, not B's tickets, and is not
        offered to open a ticket about it."""
        self.authenticate("customer_a", "customer_a")
        page = self.url_open(self.order_b.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order_b.name, page.text)
        self.assertNotIn(self.ticket_b.name, page.text)
        self.assertNotIn("Open a ticket about this order", page.text)

    def test_order_page_by_token_lists_no_ticket(self):
        """The order's link with its token shows the order, not its tickets."""
        self.authenticate(None, None)
        page = self.url_open(self.order_b.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order_b.name, page.text)
        self.assertNotIn(self.ticket_b.name, page.text)
        # the visitor may log in to open a ticket; the form checks the order then
        self.assertIn(f"/new/ticket?sale_order_id={self.order_b.id}", page.text)

    def test_ticket_by_token_does_not_link_order(self):
        """A visitor holding the ticket's link sees the ticket and the order's name
        and progress, but gets no link into the order."""
        self.authenticate(None, None)
        page = self.url_open(self.ticket_b.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ticket_b.name, page.text)
        self.assertIn(self.order_b.name, page.text)
        self.assertNotIn(f'href="/my/orders/{self.order_b.id}', page.text)

    def test_public_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        for url in (
            "/my/tickets",
            "/new/ticket",
            f"/new/ticket?sale_order_id={self.order_b.id}",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertIn("/web/login", response.headers["Location"], url)
            self._assert_nothing_of_b(response)
        for url in (
            f"/my/ticket/{self.ticket_b.id}",
            f"/my/ticket/{self.ticket_b.id}?access_token=wrong",
            f"/my/orders/{self.order_b.id}",
        ):
            self._assert_refused(self.url_open(url, allow_redirects=False))
        attachment = self.url_open(
            f"/web/content/{self.attachment_b.id}", allow_redirects=False
        )
        self.assertIn(attachment.status_code, (403, 404))
        self.assertNotIn(PDF, attachment.content)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "subject": "Anonymous",
                "description": "x",
                "sale_order_id": str(self.order_b.id),
            },
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (303, 400, 403))
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("name", "=", "Anonymous")])
        )
