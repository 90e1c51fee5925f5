# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CRM Extended",
    "summary": "Funnel steps, customer 360, telemarketing and after-sales for Odoo CRM",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "license": "AGPL-3",
    "author": "CRM Suite contributors",
    "development_status": "Alpha",
    "depends": [
        "crm",
        "sale_crm",
        "sale_management",
        "sale_stock",
        "survey",
        "phone_validation",
        "utm",
        "helpdesk_mgmt",
        "hr",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_extended_security.xml",
        "data/crm_stage_data.xml",
        "data/ir_cron_data.xml",
        "views/crm_stage_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_lead_stage_history_views.xml",
    ],
    "demo": [
        "demo/crm_lead_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": False,
}
