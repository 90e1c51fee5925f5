# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models

# days the customer has to answer once invited
FEEDBACK_ANSWER_DAYS = 30
# scores at or under which an answer is a detractor, per kind
DETRACTOR_MAX_SCORE = {"nps": 6, "csat": 2}
# question types whose answer gives the feedback score, and text answers (the "why")
SCORE_ANSWER_TYPES = ("scale", "suggestion")
COMMENT_ANSWER_TYPES = ("text_box", "char_box")


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    # Linked documents
    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", index=True, ondelete="set null"
    )
    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Ticket", index=True, ondelete="set null"
    )
    crm_feedback_partner_id = fields.Many2one(
        "res.partner",
        string="Feedback Customer",
        related="partner_id.commercial_partner_id",
        store=True,
        index="btree_not_null",
    )
    # Invitation
    crm_feedback_scheduled_date = fields.Datetime(
        string="Invitation Planned On",
        readonly=True,
        index="btree_not_null",
        copy=False,
        help="When the scheduled action sends the feedback invitation.",
    )
    crm_feedback_sent_date = fields.Datetime(
        string="Invitation Sent On", readonly=True, copy=False
    )
    # Answer
    crm_feedback_kind = fields.Selection(
        string="Feedback Kind",
        related="survey_id.crm_feedback_kind",
        store=True,
    )
    crm_feedback_answered = fields.Boolean(
        string="Feedback Answered",
        compute="_compute_crm_feedback_score",
        store=True,
        help="The score question is answered (an NPS of 0 is a real answer).",
    )
    crm_feedback_score = fields.Integer(
        string="Feedback Score",
        compute="_compute_crm_feedback_score",
        store=True,
        aggregator="avg",
        help="Answer to the survey's scale or choice question (NPS 0-10, CSAT 1-5); "
        "0 while not answered.",
    )
    crm_is_detractor = fields.Boolean(
        string="Detractor",
        compute="_compute_crm_is_detractor",
        store=True,
        help="NPS answer from 0 to 6, or CSAT answer of 1 or 2.",
    )
    crm_feedback_comment = fields.Text(
        string="Feedback Comment", compute="_compute_crm_feedback_comment"
    )

    @api.depends(
        "user_input_line_ids.skipped",
        "user_input_line_ids.value_scale",
        "user_input_line_ids.suggested_answer_id",
    )
    def _compute_crm_feedback_score(self):
        for user_input in self:
            line = user_input._get_crm_feedback_lines(SCORE_ANSWER_TYPES)[:1]
            user_input.crm_feedback_answered = bool(line)
            if not line:
                user_input.crm_feedback_score = 0
            elif line.answer_type == "scale":
                user_input.crm_feedback_score = line.value_scale
            else:
                user_input.crm_feedback_score = round(
                    line.suggested_answer_id.answer_score
                )

    @api.depends("crm_feedback_kind", "crm_feedback_answered", "crm_feedback_score")
    def _compute_crm_is_detractor(self):
        for user_input in self:
            threshold = DETRACTOR_MAX_SCORE.get(user_input.crm_feedback_kind)
            user_input.crm_is_detractor = bool(
                threshold is not None
                and user_input.crm_feedback_answered
                and user_input.crm_feedback_score <= threshold
            )

    @api.depends(
        "user_input_line_ids.value_text_box", "user_input_line_ids.value_char_box"
    )
    def _compute_crm_feedback_comment(self):
        for user_input in self:
            lines = user_input._get_crm_feedback_lines(COMMENT_ANSWER_TYPES)
            user_input.crm_feedback_comment = (
                "\n".join(
                    line.value_text_box or line.value_char_box or "" for line in lines
                ).strip()
                or False
            )

    def _get_crm_feedback_lines(self, answer_types):
        """Answered lines of these types, in the survey's question order."""
        self.ensure_one()
        return self.user_input_line_ids.filtered(
            lambda line: not line.skipped and line.answer_type in answer_types
        ).sorted(lambda line: (line.question_id.sequence, line.question_id.id))

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    def _mark_done(self):
        result = super()._mark_done()
        self.filtered("crm_feedback_kind")._crm_feedback_on_done()
        return result

    # ------------------------------------------------------------
    # INVITATIONS
    # ------------------------------------------------------------

    @api.model
    def _crm_feedback_schedule(self, documents, link_field):
        """Plan one feedback invitation per document (sales orders or tickets, linked
        through `link_field`), unless the document already has one or its customer
        got one within the company's interval. Returns the created answers.

        The caller (a delivery, a ticket closing) may be any employee: the answers
        are created as superuser, for the document's customer only."""
        user_input_sudo = self.sudo()
        if not documents:
            return user_input_sudo
        known = {
            document.id
            for [document] in user_input_sudo._read_group(
                [(link_field, "in", documents.ids)], [link_field]
            )
        }
        documents = documents.filtered(lambda doc: doc.id not in known)
        partners = documents.partner_id.commercial_partner_id
        last_dates = dict(
            user_input_sudo._read_group(
                [
                    ("crm_feedback_partner_id", "in", partners.ids),
                    ("crm_feedback_scheduled_date", "!=", False),
                ],
                ["crm_feedback_partner_id"],
                ["crm_feedback_scheduled_date:max"],
            )
        )
        now = fields.Datetime.now()
        created = user_input_sudo
        for document in documents:
            values = document._crm_feedback_prepare_invitation()
            if not values:
                continue
            company = values.pop("company")
            survey_sudo = values.pop("survey").sudo()
            partner = values.pop("partner")
            customer = partner.commercial_partner_id
            scheduled = now + timedelta(days=company.crm_feedback_delay_days)
            last = last_dates.get(customer)
            if last and scheduled < last + timedelta(
                days=company.crm_feedback_interval_days
            ):
                continue
            if not survey_sudo.active or not survey_sudo.question_ids:
                continue
            last_dates[customer] = scheduled
            created |= survey_sudo._create_answer(
                partner=partner,
                check_attempts=False,
                **{
                    link_field: document.id,
                    "crm_feedback_scheduled_date": scheduled,
                    "deadline": self._crm_feedback_deadline(scheduled),
                    **values,
                },
            )
        return created

    @api.model
    def _crm_feedback_deadline(self, scheduled):
        return scheduled + timedelta(days=FEEDBACK_ANSWER_DAYS)

    @api.model
    def _cron_send_crm_feedback(self, limit=200):
        """Send the feedback invitations whose planned date has come."""
        now = fields.Datetime.now()
        user_inputs = self.search(
            [
                ("crm_feedback_sent_date", "=", False),
                ("crm_feedback_scheduled_date", "<=", now),
                ("state", "=", "new"),
                "|",
                ("deadline", "=", False),
                ("deadline", ">", now),
            ],
            order="crm_feedback_scheduled_date, id",
            limit=limit + 1,
        )
        user_inputs[:limit]._crm_feedback_send()
        if len(user_inputs) > limit:
            self.env.ref("crm_portal.ir_cron_send_crm_feedback")._trigger()

    def _crm_feedback_send(self):
        """Queue the invitation e-mails (customers without an e-mail address find
        the survey on their portal) and mark the invitations sent."""
        template = self.env.ref(
            "crm_portal.mail_template_feedback_invite", raise_if_not_found=False
        )
        to_mail = self.filtered(lambda user_input: user_input.partner_id.email)
        if template and to_mail:
            template.send_mail_batch(
                to_mail.ids, email_layout_xmlid="mail.mail_notification_light"
            )
        self.write({"crm_feedback_sent_date": fields.Datetime.now()})

    @api.model
    def _crm_feedback_portal_domain(self, partner):
        """Invitations waiting for this customer's answer."""
        now = fields.Datetime.now()
        return [
            ("partner_id", "=", partner.id),
            ("crm_feedback_sent_date", "!=", False),
            ("state", "!=", "done"),
            "|",
            ("deadline", "=", False),
            ("deadline", ">", now),
        ]

    @api.model
    def _get_portal_feedback_inputs(self, user, domain=None):
        """The pending invitations of `user` (the visitor of a portal page, not the
        superuser the page's document is read with) within `domain`, searched under
        his own access rights and record rules, then read as superuser to render
        the survey (portal users cannot read surveys)."""
        user_input = self.with_user(user)
        if user._is_public() or not user_input.has_access("read"):
            return self.sudo().browse()
        user_inputs = user_input.search(
            self._crm_feedback_portal_domain(user.partner_id) + (domain or []),
            order="crm_feedback_sent_date desc, id desc",
        )
        return user_inputs.sudo()

    # ------------------------------------------------------------
    # ANSWERS
    # ------------------------------------------------------------

    def _crm_feedback_on_done(self):
        """An answer was completed: alert on detractors, refresh the scores."""
        for user_input in self.filtered("crm_is_detractor"):
            user_input._crm_feedback_alert_detractor()
        self.crm_feedback_partner_id._crm_feedback_update_scores()

    def _crm_feedback_get_document(self):
        self.ensure_one()
        return self.sale_order_id or self.helpdesk_ticket_id

    def _crm_feedback_alert_detractor(self):
        """Ask the document's responsible to follow up, and tell the chatter.
        The answer reached here through its token (survey routes) or the backend:
        the follow-up is written as superuser on the linked document only."""
        self.ensure_one()
        document_sudo = self._crm_feedback_get_document().sudo()
        if not document_sudo:
            return
        env = self.env
        score = self.crm_feedback_score
        comment = self.crm_feedback_comment or env._("No comment.")
        kind = dict(self._fields["crm_feedback_kind"]._description_selection(env))[
            self.crm_feedback_kind
        ]
        customer = self.partner_id.display_name or self.email or ""
        responsible = document_sudo._crm_feedback_get_responsible()
        document_sudo.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.context_today(self) + timedelta(days=1),
            summary=env._(
                "Unhappy customer: %(customer)s (%(score)s)",
                customer=customer,
                score=score,
            ),
            note=Markup("<p>%s</p>") % comment,
            user_id=responsible.id,
        )
        document_sudo.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                env._(
                    "%(customer)s answered the %(kind)s survey with a score of "
                    "%(score)s.",
                    customer=customer,
                    kind=kind,
                    score=score,
                ),
                comment,
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
