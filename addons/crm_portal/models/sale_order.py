# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# steps shown to the customer, with the date field that marks each as reached
PORTAL_STEPS = [
    ("confirmed", "date_confirmed"),
    ("preparing", "date_preparing"),
    ("shipped", "date_shipped"),
    ("delivered", "date_delivered"),
    ("invoiced", "date_invoiced"),
    ("paid", "date_paid"),
]
GOODS_STEPS = ("preparing", "shipped", "delivered")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _get_portal_fulfilment_steps(self):
        """The order's timeline for the customer: one dict per step (key, label, date,
        done, current), goods steps only when the order ships goods."""
        self.ensure_one()
        labels = dict(
            self._fields["fulfilment_milestone"]._description_selection(self.env)
        )
        ships_goods = bool(self.picking_ids) or any(
            line.product_id.type == "consu" for line in self.order_line
        )
        steps = [
            {
                "key": "quotation",
                "label": labels["quotation"],
                "date": self.create_date,
                "done": True,
            }
        ]
        for key, fname in PORTAL_STEPS:
            if key in GOODS_STEPS and not ships_goods:
                continue
            steps.append(
                {
                    "key": key,
                    "label": labels[key],
                    "date": self[fname],
                    "done": bool(self[fname]),
                }
            )
        reached = [step for step in steps if step["done"]]
        for step in steps:
            step["current"] = step is reached[-1]
        return steps

    # ------------------------------------------------------------
    # FEEDBACK SURVEYS
    # ------------------------------------------------------------

    def _crm_feedback_request(self):
        """Plan the after-delivery survey of the orders that are delivered."""
        orders = self.filtered(
            lambda order: order.date_delivered
            and order.partner_id
            and order.company_id.crm_feedback_enabled
        )
        return self.env["survey.user_input"]._crm_feedback_schedule(
            orders, "sale_order_id"
        )

    def _crm_feedback_prepare_invitation(self):
        """Who is invited to which survey; empty when nothing is to be sent."""
        self.ensure_one()
        survey = self.company_id.crm_feedback_delivery_survey_id
        if not survey:
            return {}
        return {
            "company": self.company_id,
            "survey": survey,
            "partner": self.partner_id,
        }

    def _crm_feedback_get_responsible(self):
        """Who follows an unhappy answer up: the salesperson, else the sales team
        leader, else whoever created the order."""
        self.ensure_one()
        return self.user_id or self.team_id.user_id or self.create_uid

    def _get_portal_feedback_inputs(self, user):
        """Pending feedback invitations of this order for `user` (the visitor),
        searched under his record rules, as superuser to render the survey."""
        self.ensure_one()
        return self.env["survey.user_input"]._get_portal_feedback_inputs(
            user, [("sale_order_id", "=", self.id)]
        )
