# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackAnswers(FeedbackCommon, TransactionCase):
    """A completed answer gets its score; a detractor alerts the document's
    responsible; the customer's NPS and CSAT follow the answers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()
        cls.team = cls.env["crm.team"].create(
            {"name": "Feedback team", "user_id": cls.env.ref("base.user_admin").id}
        )
        cls.order = cls._deliver(cls._order(cls.customer_a))
        cls.ticket = cls._ticket(cls.customer_b)
        cls.ticket.write({"stage_id": cls.stage_solved.id})
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _input(self, survey, partner, **links):
        return survey._create_answer(partner=partner, check_attempts=False, **links)

    def _feedback_activities(self, document):
        return document.activity_ids.filtered(lambda a: a.activity_type_id == self.todo)

    def _notes(self, document):
        return document.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_note")
            and "survey with a score" in (m.body or "")
        )

    def test_score_empty_until_answered(self):
        user_input = self._feedback_of(self.order)
        self.assertFalse(user_input.crm_feedback_answered)
        self.assertEqual(user_input.crm_feedback_score, 0)
        self.assertFalse(user_input.crm_is_detractor)
        user_input._save_lines(self.nps_question, "0")
        self.assertTrue(user_input.crm_feedback_answered)
        self.assertEqual(user_input.crm_feedback_score, 0)
        self.assertTrue(user_input.crm_is_detractor, "0 is an answer, a detractor")

    def test_nps_detractor_creates_activity_and_chatter_message(self):
        user_input = self._feedback_of(self.order)
        self._answer(user_input, 3, comment="Late & the box was <b>broken</b>")
        self.assertEqual(user_input.state, "done")
        self.assertEqual(user_input.crm_feedback_score, 3)
        self.assertTrue(user_input.crm_is_detractor)
        self.assertEqual(
            user_input.crm_feedback_comment, "Late & the box was <b>broken</b>"
        )
        activity = self._feedback_activities(self.order)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(
            activity.date_deadline, fields.Date.context_today(activity) + timedelta(1)
        )
        self.assertIn(self.customer_a.name, activity.summary)
        message = self._notes(self.order)
        self.assertEqual(len(message), 1)
        self.assertIn("score of 3", message.body)
        self.assertIn("Net Promoter Score", message.body)
        # the customer's text is escaped, never rendered as HTML
        self.assertIn("&lt;b&gt;broken&lt;/b&gt;", message.body)
        self.assertNotIn("<b>broken", message.body)

    def test_promoter_and_passive_do_not_alert(self):
        user_input = self._feedback_of(self.order)
        self._answer(user_input, 10, comment="Great")
        self.assertFalse(user_input.crm_is_detractor)
        self.assertEqual(user_input.crm_feedback_score, 10)
        passive = self._input(
            self.nps_survey, self.customer_a, sale_order_id=self.order.id
        )
        self._answer(passive, 7)
        self.assertFalse(passive.crm_is_detractor)
        self.assertFalse(self._feedback_activities(self.order))
        self.assertFalse(self._notes(self.order))

    def test_csat_detractor_on_ticket_goes_to_agent(self):
        user_input = self._feedback_of(self.ticket)
        self._answer(user_input, 2)
        self.assertTrue(user_input.crm_is_detractor)
        activity = self._feedback_activities(self.ticket)
        self.assertEqual(activity.user_id, self.agent)
        message = self._notes(self.ticket)
        self.assertIn("Customer Satisfaction", message.body)
        self.assertIn("No comment.", message.body)
        happy = self._input(
            self.csat_survey, self.customer_b, helpdesk_ticket_id=self.ticket.id
        )
        self._answer(happy, 3)
        self.assertFalse(happy.crm_is_detractor, "3 out of 5 is not a detractor")
        self.assertEqual(len(self._feedback_activities(self.ticket)), 1)

    def test_responsible_fallbacks(self):
        order = self._order(self.customer_b)
        order.write({"user_id": False, "team_id": self.team.id})
        self.assertEqual(
            order._crm_feedback_get_responsible(), self.env.ref("base.user_admin")
        )
        order.team_id = False
        self.assertEqual(order._crm_feedback_get_responsible(), order.create_uid)
        ticket = self._ticket(self.customer_b)
        ticket.user_id = False
        self.assertEqual(ticket._crm_feedback_get_responsible(), ticket.create_uid)
        user_input = self._input(
            self.nps_survey, self.customer_b, sale_order_id=order.id
        )
        self._answer(user_input, 1)
        self.assertEqual(self._feedback_activities(order).user_id, order.create_uid)

    def test_partner_scores_hand_computed(self):
        """Customer A: NPS 10, 9, 7, 3 -> 2 promoters, 1 detractor out of 4 = 25;
        CSAT 4 and 2 -> 3.0; 6 answers. An answer of last year, an unfinished one
        and another customer's do not count; a colleague's does."""
        answers = [
            (self.nps_survey, self.customer_a, 10),
            (self.nps_survey, self.contact_a2, 9),
            (self.nps_survey, self.customer_a, 7),
            (self.nps_survey, self.customer_a, 3),
            (self.csat_survey, self.customer_a, 4),
            (self.csat_survey, self.contact_a2, 2),
            (self.nps_survey, self.customer_b, 0),
        ]
        for survey, partner, score in answers:
            self._answer(
                self._input(survey, partner, sale_order_id=self.order.id), score
            )
        old = self._input(self.nps_survey, self.customer_a, sale_order_id=self.order.id)
        self._answer(old, 0)
        unfinished = self._input(
            self.nps_survey, self.customer_a, sale_order_id=self.order.id
        )
        unfinished._save_lines(self.nps_question, "0")
        self.assertEqual(self.customer_a.feedback_count, 7, "before last year's moved")
        old.end_datetime = fields.Datetime.now() - timedelta(days=366)
        self.customer_a._crm_feedback_update_scores()
        self.assertAlmostEqual(self.customer_a.nps_score, 25.0)
        self.assertAlmostEqual(self.customer_a.csat_score, 3.0)
        self.assertEqual(self.customer_a.feedback_count, 6)
        self.assertEqual(self.contact_a2.feedback_count, 0, "on the company only")
        self.assertAlmostEqual(self.customer_b.nps_score, -100.0)
        self.assertEqual(self.customer_b.csat_score, 0.0)
        self.assertEqual(self.customer_b.feedback_count, 1)

    def test_daily_cron_drops_answers_older_than_a_year(self):
        recent = self._input(
            self.nps_survey, self.customer_b, sale_order_id=self.order.id
        )
        old = self._input(self.nps_survey, self.customer_b, sale_order_id=self.order.id)
        self._answer(recent, 10)
        self._answer(old, 0)
        self.assertEqual(self.customer_b.nps_score, 0.0, "one promoter, one detractor")
        old.end_datetime = fields.Datetime.now() - timedelta(days=365, hours=2)
        self.env["res.partner"]._cron_refresh_crm_feedback_scores()
        self.assertEqual(self.customer_b.nps_score, 100.0)
        self.assertEqual(self.customer_b.feedback_count, 1)

    def test_partner_scores_query_count_does_not_grow(self):
        customers = self.env["res.partner"].create(
            [{"name": f"Feedback crowd {i}"} for i in range(6)]
        )
        for partner in customers:
            self._answer(
                self._input(self.nps_survey, partner, sale_order_id=self.order.id), 9
            )
        customers.write({"nps_score": 0, "feedback_count": 0})
        self.env.invalidate_all()
        # the partners, one grouped read of the answers, one UPDATE for the six
        # customers (same results) and its bookkeeping: 5 whatever their number
        with self.assertQueryCount(__system__=5):
            customers._crm_feedback_update_scores()
            self.env.flush_all()
        self.assertEqual(set(customers.mapped("nps_score")), {100.0})
        self.assertEqual(set(customers.mapped("feedback_count")), {1})
