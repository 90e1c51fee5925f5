# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestStageHistoryAccess(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_lead("A own", cls.salesman_a, cls.team_a)
        cls.unassigned_a = cls._create_lead("A unassigned", team=cls.team_a)
        cls.other = cls._create_lead("B own", cls.salesman_b, cls.team_b)
        cls.unassigned_b = cls._create_lead("B unassigned", team=cls.team_b)
        cls.other_company = cls._create_lead("Company B", company_id=cls.company_b.id)
        cls.leads = cls.own | cls.unassigned_a | cls.other | cls.unassigned_b
        cls.leads.write({"stage_id": cls.stage_qualified.id})
        cls.History = cls.env["crm.lead.stage.history"]

    def _visible_leads(self, user):
        return (
            self.History.with_user(user)
            .search([("lead_id", "in", (self.leads | self.other_company).ids)])
            .lead_id
        )

    def test_salesperson_sees_own_and_own_team_unassigned(self):
        self.assertEqual(
            self._visible_leads(self.salesman_a), self.own | self.unassigned_a
        )
        self.assertEqual(
            self._visible_leads(self.salesman_b), self.other | self.unassigned_b
        )
        foreign = self.History.search([("lead_id", "=", self.other.id)], limit=1)
        with self.assertRaises(AccessError):
            foreign.with_user(self.salesman_a).read(["stage_to_id"])

    def test_history_is_read_only(self):
        stay = self.History.search([("lead_id", "=", self.own.id)], limit=1)
        as_salesman = stay.with_user(self.salesman_a)
        with self.assertRaises(AccessError):
            as_salesman.write({"duration_days": 1})
        with self.assertRaises(AccessError):
            as_salesman.unlink()
        with self.assertRaises(AccessError):
            self.History.with_user(self.manager).create(
                {"lead_id": self.own.id, "date_entered": "2026-01-01 00:00:00"}
            )

    def test_leader_sees_the_team_manager_sees_all_of_their_companies(self):
        self.assertEqual(
            self._visible_leads(self.leader_a), self.own | self.unassigned_a
        )
        self.assertEqual(self._visible_leads(self.manager), self.leads)
        self.manager.write(
            {"company_ids": [(4, self.company_b.id)], "company_id": self.env.company.id}
        )
        visible = (
            self.History.with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id, self.company_b.id])
            .search([("lead_id", "in", (self.leads | self.other_company).ids)])
        )
        self.assertEqual(visible.lead_id, self.leads | self.other_company)

    def test_portal_and_public_see_nothing(self):
        with self.assertRaises(AccessError):
            self.History.with_user(self.portal_user).search([])
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.History.with_user(public).search([])
