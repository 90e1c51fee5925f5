# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackSending(FeedbackCommon, TransactionCase):
    """Deliveries and closed tickets invite the customer to a survey, through the
    mail queue, once per document and not more than once per interval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()

    def _mails_of(self, user_input):
        return self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "in", user_input.ids)]
        )

    def test_delivery_invites_with_order_link_and_queued_mail(self):
        order = self._order(self.customer_a)
        order.action_confirm()
        self.assertFalse(self._feedback_of(order), "not delivered yet")
        self._deliver(order)
        self.assertTrue(order.date_delivered)
        user_input = self._feedback_of(order)
        self.assertEqual(len(user_input), 1)
        self.assertEqual(user_input.survey_id, self.nps_survey)
        self.assertEqual(user_input.partner_id, self.customer_a)
        self.assertEqual(user_input.crm_feedback_partner_id, self.customer_a)
        self.assertEqual(user_input.crm_feedback_kind, "nps")
        self.assertEqual(user_input.state, "new")
        self.assertFalse(user_input.crm_feedback_answered)
        self.assertFalse(user_input.crm_is_detractor)
        self.assertEqual(
            user_input.deadline.date(),
            (user_input.crm_feedback_scheduled_date + timedelta(days=30)).date(),
        )
        self.assertFalse(user_input.crm_feedback_sent_date, "sent by the cron")
        self.assertFalse(self._mails_of(user_input))

        self._send_due()
        self.assertTrue(user_input.crm_feedback_sent_date)
        mail = self._mails_of(user_input)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, not sent synchronously")
        self.assertEqual(mail.recipient_ids, self.customer_a)
        self.assertIn(order.name, mail.body_html)
        self.assertIn(user_input.get_start_url(), mail.body_html)
        self.assertEqual(mail.subject, self.nps_survey.title)
        # the next run sends nothing more
        self._send_due()
        self.assertEqual(len(self._mails_of(user_input)), 1)

    def test_ticket_close_invites_to_csat(self):
        ticket = self._ticket(self.customer_a)
        ticket.write({"description": "<p>More details</p>"})
        self.assertFalse(self._feedback_of(ticket))
        ticket.write({"stage_id": self.stage_solved.id})
        user_input = self._feedback_of(ticket)
        self.assertEqual(user_input.survey_id, self.csat_survey)
        self.assertEqual(user_input.crm_feedback_kind, "csat")
        self.assertEqual(user_input.partner_id, self.customer_a)
        self._send_due()
        mail = self._mails_of(user_input)
        self.assertEqual(mail.recipient_ids, self.customer_a)
        self.assertIn(ticket.name, mail.body_html)

    def test_no_double_invitation_on_repeated_writes(self):
        ticket = self._ticket(self.customer_a)
        ticket.write({"stage_id": self.stage_solved.id})
        ticket.write({"stage_id": self.stage_solved.id})
        ticket.write({"stage_id": self.stage_open.id})
        self.company.crm_feedback_interval_days = 0
        ticket.write({"stage_id": self.stage_solved.id})
        self.assertEqual(len(self._feedback_of(ticket)), 1)
        order = self._deliver(self._order(self.customer_b))
        order._crm_feedback_request()
        order.picking_ids._action_done()
        self.assertEqual(len(self._feedback_of(order)), 1)
        self._send_due()
        self._send_due()
        self.assertEqual(
            len(self._mails_of(self._feedback_of(order) | self._feedback_of(ticket))),
            2,
        )

    def test_delay_is_honoured(self):
        self.company.crm_feedback_delay_days = 3
        order = self._deliver(self._order(self.customer_a))
        user_input = self._feedback_of(order)
        self.assertAlmostEqual(
            user_input.crm_feedback_scheduled_date,
            fields.Datetime.now() + timedelta(days=3),
            delta=timedelta(minutes=5),
        )
        self._send_due()
        self.assertFalse(user_input.crm_feedback_sent_date, "not due yet")
        self.assertFalse(self._mails_of(user_input))
        later = fields.Datetime.now() + timedelta(days=3, minutes=1)
        with patch.object(fields.Datetime, "now", return_value=later):
            self._send_due()
        self.assertTrue(user_input.crm_feedback_sent_date)
        self.assertEqual(len(self._mails_of(user_input)), 1)

    def test_once_per_interval_per_customer(self):
        first = self._deliver(self._order(self.customer_a))
        self.assertTrue(self._feedback_of(first))
        # the colleague belongs to the same customer: no second survey this month
        second = self._deliver(self._order(self.contact_a2))
        self.assertFalse(self._feedback_of(second))
        ticket = self._ticket(self.customer_a)
        ticket.write({"stage_id": self.stage_solved.id})
        self.assertFalse(self._feedback_of(ticket))
        # another customer is not concerned
        other = self._deliver(self._order(self.customer_b))
        self.assertTrue(self._feedback_of(other))
        # 31 days later, customer A may be asked again
        self._feedback_of(first).crm_feedback_scheduled_date = self._days_ago(31)
        third = self._deliver(self._order(self.contact_a2))
        user_input = self._feedback_of(third)
        self.assertEqual(user_input.partner_id, self.contact_a2)

    def test_batch_of_deliveries_invites_each_customer_once(self):
        orders = self._order(self.customer_a) | self._order(self.contact_a2)
        orders |= self._order(self.customer_b)
        orders.action_confirm()
        for move in orders.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
        orders.picking_ids.move_ids.picked = True
        orders.picking_ids.button_validate()
        user_inputs = self.env["survey.user_input"].search(
            [("sale_order_id", "in", orders.ids)]
        )
        self.assertEqual(
            user_inputs.crm_feedback_partner_id, self.customer_a | self.customer_b
        )
        self.assertEqual(len(user_inputs), 2)

    def test_switched_off_or_no_survey_sends_nothing(self):
        self.company.crm_feedback_enabled = False
        order = self._deliver(self._order(self.customer_a))
        self.assertFalse(self._feedback_of(order))
        self.company.write(
            {"crm_feedback_enabled": True, "crm_feedback_ticket_survey_id": False}
        )
        ticket = self._ticket(self.customer_a)
        ticket.write({"stage_id": self.stage_solved.id})
        self.assertFalse(self._feedback_of(ticket))

    def test_customer_without_email_finds_survey_on_portal_only(self):
        self.customer_b.email = False
        order = self._deliver(self._order(self.customer_b))
        user_input = self._feedback_of(order)
        self._send_due()
        self.assertTrue(user_input.crm_feedback_sent_date)
        self.assertFalse(self._mails_of(user_input))
        pending = order._get_portal_feedback_inputs(self.user_b)
        self.assertEqual(pending, user_input)

    def test_expired_invitation_is_neither_sent_nor_listed(self):
        order = self._deliver(self._order(self.customer_b))
        user_input = self._feedback_of(order)
        user_input.deadline = self._days_ago(1)
        self._send_due()
        self.assertFalse(user_input.crm_feedback_sent_date)
        self.assertFalse(self._mails_of(user_input))
        user_input.write({"crm_feedback_sent_date": self._days_ago(2)})
        self.assertFalse(order._get_portal_feedback_inputs(self.user_b))
        user_input.deadline = False
        self.assertEqual(order._get_portal_feedback_inputs(self.user_b), user_input)

    def test_settings_are_company_fields(self):
        with Form(self.env["res.config.settings"]) as settings:
            self.assertTrue(settings.crm_feedback_enabled)
            self.assertEqual(settings.crm_feedback_delivery_survey_id, self.nps_survey)
            settings.crm_feedback_delay_days = 2
            settings.crm_feedback_interval_days = 60
        settings.save().execute()
        self.assertEqual(self.company.crm_feedback_delay_days, 2)
        self.assertEqual(self.company.crm_feedback_interval_days, 60)
        new_company = self.env["res.company"].create({"name": "Feedback Co 2"})
        self.assertEqual(new_company.crm_feedback_delivery_survey_id, self.nps_survey)
        self.assertEqual(new_company.crm_feedback_ticket_survey_id, self.csat_survey)
        self.assertEqual(new_company.crm_feedback_interval_days, 30)
        self.assertTrue(new_company.crm_feedback_enabled)

    def test_non_feedback_survey_is_refused(self):
        plain = self.env["survey.survey"].create({"title": "Team lunch"})
        with self.assertRaises(ValidationError):
            self.company.crm_feedback_delivery_survey_id = plain
        self.assertEqual(self.company.crm_feedback_delivery_survey_id, self.nps_survey)

    def test_cron_sends_in_batches_and_reschedules_itself(self):
        self.company.crm_feedback_interval_days = 0
        orders = self._deliver(self._order(self.customer_a))
        orders |= self._deliver(self._order(self.customer_b))
        cron = self.env.ref("crm_portal.ir_cron_send_crm_feedback")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.env["survey.user_input"]._cron_send_crm_feedback(limit=1)
        user_inputs = self._feedback_of(orders[0]) | self._feedback_of(orders[1])
        self.assertEqual(len(user_inputs.filtered("crm_feedback_sent_date")), 1)
        self.assertEqual(
            len(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])),
            len(triggers) + 1,
            "the rest goes in the next run",
        )
        self.env["survey.user_input"]._cron_send_crm_feedback(limit=1)
        self.assertTrue(all(user_inputs.mapped("crm_feedback_sent_date")))

    def test_negative_days_are_refused(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.company.write({"crm_feedback_delay_days": -1})
            self.company.flush_recordset()
