# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .crm_stage import FUNNEL_STEPS

_logger = logging.getLogger(__name__)

EXIT_REASONS = [
    ("moved", "Moved on"),
    ("lost", "Lost"),
    ("merged", "Merged"),
]


class CrmLeadStageHistory(models.Model):
    """One stay of a lead in a stage: when it entered, from where, when it left and why.

    A row is opened whenever a lead enters a stage (creation, stage change by any path,
    restore after a loss) and closed when it leaves it (next stage, lost, merged into
    another lead). What the lead looked like at that moment (salesperson, team, expected
    revenue, funnel steps) is copied, so reports show the past as it was. Rows are
    written by crm.lead only; users read them through the record rules of their leads.
    """

    _name = "crm.lead.stage.history"
    _description = "Lead Stage History"
    _order = "date_entered desc, id desc"
    _rec_name = "lead_id"

    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead/Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    stage_from_id = fields.Many2one(
        "crm.stage", string="From Stage", ondelete="set null", readonly=True
    )
    stage_to_id = fields.Many2one(
        "crm.stage",
        string="Stage",
        ondelete="set null",
        readonly=True,
        index="btree_not_null",
    )
    funnel_step_from = fields.Selection(
        FUNNEL_STEPS, string="From Funnel Step", readonly=True
    )
    funnel_step = fields.Selection(FUNNEL_STEPS, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Changed by", ondelete="set null", readonly=True
    )
    salesperson_id = fields.Many2one("res.users", ondelete="set null", readonly=True)
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", ondelete="set null", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    date_entered = fields.Datetime(string="Entered", required=True, readonly=True)
    date_left = fields.Datetime(string="Left", readonly=True)
    duration_days = fields.Float(
        string="Days in Stage",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Time spent in the stage, in days; empty while the lead is still in it.",
    )
    exit_reason = fields.Selection(EXIT_REASONS, readonly=True)
    expected_revenue = fields.Monetary(
        readonly=True,
        currency_field="company_currency_id",
        help="Expected revenue of the lead when it entered the stage.",
    )
    company_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True
    )
    is_current = fields.Boolean(
        compute="_compute_is_current", search="_search_is_current", string="Current"
    )
    # what the lead did after this stay, kept by _refresh_later_steps for the funnel
    # reports (a per-row lookup of the later stays cost seconds on millions of stays)
    later_rank = fields.Integer(
        string="Furthest Later Step",
        readonly=True,
        copy=False,
        help="Rank (1 = New ... 6 = Won) of the furthest funnel step the lead entered "
        "after this stay; 0 when it has not moved since.",
    )
    won_later = fields.Boolean(
        string="Won Afterwards",
        readonly=True,
        copy=False,
        help="The lead entered a Won stage after this stay.",
    )

    def init(self):
        # the funnel reports scan stays by entry date and step, and the write hooks look
        # up the open stay of each lead
        tools.create_index(
            self.env.cr,
            "crm_lead_stage_history_step_entered_idx",
            self._table,
            ["funnel_step", "date_entered"],
        )
        # a period over every step (the funnel's usual filter) cannot use the index
        # above: on 5M stays a quarter took 1.0 s in a full scan, 0.25 s with this one
        # (scripts/README.md)
        tools.create_index(
            self.env.cr,
            "crm_lead_stage_history_entered_step_idx",
            self._table,
            ["date_entered", "funnel_step"],
        )
        tools.create_index(
            self.env.cr,
            "crm_lead_stage_history_lead_open_idx",
            self._table,
            ["lead_id"],
            where="date_left IS NULL",
        )
        tools.create_index(
            self.env.cr,
            "crm_lead_stage_history_team_entered_idx",
            self._table,
            ["team_id", "date_entered"],
        )

        # stays written before these columns existed, or by SQL (backfill, data loads)
        self._refresh_later_steps()

    @api.model
    def _refresh_later_steps(self, lead_ids=None):
        """Recompute later_rank and won_later of the stays of these leads (default:
        of the leads having a stay not computed yet), in one UPDATE over a window
        on each lead's stays in their order."""
        rank = SQL(
            "CASE funnel_step %s ELSE 0 END",
            SQL(" ").join(
                SQL("WHEN %s THEN %s", key, index)
                for index, (key, _label) in enumerate(FUNNEL_STEPS, start=1)
            ),
        )
        if lead_ids is None:
            leads = SQL(
                "SELECT lead_id FROM crm_lead_stage_history WHERE later_rank IS NULL"
            )
        else:
            if not lead_ids:
                return
            leads = SQL("SELECT unnest(%s::int[])", list(lead_ids))
        self.flush_model(["lead_id", "funnel_step"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE crm_lead_stage_history stay
                   SET later_rank = later.later_rank, won_later = later.won_later
                  FROM (
                    SELECT id,
                           COALESCE(MAX(%(rank)s) OVER following, 0) AS later_rank,
                           COALESCE(BOOL_OR(funnel_step = 'won') OVER following, FALSE)
                               AS won_later
                      FROM crm_lead_stage_history
                     WHERE lead_id IN (%(leads)s)
                    WINDOW following AS (
                        PARTITION BY lead_id ORDER BY id
                        ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                  ) later
                 WHERE stay.id = later.id
                   AND (stay.later_rank IS DISTINCT FROM later.later_rank
                        OR stay.won_later IS DISTINCT FROM later.won_later)
                """,
                rank=rank,
                leads=leads,
            )
        )
        if self.env.cr.rowcount > 1000:
            _logger.info(
                "stage history: %s stays' later steps refreshed", self.env.cr.rowcount
            )
        self.invalidate_model(["later_rank", "won_later"])

    @api.depends("date_left")
    def _compute_is_current(self):
        for stay in self:
            stay.is_current = not stay.date_left

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on Current."))
        return [("date_left", "=" if (operator == "=") == value else "!=", False)]

    # ------------------------------------------------------------
    # BACKFILL
    # ------------------------------------------------------------

    @api.model
    def _backfill_from_tracking(self):
        """Rebuild the past stays of the leads whose history does not start at their
        creation, from Odoo's stage tracking (mail.tracking.value on crm.lead.stage_id),
        in set-based SQL.

        Each such lead gets a first stay from its creation in its first stage (the "old
        value" of its first tracked change, else its current stage), then one stay per
        tracked change older than its first recorded stay (the cutoff); a stay ends when
        the next begins, or at the cutoff; without a cutoff, the last stay of a lost
        lead ends when it was lost. Salesperson, team and expected revenue of the past
        are not tracked by Odoo: the lead's current ones are used. Returns the number
        of rows written.
        """
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            SQL(
                """
                CREATE TEMP TABLE crm_backfill_lead ON COMMIT DROP AS
                SELECT lead.id,
                       (SELECT MIN(h.date_entered) FROM crm_lead_stage_history h
                         WHERE h.lead_id = lead.id) AS cutoff
                  FROM crm_lead lead
                 WHERE NOT EXISTS (
                       SELECT 1 FROM crm_lead_stage_history h
                        WHERE h.lead_id = lead.id AND h.stage_from_id IS NULL)
                """
            )
        )
        lead_count = cr.rowcount
        cr.execute(SQL("ANALYZE crm_backfill_lead"))
        _logger.info(
            "stage history backfill: %s leads without their history", lead_count
        )
        if not lead_count:
            cr.execute(SQL("DROP TABLE crm_backfill_lead"))
            return 0
        cr.execute(
            SQL(
                """
                CREATE TEMP TABLE crm_backfill_change ON COMMIT DROP AS
                SELECT msg.res_id AS lead_id,
                       NULLIF(val.old_value_integer, 0) AS from_id,
                       NULLIF(val.new_value_integer, 0) AS to_id,
                       msg.date AS changed_at,
                       msg.author_id,
                       val.id AS seq
                  FROM mail_tracking_value val
                  JOIN ir_model_fields field ON field.id = val.field_id
                       AND field.model = 'crm.lead' AND field.name = 'stage_id'
                  JOIN mail_message msg ON msg.id = val.mail_message_id
                  JOIN crm_backfill_lead todo ON todo.id = msg.res_id
                 WHERE msg.model = 'crm.lead' AND val.old_value_integer <> 0
                   AND (todo.cutoff IS NULL OR msg.date < todo.cutoff)
                """
            )
        )
        _logger.info("stage history backfill: %s tracked stage changes", cr.rowcount)
        cr.execute(SQL("ANALYZE crm_backfill_change"))
        cr.execute(
            SQL(
                """
                WITH first_change AS (
                    SELECT DISTINCT ON (lead_id) lead_id, from_id, changed_at
                      FROM crm_backfill_change
                  ORDER BY lead_id, changed_at, seq
                ), first_stay AS (
                    SELECT DISTINCT ON (stay.lead_id) stay.lead_id, stay.stage_from_id
                      FROM crm_lead_stage_history stay
                      JOIN crm_backfill_lead todo ON todo.id = stay.lead_id
                  ORDER BY stay.lead_id, stay.date_entered, stay.id
                ), author AS (
                    SELECT DISTINCT ON (partner_id) partner_id, id AS user_id
                      FROM res_users
                  ORDER BY partner_id, id
                ), stays AS (
                    SELECT lead.id AS lead_id, NULL::int AS from_id,
                           COALESCE(first_change.from_id, first_stay.stage_from_id,
                                    lead.stage_id) AS to_id,
                           LEAST(lead.create_date, first_change.changed_at) AS entered,
                           lead.create_uid AS user_id,
                           0 AS seq
                      FROM crm_lead lead
                      JOIN crm_backfill_lead todo ON todo.id = lead.id
                      LEFT JOIN first_change ON first_change.lead_id = lead.id
                      LEFT JOIN first_stay ON first_stay.lead_id = lead.id
                    UNION ALL
                    SELECT change.lead_id, change.from_id, change.to_id,
                           change.changed_at, author.user_id, change.seq
                      FROM crm_backfill_change change
                      LEFT JOIN author ON author.partner_id = change.author_id
                ), ordered AS (
                    SELECT stays.*,
                           LEAD(entered) OVER (PARTITION BY lead_id
                                               ORDER BY entered, seq) AS next_entered
                      FROM stays
                ), bounded AS (
                    SELECT ordered.*,
                           CASE WHEN next_entered IS NOT NULL THEN next_entered
                                WHEN todo.cutoff IS NOT NULL THEN todo.cutoff
                                WHEN NOT lead.active
                                THEN COALESCE(lead.date_closed, lead.write_date)
                           END AS left_at,
                           CASE WHEN next_entered IS NOT NULL THEN 'moved'
                                WHEN todo.cutoff IS NOT NULL THEN 'moved'
                                WHEN NOT lead.active THEN 'lost'
                           END AS reason
                      FROM ordered
                      JOIN crm_lead lead ON lead.id = ordered.lead_id
                      JOIN crm_backfill_lead todo ON todo.id = ordered.lead_id
                )
                INSERT INTO crm_lead_stage_history (
                       lead_id, stage_from_id, stage_to_id, funnel_step_from,
                       funnel_step, user_id, salesperson_id, team_id, company_id,
                       date_entered, date_left, duration_days, exit_reason,
                       expected_revenue, create_uid, create_date, write_uid, write_date)
                SELECT lead.id, stage_from.id, stage_to.id, stage_from.funnel_step,
                       stage_to.funnel_step, bounded.user_id, lead.user_id,
                       lead.team_id, COALESCE(lead.company_id, %(company)s),
                       bounded.entered, bounded.left_at,
                       EXTRACT(EPOCH FROM (bounded.left_at - bounded.entered)) / 86400,
                       bounded.reason, lead.expected_revenue,
                       %(uid)s, now() at time zone 'UTC',
                       %(uid)s, now() at time zone 'UTC'
                  FROM bounded
                  JOIN crm_lead lead ON lead.id = bounded.lead_id
                  LEFT JOIN crm_stage stage_from ON stage_from.id = bounded.from_id
                  LEFT JOIN crm_stage stage_to ON stage_to.id = bounded.to_id
              ORDER BY bounded.lead_id, bounded.entered, bounded.seq
                """,
                company=self.env.company.id,
                uid=self.env.uid,
            )
        )
        written = cr.rowcount
        cr.execute(SQL("DROP TABLE crm_backfill_change; DROP TABLE crm_backfill_lead"))
        self.invalidate_model()
        self._refresh_later_steps()
        _logger.info(
            "stage history backfill: done, %s stays written for %s leads",
            written,
            lead_count,
        )
        return written
