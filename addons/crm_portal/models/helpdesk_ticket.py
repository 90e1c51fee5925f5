# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "crm.portal.notification.mixin"]

    def _get_portal_sla_state(self):
        """The service level the customer is promised, as shown on the portal:
        a dict with `state` ("response", "resolution" or "overdue") and `date`,
        or None when there is nothing to promise (closed ticket, no SLA)."""
        self.ensure_one()
        if self.closed or self.closed_date:
            return None
        if self.sla_breached:
            return {"state": "overdue", "date": self.sla_deadline}
        if self.sla_response_deadline and not self.first_response_date:
            return {"state": "response", "date": self.sla_response_deadline}
        if self.sla_deadline:
            return {"state": "resolution", "date": self.sla_deadline}
        return None

    def write(self, vals):
        # tickets that get closed by this write (not those already closed)
        opened = self.filtered(lambda t: not t.closed) if "stage_id" in vals else None
        result = super().write(vals)
        if opened:
            opened.filtered("closed")._crm_feedback_request()
        return result

    # ------------------------------------------------------------
    # FEEDBACK SURVEYS
    # ------------------------------------------------------------

    def _crm_feedback_request(self):
        """Plan the after-close survey of these closed tickets."""
        tickets = self.filtered(
            lambda ticket: ticket.closed
            and ticket.partner_id
            and ticket.company_id.crm_feedback_enabled
        )
        return self.env["survey.user_input"]._crm_feedback_schedule(
            tickets, "helpdesk_ticket_id"
        )

    def _crm_feedback_prepare_invitation(self):
        """Who is invited to which survey; empty when nothing is to be sent."""
        self.ensure_one()
        survey = self.company_id.crm_feedback_ticket_survey_id
        if not survey:
            return {}
        return {
            "company": self.company_id,
            "survey": survey,
            "partner": self.partner_id,
        }

    def _crm_feedback_get_responsible(self):
        """Who follows an unhappy answer up: the assigned agent, else the team
        leader, else whoever created the ticket."""
        self.ensure_one()
        return self.user_id or self.team_id.user_id or self.create_uid

    def _get_portal_feedback_inputs(self, user):
        """Pending feedback invitations of this ticket for `user` (the visitor)."""
        self.ensure_one()
        return self.env["survey.user_input"]._get_portal_feedback_inputs(
            user, [("helpdesk_ticket_id", "=", self.id)]
        )

    # ------------------------------------------------------------
    # NOTIFICATIONS
    # ------------------------------------------------------------

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
