# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class CrmExtendedCommon(BaseCommon):
    """Two sales teams with their own pipeline, one per funnel step::

    team A (leader: leader_a)          team B
      salesman_a                         salesman_b
    stages: New -> Qualified -> Offer -> Price -> Contract -> Won
    salesman_all sees every lead (Sales / All Documents)
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "CRM Company B"})
        cls.salesman_a = new_test_user(
            cls.env, login="crm_salesman_a", groups="sales_team.group_sale_salesman"
        )
        cls.salesman_b = new_test_user(
            cls.env, login="crm_salesman_b", groups="sales_team.group_sale_salesman"
        )
        cls.leader_a = new_test_user(
            cls.env,
            login="crm_leader_a",
            groups="crm_extended.group_crm_team_leader",
        )
        cls.manager = new_test_user(
            cls.env, login="crm_manager", groups="crm_extended.group_crm_manager"
        )
        cls.portal_user = new_test_user(
            cls.env, login="crm_portal_user", groups="base.group_portal"
        )
        cls.team_a = cls.env["crm.team"].create(
            {
                "name": "Team A",
                "user_id": cls.leader_a.id,
                "member_ids": [(4, cls.salesman_a.id)],
            }
        )
        cls.team_b = cls.env["crm.team"].create(
            {"name": "Team B", "member_ids": [(4, cls.salesman_b.id)]}
        )
        Stage = cls.env["crm.stage"]
        cls.stages = Stage.create(
            [
                {"name": "T New", "sequence": 901, "funnel_step": "new"},
                {"name": "T Qualified", "sequence": 902, "funnel_step": "qualified"},
                {"name": "T Offer", "sequence": 903, "funnel_step": "offer"},
                {"name": "T Price", "sequence": 904, "funnel_step": "price"},
                {"name": "T Contract", "sequence": 905, "funnel_step": "contract"},
                {
                    "name": "T Won",
                    "sequence": 906,
                    "funnel_step": "won",
                    "is_won": True,
                },
            ]
        )
        (
            cls.stage_new,
            cls.stage_qualified,
            cls.stage_offer,
            cls.stage_price,
            cls.stage_contract,
            cls.stage_won,
        ) = cls.stages

    @classmethod
    def _create_lead(cls, name, user=None, team=None, stage=None, **values):
        values.update(
            {
                "name": name,
                "type": "opportunity",
                "user_id": user.id if user else False,
                "team_id": team.id if team else False,
                "stage_id": (stage or cls.stage_new).id,
            }
        )
        return cls.env["crm.lead"].create(values)
