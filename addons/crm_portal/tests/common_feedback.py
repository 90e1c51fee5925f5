# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import new_test_user


class FeedbackCommon:
    """Feedback survey fixture, for TransactionCase and HttpCase classes.

    company (feedback on, no delay, 30 days interval, shipped NPS/CSAT surveys)
    ├── customer A "Feedback Customer A" (portal user feedback_a) ── contact A2
    ├── customer B "Feedback Customer B" (portal user feedback_b)
    ├── salesman (sales user), agent (helpdesk user)
    └── goods: a consumable product; a closed ticket stage "Solved"
    """

    @classmethod
    def _setup_feedback(cls):
        cls.company = cls.env.company
        cls.company.write(
            {
                "crm_feedback_enabled": True,
                "crm_feedback_delay_days": 0,
                "crm_feedback_interval_days": 30,
                "crm_feedback_delivery_survey_id": cls.env.ref(
                    "crm_portal.survey_feedback_nps"
                ).id,
                "crm_feedback_ticket_survey_id": cls.env.ref(
                    "crm_portal.survey_feedback_csat"
                ).id,
            }
        )
        cls.nps_survey = cls.env.ref("crm_portal.survey_feedback_nps")
        cls.nps_question = cls.env.ref("crm_portal.survey_feedback_nps_question_score")
        cls.nps_why = cls.env.ref("crm_portal.survey_feedback_nps_question_why")
        cls.csat_survey = cls.env.ref("crm_portal.survey_feedback_csat")
        cls.csat_question = cls.env.ref(
            "crm_portal.survey_feedback_csat_question_score"
        )
        cls.salesman = new_test_user(
            cls.env, login="feedback_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.agent = new_test_user(
            cls.env, login="feedback_agent", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        cls.user_a = new_test_user(
            cls.env,
            login="feedback_a",
            password="feedback_a",
            groups="base.group_portal",
            name="Feedback Customer A",
            email="customer.a@example.com",
        )
        cls.user_b = new_test_user(
            cls.env,
            login="feedback_b",
            password="feedback_b",
            groups="base.group_portal",
            name="Feedback Customer B",
            email="customer.b@example.com",
        )
        cls.customer_a = cls.user_a.partner_id
        cls.customer_b = cls.user_b.partner_id
        cls.contact_a2 = cls.env["res.partner"].create(
            {
                "name": "A's colleague",
                "parent_id": cls.customer_a.id,
                "email": "a2@example.com",
            }
        )
        cls.goods = cls.env["product.product"].create(
            {"name": "Feedback chair", "type": "consu", "list_price": 50}
        )
        cls.stage_solved = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Solved (feedback)", "closed": True, "sequence": 90}
        )
        cls.stage_open = cls.env["helpdesk.ticket.stage"].create(
            {"name": "Open (feedback)", "closed": False, "sequence": 1}
        )

    @classmethod
    def _order(cls, partner, user=None):
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or cls.salesman).id,
                "order_line": [(0, 0, {"product_id": cls.goods.id})],
            }
        )

    @classmethod
    def _deliver(cls, order):
        """Confirm the order and validate its delivery."""
        if order.state != "sale":
            order.action_confirm()
        for move in order.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
        order.picking_ids.move_ids.picked = True
        order.picking_ids.button_validate()
        return order

    @classmethod
    def _ticket(cls, partner, user=None):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Broken leg",
                "description": "<p>The chair wobbles</p>",
                "partner_id": partner.id,
                "user_id": (user or cls.agent).id,
                "stage_id": cls.stage_open.id,
            }
        )

    @classmethod
    def _answer(cls, user_input, score, comment=None, question=None):
        """Answer as the survey routes do: save the lines, then complete."""
        survey = user_input.survey_id
        question = question or survey.question_ids.filtered(
            lambda q: q.question_type == "scale"
        )
        user_input._save_lines(question, str(score))
        if comment:
            why = survey.question_ids.filtered(lambda q: q.question_type == "text_box")
            user_input._save_lines(why, comment)
        user_input._mark_done()
        return user_input

    @classmethod
    def _feedback_of(cls, document):
        field = (
            "sale_order_id" if document._name == "sale.order" else "helpdesk_ticket_id"
        )
        return cls.env["survey.user_input"].sudo().search([(field, "=", document.id)])

    @classmethod
    def _send_due(cls):
        cls.env["survey.user_input"]._cron_send_crm_feedback()

    @staticmethod
    def _days_ago(days):
        return fields.Datetime.subtract(fields.Datetime.now(), days=days)
