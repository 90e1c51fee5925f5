# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PDF, TicketPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTickets(TicketPortalCommon):
    """Customer A opens a ticket from an order page and follows it on the portal."""

    def test_order_page_next_actions(self):
        self.authenticate("customer_a", "customer_a")
        page = self.url_open(self.order_a.get_portal_url()).text
        self.assertIn("What you can do now", page)
        self.assertIn("Open a ticket about this order", page)
        self.assertIn(f'href="/new/ticket?sale_order_id={self.order_a.id}"', page)
        # the order's open ticket, linked to its portal page
        self.assertIn(f'href="/my/ticket/{self.ticket_a.id}"', page)
        self.assertIn("Alice asks a question", page)
        self.assertNotIn("o_crm_portal_action_sign", page, "already confirmed")
        # a quotation to sign opens Odoo's own accept & sign dialog
        quote_page = self.url_open(self.quote_a.get_portal_url()).text
        self.assertIn("o_crm_portal_action_sign", quote_page)
        self.assertIn('data-bs-target="#modalaccept"', quote_page)
        self.assertNotIn("Alice asks a question", quote_page)

    def test_next_actions_invoice_to_pay_and_closed_ticket(self):
        invoice = self.order_a._create_invoices(final=True)
        invoice.action_post()
        closed_stage = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        self.ticket_a.stage_id = closed_stage
        actions = self.order_a._get_portal_next_actions(self.user_a)
        self.assertEqual(
            [action["key"] for action in actions], ["pay_invoice", "new_ticket"]
        )
        self.assertEqual(actions[0]["url"], invoice.get_portal_url())
        self.authenticate("customer_a", "customer_a")
        page = self.url_open(self.order_a.get_portal_url()).text
        self.assertIn(f"Pay invoice {invoice.name}", page)
        self.assertNotIn("Alice asks a question", page, "closed tickets are not listed")

    def test_new_ticket_form_preselects_order(self):
        self.authenticate("customer_a", "customer_a")
        response = self.url_open(f"/new/ticket?sale_order_id={self.order_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("This ticket is about order", response.text)
        self.assertIn(self.order_a.name, response.text)
        self.assertRegex(response.text, rf'<option value="{self.order_a.id}" selected=')
        # the customer's other recent orders can be chosen; B's cannot
        self.assertIn(self.quote_a.name, response.text)
        self.assertNotIn(self.order_b.name, response.text)

    def test_open_ticket_from_order(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(
            sale_order_id=str(self.order_a.id),
            files=[("attachment", ("photo.pdf", PDF, "application/pdf"))],
        )
        self.assertIn(response.status_code, (302, 303))
        ticket = self._tickets_of(self.partner_a).filtered(
            lambda t: t.name == "Chair arrived broken"
        )
        self.assertEqual(len(ticket), 1)
        self.assertIn(f"/my/ticket/{ticket.id}", response.headers["Location"])
        self.assertEqual(ticket.sale_order_id, self.order_a)
        self.assertIn("One leg is missing.", ticket.description)
        self.assertEqual(ticket.category_id, self.category)
        self.assertEqual(ticket.sla_id, self.sla)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(attachment.name, "photo.pdf")
        self.assertEqual(attachment.raw, PDF)

        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertIn(self.order_a.name, page)
        self.assertIn(f'href="/my/orders/{self.order_a.id}"', page)
        self.assertIn("o_crm_portal_ticket_order_timeline", page)
        self.assertIn("o_crm_portal_step_confirmed", page)
        self.assertIn("Answer expected by", page)

        listing = self.url_open("/my/tickets").text
        self.assertIn('<th name="th_sale_order">Order</th>', listing)
        self.assertRegex(
            listing,
            rf'list_order">\s*<a href="/my/orders/{self.order_a.id}"',
        )

    def test_ticket_page_sla_states(self):
        self.authenticate("customer_a", "customer_a")
        url = f"/my/ticket/{self.ticket_a.id}"
        self.assertIn("Answer expected by", self.url_open(url).text)
        self.ticket_a.first_response_date = fields.Datetime.now()
        page = self.url_open(url).text
        self.assertIn("Resolution expected by", page)
        self.assertNotIn("Answer expected by", page)
        self.ticket_a.sla_deadline = fields.Datetime.now() - timedelta(hours=1)
        page = self.url_open(url).text
        self.assertIn("o_crm_portal_ticket_sla_overdue", page)
        self.assertIn("Overdue", page)
        self.ticket_a.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        self.assertTrue(self.ticket_a.closed_date)
        self.assertNotIn("o_crm_portal_ticket_sla", self.url_open(url).text)

    def test_portal_sla_state_hook(self):
        ticket = self.ticket_a
        self.assertEqual(
            ticket._get_portal_sla_state(),
            {"state": "response", "date": ticket.sla_response_deadline},
        )
        ticket.first_response_date = fields.Datetime.now()
        self.assertEqual(
            ticket._get_portal_sla_state(),
            {"state": "resolution", "date": ticket.sla_deadline},
        )
        ticket.sla_id = False
        ticket.sla_deadline = False
        self.assertIsNone(ticket._get_portal_sla_state())


@tagged("post_install", "-at_install")
class TestPortalTicketValidation(TicketPortalCommon):
    """Bad input comes back on the form with a message; nothing is stored."""

    def _assert_rejected(self, response, message, status=400, **kept):
        self.assertEqual(response.status_code, status)
        self.assertIn("Your ticket was not sent", response.text)
        self.assertIn(message, response.text)
        for value in kept.values():
            self.assertIn(value, response.text)
        self.assertEqual(self._tickets_of(self.partner_a), self.ticket_a)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "not in", (self.ticket_a + self.ticket_b).ids),
                ]
            )
        )

    def test_empty_subject_and_description(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(subject="  ", description="")
        self._assert_rejected(response, "Please enter a subject.")
        self.assertIn("Please describe your request.", response.text)

    def test_too_long_subject_keeps_typed_values(self):
        self.authenticate("customer_a", "customer_a")
        subject = "S" * 201
        response = self._submit(
            subject=subject,
            description="Keep this text",
            sale_order_id=str(self.order_a.id),
        )
        self._assert_rejected(
            response,
            "The subject is too long: 200 characters at most.",
            subject=f'value="{subject}"',
            description="Keep this text</textarea>",
        )
        self.assertRegex(response.text, rf'<option value="{self.order_a.id}" selected=')
        self.assertRegex(
            response.text, rf'<option value="{self.category.id}" selected='
        )

    def test_too_long_description(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(description="d" * 10001)
        self._assert_rejected(
            response,
            "The description is too long: 10000 characters at most.",
            subject='value="Chair arrived broken"',
        )

    def test_attachment_too_big(self):
        self.env["ir.config_parameter"].set_param(
            "crm_portal.ticket_attachment_max_mb", "0.001"
        )
        self.authenticate("customer_a", "customer_a")
        big = PDF + b"0" * 2048
        response = self._submit(
            files=[("attachment", ("big.pdf", big, "application/pdf"))]
        )
        self._assert_rejected(response, "The file big.pdf is too big")

    def test_attachment_type_not_allowed(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(
            files=[
                ("attachment", ("ok.pdf", PDF, "application/pdf")),
                ("attachment", ("tool.exe", b"MZ\x90\x00binary", "application/x")),
            ]
        )
        self._assert_rejected(response, "The file tool.exe is not an accepted type")
        # the allowed types are a system parameter
        self.env["ir.config_parameter"].set_param(
            "crm_portal.ticket_attachment_types", "png"
        )
        response = self._submit(
            files=[("attachment", ("ok.pdf", PDF, "application/pdf"))]
        )
        self._assert_rejected(response, "Accepted types: png.")

    def test_attachment_content_does_not_match_extension(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(
            files=[("attachment", ("invoice.pdf", b"MZ\x90\x00\x03\x00", "x/y"))]
        )
        self._assert_rejected(response, "The file invoice.pdf is not an accepted type")

    def test_invalid_order_ids(self):
        self.authenticate("customer_a", "customer_a")
        response = self._submit(sale_order_id="12abc")
        self._assert_rejected(
            response,
            "This order reference is not valid.",
            subject='value="Chair arrived broken"',
        )
        missing_id = self.env["sale.order"].search([], order="id desc", limit=1).id + 1
        response = self._submit(sale_order_id=str(missing_id))
        self._assert_rejected(
            response, "This order does not exist or is not one of yours.", status=404
        )
        response = self.url_open("/new/ticket?sale_order_id=abc")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This order reference is not valid.", response.text)
