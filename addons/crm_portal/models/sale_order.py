# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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
    _name = "sale.order"
    _inherit = ["sale.order", "crm.portal.notification.mixin"]

    portal_tracking_url = fields.Char(
        string="Carrier Tracking Link",
        compute="_compute_portal_tracking_url",
        help="Carrier page following the last shipment, when a carrier integration "
        "(stock_delivery) provides one.",
    )

    @api.depends("picking_ids.state", "picking_ids.date_done")
    def _compute_portal_tracking_url(self):
        for order in self:
            order.portal_tracking_url = order._get_last_shipment_value(
                "carrier_tracking_url"
            )

    def _crm_portal_notification_events(self):
        return {
            **super()._crm_portal_notification_events(),
            "order_confirmed": (
                "crm_portal.mail_template_order_confirmed",
                "crm_portal.sms_template_order_confirmed",
                "crm_portal.mt_order_confirmed",
                True,
            ),
            "order_shipped": (
                "crm_portal.mail_template_order_shipped",
                "crm_portal.sms_template_order_shipped",
                "crm_portal.mt_order_shipped",
                True,
            ),
        }

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
    # PORTAL: what the customer can do now
    # ------------------------------------------------------------

    def _get_portal_next_actions(self, viewer):
        """What the `viewer` (res.users) can do on this order's portal page, most
        urgent first: one dict per action with `key`, `label`, `url`, `icon` and, for
        Odoo's own accept/pay dialog of the order page, `modal` (its selector).

        The portal reads the order as superuser after checking the viewer's rights
        or the order's token; the viewer's own rights decide which tickets show."""
        self.ensure_one()
        actions = []
        if self._has_to_be_signed():
            actions.append(
                {
                    "key": "sign",
                    "label": self.env._("Accept and sign the quotation"),
                    "url": "#",
                    "modal": "#modalaccept",
                    "icon": "fa-pencil",
                }
            )
        elif self._has_to_be_paid():
            actions.append(
                {
                    "key": "pay",
                    "label": self.env._("Pay the order"),
                    "url": "#",
                    "modal": "#modalaccept",
                    "icon": "fa-credit-card",
                }
            )
        for invoice in self._get_portal_invoices_to_pay():
            actions.append(
                {
                    "key": "pay_invoice",
                    "label": self.env._("Pay invoice %(name)s", name=invoice.name),
                    "url": invoice.get_portal_url(),
                    "icon": "fa-credit-card",
                }
            )
        if viewer._is_public() or self.with_user(viewer).has_access("read"):
            # a visitor logs in first; the form then only accepts their own orders
            actions.append(self._get_portal_new_ticket_action())
        for ticket in self._get_portal_open_tickets(viewer):
            actions.append(
                {
                    "key": "open_ticket",
                    "label": self.env._(
                        "Follow ticket %(number)s: %(name)s",
                        number=ticket.number,
                        name=ticket.name,
                    ),
                    "url": ticket.access_url,
                    "icon": "fa-comments-o",
                }
            )
        return actions

    def _get_portal_new_ticket_action(self):
        self.ensure_one()
        return {
            "key": "new_ticket",
            "label": self.env._("Open a ticket about this order"),
            "url": f"/new/ticket?sale_order_id={self.id}",
            "icon": "fa-life-ring",
        }

    def _get_portal_invoices_to_pay(self):
        """Posted customer invoices of the order with an amount still due."""
        self.ensure_one()
        return self.invoice_ids.filtered(
            lambda move: move.move_type == "out_invoice"
            and move.state == "posted"
            and move.payment_state in ("not_paid", "partial")
            and not move.currency_id.is_zero(move.amount_residual)
        )

    def _get_portal_open_tickets(self, viewer):
        """The order's open tickets that `viewer` may read: a visitor holding only
        the order's link sees none."""
        self.ensure_one()
        tickets = self.env["helpdesk.ticket"].with_user(viewer)
        if not tickets.has_access("read"):
            return tickets
        return tickets.search(
            [("sale_order_id", "=", self.id), ("closed", "=", False)],
            order="create_date desc",
        )

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
