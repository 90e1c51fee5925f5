# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Channels the customer accepts for order and ticket notifications. The customer
    # sets them on the portal account page; the notification automations read them.
    portal_notify_email = fields.Boolean(
        string="Notify by Email",
        default=True,
        help="Send order, invoice and ticket notifications to this contact by email.",
    )
    portal_notify_sms = fields.Boolean(
        string="Notify by SMS",
        help="Send order, invoice and ticket notifications to this contact by SMS.",
    )

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _crm_portal_notify(
        self,
        record,
        email_template_xmlid=False,
        sms_template_xmlid=False,
        subtype_xmlid="mail.mt_note",
    ):
        """Tell this contact about an event of `record` (a mail.thread), by e-mail
        and/or SMS as they chose. Both are queued (mail.mail, sms.sms) for Odoo's
        crons and logged in the record's chatter. Returns the posted messages."""
        self.ensure_one()
        messages = self.env["mail.message"]
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id(subtype_xmlid)
        email_template = email_template_xmlid and self.env.ref(
            email_template_xmlid, raise_if_not_found=False
        )
        if email_template and self._crm_portal_accepts_email(record):
            messages |= self._crm_portal_send_email(record, email_template, subtype_id)
        sms_template = sms_template_xmlid and self.env.ref(
            sms_template_xmlid, raise_if_not_found=False
        )
        number = self._crm_portal_sms_number()
        if sms_template and number:
            messages |= record._message_sms_with_template(
                template=sms_template,
                partner_ids=self.ids,
                sms_pid_to_number={self.id: number},
                subtype_id=subtype_id,
                put_in_queue=True,
            )
        return messages

    def _crm_portal_accepts_email(self, record):
        """Whether this contact wants and can receive the e-mail about `record`."""
        self.ensure_one()
        return self.portal_notify_email and bool(self.email_normalized)

    def _crm_portal_sms_number(self):
        """E.164 number to text this contact at, or False when they refused SMS,
        have no valid mobile/phone or blacklisted it."""
        self.ensure_one()
        if not self.portal_notify_sms or self.phone_sanitized_blacklisted:
            return False
        return self.phone_sanitized or False

    def _crm_portal_send_email(self, record, template, subtype_id):
        """Render `template` on `record` and post it to this contact only, queued."""
        values = template._generate_template(
            record.ids, ("subject", "body_html", "email_from")
        )[record.id]
        return record.with_context(mail_notify_force_send=False).message_post(
            body=values["body_html"],
            subject=values["subject"],
            email_from=values.get("email_from") or None,
            partner_ids=self.ids,
            message_type="notification",
            subtype_id=subtype_id,
            email_layout_xmlid="mail.mail_notification_light",
        )
