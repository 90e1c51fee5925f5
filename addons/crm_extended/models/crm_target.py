# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

PERIODS = [("month", "Month"), ("quarter", "Quarter")]


class CrmTarget(models.Model):
    """What a salesperson or a sales team should achieve in a month or a quarter, and
    what it achieved: won revenue, won deals, calls made, activities done."""

    _name = "crm.target"
    _description = "Sales Target"
    _order = "date_from desc, team_id, user_id"
    _check_company_auto = True

    period = fields.Selection(PERIODS, required=True, default="month")
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(string="To", compute="_compute_date_to", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index="btree_not_null",
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", index="btree_not_null", check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_revenue = fields.Monetary(string="Won Revenue Target")
    target_deals = fields.Integer(string="Won Deals Target")
    target_calls = fields.Integer(string="Calls Target")
    target_activities = fields.Integer(string="Activities Target")
    won_revenue = fields.Monetary(compute="_compute_actuals")
    won_deals = fields.Integer(compute="_compute_actuals")
    calls_made = fields.Integer(compute="_compute_actuals")
    activities_done = fields.Integer(compute="_compute_actuals")
    attainment = fields.Float(
        string="Attainment (%)",
        compute="_compute_actuals",
        help="Won revenue against its target, or won deals when no revenue is set.",
    )

    _sql_constraints = [
        (
            "targets_not_negative",
            "CHECK(target_revenue >= 0 AND target_deals >= 0 AND target_calls >= 0 "
            "AND target_activities >= 0)",
            "Targets cannot be negative.",
        ),
    ]

    @api.depends("period", "date_from")
    def _compute_date_to(self):
        for target in self:
            months = 3 if target.period == "quarter" else 1
            target.date_to = (
                target.date_from + relativedelta(months=months, days=-1)
                if target.date_from
                else False
            )

    @api.depends("user_id", "team_id", "date_from")
    def _compute_display_name(self):
        for target in self:
            who = target.user_id.name or target.team_id.name or ""
            target.display_name = f"{who} {target.date_from or ''}".strip()

    @api.constrains("user_id", "team_id", "period", "date_from")
    def _check_owner_and_period(self):
        for target in self:
            if bool(target.user_id) == bool(target.team_id):
                raise ValidationError(
                    self.env._("A target is for one salesperson or for one sales team.")
                )
            if target.date_from.day != 1 or (
                target.period == "quarter"
                and target.date_from.month not in (1, 4, 7, 10)
            ):
                raise ValidationError(
                    self.env._(
                        "A target period starts on the first day of a month, or of a "
                        "quarter (January, April, July, October)."
                    )
                )
            overlap = self.search_count(
                [
                    ("id", "!=", target.id),
                    ("user_id", "=", target.user_id.id),
                    ("team_id", "=", target.team_id.id),
                    ("period", "=", target.period),
                    ("date_from", "=", target.date_from),
                ]
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(who)s already has a target for this period.",
                        who=target.user_id.name or target.team_id.name,
                    )
                )

    def _get_members(self):
        """Users whose results count for this target."""
        self.ensure_one()
        return self.user_id or self.team_id.member_ids

    def _compute_actuals(self):
        """Actuals of all targets from three grouped queries (won leads, calls, done
        activities per person, team and month), summed per target in Python."""
        valid = self.filtered(
            lambda t: t.date_from and t.date_to and (t.user_id or t.team_id)
        )
        (self - valid).update(
            {
                "won_revenue": 0,
                "won_deals": 0,
                "calls_made": 0,
                "activities_done": 0,
                "attainment": 0,
            }
        )
        if not valid:
            return
        start = fields.Datetime.to_datetime(min(valid.mapped("date_from")))
        end = fields.Datetime.to_datetime(
            max(valid.mapped("date_to")) + relativedelta(days=1)
        )
        users = valid.user_id | valid.team_id.member_ids
        teams = valid.team_id
        owners = ["|", ("user_id", "in", users.ids), ("team_id", "in", teams.ids)]
        leads = (
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                owners
                + [
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", start),
                    ("date_closed", "<", end),
                ],
                ["user_id", "team_id", "date_closed:month"],
                ["expected_revenue:sum", "__count"],
            )
        )
        calls = (
            self.env["crm.call"]
            .sudo()
            ._read_group(
                owners + [("date_start", ">=", start), ("date_start", "<", end)],
                ["user_id", "team_id", "date_start:month"],
                ["__count"],
            )
        )
        activities = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("mail_activity_type_id", "!=", False),
                    ("author_id", "in", users.partner_id.ids),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["author_id", "date:month"],
                ["__count"],
            )
        )
        for target in valid:
            first, last = target.date_from, target.date_to

            def in_target(user, team, month, target=target, first=first, last=last):
                if not (first <= month.date() <= last):
                    return False
                if target.user_id:
                    return user == target.user_id
                return team == target.team_id

            won = [(rev, n) for u, t, m, rev, n in leads if in_target(u, t, m)]
            target.won_revenue = sum(rev for rev, _n in won)
            target.won_deals = sum(n for _rev, n in won)
            target.calls_made = sum(n for u, t, m, n in calls if in_target(u, t, m))
            members = target._get_members().partner_id
            target.activities_done = sum(
                n
                for author, month, n in activities
                if author in members and first <= month.date() <= last
            )
            if target.target_revenue:
                target.attainment = 100 * target.won_revenue / target.target_revenue
            elif target.target_deals:
                target.attainment = 100 * target.won_deals / target.target_deals
            else:
                target.attainment = 0
