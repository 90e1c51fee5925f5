# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..report.crm_funnel_report import STEP_KEYS

# ir.config_parameter key -> default, edited in Settings > CRM > Funnel diagnosis
DIAGNOSIS_THRESHOLDS = {
    "crm_analytics.funnel_min_stays": 3,
    "crm_analytics.funnel_offer_min_rate": 40,
    "crm_analytics.funnel_prospect_drop_pct": 20,
    "crm_analytics.funnel_prospect_periods": 3,
    "crm_analytics.funnel_salesperson_gap": 25,
    "crm_analytics.funnel_price_min_rate": 50,
    "crm_analytics.funnel_unpaid_max_rate": 10,
    "crm_analytics.funnel_payment_max_days": 30,
}


def _rate(part, whole):
    return 100.0 * part / whole if whole else 0.0


class CrmFunnelDiagnosis(models.TransientModel):
    """The five questions of the funnel analysis, answered for a period and a team.

    Each question is one `_diagnose_*` method returning a finding (words, figures,
    whether it is an alert, the leads behind it); `_get_diagnostics` lists them in
    order so a submodule adds or replaces a question by overriding it. Every figure
    comes from crm.funnel.report through its record rules, in a fixed number of
    queries whatever the number of leads.
    """

    _name = "crm.funnel.diagnosis"
    _description = "Funnel Diagnosis"

    def _default_date_from(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=2)

    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    team_id = fields.Many2one("crm.team", string="Sales Team")
    finding_ids = fields.One2many(
        "crm.funnel.diagnosis.finding", "diagnosis_id", string="Findings"
    )
    alert_count = fields.Integer(compute="_compute_alert_count")

    @api.depends("date_from", "date_to", "team_id")
    def _compute_display_name(self):
        for diagnosis in self:
            diagnosis.display_name = self.env._(
                "Funnel diagnosis %(date_from)s – %(date_to)s%(team)s",
                date_from=diagnosis.date_from or "",
                date_to=diagnosis.date_to or "",
                team=f" ({diagnosis.team_id.display_name})"
                if diagnosis.team_id
                else "",
            )

    @api.depends("finding_ids.is_alert")
    def _compute_alert_count(self):
        for diagnosis in self:
            diagnosis.alert_count = len(diagnosis.finding_ids.filtered("is_alert"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for diagnosis in self:
            if diagnosis.date_from > diagnosis.date_to:
                raise ValidationError(
                    self.env._("The period must start before it ends.")
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_diagnose(self):
        """Answer the five questions again. The form saved the panel before calling
        this and reloads it after, in place: returning an action would stack one
        more breadcrumb at each press."""
        self.ensure_one()
        findings = self._compute_findings()
        self.finding_ids.unlink()
        self.write(
            {
                "finding_ids": [
                    fields.Command.create(dict(vals, sequence=sequence))
                    for sequence, vals in enumerate(findings, start=1)
                ]
            }
        )
        return True

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _get_thresholds(self):
        """{short name: value} of the configured thresholds (Settings)."""
        params_sudo = self.env["ir.config_parameter"].sudo()
        thresholds = {}
        for key, default in DIAGNOSIS_THRESHOLDS.items():
            try:
                value = int(params_sudo.get_param(key, default))
            except ValueError:
                value = default
            thresholds[key.split(".funnel_", 1)[1]] = value
        return thresholds

    def _get_datetime_range(self, date_from=None, date_to=None):
        date_from = date_from or self.date_from
        date_to = date_to or self.date_to
        return (
            datetime.combine(date_from, time.min),
            datetime.combine(date_to + timedelta(days=1), time.min),
        )

    def _get_report_domain(self, date_from=None, date_to=None):
        """Stays entered in the period (whole days), of the team when one is chosen."""
        start, stop = self._get_datetime_range(date_from, date_to)
        domain = [("date_entered", ">=", start), ("date_entered", "<", stop)]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain

    def _get_diagnostics(self):
        """Ordered methods answering one question each: method(data) -> finding."""
        return [
            self._diagnose_offer_drop,
            self._diagnose_prospect_inflow,
            self._diagnose_salesperson_gap,
            self._diagnose_price_drop,
            self._diagnose_unpaid_deals,
        ]

    def _prepare_data(self):
        """Figures shared by the questions, each read in one query."""
        report = self.env["crm.funnel.report"]
        domain = self._get_report_domain()
        return {
            "thresholds": self._get_thresholds(),
            "steps": report._get_step_figures(domain),
            "domain": domain,
        }

    def _compute_findings(self):
        """Values of the findings of this period and team, in question order."""
        self.ensure_one()
        data = self._prepare_data()
        return [diagnose(data) for diagnose in self._get_diagnostics()]

    def _step_label(self, step):
        selection = self.env["crm.funnel.report"]._fields["funnel_step"]
        return dict(selection._description_selection(self.env))[step]

    def _diagnose_step_drop(self, data, code, step, min_rate):
        """Shared by the offer and price questions: the conversion of the stays that
        left `step` to a further step, against the configured minimum."""
        figures = data["steps"][step]
        decided = figures["entered"] - figures["stayed"]
        rate = _rate(figures["advanced"], decided)
        label = self._step_label(step)
        vals = {
            "code": code,
            "value": rate,
            "threshold": min_rate,
            "lead_ids": [fields.Command.set(figures["dropped_lead_ids"])],
        }
        if decided < data["thresholds"]["min_stays"]:
            vals.update(
                is_alert=False,
                message=self.env._(
                    "Not enough data: %(count)s stays left the “%(step)s” step in "
                    "the period.",
                    count=decided,
                    step=label,
                ),
            )
            return vals
        earlier = [data["steps"][key] for key in STEP_KEYS[: STEP_KEYS.index(step)]]
        earlier_decided = sum(f["entered"] - f["stayed"] for f in earlier)
        earlier_rate = _rate(sum(f["advanced"] for f in earlier), earlier_decided)
        vals.update(
            is_alert=rate < min_rate,
            message=self.env._(
                "%(advanced)s of the %(decided)s stays that left “%(step)s” reached a "
                "further step: %(rate).0f%% (minimum %(min).0f%%; earlier steps "
                "%(earlier).0f%%). %(dropped)s leads dropped out there.",
                advanced=figures["advanced"],
                decided=decided,
                step=label,
                rate=rate,
                min=min_rate,
                earlier=earlier_rate,
                dropped=len(figures["dropped_lead_ids"]),
            ),
        )
        return vals

    def _diagnose_offer_drop(self, data):
        """(1) Does the funnel narrow sharply after the offer is sent?"""
        vals = self._diagnose_step_drop(
            data, "offer_drop", "offer", data["thresholds"]["offer_min_rate"]
        )
        vals["name"] = self.env._("Does the funnel narrow after the offer?")
        return vals

    def _diagnose_price_drop(self, data):
        """(4) Does it narrow in the price discussion (negotiation)?"""
        vals = self._diagnose_step_drop(
            data, "price_drop", "price", data["thresholds"]["price_min_rate"]
        )
        vals["name"] = self.env._("Does the funnel narrow in price discussion?")
        return vals

    def _diagnose_prospect_inflow(self, data):
        """(2) Do too few prospects enter, compared with the previous periods of the
        same length?"""
        thresholds = data["thresholds"]
        periods = max(thresholds["prospect_periods"], 1)
        length = (self.date_to - self.date_from).days + 1
        start, stop = self._get_datetime_range()
        earliest = start - timedelta(days=length * periods)
        domain = [
            ("funnel_step", "=", "new"),
            ("date_entered", ">=", earliest),
            ("date_entered", "<", stop),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        counts = dict.fromkeys(range(periods + 1), 0)
        lead_ids = []
        query = self.env["crm.funnel.report"]._funnel_query(domain)
        if query is not None:
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT CASE WHEN crm_funnel_report.date_entered >= %(start)s
                                THEN 0
                                ELSE 1 + FLOOR(EXTRACT(EPOCH FROM (
                                    %(start)s - crm_funnel_report.date_entered
                                    - INTERVAL '1 second')) / %(length)s)
                           END AS period,
                           COUNT(DISTINCT crm_funnel_report.lead_id),
                           -- the leads behind the finding: this period's only
                           ARRAY_AGG(DISTINCT crm_funnel_report.lead_id) FILTER (
                               WHERE crm_funnel_report.date_entered >= %(start)s)
                      FROM %(from)s
                     WHERE %(where)s
                  GROUP BY 1
                    """,
                    start=start,
                    length=length * 86400,
                    **{"from": query.from_clause, "where": query.where_clause},
                )
            )
            for period, count, leads in rows:
                counts[int(period)] = count
                if period == 0:
                    lead_ids = leads
        previous = [counts[index] for index in range(1, periods + 1) if counts[index]]
        current = counts[0]
        vals = {
            "code": "prospect_inflow",
            "name": self.env._("Do too few prospects enter the funnel?"),
            "value": current,
            "threshold": thresholds["prospect_drop_pct"],
            "lead_ids": [fields.Command.set(lead_ids)],
        }
        if not previous:
            vals.update(
                is_alert=False,
                message=self.env._(
                    "%(count)s prospects entered the funnel; no earlier period of "
                    "%(days)s days to compare with.",
                    count=current,
                    days=length,
                ),
            )
            return vals
        average = sum(previous) / len(previous)
        change = _rate(current - average, average)
        vals.update(
            is_alert=change <= -thresholds["prospect_drop_pct"],
            message=self.env._(
                "%(count)s prospects entered the funnel against %(avg).1f on average "
                "in the %(periods)s previous periods of %(days)s days: %(change)+.0f%% "
                "(alert from -%(drop)s%%).",
                count=current,
                avg=average,
                periods=len(previous),
                days=length,
                change=change,
                drop=thresholds["prospect_drop_pct"],
            ),
        )
        return vals

    def _diagnose_salesperson_gap(self, data):
        """(3) Which salespeople differ most per step, and who is best at which."""
        thresholds = data["thresholds"]
        query = self.env["crm.funnel.report"]._funnel_query(data["domain"])
        rows = []
        if query is not None:
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT crm_funnel_report.funnel_step,
                           crm_funnel_report.salesperson_id,
                           COUNT(crm_funnel_report.conversion_next_rate),
                           SUM(crm_funnel_report.advanced_count),
                           ARRAY_AGG(DISTINCT crm_funnel_report.lead_id) FILTER (
                               WHERE crm_funnel_report.conversion_next_rate = 0)
                      FROM %s
                     WHERE %s AND crm_funnel_report.salesperson_id IS NOT NULL
                       AND crm_funnel_report.funnel_step != 'won'
                  GROUP BY 1, 2
                    HAVING COUNT(crm_funnel_report.conversion_next_rate) >= %s
                    """,
                    query.from_clause,
                    query.where_clause,
                    thresholds["min_stays"],
                )
            )
        users = self.env["res.users"].browse({row[1] for row in rows})
        names = {user.id: user.display_name for user in users}
        by_step = {}
        for step, user_id, decided, advanced, dropped in rows:
            by_step.setdefault(step, []).append(
                (_rate(advanced, decided), names[user_id], advanced, decided, dropped)
            )
        lines = []
        widest = (0.0, [])
        for step, _label in (
            self.env["crm.funnel.report"]
            ._fields["funnel_step"]
            ._description_selection(self.env)
        ):
            people = sorted(by_step.get(step, []), key=lambda p: (-p[0], p[1]))
            if len(people) < 2:
                continue
            best, worst = people[0], people[-1]
            gap = best[0] - worst[0]
            if gap > widest[0]:
                widest = (gap, worst[4] or [])
            lines.append(
                self.env._(
                    "%(step)s: best %(best)s %(best_rate).0f%% (%(best_adv)s/"
                    "%(best_dec)s), weakest %(worst)s %(worst_rate).0f%% "
                    "(%(worst_adv)s/%(worst_dec)s), gap %(gap).0f points.",
                    step=_label,
                    best=best[1],
                    best_rate=best[0],
                    best_adv=best[2],
                    best_dec=best[3],
                    worst=worst[1],
                    worst_rate=worst[0],
                    worst_adv=worst[2],
                    worst_dec=worst[3],
                    gap=gap,
                )
            )
        vals = {
            "code": "salesperson_gap",
            "name": self.env._("Which salespeople differ most, at which step?"),
            "value": widest[0],
            "threshold": thresholds["salesperson_gap"],
            "is_alert": widest[0] >= thresholds["salesperson_gap"],
            "lead_ids": [fields.Command.set(widest[1])],
        }
        if lines:
            vals["message"] = "\n".join(lines)
        else:
            vals["message"] = self.env._(
                "Not enough data: no step has two salespeople with %(count)s stays "
                "left.",
                count=thresholds["min_stays"],
            )
        return vals

    def _diagnose_unpaid_deals(self, data):
        """(5) How many who agreed (won) did not pay, and how long payments take from
        the order confirmation to its payment."""
        thresholds = data["thresholds"]
        query = self.env["crm.funnel.report"]._funnel_query(
            data["domain"] + [("funnel_step", "=", "won")]
        )
        won, unpaid_ids, paid_days = 0, [], []
        if query is not None:
            # aggregates on the orders of the leads the user may read
            rows = self.env.execute_query(
                SQL(
                    """
                    WITH won AS (
                        SELECT DISTINCT crm_funnel_report.lead_id
                          FROM %s
                         WHERE %s
                    )
                    SELECT won.lead_id,
                           BOOL_OR(sale.date_paid IS NOT NULL),
                           MIN(sale.date_paid - sale.date_confirmed::date)
                      FROM won
                      LEFT JOIN sale_order sale ON sale.opportunity_id = won.lead_id
                           AND sale.state = 'sale'
                  GROUP BY won.lead_id
                    """,
                    query.from_clause,
                    query.where_clause,
                )
            )
            for lead_id, paid, days in rows:
                won += 1
                if paid:
                    paid_days.append(days)
                else:
                    unpaid_ids.append(lead_id)
        unpaid_rate = _rate(len(unpaid_ids), won)
        average_days = sum(paid_days) / len(paid_days) if paid_days else 0.0
        vals = {
            "code": "unpaid_deals",
            "name": self.env._("How many who agreed did not pay, and how fast?"),
            "value": unpaid_rate,
            "threshold": thresholds["unpaid_max_rate"],
            "lead_ids": [fields.Command.set(unpaid_ids)],
        }
        if not won:
            vals.update(
                is_alert=False,
                message=self.env._("No deal was won in the period."),
            )
            return vals
        unpaid = self.env._(
            "%(unpaid)s of the %(won)s won deals are not paid yet: %(rate).0f%% "
            "(alert above %(max_rate)s%%).",
            unpaid=len(unpaid_ids),
            won=won,
            rate=unpaid_rate,
            max_rate=thresholds["unpaid_max_rate"],
        )
        if paid_days:
            delay = self.env._(
                "Paid deals took %(days).1f days on average from confirmation to "
                "payment (alert above %(max_days)s).",
                days=average_days,
                max_days=thresholds["payment_max_days"],
            )
        else:
            delay = self.env._("No won deal of the period is paid yet.")
        vals.update(
            is_alert=unpaid_rate > thresholds["unpaid_max_rate"]
            or average_days > thresholds["payment_max_days"],
            message=f"{unpaid} {delay}",
        )
        return vals
