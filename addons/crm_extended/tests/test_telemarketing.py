# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestTelemarketing(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="crm_agent",
            groups="crm_extended.group_telemarketing_agent",
        )
        cls.team_a.member_ids = [(4, cls.agent.id)]
        cls.customer = cls.env["res.partner"].create(
            {"name": "Called Customer", "phone": "+32 2 290 34 90"}
        )
        cls.other = cls.env["res.partner"].create({"name": "Someone Else"})
        cls.utm_campaign = cls.env["utm.campaign"].create({"name": "Renewals 2027"})
        cls.campaign = cls.env["crm.call.campaign"].create(
            {
                "name": "Renewal calls",
                "team_id": cls.team_a.id,
                "agent_ids": [(4, cls.agent.id)],
                "utm_campaign_id": cls.utm_campaign.id,
                "script": "<p>Ask about the renewal.</p>",
                "line_ids": [
                    (0, 0, {"partner_id": cls.customer.id, "agent_id": cls.agent.id}),
                    (0, 0, {"partner_id": cls.other.id}),
                    (0, 0, {"partner_id": cls.other.id, "agent_id": cls.salesman_b.id}),
                ],
            }
        )
        cls.campaign.action_start()
        cls.line_customer, cls.line_unassigned, cls.line_b = cls.campaign.line_ids

    def _log(self, action, user, **values):
        wizard = Form(
            self.env["crm.call.log"].with_user(user).with_context(**action["context"])
        )
        for name, value in values.items():
            setattr(wizard, name, value)
        record = wizard.save()
        return record.action_log()

    def _last_call(self):
        return self.env["crm.call"].search([], order="id desc", limit=1)

    def test_interested_contact_gets_an_opportunity(self):
        action = self.line_customer.with_user(self.agent).action_log_call()
        self.assertEqual(action["res_model"], "crm.call.log")
        self.assertEqual(action["target"], "new")
        self._log(
            action, self.agent, outcome="interested", duration=4.5, note="Wants 3"
        )
        call = self._last_call()
        self.assertEqual(call.user_id, self.agent)
        self.assertEqual(call.campaign_id, self.campaign)
        self.assertEqual(call.medium_id, self.env.ref("utm.utm_medium_phone"))
        lead = call.lead_id
        self.assertTrue(lead, "an opportunity was created")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.user_id, self.agent)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.campaign_id, self.utm_campaign)
        self.assertEqual(lead.medium_id, self.env.ref("utm.utm_medium_phone"))
        self.assertEqual(self.line_customer.state, "done")
        self.assertEqual(self.line_customer.lead_id, lead)
        self.assertEqual(self.line_customer.attempt_count, 1)
        self.assertEqual(self.line_customer.last_outcome, "interested")
        self.assertIn("Wants 3", lead.message_ids[0].body)
        self.assertEqual(lead.call_count, 1)
        self.assertEqual(self.campaign.call_count, 1)

    def test_callback_needs_a_date_and_schedules_a_call(self):
        lead = self._create_lead("Call me", self.salesman_a, self.team_a)
        action = lead.with_user(self.salesman_a).action_log_call()
        with self.assertRaisesRegex(ValidationError, "Say when to call back"):
            self.env["crm.call.log"].with_user(self.salesman_a).with_context(
                **action["context"]
            ).create({"outcome": "callback"}).action_log()
        self.assertFalse(lead.call_count, "nothing stored")
        when = fields.Datetime.now() + timedelta(days=2)
        self._log(action, self.salesman_a, outcome="callback", callback_date=when)
        activity = lead.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_call")
        )
        self.assertEqual(activity.user_id, self.salesman_a)
        self.assertEqual(activity.date_deadline, when.date())

    def test_bad_wizard_values(self):
        Log = self.env["crm.call.log"].with_user(self.salesman_a)
        with self.assertRaisesRegex(ValidationError, "Choose the contact or the lead"):
            Log.create({"outcome": "no_answer"}).action_log()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            Log.create(
                {"outcome": "no_answer", "partner_id": self.customer.id, "duration": -1}
            ).action_log()
        with self.assertRaisesRegex(ValidationError, "must come after the call"):
            Log.create(
                {
                    "outcome": "callback",
                    "partner_id": self.customer.id,
                    "callback_date": fields.Datetime.now() - timedelta(days=1),
                }
            ).action_log()

    def test_interested_advances_a_lead(self):
        raw = self.env["crm.lead"].create(
            {"name": "Raw lead", "type": "lead", "partner_id": self.customer.id}
        )
        self._log(raw.action_log_call(), self.env.user, outcome="interested")
        self.assertEqual(raw.type, "opportunity")
        opportunity = self._create_lead("New opp", self.salesman_a, self.team_a)
        self._log(opportunity.action_log_call(), self.env.user, outcome="interested")
        self.assertEqual(opportunity.funnel_step, "qualified")

    def test_no_answer_and_wrong_number(self):
        action = self.line_customer.action_log_call()
        self._log(action, self.agent, outcome="no_answer")
        self.assertEqual(self.line_customer.state, "todo", "to call again")
        self.assertEqual(self.line_customer.attempt_count, 1)
        self._log(action, self.agent, outcome="wrong_number")
        self.assertEqual(self.line_customer.state, "done")
        self.assertEqual(self.line_customer.attempt_count, 2)
        self.assertFalse(
            self.env["crm.lead"].search([("partner_id", "=", self.customer.id)])
        )

    def test_agent_queue_and_access(self):
        queue = self.env.ref("crm_extended.crm_call_campaign_line_action_queue")
        domain = [
            ("campaign_state", "=", "running"),
            ("state", "!=", "done"),
            "|",
            ("agent_id", "=", self.agent.id),
            ("agent_id", "=", False),
        ]
        self.assertIn("('agent_id', '=', uid)", queue.domain)
        mine = self.env["crm.call.campaign.line"].with_user(self.agent).search(domain)
        self.assertEqual(mine, self.line_customer | self.line_unassigned)
        with self.assertRaises(AccessError):
            self.line_b.with_user(self.agent).read(["state"])
        # salesman B is in another team and not an agent: the campaign is not theirs
        self.assertFalse(
            self.env["crm.call.campaign"]
            .with_user(self.salesman_b)
            .search([("id", "=", self.campaign.id)])
        )
        self.assertEqual(
            self.env["crm.call.campaign.line"]
            .with_user(self.salesman_b)
            .search([("campaign_id", "=", self.campaign.id)]),
            self.line_b,
        )
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.agent).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["crm.call.campaign"].with_user(self.portal_user).search([])

    def test_calls_are_personal(self):
        self._log(self.line_customer.action_log_call(), self.agent, outcome="no_answer")
        call = self._last_call()
        self.assertEqual(
            call.with_user(self.agent).read(["outcome"])[0]["outcome"], "no_answer"
        )
        with self.assertRaises(AccessError):
            call.with_user(self.salesman_b).read(["outcome"])
        self.assertEqual(
            self.env["crm.call"].with_user(self.manager).search([("id", "=", call.id)]),
            call,
        )
        with self.assertRaises(AccessError):
            call.with_user(self.agent).unlink()
        with self.assertRaises(AccessError):
            self.env["crm.call"].with_user(self.portal_user).search([])

    def test_running_campaign_needs_agents(self):
        draft = self.env["crm.call.campaign"].create({"name": "Nobody"})
        with self.assertRaisesRegex(ValidationError, "needs agents or a sales team"):
            draft.action_start()

    def test_partner_rolls_up_calls(self):
        company = self.env["res.partner"].create(
            {"name": "Calling Corp", "is_company": True}
        )
        self.customer.parent_id = company
        self._log(self.customer.action_log_call(), self.env.user, outcome="no_answer")
        self.assertEqual(self.customer.call_count, 1)
        self.assertEqual(company.call_count, 1, "a company counts its contacts' calls")
