# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user


def fake_carrier_tracking(case, ref):
    """Ship orders as a carrier integration would (stock_delivery is not installed):
    their last shipment carries `ref` and the carrier's tracking link."""
    values = {
        "carrier_tracking_ref": ref,
        "carrier_tracking_url": f"https://carrier.example/t/{ref}",
    }
    case.patch(
        type(case.env["sale.order"]),
        "_get_last_shipment_value",
        lambda order, fname: bool(order.date_shipped) and values[fname],
    )


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class TicketPortalCommon(HttpCase):
    """Two portal customers and their orders and tickets::

        customer A (login customer_a)          customer B (login customer_b)
          order_a   confirmed, goods             order_b  confirmed, goods
          quote_a   quotation sent, to sign      ticket_b about order_b, with a file
          ticket_a  about order_a

    Tickets of the category "Delivery" follow the SLA "Delivery": an answer within
    4 hours, a resolution within 24 hours.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.helpdesk_mgmt_portal_select_category = True
        cls.user_a = new_test_user(
            cls.env, login="customer_a", groups="base.group_portal", name="Alice A"
        )
        cls.user_b = new_test_user(
            cls.env, login="customer_b", groups="base.group_portal", name="Bob B"
        )
        cls.partner_a = cls.user_a.partner_id
        cls.partner_b = cls.user_b.partner_id
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "Delivery", "show_in_portal": True}
        )
        cls.sla = cls.env["helpdesk.ticket.sla"].create(
            {
                "name": "Delivery",
                "category_id": cls.category.id,
                "response_hours": 4,
                "resolution_hours": 24,
            }
        )
        cls.goods = cls.env["product.product"].create(
            {"name": "Ticket chair", "type": "consu", "list_price": 50}
        )
        cls.order_a = cls._order(cls.partner_a, "A-ORDER-REF")
        cls.order_a.action_confirm()
        cls.quote_a = cls._order(cls.partner_a, "A-QUOTE-REF")
        cls.quote_a.action_quotation_sent()
        cls.order_b = cls._order(cls.partner_b, "B-ORDER-REF")
        cls.order_b.action_confirm()
        cls.ticket_a = cls._ticket(cls.partner_a, cls.order_a, "Alice asks a question")
        cls.ticket_b = cls._ticket(cls.partner_b, cls.order_b, "Bob secret complaint")
        cls.attachment_b = cls.env["ir.attachment"].create(
            {
                "name": "bob-invoice.pdf",
                "raw": PDF,
                "res_model": "helpdesk.ticket",
                "res_id": cls.ticket_b.id,
            }
        )

    @classmethod
    def _order(cls, partner, ref):
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "client_order_ref": ref,
                "require_signature": True,
                "order_line": [(0, 0, {"product_id": cls.goods.id})],
            }
        )

    @classmethod
    def _ticket(cls, partner, order, name):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": f"<p>{name}</p>",
                "partner_id": partner.id,
                "sale_order_id": order.id,
                "category_id": cls.category.id,
            }
        )

    def _submit(self, files=None, **values):
        """POST the portal ticket form with the session's CSRF token."""
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "subject": "Chair arrived broken",
            "description": "One leg is missing.",
            "category": str(self.category.id),
            **values,
        }
        return self.url_open(
            "/submitted/ticket", data=data, files=files, allow_redirects=False
        )

    def _tickets_of(self, partner):
        return self.env["helpdesk.ticket"].search([("partner_id", "=", partner.id)])
