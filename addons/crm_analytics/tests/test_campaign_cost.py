# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestCampaignCost(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Second Company"})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Spring fair"})
        cls.other_campaign = cls.env["utm.campaign"].create({"name": "Radio spot"})
        cls.medium = cls.env["utm.medium"].create({"name": "Fair stand"})
        Cost = cls.env["utm.campaign.cost"]
        cls.costs = Cost.create(
            [
                {"campaign_id": cls.campaign.id, "amount": 300.0, "name": "Stand"},
                {"campaign_id": cls.campaign.id, "amount": 150.0, "name": "Flyers"},
                {"campaign_id": cls.other_campaign.id, "amount": 99.0},
            ]
        )
        cls.cost_company_b = Cost.create(
            {
                "campaign_id": cls.campaign.id,
                "amount": 1000.0,
                "company_id": cls.company_b.id,
            }
        )
        cls.env["crm.lead"].create(
            [
                {"name": "Fair visitor 1", "campaign_id": cls.campaign.id},
                {"name": "Fair visitor 2", "campaign_id": cls.campaign.id},
                {
                    "name": "Fair visitor 3 (lost)",
                    "campaign_id": cls.campaign.id,
                    "active": False,
                },
            ]
        )
        cls.salesman = new_test_user(
            cls.env, login="cost_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env,
            login="cost_manager",
            # the campaign form of mass_mailing (installed by crm_extended) reads
            # mailing counters: whoever edits campaigns is a mailing user too
            groups="sales_team.group_sale_manager,mass_mailing.group_mass_mailing_user",
        )

    def test_totals_and_cost_per_lead(self):
        """Totals count this company's lines only; CPL counts lost leads too."""
        campaigns = self.campaign | self.other_campaign
        campaigns.invalidate_recordset()
        self.assertEqual(self.campaign.cost_total, 450.0)
        self.assertEqual(self.other_campaign.cost_total, 99.0)
        self.assertEqual(self.campaign.cost_per_lead, 150.0)
        self.assertEqual(self.other_campaign.cost_per_lead, 0.0, "no lead, no CPL")
        in_b = self.campaign.with_company(self.company_b)
        self.assertEqual(in_b.cost_total, 1000.0)

    def test_totals_cost_one_query(self):
        """All campaigns' totals come from one grouped query, however many there are."""
        campaigns = self.campaign | self.other_campaign
        campaigns |= self.env["utm.campaign"].create(
            [{"name": f"Extra campaign {i}"} for i in range(20)]
        )
        self.env.company.currency_id.rounding  # noqa: B018 (warm the currency cache)
        campaigns.invalidate_recordset()
        with self.assertQueryCount(1):
            campaigns.mapped("cost_total")

    def test_form_total_follows_unsaved_lines(self):
        with Form(self.campaign.with_user(self.manager)) as form:
            with form.cost_line_ids.new() as line:
                line.amount = 50.0
                line.medium_id = self.medium
            self.assertEqual(form.cost_total, 500.0)
        self.assertEqual(len(self.campaign.cost_line_ids), 4)

    def test_negative_cost_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            self.env["utm.campaign.cost"].create(
                {"campaign_id": self.campaign.id, "amount": -5.0}
            )
            self.env.flush_all()

    def test_access(self):
        """Salespeople read costs, managers edit them, nobody sees another company's."""
        as_salesman = self.env["utm.campaign.cost"].with_user(self.salesman)
        visible = as_salesman.search([("campaign_id", "=", self.campaign.id)])
        self.assertEqual(visible, self.costs[:2])
        with self.assertRaises(AccessError):
            visible[0].write({"amount": 1.0})
        with self.assertRaises(AccessError):
            as_salesman.create({"campaign_id": self.campaign.id, "amount": 1.0})
        with self.assertRaises(AccessError):
            self.cost_company_b.with_user(self.salesman).read(["amount"])
        as_manager = self.env["utm.campaign.cost"].with_user(self.manager)
        line = as_manager.create({"campaign_id": self.campaign.id, "amount": 7.0})
        line.amount = 8.0
        line.unlink()
        portal = new_test_user(
            self.env, login="cost_portal", groups="base.group_portal"
        )
        with self.assertRaises(AccessError):
            self.env["utm.campaign.cost"].with_user(portal).search([])
