# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

# The customer-facing life of an order, in order. An order "is at" the furthest
# milestone it reached; an order without goods skips the three delivery steps.
FULFILMENT_MILESTONES = [
    ("quotation", "Quotation"),
    ("sent", "Quotation sent"),
    ("confirmed", "Confirmed"),
    ("preparing", "Being prepared"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
    ("invoiced", "Invoiced"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]
# state reached -> date field stamped when the order enters that state
STATE_DATE_FIELDS = {
    "sent": "date_sent",
    "sale": "date_confirmed",
    "cancel": "date_cancelled",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    fulfilment_milestone = fields.Selection(
        FULFILMENT_MILESTONES,
        string="Fulfilment",
        compute="_compute_fulfilment",
        store=True,
        index=True,
        help="Furthest step of the order's life reached so far.",
    )
    date_sent = fields.Datetime(string="Quotation Sent", copy=False, readonly=True)
    date_confirmed = fields.Datetime(string="Confirmed on", copy=False, readonly=True)
    date_cancelled = fields.Datetime(string="Cancelled on", copy=False, readonly=True)
    date_preparing = fields.Datetime(
        string="Preparation Started", compute="_compute_fulfilment", store=True
    )
    date_shipped = fields.Datetime(
        string="Shipped on", compute="_compute_fulfilment", store=True
    )
    date_delivered = fields.Datetime(
        string="Delivered on", compute="_compute_fulfilment", store=True
    )
    date_invoiced = fields.Date(
        string="Invoiced on", compute="_compute_fulfilment", store=True
    )
    date_paid = fields.Date(string="Paid on", compute="_compute_fulfilment", store=True)
    fulfilment_tracking_ref = fields.Char(
        string="Tracking Reference",
        compute="_compute_fulfilment_tracking_ref",
        help="Carrier tracking reference of the last shipment, when a carrier "
        "integration (stock_delivery) records one.",
    )

    @api.depends(
        "state",
        "date_sent",
        "date_confirmed",
        "picking_ids.state",
        "picking_ids.date_done",
        "invoice_status",
        "order_line.invoice_lines.move_id.state",
        "order_line.invoice_lines.move_id.payment_state",
        "order_line.invoice_lines.move_id.invoice_date",
    )
    def _compute_fulfilment(self):
        for order in self:
            dates = order._get_fulfilment_dates()
            order.update(dates)
            if order.state == "cancel":
                order.fulfilment_milestone = "cancelled"
                continue
            reached = {
                "quotation": True,
                "sent": bool(order.date_sent),
                "confirmed": order.state == "sale",
                "preparing": bool(dates["date_preparing"]),
                "shipped": bool(dates["date_shipped"]),
                "delivered": bool(dates["date_delivered"]),
                "invoiced": bool(dates["date_invoiced"]),
                "paid": bool(dates["date_paid"]),
            }
            order.fulfilment_milestone = [key for key, ok in reached.items() if ok][-1]

    def _get_fulfilment_pickings(self):
        """Transfers that bring this order's goods to the customer (not cancelled)."""
        self.ensure_one()
        return self.picking_ids.filtered(
            lambda p: p.state != "cancel" and p.location_dest_id.usage == "customer"
        )

    def _get_fulfilment_dates(self):
        """Dates of the delivery and payment milestones, False when not reached."""
        self.ensure_one()
        dates = dict.fromkeys(
            ("date_preparing", "date_shipped", "date_delivered"), False
        )
        dates.update(date_invoiced=False, date_paid=False)
        if self.state != "sale":
            return dates
        pickings = self.picking_ids.filtered(lambda p: p.state != "cancel")
        deliveries = self._get_fulfilment_pickings()
        if pickings:
            dates["date_preparing"] = min(pickings.mapped("create_date"))
        shipped = deliveries.filtered(lambda p: p.state == "done")
        if shipped:
            dates["date_shipped"] = min(shipped.mapped("date_done"))
            if shipped == deliveries and all(p.state == "done" for p in pickings):
                dates["date_delivered"] = max(shipped.mapped("date_done"))
        invoices = self.order_line.invoice_lines.move_id.filtered(
            lambda m: m.state == "posted" and m.move_type == "out_invoice"
        )
        if invoices and self.invoice_status == "invoiced":
            dates["date_invoiced"] = max(invoices.mapped("invoice_date"))
            if all(m.payment_state in ("paid", "in_payment") for m in invoices):
                dates["date_paid"] = self._get_payment_date(invoices)
        return dates

    def _get_payment_date(self, invoices):
        """Date of the last payment reconciled with these invoices."""
        partials = invoices.line_ids.matched_credit_ids
        return max(partials.mapped("max_date"), default=max(invoices.mapped("date")))

    def _compute_fulfilment_tracking_ref(self):
        for order in self:
            order.fulfilment_tracking_ref = order._get_last_shipment_value(
                "carrier_tracking_ref"
            )

    def _get_last_shipment_value(self, fname):
        """Value of the picking field `fname` on the last shipment of the order that
        has one; False without it, or when no carrier integration (stock_delivery)
        defines the field."""
        self.ensure_one()
        shipped = self._get_fulfilment_pickings().filtered(lambda p: p.state == "done")
        values = [
            p[fname]
            for p in shipped.sorted("date_done")
            if fname in p._fields and p[fname]
        ]
        return values[-1] if values else False

    def write(self, vals):
        state = vals.get("state")
        result = super().write(vals)
        if state in STATE_DATE_FIELDS:
            fname = STATE_DATE_FIELDS[state]
            self.filtered(lambda order: not order[fname]).write(
                {fname: fields.Datetime.now()}
            )
        if state == "draft":
            self.filtered("date_cancelled").write({"date_cancelled": False})
        return result

    @api.model
    def _init_fulfilment_dates(self):
        """Stamp the transition dates of orders that existed before the module: their
        confirmation is the order date, a sent or cancelled quotation's last change is
        the best date known. One UPDATE each; the milestones of the orders touched
        then recompute."""
        self.flush_model(
            ["state", "date_order", "date_confirmed", "date_sent", "date_cancelled"]
        )
        order_ids = set()
        for fname, state, source in (
            ("date_confirmed", "sale", "date_order"),
            ("date_sent", "sent", "write_date"),
            ("date_cancelled", "cancel", "write_date"),
        ):
            rows = self.env.execute_query(
                SQL(
                    "UPDATE sale_order SET %s = %s WHERE state = %s AND %s IS NULL "
                    "RETURNING id",
                    SQL.identifier(fname),
                    SQL.identifier(source),
                    state,
                    SQL.identifier(fname),
                )
            )
            order_ids.update(row[0] for row in rows)
        self.invalidate_model(["date_confirmed", "date_sent", "date_cancelled"])
        orders = self.browse(sorted(order_ids))
        self.env.add_to_compute(self._fields["fulfilment_milestone"], orders)
        orders.flush_recordset()
