# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackPortal(FeedbackCommon, HttpCase):
    """Customer A finds his pending surveys on /my, /my/surveys, the order and the
    ticket pages, answers through the survey routes; customer B and the public
    never see A's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()
        cls.company.crm_feedback_interval_days = 0
        cls.order_a = cls._deliver(cls._order(cls.customer_a))
        cls.ticket_a = cls._ticket(cls.customer_a)
        cls.ticket_a.write({"stage_id": cls.stage_solved.id})
        cls.order_b = cls._deliver(cls._order(cls.customer_b))
        cls._send_due()
        cls.input_a = cls._feedback_of(cls.order_a)
        cls.input_ticket_a = cls._feedback_of(cls.ticket_a)
        cls.input_b = cls._feedback_of(cls.order_b)

    def _start_url(self, user_input):
        return user_input.get_start_url()

    def test_home_counter_and_entry(self):
        self.authenticate("feedback_a", "feedback_a")
        home = self.url_open("/my").text
        self.assertIn("Surveys to answer", home)
        self.assertIn('data-placeholder_count="crm_survey_count"', home)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["crm_survey_count"]}
        )
        self.assertEqual(counters["crm_survey_count"], 2)
        self._answer(self.input_a, 9)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["crm_survey_count"]}
        )
        self.assertEqual(counters["crm_survey_count"], 1, "answered ones leave")

    def test_my_surveys_lists_only_own_pending(self):
        self.authenticate("feedback_a", "feedback_a")
        page = self.url_open("/my/surveys").text
        self.assertEqual(page.count("o_crm_portal_survey_row"), 2)
        self.assertIn(self.order_a.name, page)
        self.assertIn(self.ticket_a.number, page)
        self.assertIn(self.input_a.access_token, page)
        self.assertIn(self.input_ticket_a.access_token, page)
        self.assertNotIn(self.order_b.name, page)
        self.assertNotIn(self.input_b.access_token, page)
        self.authenticate("feedback_b", "feedback_b")
        page = self.url_open("/my/surveys").text
        self.assertEqual(page.count("o_crm_portal_survey_row"), 1)
        self.assertIn(self.input_b.access_token, page)
        self.assertNotIn(self.input_a.access_token, page)
        self.assertNotIn(self.order_a.name, page)
        self._answer(self.input_b, 10)
        page = self.url_open("/my/surveys").text
        self.assertIn("There is no survey waiting for your answer", page)

    def test_public_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open("/my/surveys", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_order_and_ticket_pages_show_pending_survey(self):
        self.authenticate("feedback_a", "feedback_a")
        page = self.url_open(self.order_a.get_portal_url()).text
        self.assertIn("o_crm_portal_feedback_pending", page)
        self.assertIn(self.input_a.access_token, page)
        self.assertNotIn(self.input_ticket_a.access_token, page, "the ticket's")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}").text
        self.assertIn("o_crm_portal_feedback_pending", page)
        self.assertIn(self.input_ticket_a.access_token, page)
        # answered: the invitation leaves the order page
        self._answer(self.input_a, 8)
        page = self.url_open(self.order_a.get_portal_url()).text
        self.assertNotIn("o_crm_portal_feedback_pending", page)
        # someone holding the order's link does not get the customer's survey
        self.authenticate(None, None)
        page = self.url_open(self.order_b.get_portal_url()).text
        self.assertNotIn(self.input_b.access_token, page)

    def test_answer_through_survey_routes(self):
        """The e-mail link works logged out; answering a 4 with a comment completes
        the answer, scores it and alerts the salesperson."""
        self.authenticate(None, None)
        survey = self.input_a.survey_id
        response = self.url_open(self._start_url(self.input_a))
        self.assertEqual(response.status_code, 200)
        self.assertIn(survey.title, response.text)
        self.make_jsonrpc_request(
            f"/survey/begin/{survey.access_token}/{self.input_a.access_token}", {}
        )
        self.make_jsonrpc_request(
            f"/survey/submit/{survey.access_token}/{self.input_a.access_token}",
            {
                str(self.nps_question.id): "4",
                str(self.nps_why.id): "Slow delivery",
            },
        )
        self.assertEqual(self.input_a.state, "done")
        self.assertEqual(self.input_a.crm_feedback_score, 4)
        self.assertTrue(self.input_a.crm_is_detractor)
        self.assertEqual(self.input_a.crm_feedback_comment, "Slow delivery")
        activity = self.order_a.activity_ids.filtered(
            lambda a: a.user_id == self.salesman
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("Slow delivery", self.order_a.message_ids[0].body)
        self.assertEqual(self.customer_a.nps_score, -100.0)
        self.assertEqual(self.customer_a.feedback_count, 1)
        # a second submission is refused, nothing changes
        result = self.make_jsonrpc_request(
            f"/survey/submit/{survey.access_token}/{self.input_a.access_token}",
            {str(self.nps_question.id): "10"},
        )
        self.assertEqual(result[1]["error"], "unauthorized")
        self.assertEqual(self.input_a.crm_feedback_score, 4)

    def test_other_customer_gets_403_on_token_and_answers(self):
        self._answer(self.input_ticket_a, 2, comment="Private complaint")
        survey = self.input_a.survey_id
        self.authenticate("feedback_b", "feedback_b")
        response = self.url_open(self._start_url(self.input_a))
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(self.nps_question.title, response.text)
        result = self.make_jsonrpc_request(
            f"/survey/submit/{survey.access_token}/{self.input_a.access_token}",
            {str(self.nps_question.id): "0"},
        )
        self.assertEqual(result[1]["error"], "answer_wrong_user")
        self.assertFalse(self.input_a.user_input_line_ids, "nothing stored")
        self.assertEqual(self.input_a.state, "new")
        csat = self.input_ticket_a.survey_id
        response = self.url_open(
            f"/survey/print/{csat.access_token}"
            f"?answer_token={self.input_ticket_a.access_token}"
        )
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("Private complaint", response.text)
        # A himself can print his answers
        self.authenticate("feedback_a", "feedback_a")
        response = self.url_open(
            f"/survey/print/{csat.access_token}"
            f"?answer_token={self.input_ticket_a.access_token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Private complaint", response.text)

    def test_record_rules(self):
        UserInput = self.env["survey.user_input"]
        own = UserInput.with_user(self.user_b).search([])
        self.assertEqual(own, self.input_b)
        with self.assertRaises(AccessError):
            self.input_a.with_user(self.user_b).read(["crm_feedback_score"])
        with self.assertRaises(AccessError):
            self.input_b.with_user(self.user_b).write({"deadline": False})
        # an answer of another survey, not linked to our documents, stays hidden
        other = self.nps_survey._create_answer(
            partner=self.customer_b, check_attempts=False
        )
        self.assertNotIn(other, UserInput.with_user(self.user_b).search([]))
        self.assertEqual(
            self.order_a.sudo()._get_portal_feedback_inputs(self.user_b),
            UserInput,
        )

    def _queries(self, url):
        self.url_open(url)  # warm the caches and the routing map
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.env.cr.sql_log_count - before

    def test_my_surveys_query_count_does_not_grow(self):
        """/my/surveys (11 queries) and the order page (42) cost the same with 2 or
        12 pending surveys."""
        self.authenticate("feedback_a", "feedback_a")
        few = self._queries("/my/surveys"), self._queries(self.order_a.get_portal_url())
        for _i in range(10):
            self.nps_survey._create_answer(
                partner=self.customer_a,
                check_attempts=False,
                sale_order_id=self.order_a.id,
                crm_feedback_scheduled_date=self.input_a.crm_feedback_scheduled_date,
                crm_feedback_sent_date=self.input_a.crm_feedback_sent_date,
            )
        many = (
            self._queries("/my/surveys"),
            self._queries(self.order_a.get_portal_url()),
        )
        self.assertEqual(
            self.url_open("/my/surveys").text.count("o_crm_portal_survey_row"), 12
        )
        self.assertEqual(many, few)
