# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "crm.portal.notification.mixin"]

    def _crm_portal_notification_events(self):
        return {
            **super()._crm_portal_notification_events(),
            "invoice_due": (
                "crm_portal.mail_template_invoice_due",
                "crm_portal.sms_template_invoice_due",
                "crm_portal.mt_invoice_due",
                True,
            ),
            "invoice_overdue": (
                "crm_portal.mail_template_invoice_overdue",
                "crm_portal.sms_template_invoice_overdue",
                "crm_portal.mt_invoice_overdue",
                True,
            ),
        }

    def _crm_portal_notify(self, event):
        # an invoice paid between the rule's search and now is not reminded
        if event in ("invoice_due", "invoice_overdue"):
            self = self.filtered(lambda move: move._crm_portal_awaits_payment())
        return super()._crm_portal_notify(event)

    def _crm_portal_awaits_payment(self):
        """A posted customer invoice not paid yet."""
        self.ensure_one()
        return (
            self.move_type == "out_invoice"
            and self.state == "posted"
            and self.payment_state in ("not_paid", "partial")
        )
