# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# writes that open or close a stay in a stage
STAGE_TRIGGER_FIELDS = ("stage_id", "active")


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.phone.mixin"]

    funnel_step = fields.Selection(
        related="stage_id.funnel_step",
        store=True,
        index=True,
    )
    stage_history_ids = fields.One2many("crm.lead.stage.history", "lead_id")
    stale_alert_stage_id = fields.Many2one(
        "crm.stage",
        string="Stale Alert Sent For",
        copy=False,
        readonly=True,
        help="Stage for which the stale-deal activity was last scheduled: it is "
        "scheduled once per stay in a stage.",
    )
    is_stale = fields.Boolean(
        string="Stale",
        compute="_compute_is_stale",
        search="_search_is_stale",
        help="Open for longer than its stage allows.",
    )

    matching_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_matching_partner_ids",
        string="Matching Contacts",
        help="Existing contacts with this lead's e-mail or phone number.",
    )
    call_ids = fields.One2many("crm.call", "lead_id", string="Calls")
    call_count = fields.Integer(compute="_compute_call_count", string="Number of Calls")

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("email_normalized", "phone", "mobile", "partner_id")
    def _compute_matching_partner_ids(self):
        partners = self.env["res.partner"]._find_by_contact_points(
            *self._get_contact_points()
        )
        for lead in self:
            lead.matching_partner_ids = partners.filtered(
                lambda partner, lead=lead: partner != lead.partner_id
                and lead._shares_contact_point(partner)
            )

    def action_link_matching_partner(self):
        """Link the lead to the existing contact it matches; with several, list them so
        the salesperson picks one."""
        self.ensure_one()
        partners = self.matching_partner_ids
        if len(partners) == 1:
            self.partner_id = partners
            return True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Matching Contacts"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("id", "in", partners.ids)],
        }

    def _compute_call_count(self):
        counts = dict(
            self.env["crm.call"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.call_count = counts.get(lead, 0)

    @api.depends("stage_id.stale_days", "date_last_stage_update", "active")
    def _compute_is_stale(self):
        now = fields.Datetime.now()
        for lead in self:
            days = lead.stage_id.stale_days
            lead.is_stale = bool(
                lead.active
                and days
                and not lead.stage_id.is_won
                and lead.date_last_stage_update
                and lead.date_last_stage_update < now - timedelta(days=days)
            )

    def _search_is_stale(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on Stale."))
        stale_ids = self._stale_lead_ids()
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", stale_ids)]

    def _stale_lead_ids(self):
        """Ids of the open leads that stayed longer than their stage allows."""
        self.env["crm.lead"].flush_model(
            ["stage_id", "date_last_stage_update", "active"]
        )
        self.env["crm.stage"].flush_model(["stale_days", "is_won"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT lead.id
                  FROM crm_lead lead
                  JOIN crm_stage stage ON stage.id = lead.stage_id
                 WHERE lead.active
                   AND stage.stale_days > 0
                   AND stage.is_won IS NOT TRUE
                   AND lead.date_last_stage_update
                       < (now() at time zone 'UTC')
                         - make_interval(days => stage.stale_days)
                """
            )
        )
        return [row[0] for row in rows]

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._check_stage_requirements()
        leads._stage_history_open(dict.fromkeys(leads.ids, (False, False)))
        leads.filtered(lambda lead: not lead.active)._stage_history_close("lost")
        return leads

    def write(self, vals):
        if not any(fname in vals for fname in STAGE_TRIGGER_FIELDS):
            return super().write(vals)
        before = {lead.id: (lead.stage_id.id, lead.active) for lead in self}
        result = super().write(vals)
        moved = self.filtered(lambda lead: lead.stage_id.id != before[lead.id][0])
        moved._check_stage_requirements()
        lost = self.filtered(lambda lead: before[lead.id][1] and not lead.active)
        restored = self.filtered(lambda lead: not before[lead.id][1] and lead.active)
        left = (moved - lost - restored)._stage_history_close("moved")
        lost._stage_history_close("lost")
        reopened = ((moved | restored) - lost).filtered("active")
        # where each lead comes from: the stay just closed, else its stage before
        previous = {lead.id: (before[lead.id][0], None) for lead in reopened}
        previous.update(left)
        reopened._stage_history_open(previous)
        return result

    def _merge_dependences(self, opportunities):
        result = super()._merge_dependences(opportunities)
        opportunities._stage_history_close("merged")
        history_sudo = self.env["crm.lead.stage.history"].sudo()
        history_sudo.search([("lead_id", "in", opportunities.ids)]).write(
            {"lead_id": self.id}
        )
        history_sudo._refresh_later_steps(self.ids)
        return result

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_log_call(self):
        self.ensure_one()
        return self.env["crm.call.log"]._action_open(
            {"default_lead_id": self.id, "default_partner_id": self.partner_id.id}
        )

    def action_view_calls(self):
        self.ensure_one()
        return self.env["crm.call"]._action_view(
            [("lead_id", "=", self.id)], {"default_lead_id": self.id}
        )

    # ------------------------------------------------------------
    # STAGE REQUIREMENTS
    # ------------------------------------------------------------

    def _check_stage_requirements(self):
        """Refuse leads that sit in a stage whose required fields they lack."""
        for lead in self:
            missing = lead._get_missing_stage_fields(lead.stage_id)
            if missing:
                raise ValidationError(
                    self.env._(
                        "“%(lead)s” cannot enter stage “%(stage)s” yet: fill in "
                        "%(fields)s first.",
                        lead=lead.display_name,
                        stage=lead.stage_id.display_name,
                        fields=", ".join(missing),
                    )
                )

    def _get_missing_stage_fields(self, stage):
        """Labels of the fields `stage` requires that this lead leaves empty. Override
        to add requirements that are not a plain field."""
        self.ensure_one()
        names = (stage.required_field_names or "").split(",")
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in names
            if name in self._fields and not self[name]
        ]

    # ------------------------------------------------------------
    # STAGE HISTORY
    # ------------------------------------------------------------

    def _stage_history_values(self, previous_stage_id, previous_step=None):
        """Values of the stay this lead starts now. Override to record more.

        :param previous_stage_id: stage the lead comes from (False on creation)
        :param previous_step: its funnel step when known (None: read it)
        """
        self.ensure_one()
        if previous_step is None:
            previous_step = self.env["crm.stage"].browse(previous_stage_id).funnel_step
        return {
            "lead_id": self.id,
            "stage_from_id": previous_stage_id,
            "stage_to_id": self.stage_id.id,
            "funnel_step_from": previous_step or False,
            "funnel_step": self.stage_id.funnel_step,
            "user_id": self.env.uid,
            "salesperson_id": self.user_id.id,
            "team_id": self.team_id.id,
            "company_id": self.company_id.id or self.env.company.id,
            "date_entered": fields.Datetime.now(),
            "expected_revenue": self.expected_revenue,
        }

    def _stage_history_open(self, previous_by_lead):
        """Open a stay for each lead in its current stage.

        :param previous_by_lead: {lead id: (previous stage id, its funnel step)}
        """
        if self:
            history_sudo = self.env["crm.lead.stage.history"].sudo()
            history_sudo.create(
                [
                    lead._stage_history_values(*previous_by_lead[lead.id])
                    for lead in self
                ]
            )
            history_sudo._refresh_later_steps(self.ids)

    def _stage_history_close(self, reason):
        """Close the open stays of these leads in one UPDATE, with their duration.

        :return: {lead id: (stage id, funnel step)} of the stays closed
        """
        if not self:
            return {}
        history = self.env["crm.lead.stage.history"]
        history.flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                UPDATE crm_lead_stage_history
                   SET date_left = %(now)s,
                       duration_days =
                           EXTRACT(EPOCH FROM (%(now)s - date_entered)) / 86400,
                       exit_reason = %(reason)s,
                       write_uid = %(uid)s,
                       write_date = %(now)s
                 WHERE lead_id IN %(ids)s AND date_left IS NULL
             RETURNING lead_id, stage_to_id, funnel_step
                """,
                now=fields.Datetime.now(),
                reason=reason,
                uid=self.env.uid,
                ids=tuple(self.ids),
            )
        )
        history.invalidate_model(
            ["date_left", "duration_days", "exit_reason", "write_uid", "write_date"]
        )
        return {lead_id: (stage_id, step) for lead_id, stage_id, step in rows}

    # ------------------------------------------------------------
    # STALE DEALS
    # ------------------------------------------------------------

    @api.model
    def _cron_stale_deal_alerts(self):
        """Schedule one follow-up activity per stale lead and stay in a stage."""
        stale = self.browse(self._stale_lead_ids()).filtered(
            lambda lead: lead.stale_alert_stage_id != lead.stage_id
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        lead_model_id = self.env["ir.model"]._get_id("crm.lead")
        today = fields.Date.context_today(self)
        activities = []
        for stage, leads in stale.grouped("stage_id").items():
            leads.stale_alert_stage_id = stage
        for lead in stale:
            activities.append(
                {
                    "res_model_id": lead_model_id,
                    "res_id": lead.id,
                    "activity_type_id": activity_type.id,
                    "user_id": lead.user_id.id
                    or lead.team_id.user_id.id
                    or self.env.uid,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Stale deal: %(days)s+ days in %(stage)s",
                        days=lead.stage_id.stale_days,
                        stage=lead.stage_id.name,
                    ),
                }
            )
        self.env["mail.activity"].create(activities)
        return stale
