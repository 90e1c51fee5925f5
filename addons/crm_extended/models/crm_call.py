# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CALL_OUTCOMES = [
    ("no_answer", "No answer"),
    ("callback", "Call back"),
    ("interested", "Interested"),
    ("not_interested", "Not interested"),
    ("wrong_number", "Wrong number"),
]
# outcome -> state of the campaign line after the call
LINE_STATE_AFTER = {
    "no_answer": "todo",
    "callback": "callback",
    "interested": "done",
    "not_interested": "done",
    "wrong_number": "done",
}


class CrmCall(models.Model):
    """A phone call made or received, with its outcome: the telemarketing log."""

    _name = "crm.call"
    _description = "Phone Call"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Contact", index="btree_not_null", check_company=True
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead/Opportunity",
        index="btree_not_null",
        check_company=True,
        ondelete="set null",
    )
    campaign_id = fields.Many2one(
        "crm.call.campaign", index="btree_not_null", check_company=True
    )
    campaign_line_id = fields.Many2one(
        "crm.call.campaign.line", string="Campaign Contact", ondelete="set null"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
    )
    direction = fields.Selection(
        [("outbound", "Outgoing"), ("inbound", "Incoming")],
        default="outbound",
        required=True,
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now, index=True
    )
    duration = fields.Float(string="Duration (min)", digits=(16, 1))
    outcome = fields.Selection(CALL_OUTCOMES, required=True, index=True)
    note = fields.Text()
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        index="btree_not_null",
        ondelete="set null",
        groups="helpdesk_mgmt.group_helpdesk_user_own",
    )
    medium_id = fields.Many2one(
        "utm.medium",
        string="Channel",
        default=lambda self: self.env.ref("utm.utm_medium_phone", False),
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "duration_not_negative",
            "CHECK(duration >= 0)",
            "A call cannot last a negative time.",
        ),
    ]

    @api.depends("user_id", "lead_id.team_id", "campaign_id.team_id")
    def _compute_team_id(self):
        for call in self:
            call.team_id = (
                call.lead_id.team_id
                or call.campaign_id.team_id
                or call.user_id.sale_team_id
            )

    @api.depends("partner_id", "lead_id", "outcome", "date_start")
    def _compute_display_name(self):
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        for call in self:
            who = call.partner_id.display_name or call.lead_id.display_name or ""
            call.display_name = f"{who} ({outcomes.get(call.outcome, '')})"

    @api.constrains("partner_id", "lead_id")
    def _check_someone_called(self):
        if any(not (call.partner_id or call.lead_id) for call in self):
            raise ValidationError(self.env._("A call needs a contact or a lead."))

    @api.model
    def _action_view(self, domain, context):
        """The Calls action narrowed to `domain`, for the smart buttons of leads,
        contacts and campaigns."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_extended.crm_call_action"
        )
        action.update(domain=domain, context=context)
        return action

    # ------------------------------------------------------------
    # OUTCOME
    # ------------------------------------------------------------

    def _apply_outcome(self, callback_date=False):
        """What the outcome sets in motion: the campaign line moves on, a callback is
        scheduled, an interested contact gets (or advances) an opportunity, and the
        call is written on the lead's or contact's chatter."""
        for call in self:
            if call.outcome == "callback":
                call._schedule_callback(callback_date)
            elif call.outcome == "interested":
                call._advance_lead()
            call._update_campaign_line(callback_date)
            call._post_on_chatter()

    def _update_campaign_line(self, callback_date):
        line = self.campaign_line_id
        if not line:
            return
        line.write(
            {
                "state": LINE_STATE_AFTER[self.outcome],
                "attempt_count": line.attempt_count + 1,
                "last_call_id": self.id,
                "next_call_date": callback_date
                if self.outcome == "callback"
                else False,
                "lead_id": line.lead_id.id or self.lead_id.id,
            }
        )

    def _schedule_callback(self, callback_date):
        record = self.lead_id or self.partner_id
        record.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=fields.Date.to_date(callback_date),
            summary=self.env._("Call back %(name)s", name=record.display_name),
            note=self.note,
            user_id=self.user_id.id,
        )

    def _prepare_lead_values(self):
        """Values of the opportunity an interested contact gets. Override to add."""
        campaign = self.campaign_id
        name = self.partner_id.display_name
        if campaign:
            name = f"{name}: {campaign.name}"
        return {
            "name": name,
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            "team_id": self.team_id.id,
            "medium_id": self.medium_id.id,
            "campaign_id": campaign.utm_campaign_id.id,
            "company_id": self.company_id.id,
        }

    def _advance_lead(self):
        lead = self.lead_id
        if not lead:
            self.lead_id = self.env["crm.lead"].create(self._prepare_lead_values())
        elif lead.type == "lead":
            lead.convert_opportunity(lead.partner_id, user_ids=self.user_id.ids)
        elif lead.funnel_step == "new":
            qualified = self.env["crm.stage"].search(
                [
                    ("funnel_step", "=", "qualified"),
                    "|",
                    ("team_id", "=", False),
                    ("team_id", "=", lead.team_id.id),
                ],
                limit=1,
            )
            if qualified:
                lead.stage_id = qualified

    def _post_on_chatter(self):
        record = self.lead_id or self.partner_id
        outcome = dict(self._fields["outcome"]._description_selection(self.env))[
            self.outcome
        ]
        direction = dict(self._fields["direction"]._description_selection(self.env))[
            self.direction
        ]
        body = Markup("<p><b>%s</b> — %s, %s</p>") % (
            self.env._("Phone call"),
            direction,
            self.env._(
                "%(minutes)s min: %(outcome)s", minutes=self.duration, outcome=outcome
            ),
        )
        if self.note:
            body += Markup("<p>%s</p>") % self.note
        record.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=self.user_id.partner_id.id,
        )
