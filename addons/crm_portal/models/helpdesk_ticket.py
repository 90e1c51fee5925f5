# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "crm.portal.notification.mixin"]

    def _crm_portal_notification_events(self):
        return {
            **super()._crm_portal_notification_events(),
            # every reply is news: not "once"
            "ticket_answered": (
                "crm_portal.mail_template_ticket_answered",
                "crm_portal.sms_template_ticket_answered",
                "crm_portal.mt_ticket_answered",
                False,
            ),
            "ticket_closed": (
                "crm_portal.mail_template_ticket_closed",
                "crm_portal.sms_template_ticket_closed",
                "crm_portal.mt_ticket_closed",
                True,
            ),
        }

    def _crm_portal_notification_channels(self, event, partner):
        channels = super()._crm_portal_notification_channels(event, partner)
        if (
            event == "ticket_answered"
            and partner
            in self._crm_portal_last_reply()
            .notification_ids.filtered(lambda n: n.notification_type == "email")
            .res_partner_id
        ):
            # a follower already got the reply itself by e-mail
            channels.discard("email")
        if event == "ticket_closed" and self.stage_id.mail_template_id:
            # the closing stage e-mails its own template (helpdesk_mgmt)
            channels.discard("email")
        return channels

    def _track_template(self, tracking):
        """The stage e-mails of helpdesk_mgmt honour the customer's refusal of
        e-mail notifications too."""
        res = super()._track_template(tracking)
        partner = self[:1].partner_id
        if "stage_id" in res and partner and not partner.portal_notify_email:
            del res["stage_id"]
        return res

    def _crm_portal_last_reply(self):
        """The last public message an employee posted on the ticket."""
        self.ensure_one()
        return self.env["mail.message"].search(
            [
                ("model", "=", self._name),
                ("res_id", "=", self.id),
                ("message_type", "in", ("comment", "email")),
                ("subtype_id.internal", "=", False),
                ("author_id.user_ids.share", "=", False),
            ],
            order="id desc",
            limit=1,
        )
