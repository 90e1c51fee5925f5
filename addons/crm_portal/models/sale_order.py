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
