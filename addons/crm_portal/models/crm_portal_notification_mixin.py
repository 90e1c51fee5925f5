# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CrmPortalNotificationMixin(models.AbstractModel):
    """Customer notifications of a document's events (order confirmed, invoice due,
    ticket closed...). The automation rules of data/base_automation_data.xml call
    ``_crm_portal_notify(event)``; the customer's channels and the sending itself are
    decided by ``res.partner._crm_portal_notify``.

    Each event is logged in the chatter with its own (internal, hidden) subtype, which
    is also what keeps an event notified only once per document."""

    _name = "crm.portal.notification.mixin"
    _description = "Customer Portal Notifications"

    def _crm_portal_notification_events(self):
        """Events of this model: {event: (mail.template xmlid, sms.template xmlid,
        subtype xmlid, once)}. `once` events are sent at most once per document."""
        return {}

    def _crm_portal_notification_partner(self):
        """The contact told about this document's events."""
        self.ensure_one()
        return self.partner_id

    def _crm_portal_notification_channels(self, event, partner):
        """Channels ("email", "sms") this event may use for `partner`, before their
        own preferences: override to leave out a channel another message covers."""
        self.ensure_one()
        return {"email", "sms"}

    def _crm_portal_notify(self, event):
        """Notify the customer of each record of `event`, by the channels they accept.
        Returns the mail.message records posted (none when nothing was sent)."""
        events = self._crm_portal_notification_events()
        if event not in events:
            raise UserError(
                self.env._(
                    "There is no customer notification %(event)s for %(model)s; "
                    "choose among: %(events)s.",
                    event=event,
                    model=self._description,
                    events=", ".join(sorted(events)),
                )
            )
        email_xmlid, sms_xmlid, subtype_xmlid, once = events[event]
        records = self
        if once:
            records -= self._crm_portal_already_notified(subtype_xmlid)
        messages = self.env["mail.message"]
        for record in records:
            partner = record._crm_portal_notification_partner()
            if not partner:
                continue
            channels = record._crm_portal_notification_channels(event, partner)
            messages |= partner._crm_portal_notify(
                record,
                email_xmlid if "email" in channels else False,
                sms_xmlid if "sms" in channels else False,
                subtype_xmlid,
            )
        return messages

    def _crm_portal_already_notified(self, subtype_xmlid):
        """Records of self that already carry a notification of this subtype."""
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id(subtype_xmlid)
        groups = self.env["mail.message"]._read_group(
            [
                ("model", "=", self._name),
                ("res_id", "in", self.ids),
                ("subtype_id", "=", subtype_id),
            ],
            ["res_id"],
        )
        return self.browse([res_id for (res_id,) in groups])
