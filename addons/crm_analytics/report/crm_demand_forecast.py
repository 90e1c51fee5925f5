# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

# complete months of confirmed orders averaged into the next month's baseline
HISTORY_MONTHS = 6


class CrmDemandForecast(models.Model):
    """Expected product demand per month, in the product's unit of measure.

    - Pipeline: the lines of quotations (draft or sent) linked to an open opportunity,
      weighted by the opportunity's probability, at the month of its expected closing
      date, or next month when it has none or it lies before the current month.
    - History: quantities confirmed per month (sales orders) since the start of the
      last six complete months.
    - Baseline: the average monthly quantity confirmed over those six complete months,
      shown on next month's row.
    Forecast = pipeline + baseline.
    """

    _name = "crm.demand.forecast"
    _description = "Product Demand Forecast"
    _auto = False
    _rec_name = "product_id"
    _order = "date desc, product_id"
    # pending ORM writes to flush before reading the view
    _depends = {
        "sale.order.line": [
            "product_id",
            "product_uom_qty",
            "product_uom",
            "order_id",
            "display_type",
        ],
        "sale.order": [
            "state",
            "date_order",
            "company_id",
            "user_id",
            "team_id",
            "opportunity_id",
        ],
        "crm.lead": ["active", "probability", "date_deadline", "user_id", "team_id"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["categ_id", "uom_id"],
        "uom.uom": ["factor"],
    }

    date = fields.Date(string="Month", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", readonly=True)
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    expected_qty = fields.Float(
        string="Pipeline Quantity",
        readonly=True,
        digits="Product Unit of Measure",
        help="Quotation quantities of open opportunities × their probability.",
    )
    confirmed_qty = fields.Float(
        string="Confirmed Quantity", readonly=True, digits="Product Unit of Measure"
    )
    confirmed_avg_qty = fields.Float(
        string="6-Month Average",
        readonly=True,
        digits="Product Unit of Measure",
        help="Average quantity confirmed per month over the last six complete months.",
    )
    forecast_qty = fields.Float(
        string="Forecast Quantity",
        readonly=True,
        digits="Product Unit of Measure",
        help="Pipeline quantity plus the six-month average.",
    )

    @property
    def _table_query(self):
        return self._query()

    def _query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (
                       ORDER BY r.date, r.product_id, r.company_id, r.user_id, r.team_id
                   ) AS id,
                   r.*,
                   r.expected_qty + r.confirmed_avg_qty AS forecast_qty
              FROM (
                SELECT e.date, e.product_id, pp.product_tmpl_id, pt.categ_id,
                       e.company_id, e.user_id, e.team_id,
                       SUM(e.expected_qty) AS expected_qty,
                       SUM(e.confirmed_qty) AS confirmed_qty,
                       SUM(e.confirmed_avg_qty) AS confirmed_avg_qty
                  FROM (%(events)s) e
                  JOIN product_product pp ON pp.id = e.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
              GROUP BY e.date, e.product_id, pp.product_tmpl_id, pt.categ_id,
                       e.company_id, e.user_id, e.team_id
              ) r
            """,
            events=SQL(" UNION ALL ").join(
                [self._pipeline_query(), self._history_query(), self._baseline_query()]
            ),
        )

    def _line_qty_sql(self):
        """Quantity of the order line ``sol`` in the product's unit of measure."""
        return SQL("sol.product_uom_qty / line_uom.factor * product_uom.factor")

    def _line_joins_sql(self):
        return SQL(
            """
            JOIN sale_order so ON so.id = sol.order_id
            JOIN uom_uom line_uom ON line_uom.id = sol.product_uom
            JOIN product_product lpp ON lpp.id = sol.product_id
            JOIN product_template lpt ON lpt.id = lpp.product_tmpl_id
            JOIN uom_uom product_uom ON product_uom.id = lpt.uom_id
            """
        )

    def _next_month_sql(self):
        return SQL("(DATE_TRUNC('month', CURRENT_DATE) + INTERVAL '1 month')::date")

    def _history_start_sql(self):
        return SQL(
            "(DATE_TRUNC('month', CURRENT_DATE) - %s * INTERVAL '1 month')",
            HISTORY_MONTHS,
        )

    def _pipeline_query(self):
        return SQL(
            """
            SELECT CASE WHEN l.date_deadline >= DATE_TRUNC('month', CURRENT_DATE)
                        THEN DATE_TRUNC('month', l.date_deadline)::date
                        ELSE %(next)s END AS date,
                   sol.product_id, so.company_id, l.user_id, l.team_id,
                   %(qty)s * l.probability / 100 AS expected_qty,
                   0 AS confirmed_qty, 0 AS confirmed_avg_qty
              FROM sale_order_line sol
              %(joins)s
              JOIN crm_lead l ON l.id = so.opportunity_id
             WHERE so.state IN ('draft', 'sent')
               AND l.active AND l.probability < 100
               AND sol.product_id IS NOT NULL AND sol.display_type IS NULL
            """,
            next=self._next_month_sql(),
            qty=self._line_qty_sql(),
            joins=self._line_joins_sql(),
        )

    def _history_query(self):
        return SQL(
            """
            SELECT DATE_TRUNC('month', so.date_order)::date, sol.product_id,
                   so.company_id, so.user_id, so.team_id,
                   0, %(qty)s, 0
              FROM sale_order_line sol
              %(joins)s
             WHERE so.state = 'sale' AND so.date_order >= %(start)s
               AND sol.product_id IS NOT NULL AND sol.display_type IS NULL
            """,
            qty=self._line_qty_sql(),
            joins=self._line_joins_sql(),
            start=self._history_start_sql(),
        )

    def _baseline_query(self):
        return SQL(
            """
            SELECT %(next)s, sol.product_id, so.company_id, NULL::integer,
                   NULL::integer, 0, 0, SUM(%(qty)s) / %(months)s
              FROM sale_order_line sol
              %(joins)s
             WHERE so.state = 'sale' AND so.date_order >= %(start)s
               AND so.date_order < DATE_TRUNC('month', CURRENT_DATE)
               AND sol.product_id IS NOT NULL AND sol.display_type IS NULL
          GROUP BY sol.product_id, so.company_id
            """,
            next=self._next_month_sql(),
            qty=self._line_qty_sql(),
            joins=self._line_joins_sql(),
            start=self._history_start_sql(),
            months=HISTORY_MONTHS,
        )
