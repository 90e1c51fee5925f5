# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from io import BytesIO

import openpyxl

from odoo import fields
from odoo.tests import tagged

from .common_roi import AnalyticsCommon


@tagged("post_install", "-at_install")
class TestXlsxRoiKpi(AnalyticsCommon):
    """The ROI, KPIs and Targets sheets of the Excel export carry the report figures
    of the hand-computed fixture (tests/common_roi.py), ratios as formulas."""

    def _workbook(self, user):
        today = fields.Date.context_today(self.env.user)
        export = (
            self.env["crm.analytics.xlsx.export"]
            .with_user(user)
            .create({"date_from": today - timedelta(days=40), "date_to": today})
        )
        export.action_export()
        return openpyxl.load_workbook(BytesIO(export.attachment_id.raw))

    def _rows(self, sheet):
        return {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}

    def test_sheets_in_order(self):
        workbook = self._workbook(self.manager)
        self.assertEqual(
            workbook.sheetnames,
            [
                "Funnel",
                "Diagnostics",
                "Salespeople",
                "ROI",
                "KPIs",
                "Targets",
                "Stays",
            ],
        )

    def test_roi_sheet(self):
        sheet = self._workbook(self.manager)["ROI"]
        self.assertEqual(sheet["A1"].value, "Campaign")
        self.assertEqual(sheet.freeze_panes, "A2")
        rows = self._rows(sheet)
        fair = [cell.value for cell in rows["ROI Spring fair"]]
        # cost, leads, opportunities, won deals, won, invoiced, paid revenue
        self.assertEqual(fair[1:8], [300, 4, 3, 1, 1000, 1000, 800])
        row = rows["ROI Spring fair"][0].row
        self.assertEqual(fair[8], f'=IF(C{row}=0,"",(B{row})/C{row})')  # CPL 75
        self.assertEqual(fair[9], f'=IF(E{row}=0,"",(B{row})/E{row})')  # CAC 300
        self.assertEqual(fair[10], f'=IF(B{row}=0,"",(H{row}-B{row})/B{row})')
        self.assertEqual(fair[11], f'=IF(B{row}=0,"",(F{row}-B{row})/B{row})')
        radio = [cell.value for cell in rows["ROI Radio spot"]]
        self.assertEqual(radio[1:8], [100, 1, 1, 1, 500, 300, 0])
        total = [cell.value for cell in rows["Total"]]
        last = rows["Total"][0].row - 1
        self.assertEqual(total[1], f"=SUM(B2:B{last})")
        self.assertEqual(len(sheet._charts), 1, "cost vs paid revenue chart")

    def test_kpi_sheet(self):
        sheet = self._workbook(self.manager)["KPIs"]
        headers = [cell.value for cell in sheet[1]]
        self.assertEqual(headers[:3], ["Salesperson", "Won Revenue", "Revenue Target"])
        self.assertIn("NPS", headers)
        rows = self._rows(sheet)
        sales_1 = rows[self.sales_1.name]
        self.assertEqual(sales_1[1].value, 1000)
        self.assertEqual(sales_1[2].value, 2000)
        self.assertEqual(sales_1[3].value, 1)  # won
        self.assertEqual(sales_1[4].value, 1)  # lost
        row = sales_1[0].row
        attainment = headers.index("Target Attainment (%)")
        self.assertEqual(sales_1[attainment].value, f'=IF(C{row}=0,"",(B{row})/C{row})')
        win_rate = headers.index("Win Rate (%)")
        self.assertEqual(
            sales_1[win_rate].value,
            f'=IF((D{row}+E{row})=0,"",(D{row})/(D{row}+E{row}))',
        )

    def test_targets_sheet(self):
        rows = self._rows(self._workbook(self.manager)["Targets"])
        target = rows[self.sales_1.name]
        self.assertEqual(target[4].value, 2000)  # revenue target
        self.assertEqual(target[5].value, 1000)  # won revenue
        row = target[0].row
        self.assertEqual(target[10].value, f'=IF(E{row}=0,"",(F{row})/E{row})')

    def test_salesperson_exports_own_numbers(self):
        workbook = self._workbook(self.sales_1)
        kpi_names = set(self._rows(workbook["KPIs"])) - {"Total"}
        self.assertEqual(kpi_names, {self.sales_1.name})
        target_names = set(self._rows(workbook["Targets"])) - {"Total"}
        self.assertNotIn(self.sales_2.name, target_names)
