# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import fake_carrier_tracking
from .common_notification import NotificationCommon


@tagged("post_install", "-at_install")
class TestOrderNotifications(NotificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goods = cls.env["product.product"].create(
            {"name": "Notified chair", "type": "consu", "list_price": 80}
        )

    def _order(self, partner):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": self.agent.id,
                "order_line": [(0, 0, {"product_id": self.goods.id})],
            }
        )

    def _ship(self, order):
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        # date_shipped is a stored compute: recomputed (and the rule run) at the
        # latest when the request's transaction is flushed
        self.env.flush_all()

    def test_order_confirmed_by_preferences(self):
        orders = {partner: self._order(partner) for partner in self.customers}
        for order in orders.values():
            order.action_confirm()
        for partner, order in orders.items():
            with self.subTest(customer=partner.name):
                self.assertNotified(
                    order,
                    "crm_portal.mt_order_confirmed",
                    f"Your order {order.name} is confirmed",
                    [order.name, self._portal_link(order)],
                    [order.name, self._portal_link(order)],
                )
        self.assertFalse(
            self._notification_mails(
                orders[self.customer_none], "crm_portal.mt_order_confirmed"
            )
            | self._notification_mails(
                orders[self.customer_sms], "crm_portal.mt_order_confirmed"
            ),
        )

    def test_order_confirmed_once(self):
        order = self._order(self.customer_both)
        order.action_confirm()
        # saving the order again, cancelling and confirming it again: no new message
        order.write({"client_order_ref": "PO-2", "state": "sale"})
        order._action_cancel()
        order.action_draft()
        order.action_confirm()
        order._crm_portal_notify("order_confirmed")
        mails, sms = self.assertNotified(
            order,
            "crm_portal.mt_order_confirmed",
            f"Your order {order.name} is confirmed",
            [order.name],
            [order.name],
        )
        self.assertEqual(len(mails), 1)
        self.assertEqual(len(sms), 1)

    def test_quotation_is_not_notified(self):
        order = self._order(self.customer_both)
        order.action_quotation_sent()
        self.assertFalse(
            self._notification_mails(order, "crm_portal.mt_order_confirmed")
        )
        self.assertFalse(self._notification_sms(order, "crm_portal.mt_order_confirmed"))

    def test_order_shipped_by_preferences(self):
        orders = {partner: self._order(partner) for partner in self.customers}
        for order in orders.values():
            order.action_confirm()
            self.assertFalse(
                self._notification_mails(order, "crm_portal.mt_order_shipped"),
                "being prepared is not shipped",
            )
            self._ship(order)
        for partner, order in orders.items():
            with self.subTest(customer=partner.name):
                mails, _sms = self.assertNotified(
                    order,
                    "crm_portal.mt_order_shipped",
                    f"Your order {order.name} has shipped",
                    [order.name, self._portal_link(order)],
                    [order.name, self._portal_link(order)],
                )
                if mails:
                    self.assertNotIn("tracking reference", mails.body_html)

    def test_order_shipped_with_carrier_tracking(self):
        """With a carrier integration the tracking reference and the carrier's
        link are given (stock_delivery is not installed: its fields are faked)."""
        fake_carrier_tracking(self, "TRK-4242")
        order = self._order(self.customer_both)
        order.action_confirm()
        self._ship(order)
        mails, sms = self.assertNotified(
            order,
            "crm_portal.mt_order_shipped",
            f"Your order {order.name} has shipped",
            [order.name, "TRK-4242", "https://carrier.example/t/TRK-4242"],
            [order.name, "Tracking: TRK-4242", "https://carrier.example/t/TRK-4242"],
        )
        # a second delivery of the same order, or the rule run again: no resend
        order._crm_portal_notify("order_shipped")
        self.assertEqual(
            self._notification_mails(order, "crm_portal.mt_order_shipped"), mails
        )
        self.assertEqual(
            self._notification_sms(order, "crm_portal.mt_order_shipped"), sms
        )

    def test_tracking_url_needs_a_carrier_integration(self):
        if "carrier_tracking_url" in self.env["stock.picking"]._fields:
            self.skipTest("stock_delivery is installed: the carrier gives the link")
        order = self._order(self.customer_both)
        order.action_confirm()
        self._ship(order)
        self.assertTrue(order.date_shipped)
        self.assertFalse(order.portal_tracking_url)
        self.assertEqual(
            len(self._notification_sms(order, "crm_portal.mt_order_shipped")), 1
        )

    def test_invalid_phone_or_no_email_sends_nothing(self):
        self.customer_both.write({"mobile": "12", "phone": False, "email": False})
        order = self._order(self.customer_both)
        order.action_confirm()
        self.assertFalse(
            self._notification_mails(order, "crm_portal.mt_order_confirmed")
        )
        self.assertFalse(self._notification_sms(order, "crm_portal.mt_order_confirmed"))

    def test_blacklisted_phone_gets_no_sms(self):
        self.env["phone.blacklist"].sudo().add(self.customer_both.phone_sanitized)
        order = self._order(self.customer_both)
        order.action_confirm()
        self.assertEqual(
            len(self._notification_mails(order, "crm_portal.mt_order_confirmed")), 1
        )
        self.assertFalse(self._notification_sms(order, "crm_portal.mt_order_confirmed"))

    def test_unknown_event_is_refused(self):
        """A typo in an automation rule's code gives a clear error, sends nothing."""
        order = self._order(self.customer_both)
        order.action_confirm()
        messages, mails = order.message_ids, self.env["mail.mail"].search([])
        with self.assertRaisesRegex(UserError, "order_confirmed, order_shipped"):
            order._crm_portal_notify("order_confirmd")
        order.invalidate_recordset(["message_ids"])
        self.assertEqual(order.message_ids, messages)
        self.assertEqual(self.env["mail.mail"].search([]), mails)

    def test_rerun_on_many_orders_costs_one_query(self):
        orders = self.env["sale.order"]
        for partner in self.customers - self.customer_none:
            orders |= self._order(partner)
        orders.action_confirm()
        self.env.flush_all()
        # one query (the messages already sent) for one order or many
        for batch in (orders[:1], orders):
            self.env.invalidate_all()
            with self.assertQueryCount(1):
                messages = batch._crm_portal_notify("order_confirmed")
            self.assertFalse(messages, "every order was already notified")

    def test_notification_is_logged_for_employees_only(self):
        order = self._order(self.customer_both)
        order.action_confirm()
        messages = order.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("crm_portal.mt_order_confirmed")
        )
        self.assertEqual(len(messages), 2, "one e-mail and one SMS message")
        self.assertTrue(all(messages.mapped("subtype_id.internal")))
        self.assertEqual(
            sorted(messages.mapped("message_type")), ["notification", "sms"]
        )


@tagged("post_install", "-at_install")
class TestInvoiceNotifications(NotificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Invoiced service", "type": "service", "list_price": 120}
        )
        cls.today = fields.Date.today()
        cls.due = cls.today + timedelta(days=10)
        cls.rule_due = cls.env.ref("crm_portal.automation_invoice_due")
        cls.rule_overdue = cls.env.ref("crm_portal.automation_invoice_overdue")

    def _invoice(self, partner, post=True):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": self.today,
                "invoice_date_due": self.due,
                "invoice_line_ids": [
                    (0, 0, {"product_id": self.product.id, "price_unit": 120})
                ],
            }
        )
        if post:
            invoice.action_post()
        return invoice

    def _run_rules_at(self, moment):
        """Run the automation cron at `moment`, the rules having last run 24h
        before (as with a daily cron)."""
        (self.rule_due | self.rule_overdue).last_run = moment - timedelta(days=1)
        with freeze_time(moment):
            self.env["base.automation"]._check()

    def test_due_and_overdue_by_preferences(self):
        invoices = {partner: self._invoice(partner) for partner in self.customers}
        draft = self._invoice(self.customer_both, post=False)
        due_dt = datetime.combine(self.due, time())

        # a week before the due date: nothing yet
        self._run_rules_at(due_dt - timedelta(days=7))
        for invoice in invoices.values():
            self.assertFalse(
                self._notification_mails(invoice, "crm_portal.mt_invoice_due")
            )

        # 3 days before (the rule's day count): the reminder
        self._run_rules_at(due_dt - timedelta(days=3, hours=-12))
        for partner, invoice in invoices.items():
            with self.subTest(customer=partner.name):
                self.assertNotified(
                    invoice,
                    "crm_portal.mt_invoice_due",
                    f"Invoice {invoice.name} is due on "
                    f"{format_date(self.env, invoice.invoice_date_due)}",
                    [invoice.name, self._portal_link(invoice)],
                    [invoice.name, self._portal_link(invoice)],
                )
                self.assertFalse(
                    self._notification_mails(invoice, "crm_portal.mt_invoice_overdue")
                )
        self.assertFalse(self._notification_mails(draft, "crm_portal.mt_invoice_due"))

        # the customer pays one invoice; the day after the due date the others are
        # overdue, and the due reminder is not sent again
        paid = invoices[self.customer_both]
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({})._create_payments()
        self._run_rules_at(due_dt + timedelta(days=1, hours=12))
        for partner, invoice in invoices.items():
            with self.subTest(customer=partner.name):
                self.assertEqual(
                    len(self._notification_mails(invoice, "crm_portal.mt_invoice_due")),
                    int(partner.portal_notify_email),
                    "the due reminder is not sent again",
                )
                if invoice == paid:
                    overdue = "crm_portal.mt_invoice_overdue"
                    self.assertFalse(self._notification_mails(invoice, overdue))
                    self.assertFalse(self._notification_sms(invoice, overdue))
                    continue
                self.assertNotified(
                    invoice,
                    "crm_portal.mt_invoice_overdue",
                    f"Invoice {invoice.name} is overdue",
                    [invoice.name, self._portal_link(invoice)],
                    [invoice.name, "overdue"],
                )

        # the cron running again later sends nothing more
        self._run_rules_at(due_dt + timedelta(days=3))
        self.assertEqual(
            len(
                self._notification_mails(
                    invoices[self.customer_email], "crm_portal.mt_invoice_overdue"
                )
            ),
            1,
        )

    def test_day_count_is_read_from_the_rule(self):
        self.rule_due.trg_date_range = -5
        invoice = self._invoice(self.customer_email)
        due_dt = datetime.combine(self.due, time())
        self._run_rules_at(due_dt - timedelta(days=3, hours=-12))
        self.assertFalse(self._notification_mails(invoice, "crm_portal.mt_invoice_due"))
        self._run_rules_at(due_dt - timedelta(days=5, hours=-12))
        self.assertEqual(
            len(self._notification_mails(invoice, "crm_portal.mt_invoice_due")), 1
        )


@tagged("post_install", "-at_install")
class TestTicketNotifications(NotificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_closed = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Solved (no mail)", "closed": True, "sequence": 90}
        )
        cls.stage_closed_mailing = cls.env["helpdesk.ticket.stage"].create(
            {
                "name": "Done (mails)",
                "closed": True,
                "sequence": 91,
                "mail_template_id": cls.env.ref(
                    "helpdesk_mgmt.closed_ticket_template"
                ).id,
            }
        )

    def _ticket(self, partner, follower=True):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": f"Broken chair of {partner.name}",
                "description": "<p>The leg broke.</p>",
                "partner_id": partner.id,
                "user_id": self.agent.id,
            }
        )
        if follower:
            ticket.message_subscribe(partner_ids=partner.ids)
        else:
            ticket.message_unsubscribe(partner_ids=partner.ids)
        return ticket

    def _reply(self, ticket, body="<p>We are sending a new leg.</p>"):
        return ticket.with_user(self.agent).message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def test_answer_to_non_follower_by_preferences(self):
        tickets = {p: self._ticket(p, follower=False) for p in self.customers}
        for ticket in tickets.values():
            self._reply(ticket)
        for partner, ticket in tickets.items():
            with self.subTest(customer=partner.name):
                self.assertNotified(
                    ticket,
                    "crm_portal.mt_ticket_answered",
                    f"We answered your ticket {ticket.number}",
                    [ticket.number, self._portal_link(ticket)],
                    [ticket.number, self._portal_link(ticket)],
                )

    def test_answer_to_follower_is_not_mailed_twice(self):
        ticket = self._ticket(self.customer_both, follower=True)
        reply = self._reply(ticket)
        self.assertIn(
            self.customer_both,
            reply.notification_ids.filtered(
                lambda n: n.notification_type == "email"
            ).res_partner_id,
            "the follower got the reply itself",
        )
        self.assertFalse(
            self._notification_mails(ticket, "crm_portal.mt_ticket_answered")
        )
        self.assertEqual(
            len(self._notification_sms(ticket, "crm_portal.mt_ticket_answered")), 1
        )
        # each reply is news
        self._reply(ticket, "<p>It left today.</p>")
        self.assertEqual(
            len(self._notification_sms(ticket, "crm_portal.mt_ticket_answered")), 2
        )

    def test_notes_and_customer_messages_are_not_answers(self):
        ticket = self._ticket(self.customer_both, follower=False)
        ticket.with_user(self.agent).message_post(
            body="<p>internal</p>", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        ticket.message_post(
            body="<p>any news?</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.customer_both.id,
        )
        self.assertFalse(
            self._notification_mails(ticket, "crm_portal.mt_ticket_answered")
        )
        self.assertFalse(
            self._notification_sms(ticket, "crm_portal.mt_ticket_answered")
        )

    def test_ticket_closed_by_preferences_once(self):
        tickets = {p: self._ticket(p, follower=False) for p in self.customers}
        for ticket in tickets.values():
            ticket.stage_id = self.stage_closed
        for partner, ticket in tickets.items():
            with self.subTest(customer=partner.name):
                self.assertNotified(
                    ticket,
                    "crm_portal.mt_ticket_closed",
                    f"Your ticket {ticket.number} is closed",
                    [ticket.number, self._portal_link(ticket)],
                    [ticket.number, "is closed"],
                )
        # moved to another closed stage, reopened and closed again: no resend
        ticket = tickets[self.customer_both]
        ticket.stage_id = self.stage_closed_mailing
        ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        ticket.stage_id = self.stage_closed
        self.assertEqual(
            len(self._notification_mails(ticket, "crm_portal.mt_ticket_closed")), 1
        )
        self.assertEqual(
            len(self._notification_sms(ticket, "crm_portal.mt_ticket_closed")), 1
        )

    def test_closing_stage_with_its_own_mail(self):
        """helpdesk_mgmt's stage template is the e-mail; it honours a refusal."""
        template = self.env.ref("helpdesk_mgmt.closed_ticket_template")
        for partner in (self.customer_both, self.customer_sms):
            ticket = self._ticket(partner)
            # tracking ignores records created in the same transaction
            self.env.cr.flush()
            ticket.stage_id = self.stage_closed_mailing
            self.env.flush_all()
            self.env.cr.flush()  # tracking sends the stage's template
            stage_mails = self.env["mail.mail"].search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", ticket.id),
                    ("subject", "=", f"The ticket {ticket.number} has been closed."),
                ]
            )
            with self.subTest(customer=partner.name):
                self.assertEqual(len(stage_mails), int(partner.portal_notify_email))
                self.assertTrue(template)
                self.assertFalse(
                    self._notification_mails(ticket, "crm_portal.mt_ticket_closed")
                )
                self.assertEqual(
                    len(self._notification_sms(ticket, "crm_portal.mt_ticket_closed")),
                    1,
                )
