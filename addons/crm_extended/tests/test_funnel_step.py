# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, new_test_user, tagged, users

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestFunnelStep(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create({"name": "Funnel Team"})
        cls.stage_new = cls.env["crm.stage"].create(
            {"name": "Fresh", "sequence": 1, "funnel_step": "new"}
        )
        cls.stage_offer = cls.env["crm.stage"].create(
            {"name": "Proposal e-mailed", "sequence": 2, "funnel_step": "offer"}
        )
        cls.stage_unmapped = cls.env["crm.stage"].create(
            {"name": "Waiting", "sequence": 3}
        )
        cls.salesman = new_test_user(
            cls.env,
            login="funnel_salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.manager = new_test_user(
            cls.env,
            login="funnel_manager",
            groups="sales_team.group_sale_manager",
        )

    def test_default_stages_are_mapped(self):
        """Odoo's four default stages land on the article's funnel steps."""
        expected = {
            "crm.stage_lead1": "new",
            "crm.stage_lead2": "qualified",
            "crm.stage_lead3": "offer",
            "crm.stage_lead4": "won",
        }
        for xmlid, step in expected.items():
            stage = self.env.ref(xmlid, raise_if_not_found=False)
            if stage:
                self.assertEqual(stage.funnel_step, step, xmlid)

    @users("funnel_salesman")
    def test_lead_follows_its_stage(self):
        """The lead's stored step follows every stage change and grouping uses it."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Funnel lead",
                "type": "opportunity",
                "team_id": self.team.id,
                "user_id": self.salesman.id,
                "stage_id": self.stage_new.id,
            }
        )
        self.assertEqual(lead.funnel_step, "new")
        lead.stage_id = self.stage_offer
        self.assertEqual(lead.funnel_step, "offer")
        lead.stage_id = self.stage_unmapped
        self.assertFalse(lead.funnel_step)
        lead.stage_id = self.stage_offer
        groups = self.env["crm.lead"]._read_group(
            [("id", "=", lead.id)], ["funnel_step"], ["__count"]
        )
        self.assertEqual(groups, [("offer", 1)])

    def test_admin_maps_own_stage(self):
        """Re-mapping a stage moves the leads already in it to the new step."""
        lead = self.env["crm.lead"].create(
            {"name": "Waiting lead", "stage_id": self.stage_unmapped.id}
        )
        with Form(self.stage_unmapped.with_user(self.manager)) as stage_form:
            stage_form.funnel_step = "price"
        self.assertEqual(lead.funnel_step, "price")
        self.assertEqual(
            self.env["crm.lead"].search_count(
                [("id", "=", lead.id), ("funnel_step", "=", "price")]
            ),
            1,
        )
