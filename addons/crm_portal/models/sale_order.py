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
            shipped = order._get_fulfilment_pickings().filtered(
                lambda p: p.state == "done"
            )
            urls = [
                p.carrier_tracking_url
                for p in shipped.sorted("date_done")
                if "carrier_tracking_url" in p._fields and p.carrier_tracking_url
            ]
            order.portal_tracking_url = urls[-1] if urls else False

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
