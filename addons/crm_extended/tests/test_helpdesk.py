# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestHelpdesk(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Ticket Customer"})
        cls.category = cls.env["helpdesk.ticket.category"].create({"name": "Delivery"})
        SLA = cls.env["helpdesk.ticket.sla"]
        SLA.search([]).active = False
        cls.sla_default = SLA.create({"name": "Default", "resolution_hours": 48})
        cls.sla_urgent = SLA.create(
            {
                "name": "Urgent",
                "priority": "3",
                "resolution_hours": 4,
                "response_hours": 1,
            }
        )
        cls.sla_delivery = SLA.create(
            {"name": "Delivery", "category_id": cls.category.id, "resolution_hours": 24}
        )
        cls.sla_delivery_urgent = SLA.create(
            {
                "name": "Delivery urgent",
                "category_id": cls.category.id,
                "priority": "3",
                "resolution_hours": 2,
            }
        )
        cls.agent = new_test_user(
            cls.env,
            login="hotline_agent",
            groups="crm_extended.group_telemarketing_agent",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Hotline", "user_ids": [(4, cls.agent.id)]}
        )

    def _ticket(self, **values):
        values.setdefault("name", "Where is my parcel?")
        values.setdefault("description", "<p>Not arrived.</p>")
        values.setdefault("partner_id", self.customer.id)
        return self.env["helpdesk.ticket"].create(values)

    def test_most_specific_sla_wins(self):
        cases = [
            ({}, self.sla_default, 48),
            ({"priority": "3"}, self.sla_urgent, 4),
            ({"category_id": self.category.id}, self.sla_delivery, 24),
            (
                {"category_id": self.category.id, "priority": "3"},
                self.sla_delivery_urgent,
                2,
            ),
        ]
        for values, sla, hours in cases:
            ticket = self._ticket(**values)
            self.assertEqual(ticket.sla_id, sla, values)
            self.assertEqual(
                ticket.sla_deadline, ticket.create_date + timedelta(hours=hours)
            )
        urgent = self._ticket(priority="3")
        self.assertEqual(
            urgent.sla_response_deadline, urgent.create_date + timedelta(hours=1)
        )

    def test_breach_flag_and_filter(self):
        now = fields.Datetime.now()
        late = self._ticket()
        late.sla_deadline = now - timedelta(hours=1)
        closed_in_time = self._ticket()
        closed_in_time.write(
            {
                "sla_deadline": now - timedelta(hours=1),
                "closed_date": now - timedelta(hours=2),
            }
        )
        closed_late = self._ticket()
        closed_late.write(
            {
                "sla_deadline": now - timedelta(hours=3),
                "closed_date": now - timedelta(hours=2),
            }
        )
        fresh = self._ticket()
        self.assertTrue(late.sla_breached, "still open past its deadline")
        self.assertFalse(closed_in_time.sla_breached)
        self.assertTrue(closed_late.sla_breached)
        self.assertFalse(fresh.sla_breached)
        tickets = late | closed_in_time | closed_late | fresh
        breached = self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids), ("sla_breached", "=", True)]
        )
        self.assertEqual(breached, late | closed_late)
        self.assertEqual(
            self.env["helpdesk.ticket"].search(
                [("id", "in", tickets.ids), ("sla_breached", "=", False)]
            ),
            closed_in_time | fresh,
        )

    def test_first_response_and_resolution_times(self):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.message_post(body="Internal remark", subtype_xmlid="mail.mt_note")
        self.assertFalse(ticket.first_response_date, "an internal note is no answer")
        ticket.with_user(self.agent).message_post(
            body="We are on it", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertTrue(ticket.first_response_date)
        first = ticket.first_response_date
        ticket.message_post(
            body="Again", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(
            ticket.first_response_date, first, "only the first answer counts"
        )
        self.assertGreaterEqual(ticket.first_response_hours, 0)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        ticket.stage_id = done
        self.assertTrue(ticket.closed_date)
        self.assertGreaterEqual(ticket.resolution_hours, 0)

    def test_ticket_shows_its_order(self):
        product = self.env["product.product"].create({"name": "Chair", "type": "consu"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": 1})
                ],
            }
        )
        order.action_confirm()
        form = Form(self.env["helpdesk.ticket"])
        form.name = "Chair broken"
        form.description = "<p>Leg missing</p>"
        form.sale_order_id = order
        ticket = form.save()
        self.assertEqual(ticket.partner_id, self.customer, "taken from the order")
        self.assertEqual(ticket.order_milestone, "preparing")

    def test_hotline_call_opens_a_ticket(self):
        Log = self.env["crm.call.log"].with_user(self.agent)
        with self.assertRaisesRegex(
            ValidationError, "needs the caller's contact and a title"
        ):
            Log.create(
                {
                    "outcome": "no_answer",
                    "partner_id": self.customer.id,
                    "create_ticket": True,
                }
            ).action_log()
        action = Log.create(
            {
                "partner_id": self.customer.id,
                "outcome": "not_interested",
                "direction": "inbound",
                "note": "Parcel damaged on arrival",
                "create_ticket": True,
                "ticket_name": "Damaged parcel",
                "ticket_category_id": self.category.id,
                "ticket_team_id": self.team.id,
            }
        ).action_log()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertEqual(ticket.name, "Damaged parcel")
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"),
        )
        self.assertIn("Parcel damaged", ticket.description)
        self.assertEqual(ticket.sla_id, self.sla_delivery)
        self.assertEqual(ticket.call_ids.ticket_id, ticket)

    def test_sla_values_checked(self):
        with self.assertRaisesRegex(
            ValidationError, "cannot be due after the resolution"
        ):
            self.env["helpdesk.ticket.sla"].create(
                {"name": "Odd", "response_hours": 10, "resolution_hours": 5}
            )
