# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models

# window of answers the customer's scores are computed on
FEEDBACK_SCORE_DAYS = 365


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

    # Feedback surveys (crm_feedback_*), on the commercial partner
    nps_score = fields.Float(
        string="NPS",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Net Promoter Score of the answers of the last 365 days: % of "
        "promoters (9-10) minus % of detractors (0-6), from -100 to 100.",
    )
    csat_score = fields.Float(
        string="CSAT",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Average satisfaction (1 to 5) of the answers of the last 365 days.",
    )
    feedback_count = fields.Integer(
        string="Feedback Answers",
        readonly=True,
        help="Answered NPS and CSAT surveys of the last 365 days.",
    )

    @api.model
    def _cron_refresh_crm_feedback_scores(self):
        """Answers leave the 365 days window silently: refresh the customers whose
        answers crossed it since yesterday (two days, to survive a missed run)."""
        now = fields.Datetime.now()
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("crm_feedback_partner_id", "!=", False),
                    ("state", "=", "done"),
                    (
                        "end_datetime",
                        ">=",
                        now - timedelta(days=FEEDBACK_SCORE_DAYS + 2),
                    ),
                    ("end_datetime", "<", now - timedelta(days=FEEDBACK_SCORE_DAYS)),
                ],
                ["crm_feedback_partner_id"],
            )
        )
        self.browse([partner.id for [partner] in groups])._crm_feedback_update_scores()

    def _crm_feedback_update_scores(self):
        """Recompute the scores of these customers (their commercial partners) from
        their completed answers of the last 365 days, in one grouped query. Only
        counts leave the survey answers, hence the superuser read."""
        customers = self.commercial_partner_id
        if not customers:
            return
        since = fields.Datetime.now() - timedelta(days=FEEDBACK_SCORE_DAYS)
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("crm_feedback_partner_id", "in", customers.ids),
                    ("state", "=", "done"),
                    ("crm_feedback_answered", "=", True),
                    ("end_datetime", ">=", since),
                ],
                ["crm_feedback_partner_id", "crm_feedback_kind", "crm_feedback_score"],
                ["__count"],
            )
        )
        scores = defaultdict(lambda: defaultdict(list))
        for customer, kind, score, count in groups:
            scores[customer][kind] += [score] * count
        # one UPDATE per distinct result, not per customer
        by_values = defaultdict(lambda: self.browse())
        for customer in customers:
            values = self._crm_feedback_score_values(scores[customer])
            by_values[tuple(sorted(values.items()))] |= customer
        for values, partners in by_values.items():
            partners.write(dict(values))

    def _crm_feedback_score_values(self, scores):
        """Score fields from the scores answered per kind ({"nps": [9, 3], ...})."""
        nps, csat = scores.get("nps", []), scores.get("csat", [])
        promoters = sum(1 for score in nps if score >= 9)
        detractors = sum(1 for score in nps if score <= 6)
        return {
            "nps_score": (promoters - detractors) * 100 / len(nps) if nps else 0.0,
            "csat_score": sum(csat) / len(csat) if csat else 0.0,
            "feedback_count": len(nps) + len(csat),
        }

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
