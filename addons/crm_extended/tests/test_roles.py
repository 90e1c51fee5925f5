# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestRoles(CrmExtendedCommon):
    """What each role reads and writes::

    lead            owner        team   salesman_a  salesman_b  leader_a  manager
    own_a           salesman_a   A      rw          -           rw        rw
    unassigned_a    -            A      rw          -           rw        rw
    own_b           salesman_b   B      -           rw          -         rw
    unassigned_b    -            B      -           rw          -         rw
    unassigned_none -            -      rw          rw          rw        rw
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_a = cls._create_lead("own A", cls.salesman_a, cls.team_a)
        cls.unassigned_a = cls._create_lead("unassigned A", team=cls.team_a)
        cls.own_b = cls._create_lead("own B", cls.salesman_b, cls.team_b)
        cls.unassigned_b = cls._create_lead("unassigned B", team=cls.team_b)
        cls.unassigned_none = cls._create_lead("nobody's")
        cls.leads = (
            cls.own_a
            | cls.unassigned_a
            | cls.own_b
            | cls.unassigned_b
            | cls.unassigned_none
        )
        Call = cls.env["crm.call"]
        cls.call_a = Call.create(
            {
                "lead_id": cls.own_a.id,
                "user_id": cls.salesman_a.id,
                "outcome": "no_answer",
            }
        )
        cls.call_b = Call.create(
            {
                "lead_id": cls.own_b.id,
                "user_id": cls.salesman_b.id,
                "outcome": "no_answer",
            }
        )
        cls.admin = new_test_user(
            cls.env, login="crm_admin_role", groups="crm_extended.group_crm_admin"
        )
        cls.agent = new_test_user(
            cls.env,
            login="crm_agent_role",
            groups="crm_extended.group_telemarketing_agent",
        )
        cls.ticket_agent = cls.env["helpdesk.ticket"].create(
            {"name": "Agent's", "description": "x", "user_id": cls.agent.id}
        )
        cls.ticket_other = cls.env["helpdesk.ticket"].create(
            {"name": "Someone's", "description": "y", "user_id": cls.salesman_b.id}
        )

    def _leads(self, user):
        return (
            self.env["crm.lead"].with_user(user).search([("id", "in", self.leads.ids)])
        )

    def test_leads_per_role(self):
        self.assertEqual(
            self._leads(self.salesman_a),
            self.own_a | self.unassigned_a | self.unassigned_none,
        )
        self.assertEqual(
            self._leads(self.salesman_b),
            self.own_b | self.unassigned_b | self.unassigned_none,
        )
        self.assertEqual(
            self._leads(self.leader_a),
            self.own_a | self.unassigned_a | self.unassigned_none,
            "a team leader sees all of team A, assigned to anyone",
        )
        self.assertEqual(self._leads(self.manager), self.leads)
        self.assertEqual(self._leads(self.admin), self.leads)
        with self.assertRaises(AccessError):
            self.own_b.with_user(self.salesman_a).read(["name"])
        with self.assertRaises(AccessError):
            self.unassigned_b.with_user(self.leader_a).write({"name": "taken"})

    def test_team_leader_edits_the_team(self):
        salesman_lead = self._create_lead("A's deal", self.salesman_b, self.team_a)
        salesman_lead.with_user(self.leader_a).write({"expected_revenue": 42})
        self.assertEqual(salesman_lead.expected_revenue, 42)
        self.assertIn(
            salesman_lead,
            self.env["crm.lead.stage.history"]
            .with_user(self.leader_a)
            .search([("lead_id", "=", salesman_lead.id)])
            .lead_id,
        )

    def test_calls_per_role(self):
        Call = self.env["crm.call"]
        calls = self.call_a | self.call_b
        self.assertEqual(
            Call.with_user(self.salesman_a).search([("id", "in", calls.ids)]),
            self.call_a,
        )
        self.assertEqual(
            Call.with_user(self.leader_a).search([("id", "in", calls.ids)]), self.call_a
        )
        self.assertEqual(
            Call.with_user(self.manager).search([("id", "in", calls.ids)]), calls
        )
        self.call_a.with_user(self.leader_a).write({"note": "coached"})
        with self.assertRaises(AccessError):
            self.call_b.with_user(self.leader_a).write({"note": "not mine"})

    def test_tickets_per_role(self):
        Ticket = self.env["helpdesk.ticket"]
        tickets = self.ticket_agent | self.ticket_other
        self.assertEqual(
            Ticket.with_user(self.agent).search([("id", "in", tickets.ids)]),
            self.ticket_agent,
        )
        self.assertEqual(
            Ticket.with_user(self.manager).search([("id", "in", tickets.ids)]), tickets
        )
        # without a helpdesk group, helpdesk_mgmt's rules decide what an employee may
        # look up; editing needs a helpdesk group
        with self.assertRaises(AccessError):
            self.ticket_agent.with_user(self.salesman_a).write({"name": "edited"})
        with self.assertRaises(AccessError):
            self.ticket_other.with_user(self.agent).write({"name": "hijacked"})

    def test_administrator_configures(self):
        sla = (
            self.env["helpdesk.ticket.sla"]
            .with_user(self.admin)
            .create({"name": "Gold", "resolution_hours": 4})
        )
        self.assertTrue(sla)
        self.stage_offer.with_user(self.admin).write({"stale_days": 9})
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket.sla"].with_user(self.manager).create(
                {"name": "Silver", "resolution_hours": 8}
            )
        with self.assertRaises(AccessError):
            self.stage_offer.with_user(self.salesman_a).write({"stale_days": 1})

    def test_portal_and_public_see_no_crm(self):
        public = self.env.ref("base.public_user")
        for user in (self.portal_user, public):
            for model in (
                "crm.lead",
                "crm.call",
                "crm.call.campaign",
                "crm.lead.stage.history",
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} on {model}"):
                    self.env[model].with_user(user).search([])
