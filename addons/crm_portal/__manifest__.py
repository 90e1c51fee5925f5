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
    "depends": ["crm_extended", "portal", "survey", "sms", "base_automation"],
    "data": [
        "data/mail_message_subtype_data.xml",
        "data/mail_template_data.xml",
        "data/sms_template_data.xml",
        "data/base_automation_data.xml",
        "views/res_partner_views.xml",
        "views/portal_templates.xml",
        "views/sale_portal_templates.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
    "installable": True,
    "application": False,
}
