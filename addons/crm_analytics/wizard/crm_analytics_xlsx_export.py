# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import tempfile
from functools import partial

import xlsxwriter
from dateutil.relativedelta import relativedelta
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.crm_extended.models.crm_stage import FUNNEL_STEPS

STAYS_BATCH_SIZE = 2000


class CrmAnalyticsXlsxExport(models.TransientModel):
    """Workbook of the CRM analytics for a period and a team.

    The sheets are written by the methods `_get_sheet_builders` lists, in order; each
    builder receives the workbook, the shared formats and the wizard. A module adds a
    sheet by appending its own builder to that list. The workbook is written with
    xlsxwriter in constant-memory mode to a temporary file, rows streamed in order,
    so the Stays sheet never holds more than one batch of rows in memory.
    """

    _name = "crm.analytics.xlsx.export"
    _description = "CRM Analytics XLSX Export"

    def _default_date_from(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=2)

    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    team_id = fields.Many2one("crm.team", string="Sales Team")
    attachment_id = fields.Many2one("ir.attachment", readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for export in self:
            if export.date_from > export.date_to:
                raise ValidationError(
                    self.env._("The period must start before it ends.")
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_export(self):
        """Build the workbook, store it as an attachment of the wizard and download
        it."""
        self.ensure_one()
        self.env["crm.funnel.report"].check_access("read")
        filename = self._get_filename()
        self.attachment_id = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": self._build_workbook(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------
    # WORKBOOK
    # ------------------------------------------------------------

    def _get_filename(self):
        return f"crm_analytics_{self.date_from}_{self.date_to}.xlsx"

    def _get_sheet_builders(self):
        """Ordered methods writing one sheet each: method(workbook, formats)."""
        return [
            self._build_funnel_sheet,
            self._build_diagnostics_sheet,
            self._build_salespeople_sheet,
            self._build_roi_sheet,
            self._build_kpi_sheet,
            self._build_targets_sheet,
            self._build_stays_sheet,
        ]

    def _get_diagnosis(self):
        """The diagnosis of this period and team, in memory (not stored)."""
        return self.env["crm.funnel.diagnosis"].new(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "team_id": self.team_id.id,
            }
        )

    def _get_report_domain(self):
        return self._get_diagnosis()._get_report_domain()

    def _get_formats(self, workbook):
        return {
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "total": workbook.add_format({"bold": True, "top": 1}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "percent_total": workbook.add_format(
                {"num_format": "0.0%", "bold": True, "top": 1}
            ),
            "days": workbook.add_format({"num_format": "0.0"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
        }

    def _build_workbook(self):
        """Write every sheet to a temporary file and return its bytes."""
        with tempfile.TemporaryDirectory() as tmpdir:
            path = os.path.join(tmpdir, self._get_filename())
            workbook = xlsxwriter.Workbook(
                path,
                {
                    "constant_memory": True,
                    "in_memory": False,
                    "tmpdir": tmpdir,
                    "remove_timezone": True,
                },
            )
            formats = self._get_formats(workbook)
            for build in self._get_sheet_builders():
                build(workbook, formats)
            workbook.close()
            with open(path, "rb") as xlsx:
                return xlsx.read()

    def _write_header(self, sheet, formats, headers, widths=None):
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
        for col, width in enumerate(widths or []):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)

    def _get_step_figure_headers(self):
        """Headers of a funnel row's figures, as the Funnel and Salespeople sheets
        write them: the counts, their conversions (``_write_conversions``) and the
        average days in the step."""
        return [
            self.env._("Entered"),
            self.env._("Moved On"),
            self.env._("Lost"),
            self.env._("Still There"),
            self.env._("Reached a Next Step"),
            self.env._("Won Later"),
            self.env._("Conversion to Next Step"),
            self.env._("Conversion to Won"),
            self.env._("Average Days"),
        ]

    def _build_funnel_sheet(self, workbook, formats):
        """Per step figures; conversions and totals are formulas; a bar chart."""
        sheet = workbook.add_worksheet(self.env._("Funnel"))
        # columns must be set before any row is flushed in constant-memory mode
        headers = [
            self.env._("Step"),
            *self._get_step_figure_headers(),
            self.env._("Median Days"),
        ]
        self._write_header(sheet, formats, headers, [22] + [12] * 10)
        figures = self.env["crm.funnel.report"]._get_step_figures(
            self._get_report_domain()
        )
        labels = dict(
            self.env["crm.funnel.report"]
            ._fields["funnel_step"]
            ._description_selection(self.env)
        )
        keys = ("entered", "moved", "lost", "stayed", "advanced", "won")
        row = 0
        for row, (step, _label) in enumerate(FUNNEL_STEPS, start=1):
            values = figures[step]
            sheet.write_string(row, 0, labels[step])
            for col, key in enumerate(keys, start=1):
                sheet.write_number(row, col, values[key])
            self._write_conversions(sheet, row, formats["percent"])
            sheet.write_number(row, 9, values["avg_days"], formats["days"])
            sheet.write_number(row, 10, values["median_days"], formats["days"])
        total = row + 1
        sheet.write_string(total, 0, self.env._("Total"), formats["total"])
        for col in range(1, len(keys) + 1):
            sheet.write_formula(
                total,
                col,
                self._sum_formula(col, 1, row),
                formats["total"],
            )
        self._write_conversions(sheet, total, formats["percent_total"])
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": self.env._("Entered"),
                "categories": [sheet.name, 1, 0, row, 0],
                "values": [sheet.name, 1, 1, row, 1],
                "data_labels": {"value": True},
            }
        )
        chart.set_title({"name": self.env._("Funnel")})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"none": True})
        sheet.insert_chart(total + 2, 0, chart, {"x_scale": 1.5, "y_scale": 1.2})

    def _sum_formula(self, col, first_row, last_row):
        first = xl_rowcol_to_cell(first_row, col)
        last = xl_rowcol_to_cell(last_row, col)
        return f"=SUM({first}:{last})"

    def _write_conversions(self, sheet, row, cell_format, entered_col=1):
        """Conversion formulas of a funnel row whose counts start at ``entered_col``
        (entered, moved on, lost, still there, reached a next step, won later),
        written after them: reached a next step / stays left, won later / entered."""

        def cell(offset):
            return xl_rowcol_to_cell(row, entered_col + offset)

        entered, stayed, advanced, won = cell(0), cell(3), cell(4), cell(5)
        sheet.write_formula(
            row,
            entered_col + 6,
            f'=IF({entered}-{stayed}=0,"",{advanced}/({entered}-{stayed}))',
            cell_format,
        )
        sheet.write_formula(
            row,
            entered_col + 7,
            f'=IF({entered}=0,"",{won}/{entered})',
            cell_format,
        )

    def _build_diagnostics_sheet(self, workbook, formats):
        """The five findings of the diagnosis panel for the same period and team."""
        sheet = workbook.add_worksheet(self.env._("Diagnostics"))
        self._write_header(
            sheet,
            formats,
            [
                self.env._("Question"),
                self.env._("Alert"),
                self.env._("Finding"),
                self.env._("Value"),
                self.env._("Threshold"),
                self.env._("Leads"),
            ],
            [40, 8, 90, 10, 10, 8],
        )
        for row, finding in enumerate(self._get_diagnosis()._compute_findings(), 1):
            sheet.write_string(row, 0, finding["name"], formats["wrap"])
            sheet.write_string(
                row,
                1,
                self.env._("Yes") if finding["is_alert"] else self.env._("No"),
            )
            sheet.write_string(row, 2, finding["message"], formats["wrap"])
            sheet.write_number(row, 3, finding["value"], formats["days"])
            sheet.write_number(row, 4, finding["threshold"], formats["days"])
            sheet.write_number(row, 5, len(finding["lead_ids"][0][2]))

    def _build_salespeople_sheet(self, workbook, formats):
        """Each salesperson's funnel, step by step, for side-by-side comparison."""
        sheet = workbook.add_worksheet(self.env._("Salespeople"))
        self._write_header(
            sheet,
            formats,
            [
                self.env._("Salesperson"),
                self.env._("Step"),
                *self._get_step_figure_headers(),
            ],
            [25, 20] + [12] * 9,
        )
        groups = self.env["crm.funnel.report"]._read_group(
            self._get_report_domain(),
            ["salesperson_id", "funnel_step"],
            [
                "entered_count:sum",
                "moved_count:sum",
                "lost_count:sum",
                "stayed_count:sum",
                "advanced_count:sum",
                "won_count:sum",
                "duration_days:avg",
            ],
        )
        order = {step: index for index, (step, _label) in enumerate(FUNNEL_STEPS)}
        labels = dict(
            self.env["crm.funnel.report"]
            ._fields["funnel_step"]
            ._description_selection(self.env)
        )
        groups.sort(
            key=lambda g: (g[0].display_name or "", order.get(g[1], len(order)))
        )
        row = 0
        for row, (user, step, *counts, avg_days) in enumerate(groups, start=1):
            sheet.write_string(
                row, 0, user.display_name or self.env._("No salesperson")
            )
            sheet.write_string(row, 1, labels.get(step, ""))
            for col, count in enumerate(counts, start=2):
                sheet.write_number(row, col, count)
            self._write_conversions(sheet, row, formats["percent"], entered_col=2)
            sheet.write_number(row, 10, avg_days or 0.0, formats["days"])
        total = row + 1
        sheet.write_string(total, 0, self.env._("Total"), formats["total"])
        for col in range(2, 8):
            sheet.write_formula(
                total,
                col,
                self._sum_formula(col, 1, max(row, 1)),
                formats["total"],
            )
        self._write_conversions(sheet, total, formats["percent_total"], entered_col=2)

    # ------------------------------------------------------------
    # ROI, KPI AND TARGETS SHEETS
    # ------------------------------------------------------------

    def _get_month_domain(self):
        """Domain of the monthly reports (ROI, KPI) for the period and team: the
        months the period touches."""
        domain = [
            ("date", ">=", self.date_from.replace(day=1)),
            ("date", "<=", self.date_to),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain

    def _write_measure_rows(self, sheet, formats, groups, money_cols, ratio_writer):
        """Rows of (name, measures...) from a _read_group, a SUM total row, and the
        ratio formulas of each row and of the total; returns the last data row."""
        row = 0
        for row, (name, *values) in enumerate(groups, start=1):
            sheet.write_string(row, 0, name)
            for col, value in enumerate(values, start=1):
                sheet.write_number(
                    row,
                    col,
                    value or 0.0,
                    formats["money"] if col in money_cols else None,
                )
            ratio_writer(sheet, row, False)
        total = row + 1
        sheet.write_string(total, 0, self.env._("Total"), formats["total"])
        for col in range(1, len(groups[0]) if groups else 2):
            sheet.write_formula(
                total, col, self._sum_formula(col, 1, max(row, 1)), formats["total"]
            )
        ratio_writer(sheet, total, True)
        return row

    def _ratio_formula(self, sheet, row, col, numerator, denominator, cell_format):
        """=IF(denominator=0,"",numerator/denominator) with cell names."""
        sheet.write_formula(
            row,
            col,
            f'=IF({denominator}=0,"",({numerator})/{denominator})',
            cell_format,
        )

    def _build_roi_sheet(self, workbook, formats):
        """Marketing ROI per campaign: measures, ratio formulas, cost vs paid chart."""
        sheet = workbook.add_worksheet(self.env._("ROI"))
        headers = [
            self.env._("Campaign"),
            self.env._("Cost"),
            self.env._("Leads"),
            self.env._("Opportunities"),
            self.env._("Won Deals"),
            self.env._("Won Revenue"),
            self.env._("Invoiced Revenue"),
            self.env._("Paid Revenue"),
            self.env._("CPL"),
            self.env._("CAC"),
            self.env._("ROI (%)"),
            self.env._("ROMI (%)"),
        ]
        self._write_header(sheet, formats, headers, [30] + [14] * 11)
        measures = [
            "cost",
            "leads",
            "opportunities",
            "won_deals",
            "won_revenue",
            "invoiced_revenue",
            "paid_revenue",
        ]
        groups = self.env["crm.roi.report"]._read_group(
            self._get_month_domain() + [("campaign_id", "!=", False)],
            ["campaign_id"],
            [f"{name}:sum" for name in measures],
        )
        groups = sorted(
            ((campaign.display_name, *values) for campaign, *values in groups),
            key=lambda group: group[0],
        )

        def ratios(sheet, row, total):
            def cell(col):
                return xl_rowcol_to_cell(row, col)

            money = formats["total" if total else "money"]
            percent = formats["percent_total" if total else "percent"]
            self._ratio_formula(sheet, row, 8, cell(1), cell(2), money)
            self._ratio_formula(sheet, row, 9, cell(1), cell(4), money)
            self._ratio_formula(
                sheet, row, 10, f"{cell(7)}-{cell(1)}", cell(1), percent
            )
            self._ratio_formula(
                sheet, row, 11, f"{cell(5)}-{cell(1)}", cell(1), percent
            )

        last = self._write_measure_rows(sheet, formats, groups, {1, 5, 6, 7}, ratios)
        chart = workbook.add_chart({"type": "column"})
        for col, name in ((1, self.env._("Cost")), (7, self.env._("Paid Revenue"))):
            chart.add_series(
                {
                    "name": name,
                    "categories": [sheet.name, 1, 0, max(last, 1), 0],
                    "values": [sheet.name, 1, col, max(last, 1), col],
                }
            )
        chart.set_title({"name": self.env._("Cost and paid revenue per campaign")})
        sheet.insert_chart(last + 3, 0, chart, {"x_scale": 1.6, "y_scale": 1.2})

    def _build_kpi_sheet(self, workbook, formats):
        """KPI board per salesperson over the period, ratios as formulas."""
        sheet = workbook.add_worksheet(self.env._("KPIs"))
        report = self.env["crm.kpi.report"]
        # the report's own additive measures, in its order: a module adding one to
        # the report (_measures) gets its column here too
        measures = report._measures()
        col = {name: index for index, name in enumerate(measures, start=1)}
        ratios_headers = [
            self.env._("Target Attainment (%)"),
            self.env._("Win Rate (%)"),
            self.env._("Average Cycle (days)"),
            self.env._("Average Response (hours)"),
            self.env._("NPS"),
            self.env._("CSAT"),
        ]
        headers = [self.env._("Salesperson")] + [
            report._fields[name].get_description(self.env)["string"]
            for name in measures
        ]
        widths = [25] + [12] * (len(headers) - 1 + len(ratios_headers))
        self._write_header(sheet, formats, headers + ratios_headers, widths)
        groups = report._read_group(
            self._get_month_domain(),
            ["user_id"],
            [f"{name}:sum" for name in measures],
        )
        groups = sorted(
            (
                (user.display_name or self.env._("No salesperson"), *values)
                for user, *values in groups
            ),
            key=lambda group: group[0],
        )
        first = len(measures) + 1

        def ratios(sheet, row, total):
            def cell(name):
                return xl_rowcol_to_cell(row, col[name])

            percent = formats["percent_total" if total else "percent"]
            days = formats["total" if total else "days"]
            formulas = [
                (cell("won_revenue"), cell("target_revenue"), percent),
                (
                    cell("won_count"),
                    f"({cell('won_count')}+{cell('lost_count')})",
                    percent,
                ),
                (cell("cycle_days"), cell("won_count"), days),
                (cell("response_hours"), cell("leads_responded"), days),
                (
                    f"100*({cell('nps_promoters')}-{cell('nps_detractors')})",
                    cell("nps_answers"),
                    days,
                ),
                (cell("csat_total"), cell("csat_answers"), days),
            ]
            for offset, (numerator, denominator, cell_format) in enumerate(formulas):
                self._ratio_formula(
                    sheet, row, first + offset, numerator, denominator, cell_format
                )

        self._write_measure_rows(
            sheet,
            formats,
            groups,
            {col["won_revenue"], col["target_revenue"]},
            ratios,
        )

    def _build_targets_sheet(self, workbook, formats):
        """Targets overlapping the period: target against actual, attainment as a
        formula."""
        sheet = workbook.add_worksheet(self.env._("Targets"))
        headers = [
            self.env._("Salesperson"),
            self.env._("Sales Team"),
            self.env._("From"),
            self.env._("To"),
            self.env._("Revenue Target"),
            self.env._("Won Revenue"),
            self.env._("Won Deals Target"),
            self.env._("Won Deals"),
            self.env._("Calls Target"),
            self.env._("Calls Made"),
            self.env._("Revenue Attainment"),
            self.env._("Deals Attainment"),
        ]
        self._write_header(sheet, formats, headers, [25, 20, 12, 12] + [14] * 8)
        domain = [
            ("date_from", "<=", self.date_to),
            ("date_to", ">=", self.date_from),
        ]
        if self.team_id:
            domain += [
                "|",
                ("team_id", "=", self.team_id.id),
                ("user_id.sale_team_id", "=", self.team_id.id),
            ]
        targets = self.env["crm.target"].search(domain, order="date_from, id")
        date_format = formats["date"]
        row = 0
        for row, target in enumerate(targets, start=1):
            sheet.write_string(row, 0, target.user_id.display_name or "")
            sheet.write_string(row, 1, target.team_id.display_name or "")
            sheet.write_datetime(row, 2, target.date_from, date_format)
            sheet.write_datetime(row, 3, target.date_to, date_format)
            values = [
                target.target_revenue,
                target.won_revenue,
                target.target_deals,
                target.won_deals,
                target.target_calls,
                target.calls_made,
            ]
            for col, value in enumerate(values, start=4):
                sheet.write_number(
                    row, col, value, formats["money"] if col in (4, 5) else None
                )
            self._write_target_attainment(sheet, row, formats["percent"])
        total = row + 1
        sheet.write_string(total, 0, self.env._("Total"), formats["total"])
        for col in range(4, 10):
            sheet.write_formula(
                total, col, self._sum_formula(col, 1, max(row, 1)), formats["total"]
            )
        self._write_target_attainment(sheet, total, formats["percent_total"])

    def _write_target_attainment(self, sheet, row, cell_format):
        def cell(col):
            return xl_rowcol_to_cell(row, col)

        self._ratio_formula(sheet, row, 10, cell(5), cell(4), cell_format)
        self._ratio_formula(sheet, row, 11, cell(7), cell(6), cell_format)

    def _get_stays_columns(self):
        """(report field, header) of the Stays sheet, in order: the columns of the
        Funnel Analysis list and the region and expected revenue; the company only
        when the stays may come from several (more than one company active)."""
        report = self.env["crm.funnel.report"]
        names = [
            "name",
            "funnel_step",
            "stage_id",
            "date_entered",
            "date_left",
            "duration_days",
            "exit_reason",
            "lost_reason_id",
            "salesperson_id",
            "team_id",
            "department_id",
            "medium_id",
            "source_id",
            "campaign_id",
            "partner_id",
            "rfm_segment",
            "abc_class",
            "product_categ_id",
            "country_id",
            "state_id",
            "company_id",
            "expected_revenue",
        ]
        if len(self.env.companies) == 1:
            names.remove("company_id")
        return [
            (name, report._fields[name].get_description(self.env)["string"])
            for name in names
        ]

    def _get_name_field(self, comodel):
        """The field naming a record of ``comodel`` in the Stays sheet: its stored
        ``complete_name`` (partners, departments, categories) or its ``_rec_name``."""
        complete = comodel._fields.get("complete_name")
        return "complete_name" if complete and complete.store else comodel._rec_name

    def _get_stays_query(self, fnames):
        """SELECT of the report's rows for the period and team, under the report's
        record rules, oldest first: the given fields, many2one fields as the related
        record's name (joined, in the user's language), datetimes (UTC, like the
        report) as Excel serial numbers. Like a many2one read, the names are read
        whatever the related model's record rules."""
        report = self.env["crm.funnel.report"]
        query = report._search(self._get_report_domain(), order="date_entered, id")
        columns = []
        for name in fnames:
            field = report._fields[name]
            if field.type == "many2one":
                comodel = self.env[field.comodel_name]
                alias = query.left_join(query.table, name, comodel._table, "id", name)
                value = comodel._field_to_sql(
                    alias, self._get_name_field(comodel), query
                )
            else:
                value = report._field_to_sql(query.table, name, query)
                if field.type == "datetime":
                    # Excel's serial number (days since 1899-12-30), computed here
                    # rather than per cell in Python
                    value = SQL("EXTRACT(EPOCH FROM %s) / 86400 + 25569", value)
                if field.type in ("datetime", "float", "monetary"):
                    value = SQL("%s::float8", value)
            columns.append(SQL("%s AS %s", value, SQL.identifier(name)))
        return query.select(*columns)

    def _iter_stays_batches(self, fnames):
        """Lists of value tuples of the report's rows (see ``_get_stays_query``),
        streamed through a server-side cursor, ``STAYS_BATCH_SIZE`` rows at a time:
        one query, and one batch at most read at once."""
        report = self.env["crm.funnel.report"]
        report.check_access("read")
        cursor = SQL.identifier("crm_analytics_xlsx_stays")
        # every row will be fetched: plan for the whole result, not the first rows
        # (a cursor's default), which here means hash joins instead of index loops
        self.env.cr.execute(SQL("SET LOCAL cursor_tuple_fraction = 1.0"))
        self.env.execute_query(
            SQL(
                "DECLARE %s NO SCROLL CURSOR FOR %s",
                cursor,
                self._get_stays_query(fnames),
            )
        )
        self.env.cr.execute(SQL("SET LOCAL cursor_tuple_fraction TO DEFAULT"))
        try:
            while rows := self.env.execute_query(
                SQL("FETCH FORWARD %s FROM %s", STAYS_BATCH_SIZE, cursor)
            ):
                yield rows
        except GeneratorExit:
            # the reader stopped early; after an SQL error, the transaction's end
            # closes the cursor (a CLOSE would fail and hide the error)
            self.env.cr.execute(SQL("CLOSE %s", cursor))
            raise
        self.env.cr.execute(SQL("CLOSE %s", cursor))

    def _get_stays_writers(self, sheet, formats, fnames):
        """One function(row, col, value) per column writing a non-empty value of
        that field (as ``_get_stays_query`` selects it) in its Excel type."""
        report_fields = self.env["crm.funnel.report"]._fields
        writers = []
        for name in fnames:
            field = report_fields[name]
            if field.type == "selection":
                labels = dict(field._description_selection(self.env))
                writers.append(
                    lambda row, col, value, labels=labels: sheet.write_string(
                        row, col, labels.get(value, value)
                    )
                )
            elif field.type == "datetime":
                writers.append(
                    partial(sheet.write_number, cell_format=formats["datetime"])
                )
            elif field.type in ("float", "monetary"):
                writers.append(
                    partial(sheet.write_number, cell_format=formats["money"])
                )
            elif field.type == "integer":
                writers.append(sheet.write_number)
            elif field.type in ("many2one", "char", "text"):
                writers.append(sheet.write_string)
            else:
                writers.append(sheet.write)
        return writers

    def _build_stays_sheet(self, workbook, formats):
        """One row per stay (the raw rows of the Funnel Analysis report)."""
        sheet = workbook.add_worksheet(self.env._("Stays"))
        columns = self._get_stays_columns()
        self._write_header(
            sheet, formats, [header for _name, header in columns], [12] * len(columns)
        )
        fnames = [name for name, _header in columns]
        writers = self._get_stays_writers(sheet, formats, fnames)
        rows = (
            values for batch in self._iter_stays_batches(fnames) for values in batch
        )
        for row, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                if value is not None:
                    writers[col](row, col, value)
