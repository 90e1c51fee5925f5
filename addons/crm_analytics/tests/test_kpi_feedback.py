# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_portal.tests.common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestKpiFeedback(FeedbackCommon, TransactionCase):
    """The KPI board shows the NPS of each salesperson's orders and the CSAT of each
    agent's tickets, exact in totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()
        Input = cls.env["survey.user_input"]
        # NPS on the salesman's orders: 10 and 9 promote, 3 detracts, 7 is passive
        for score in (10, 9, 3, 7):
            order = cls._order(cls.customer_a)
            cls._answer(
                Input.create(
                    {
                        "survey_id": cls.nps_survey.id,
                        "partner_id": cls.customer_a.id,
                        "sale_order_id": order.id,
                    }
                ),
                score,
            )
        # CSAT on the agent's tickets: 5 and 2
        for score in (5, 2):
            ticket = cls._ticket(cls.customer_b)
            cls._answer(
                Input.create(
                    {
                        "survey_id": cls.csat_survey.id,
                        "partner_id": cls.customer_b.id,
                        "helpdesk_ticket_id": ticket.id,
                    }
                ),
                score,
            )
        # an unanswered invitation counts for nobody
        Input.create(
            {
                "survey_id": cls.nps_survey.id,
                "partner_id": cls.customer_a.id,
                "sale_order_id": cls._order(cls.customer_a).id,
            }
        )

    def _board(self, user):
        Report = self.env["crm.kpi.report"]
        [row] = Report.read_group(
            [("user_id", "=", user.id)],
            ["nps_answers", "nps_promoters", "nps_detractors", "nps", "csat_answers"]
            + ["csat"],
            [],
        )
        return row

    def test_nps_of_the_salesperson(self):
        row = self._board(self.salesman)
        self.assertEqual(row["nps_answers"], 4)
        self.assertEqual(row["nps_promoters"], 2)
        self.assertEqual(row["nps_detractors"], 1)
        self.assertAlmostEqual(row["nps"], 25.0)  # (2 - 1) / 4
        self.assertEqual(row["csat_answers"], 0)

    def test_csat_of_the_agent(self):
        row = self._board(self.agent)
        self.assertEqual(row["csat_answers"], 2)
        self.assertAlmostEqual(row["csat"], 3.5)
        self.assertEqual(row["nps_answers"], 0)

    def test_rows_match_sql(self):
        """Per-row ratios equal an independent count on the answers."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT ROUND(100.0 * (COUNT(*) FILTER (WHERE crm_feedback_score >= 9)
                                 - COUNT(*) FILTER (WHERE crm_feedback_score <= 6))
                         / COUNT(*), 2)
              FROM survey_user_input
             WHERE sale_order_id IS NOT NULL AND state = 'done'
               AND crm_feedback_answered AND crm_feedback_kind = 'nps'
               AND sale_order_id IN (SELECT id FROM sale_order WHERE user_id = %s)
            """,
            [self.salesman.id],
        )
        expected = float(self.env.cr.fetchone()[0])
        rows = self.env["crm.kpi.report"].search([("user_id", "=", self.salesman.id)])
        self.assertEqual(len(rows), 1, "one month, one row")
        self.assertAlmostEqual(rows.nps, expected, places=2)
