# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CRM Analytics",
    "summary": "Funnel diagnostics, campaign costs and ROI, employee KPIs, XLSX export",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "license": "AGPL-3",
    "author": "CRM Suite contributors",
    "development_status": "Alpha",
    "depends": ["crm_portal", "digest"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/ir.model.access.csv",
        "security/utm_campaign_cost_security.xml",
        "security/crm_analytics_report_security.xml",
        "data/digest_digest_data.xml",
        "views/utm_campaign_cost_views.xml",
        "views/utm_campaign_views.xml",
        "report/crm_roi_report_views.xml",
        "report/crm_kpi_report_views.xml",
        "report/crm_demand_forecast_views.xml",
        "wizard/utm_campaign_cost_import_views.xml",
        "views/crm_analytics_menus.xml",
    ],
    "demo": ["demo/utm_campaign_cost_demo.xml"],
    "installable": True,
    "application": False,
}
