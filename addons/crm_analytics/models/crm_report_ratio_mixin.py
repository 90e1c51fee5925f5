# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import SQL


class CrmReportRatioMixin(models.AbstractModel):
    """Ratios (ROI, win rate, cost per lead...) of a reporting SQL view that stay
    right in grouped views.

    A ratio cannot be added up: the ROI of a campaign is not the sum, nor the average,
    of the ROI of its months. So the view stores the additive measures (cost, paid
    revenue, leads...) and each ratio column is computed twice from one definition:
    per row in SQL (``_ratio_select_sql``) and per group in ``read_group``, from the
    summed measures of the group. The pivot, graph and grouped list views all go
    through ``read_group``, so their totals are true ratios of sums.

    Both such reports (KPI board, ROI) add up events from a UNION ALL of queries; the
    mixin also gives them row ids that let filters reach each event query
    (``_union_events_sql``) and reads them without PostgreSQL's JIT compiler.
    """

    _name = "crm.report.ratio.mixin"
    _description = "Report Ratios from Summed Measures"

    @api.model
    def _get_ratio_definitions(self):
        """Hook: ``{ratio field: ({measure: sign}, denominator measure, factor)}``
        meaning ``factor * sum(sign * measure) / denominator`` (0 when the
        denominator is 0)."""
        return {}

    @api.model
    def _ratio_select_sql(self, alias):
        """SELECT items computing each ratio per row from the measures of ``alias``."""
        items = []
        for name, (terms, denominator, factor) in self._get_ratio_definitions().items():
            numerator = SQL(" + ").join(
                SQL("(%s * %s)", sign, SQL.identifier(alias, measure))
                for measure, sign in terms.items()
            )
            items.append(
                SQL(
                    "COALESCE((%s)::numeric / NULLIF(%s, 0), 0) * %s AS %s",
                    numerator,
                    SQL.identifier(alias, denominator),
                    factor,
                    SQL.identifier(name),
                )
            )
        return SQL(", ").join(items)

    # ------------------------------------------------------------
    # EVENT REPORTS
    # ------------------------------------------------------------

    def _call_without_jit(self, method, *args, **kwargs):
        """Call ``method`` with PostgreSQL's JIT compiler off, then back to default.

        JIT pays off on long scans with few expressions; the event queries of these
        reports have hundreds of expressions, which it compiles for longer than the
        query runs: the KPI board of a month took 2.9 s with JIT, 0.5 s without, on
        1M leads (scripts/README.md). ``SET LOCAL`` ends with the transaction at the
        latest, so an error in ``method`` leaves it off only until then.
        """
        self.env.cr.execute(SQL("SET LOCAL jit = off"))
        result = method(*args, **kwargs)
        self.env.cr.execute(SQL("SET LOCAL jit TO DEFAULT"))
        return result

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        return self._call_without_jit(
            super()._read_group,
            domain,
            groupby,
            aggregates,
            having,
            offset,
            limit,
            order,
        )

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        return self._call_without_jit(
            super().search_fetch, domain, field_names, offset, limit, order
        )

    @api.model
    def search_count(self, domain, limit=None):
        return self._call_without_jit(super().search_count, domain, limit)

    @api.model
    def _union_events_sql(self, queries):
        """UNION ALL of event SELECTs whose first column ``row_key`` is unique within
        its query, adding ``event_key``, unique across all of them.

        A report row groups events, so ``MIN(e.event_key)`` is a unique, stable id
        for it. Unlike ``ROW_NUMBER()``, it lets PostgreSQL push a filter on a
        grouping column (the month, the company...) down into every event query, so a
        month of the report reads a month of events instead of all of them.
        """
        count = len(queries)
        return SQL(" UNION ALL ").join(
            SQL(
                "SELECT ev.*, ev.row_key::bigint * %s + %s AS event_key FROM (%s) ev",
                count,
                index,
                query,
            )
            for index, query in enumerate(queries)
        )

    @api.model
    def _compute_ratio_value(self, name, values):
        """The ratio ``name`` from a dict of summed measures."""
        terms, denominator, factor = self._get_ratio_definitions()[name]
        denominator_value = values.get(denominator) or 0.0
        if not denominator_value:
            return 0.0
        numerator = sum(
            sign * (values.get(measure) or 0.0) for measure, sign in terms.items()
        )
        return factor * numerator / denominator_value

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Replace the (meaningless) sum of a ratio by the ratio of the group's sums."""
        ratios = self._get_ratio_definitions()
        requested = {spec.split(":")[0].strip() for spec in fields}
        wanted = [name for name in ratios if name in requested]
        if not wanted:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        needed = set()
        for name in wanted:
            terms, denominator, _factor = ratios[name]
            needed |= set(terms) | {denominator}
        extra = sorted(needed - requested)
        groups = super().read_group(
            domain,
            list(fields) + [f"{measure}:sum" for measure in extra],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        for group in groups:
            for name in wanted:
                group[name] = self._compute_ratio_value(name, group)
            for measure in extra:
                group.pop(measure, None)
        return groups
