# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import datetime
import io
import math
import re
import zipfile

from odoo import api, fields, models
from odoo.exceptions import UserError

try:
    import openpyxl
except ImportError:  # pragma: no cover - declared in external_dependencies
    openpyxl = None

COLUMNS = ("campaign", "date", "amount", "medium", "source", "note")
REQUIRED_COLUMNS = ("campaign", "date", "amount")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class RowError(Exception):
    """A row that cannot be imported; its message is already translated."""


class UtmCampaignCostImport(models.TransientModel):
    """Import campaign costs from a CSV or XLSX file with a header row.

    Columns: campaign (name or external id), date (ISO or dd.mm.yyyy), amount
    (decimal comma or dot), medium and source (names, optional), note (optional).
    Every row is checked first; the good rows are created together, the bad ones
    are listed with their line number and reason and nothing is created for them.
    """

    _name = "utm.campaign.cost.import"
    _description = "Import Campaign Costs"

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection(
        [("upload", "Upload"), ("done", "Done")], default="upload", required=True
    )
    cost_ids = fields.Many2many("utm.campaign.cost", string="Imported Costs")
    imported_count = fields.Integer(compute="_compute_imported_count")
    error_count = fields.Integer(readonly=True)
    error_report = fields.Text(readonly=True)

    @api.depends("cost_ids")
    def _compute_imported_count(self):
        for wizard in self:
            wizard.imported_count = len(wizard.cost_ids)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_import(self):
        self.ensure_one()
        self.env["utm.campaign.cost"].check_access("create")
        rows = self._read_rows()
        lookups = self._prepare_lookups([values for _line, values in rows])
        vals_list, errors = [], []
        for line, values in rows:
            try:
                vals_list.append(self._prepare_cost_vals(values, lookups))
            except RowError as error:
                errors.append((line, str(error)))
        costs = self.env["utm.campaign.cost"].create(vals_list)
        self.write(
            {
                "state": "done",
                "cost_ids": [(6, 0, costs.ids)],
                "error_count": len(errors),
                "error_report": "\n".join(
                    self.env._("Line %(line)s: %(reason)s", line=line, reason=reason)
                    for line, reason in errors
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Campaign Costs"),
        }

    def action_open_costs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "utm.campaign.cost",
            "name": self.env._("Imported Costs"),
            "view_mode": "list,form",
            "domain": [("id", "in", self.cost_ids.ids)],
        }

    # ------------------------------------------------------------------
    # READING
    # ------------------------------------------------------------------

    def _read_rows(self):
        """[(line number, {column: raw value})] of the non-empty data rows."""
        content = base64.b64decode(self.file or b"")
        if not content:
            raise UserError(self.env._("The file is empty."))
        if self._is_xlsx(content):
            table = self._read_xlsx(content)
        else:
            table = self._read_csv(content)
        if not table:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise UserError(
                self.env._(
                    "Missing columns in the header row: %(columns)s. Expected "
                    "columns: %(expected)s.",
                    columns=", ".join(missing),
                    expected=", ".join(COLUMNS),
                )
            )
        index = {column: header.index(column) for column in COLUMNS if column in header}
        rows = []
        for line, cells in enumerate(table[1:], start=2):
            values = {
                column: cells[position] if position < len(cells) else None
                for column, position in index.items()
            }
            if all(value in (None, "") for value in values.values()):
                continue
            rows.append((line, values))
        return rows

    def _is_xlsx(self, content):
        return content[:2] == b"PK" or (self.filename or "").lower().endswith(".xlsx")

    def _read_xlsx(self, content):
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise UserError(
                self.env._("The file could not be read as an XLSX workbook.")
            ) from error
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                self.env._("The file is neither an XLSX workbook nor a UTF-8 CSV file.")
            ) from error
        first_line = text.split("\n", 1)[0]
        delimiter = max((";", ",", "\t"), key=first_line.count)
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))

    # ------------------------------------------------------------------
    # PARSING
    # ------------------------------------------------------------------

    def _prepare_lookups(self, rows):
        """Campaigns, mediums and sources named in the file, with one query each."""

        def names(column):
            return {
                str(v[column]).strip() for v in rows if v.get(column) not in (None, "")
            }

        def by_name(model, values):
            mapping = {}
            for record in self.env[model].search([("name", "in", list(values))]):
                mapping.setdefault(record.name, self.env[model])
                mapping[record.name] |= record
            return mapping

        return {
            "campaign": by_name("utm.campaign", names("campaign")),
            "medium": by_name("utm.medium", names("medium")),
            "source": by_name("utm.source", names("source")),
        }

    def _find_record(self, column, value, lookups, model):
        matches = lookups[column].get(value)
        if matches and len(matches) > 1:
            raise RowError(
                self.env._("%(value)s matches several records.", value=value)
            )
        if matches:
            return matches
        if column == "campaign" and "." in value:
            record = self.env.ref(value, raise_if_not_found=False)
            if record and record._name == model:
                return record
        labels = {
            "campaign": self.env._("Unknown campaign: %(value)s", value=value),
            "medium": self.env._("Unknown medium: %(value)s", value=value),
            "source": self.env._("Unknown source: %(value)s", value=value),
        }
        raise RowError(labels[column])

    def _prepare_cost_vals(self, values, lookups):
        """Values to create one cost from a row, or RowError."""
        campaign_name = str(values.get("campaign") or "").strip()
        if not campaign_name:
            raise RowError(self.env._("The campaign is missing."))
        vals = {
            "campaign_id": self._find_record(
                "campaign", campaign_name, lookups, "utm.campaign"
            ).id,
            "date": self._parse_date(values.get("date")),
            "amount": self._parse_amount(values.get("amount")),
            "company_id": self.env.company.id,
        }
        for column, model in (("medium", "utm.medium"), ("source", "utm.source")):
            name = str(values.get(column) or "").strip()
            if name:
                vals[f"{column}_id"] = self._find_record(
                    column, name, lookups, model
                ).id
        note = str(values.get("note") or "").strip()
        if note:
            vals["note"] = note
        return vals

    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()
        if not text:
            raise RowError(self.env._("The date is missing."))
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise RowError(
            self.env._(
                "Invalid date %(value)s: use YYYY-MM-DD or DD.MM.YYYY.", value=text
            )
        )

    def _parse_amount(self, value):
        """A float from a number or a text with a decimal comma or dot; the last
        separator of a text holding both is the decimal one ("1.234,50")."""
        if isinstance(value, bool):
            raise RowError(self.env._("Invalid amount: %(value)s", value=value))
        if isinstance(value, int | float):
            amount = float(value)
        else:
            text = re.sub(r"[\s\u00a0']", "", str(value or ""))
            if not text:
                raise RowError(self.env._("The amount is missing."))
            if "," in text and "." in text:
                thousands = "." if text.rfind(",") > text.rfind(".") else ","
                text = text.replace(thousands, "").replace(",", ".")
            elif text.count(",") == 1:
                text = text.replace(",", ".")
            elif text.count(".") > 1 or text.count(",") > 1:
                text = text.replace(".", "").replace(",", "")
            try:
                amount = float(text)
            except ValueError as error:
                raise RowError(
                    self.env._("Invalid amount: %(value)s", value=value)
                ) from error
        if not math.isfinite(amount):
            raise RowError(self.env._("Invalid amount: %(value)s", value=value))
        if amount < 0:
            raise RowError(
                self.env._("The amount cannot be negative: %(value)s", value=value)
            )
        return amount
