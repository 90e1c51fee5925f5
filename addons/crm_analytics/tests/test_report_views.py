# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common_roi import AnalyticsCommon

ACTIONS = [
    ("crm_analytics.crm_roi_report_action", "crm_analytics.crm_roi_report_menu"),
    ("crm_analytics.crm_kpi_report_action", "crm_analytics.crm_kpi_report_menu"),
    (
        "crm_analytics.crm_demand_forecast_action",
        "crm_analytics.crm_demand_forecast_menu",
    ),
]


@tagged("post_install", "-at_install")
class TestReportViews(AnalyticsCommon):
    """What a salesperson opens from CRM > Reporting: the menus are there, every view
    of the actions loads, and the default grouping of each view answers."""

    def test_salesperson_opens_every_report(self):
        env = self.env(user=self.sales_1)
        visible_menus = env["ir.ui.menu"]._visible_menu_ids()
        for action_xmlid, menu_xmlid in ACTIONS:
            with self.subTest(action=action_xmlid):
                self.assertIn(self.env.ref(menu_xmlid).id, visible_menus)
                action = env["ir.actions.act_window"]._for_xml_id(action_xmlid)
                Report = env[action["res_model"]]
                modes = action["view_mode"].split(",")
                views = Report.get_views([(False, mode) for mode in modes + ["search"]])
                self.assertEqual(set(views["views"]), set(modes + ["search"]))
                measures = [
                    f"{name}:sum"
                    for name, field in Report._fields.items()
                    if field.type in ("integer", "float", "monetary") and name != "id"
                ]
                result = Report.web_read_group([], measures, ["date:month"])
                if Report._name == "crm.demand.forecast":
                    self.assertEqual(result["length"], 0, "sales_1 sold no product")
                else:
                    self.assertTrue(result["groups"], "own rows are shown")

    def test_import_menu_for_managers_only(self):
        menu = self.env.ref("crm_analytics.utm_campaign_cost_import_menu").id
        self.assertNotIn(
            menu, self.env(user=self.sales_1)["ir.ui.menu"]._visible_menu_ids()
        )
        self.assertIn(
            menu, self.env(user=self.manager)["ir.ui.menu"]._visible_menu_ids()
        )
