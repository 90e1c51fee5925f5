# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CRM Customer Portal",
    "summary": "Customers track orders and tickets, answer surveys, get notified",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "license": "AGPL-3",
    "author": "CRM Suite contributors",
    "development_status": "Alpha",
    "depends": [
        "crm_extended",
        "helpdesk_mgmt",
        "portal",
        "survey",
        "sms",
        "base_automation",
    ],
    "data": [
        "data/ir_config_parameter_data.xml",
        "views/crm_tag_views.xml",
        "views/lead_form_templates.xml",
        "views/res_partner_views.xml",
        "views/portal_templates.xml",
        "views/sale_portal_templates.xml",
        "views/helpdesk_ticket_templates.xml",
    ],
    "demo": [
        "demo/crm_tag_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "installable": True,
    "application": False,
}
