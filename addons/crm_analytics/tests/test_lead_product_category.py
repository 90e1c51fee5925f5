# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLeadProductCategory(TransactionCase):
    """A lead's main product category follows its live quotations."""

    def test_category_follows_the_quotations(self):
        Category = self.env["product.category"]
        pumps, screws = (
            Category.create({"name": "Pumps"}),
            Category.create({"name": "Screws"}),
        )
        pump = self.env["product.product"].create(
            {"name": "Pump", "categ_id": pumps.id}
        )
        screw = self.env["product.product"].create(
            {"name": "Screw", "categ_id": screws.id}
        )
        customer = self.env["res.partner"].create({"name": "Category customer"})
        lead = self.env["crm.lead"].create(
            {"name": "Pumps deal", "type": "opportunity"}
        )
        self.assertFalse(lead.product_categ_id)
        big = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "opportunity_id": lead.id,
                "order_line": [(0, 0, {"product_id": pump.id, "price_unit": 900.0})],
            }
        )
        self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "opportunity_id": lead.id,
                "order_line": [(0, 0, {"product_id": screw.id, "price_unit": 5.0})],
            }
        )
        self.assertEqual(lead.product_categ_id, pumps, "the largest line wins")
        big._action_cancel()
        self.assertEqual(lead.product_categ_id, screws, "cancelled orders do not count")
