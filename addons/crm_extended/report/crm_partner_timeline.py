# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import SQL

# models whose chatter belongs to the customer's timeline: model -> customer column
TIMELINE_DOCUMENTS = {
    "crm.lead": "crm_lead",
    "sale.order": "sale_order",
    "helpdesk.ticket": "helpdesk_ticket",
}
KINDS = [
    ("email", "E-mail"),
    ("message", "Message"),
    ("note", "Internal Note"),
    ("activity", "Planned Activity"),
    ("meeting", "Meeting"),
    ("call", "Phone Call"),
    ("survey", "Survey Answer"),
]
CHANNELS = [
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("meeting", "Meeting"),
    ("web", "Web / Portal"),
    ("internal", "Internal"),
]


class CrmPartnerTimeline(models.Model):
    """Partner 360: every past and planned interaction with a customer, read where Odoo
    keeps it (messages and activities of its leads, orders and tickets and of the
    contact itself, meetings it attends, calls, survey answers). A PostgreSQL view:
    nothing is copied. Ids are the source id times 10 plus the kind of source (a
    meeting also carries its attendee)."""

    _name = "crm.partner.timeline"
    _description = "Customer Timeline"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "summary"

    date = fields.Datetime(readonly=True)
    kind = fields.Selection(KINDS, string="Type", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    is_planned = fields.Boolean(string="Planned", readonly=True)
    summary = fields.Char(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Contact", readonly=True)
    commercial_partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True
    )
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    owner_id = fields.Many2one(
        "res.users",
        string="Document Owner",
        readonly=True,
        help="Salesperson or agent the document belongs to; access follows it.",
    )
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    document_name = fields.Char(string="Document", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    def _select_messages(self):
        parts = []
        for model, table in TIMELINE_DOCUMENTS.items():
            parts.append(
                SQL(
                    """
                    SELECT msg.id::bigint * 10 + 1 AS id, msg.date, msg.id AS src,
                           doc.partner_id, doc.user_id AS owner_id,
                           doc.company_id, %(model)s AS res_model, msg.res_id
                      FROM mail_message msg
                      JOIN %(table)s doc ON doc.id = msg.res_id
                     WHERE msg.model = %(model)s AND doc.partner_id IS NOT NULL
                    """,
                    model=model,
                    table=SQL.identifier(table),
                )
            )
        parts.append(
            SQL(
                """
                SELECT msg.id::bigint * 10 + 1, msg.date, msg.id, msg.res_id,
                       NULL::int, NULL::int, 'res.partner', msg.res_id
                  FROM mail_message msg
                 WHERE msg.model = 'res.partner'
                """
            )
        )
        return SQL(
            """
            SELECT docs.id, docs.date,
                   CASE WHEN msg.message_type IN ('email', 'email_outgoing')
                        THEN 'email'
                        WHEN msg.is_internal OR subtype.internal THEN 'note'
                        ELSE 'message' END AS kind,
                   CASE WHEN msg.message_type IN ('email', 'email_outgoing')
                        THEN 'email'
                        WHEN msg.is_internal OR subtype.internal THEN 'internal'
                        WHEN author_user.share THEN 'web'
                        ELSE 'email' END AS channel,
                   FALSE AS is_planned,
                   COALESCE(NULLIF(msg.subject, ''),
                            LEFT(REGEXP_REPLACE(msg.body, '<[^>]*>', '', 'g'), 200))
                       AS summary,
                   docs.partner_id, author_user.id AS user_id, docs.owner_id,
                   docs.res_model, docs.res_id, msg.record_name AS document_name,
                   docs.company_id
              FROM (%(parts)s) docs
              JOIN mail_message msg ON msg.id = docs.src
              LEFT JOIN mail_message_subtype subtype ON subtype.id = msg.subtype_id
              LEFT JOIN LATERAL (
                    SELECT users.id, users.share FROM res_users users
                     WHERE users.partner_id = msg.author_id
                  ORDER BY users.id LIMIT 1
              ) author_user ON TRUE
             WHERE msg.message_type IN ('email', 'email_outgoing', 'comment')
               AND COALESCE(msg.body, '') <> ''
            """,
            parts=SQL(" UNION ALL ").join(parts),
        )

    def _select_activities(self):
        parts = [
            SQL(
                """
                SELECT act.id, doc.partner_id, doc.company_id, %(model)s AS res_model
                  FROM mail_activity act
                  JOIN %(table)s doc ON doc.id = act.res_id
                 WHERE act.res_model = %(model)s AND doc.partner_id IS NOT NULL
                """,
                model=model,
                table=SQL.identifier(table),
            )
            for model, table in TIMELINE_DOCUMENTS.items()
        ]
        parts.append(
            SQL(
                """
                SELECT act.id, act.res_id, NULL::int, 'res.partner'
                  FROM mail_activity act WHERE act.res_model = 'res.partner'
                """
            )
        )
        return SQL(
            """
            SELECT act.id::bigint * 10 + 2, act.date_deadline::timestamp, 'activity',
                   CASE atype.category WHEN 'phonecall' THEN 'phone'
                        WHEN 'meeting' THEN 'meeting' ELSE 'internal' END,
                   TRUE,
                   COALESCE(NULLIF(act.summary, ''), atype.name->>'en_US'),
                   docs.partner_id, act.user_id, act.user_id, docs.res_model,
                   act.res_id, act.res_name, docs.company_id
              FROM (%(parts)s) docs
              JOIN mail_activity act ON act.id = docs.id
              LEFT JOIN mail_activity_type atype ON atype.id = act.activity_type_id
            """,
            parts=SQL(" UNION ALL ").join(parts),
        )

    def _select_meetings(self):
        return SQL(
            """
            SELECT ((event.id::bigint << 24) + attendee.res_partner_id) * 10 + 3,
                   event.start, 'meeting', 'meeting',
                   event.start > (now() at time zone 'UTC'), event.name,
                   attendee.res_partner_id, event.user_id, event.user_id,
                   'calendar.event', event.id, event.name, NULL::int
              FROM calendar_event event
              JOIN calendar_event_res_partner_rel attendee
                   ON attendee.calendar_event_id = event.id
             WHERE event.active
            """
        )

    def _select_calls(self):
        return SQL(
            """
            SELECT call.id::bigint * 10 + 4, call.date_start, 'call', 'phone', FALSE,
                   call.outcome || COALESCE(': ' || LEFT(call.note, 180), ''),
                   COALESCE(call.partner_id, lead.partner_id), call.user_id,
                   call.user_id, 'crm.call', call.id, lead.name, call.company_id
              FROM crm_call call
              LEFT JOIN crm_lead lead ON lead.id = call.lead_id
             WHERE COALESCE(call.partner_id, lead.partner_id) IS NOT NULL
            """
        )

    def _select_surveys(self):
        return SQL(
            """
            SELECT answer.id::bigint * 10 + 5,
                   COALESCE(answer.end_datetime, answer.create_date),
                   'survey', 'web', FALSE, survey.title->>'en_US',
                   answer.partner_id, NULL::int, NULL::int, 'survey.user_input',
                   answer.id, survey.title->>'en_US', NULL::int
              FROM survey_user_input answer
              JOIN survey_survey survey ON survey.id = answer.survey_id
             WHERE answer.partner_id IS NOT NULL AND answer.state = 'done'
            """
        )

    def _query(self):
        """The view's SELECT: one part per source. Override a _select_* method to
        change a source, or extend this to add one."""
        return SQL(
            """
            SELECT rows.*, partner.commercial_partner_id
              FROM (%s) AS rows (id, date, kind, channel, is_planned, summary,
                    partner_id, user_id, owner_id, res_model, res_id, document_name,
                    company_id)
              JOIN res_partner partner ON partner.id = rows.partner_id
            """,
            SQL(" UNION ALL ").join(
                [
                    self._select_messages(),
                    self._select_activities(),
                    self._select_meetings(),
                    self._select_calls(),
                    self._select_surveys(),
                ]
            ),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def action_open_document(self):
        """Open the record behind the interaction, if the user may read it."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record or not record.has_access("read"):
            raise AccessError(
                self.env._("You cannot open this document or it no longer exists.")
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _timeline_domain(self, partner):
        """A contact's own interactions; a company's include its contacts'."""
        return [("partner_id", "child_of", partner.id)]
