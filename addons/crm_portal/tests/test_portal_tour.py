# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestPortalTour(FeedbackCommon, HttpCase):
    """In a real browser: the customer opens a delivered order, sees its progress,
    opens a ticket about it and answers the delivery survey."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()
        cls.order = cls._deliver(cls._order(cls.customer_a))
        cls._send_due()
        cls.invitation = cls._feedback_of(cls.order)

    def test_order_ticket_survey_tour(self):
        self.assertEqual(self.order.fulfilment_milestone, "delivered")
        self.assertTrue(self.invitation.crm_feedback_sent_date, "invitation sent")
        self.start_tour(
            "/my/orders", "crm_portal_order_ticket_survey", login="feedback_a"
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.name, "Armrest broken on arrival")
        self.assertEqual(ticket.sale_order_id, self.order)
        self.assertIn("left armrest", ticket.description)
        self.invitation.invalidate_recordset()
        self.assertEqual(self.invitation.state, "done")
        self.assertEqual(self.invitation.crm_feedback_score, 9)
        self.assertTrue(self.invitation.crm_feedback_answered)
        self.assertFalse(self.invitation.crm_is_detractor)
        self.assertEqual(self.invitation.sale_order_id, self.order)
