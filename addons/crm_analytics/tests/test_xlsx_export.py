# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta
from io import BytesIO
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_analytics.wizard import crm_analytics_xlsx_export

from .common import FunnelCommon


@tagged("post_install", "-at_install")
class TestXlsxExport(FunnelCommon):
    """Team A: 2 won leads, 2 lost at the offer, 1 lead still qualified (5 leads,
    24 stays); team B: 1 lead still new."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        a = {"user": cls.salesman_a, "team": cls.team_a}
        for index in range(2):
            cls._run(f"Won {index}", cls.path_won, **a)
            cls._run(f"Lost {index}", cls._path("offer"), lost=cls.reason_offer, **a)
        cls._run("Open", cls._path("qualified"), **a)
        cls._run("B", cls._path("new"), user=cls.salesman_b, team=cls.team_b)
        cls.Export = cls.env["crm.analytics.xlsx.export"].with_user(cls.manager)

    def _export(self, **values):
        export = self.Export.create(
            dict(
                {
                    "date_from": self.today - timedelta(days=10),
                    "date_to": self.today,
                    "team_id": self.team_a.id,
                },
                **values,
            )
        )
        with patch.object(crm_analytics_xlsx_export, "STAYS_BATCH_SIZE", 7):
            action = export.action_export()
        attachment = export.attachment_id
        self.assertEqual(action["url"], f"/web/content/{attachment.id}?download=true")
        return attachment, openpyxl.load_workbook(
            BytesIO(base64.b64decode(attachment.datas))
        )

    def test_workbook(self):
        attachment, workbook = self._export()
        self.assertEqual(
            attachment.name,
            f"crm_analytics_{self.today - timedelta(days=10)}_{self.today}.xlsx",
        )
        self.assertEqual(
            workbook.sheetnames,
            ["Funnel", "Diagnostics", "Salespeople", "ROI", "KPIs", "Targets", "Stays"],
        )
        funnel = workbook["Funnel"]
        self.assertEqual(
            [cell.value for cell in funnel[1]][:4],
            ["Step", "Entered", "Moved On", "Lost"],
        )
        self.assertEqual(
            [funnel.cell(row, 1).value for row in range(2, 9)],
            [
                "New",
                "Qualified",
                "Offer sent",
                "Price discussion",
                "Contract & payment",
                "Won",
                "Total",
            ],
        )
        self.assertEqual(funnel["B2"].value, 5)  # 5 leads entered New
        self.assertEqual(funnel["B4"].value, 4)  # 4 reached the offer
        self.assertEqual(funnel["B8"].value, "=SUM(B2:B7)")
        self.assertEqual(funnel["H4"].value, '=IF(B4-E4=0,"",F4/(B4-E4))')
        self.assertEqual(len(funnel._charts), 1)
        diagnostics = workbook["Diagnostics"]
        self.assertEqual(diagnostics.max_row, 6)
        self.assertEqual(diagnostics["A1"].value, "Question")
        salespeople = workbook["Salespeople"]
        self.assertEqual(salespeople["A2"].value, self.salesman_a.name)
        self.assertEqual(salespeople.max_row, 8)  # header, 6 steps, total
        self.assertEqual(salespeople["B7"].value, "Won")
        self.assertEqual(salespeople["C8"].value, "=SUM(C2:C7)")
        self.assertEqual(salespeople["I2"].value, '=IF(C2-F2=0,"",G2/(C2-F2))')
        self.assertEqual(salespeople["J8"].value, '=IF(C8=0,"",H8/C8)')
        stays = workbook["Stays"]
        headers = [cell.value for cell in stays[1]]
        self.assertEqual(
            headers[:10],
            [
                "Lead/Opportunity Name",
                "Funnel Step",
                "Stage",
                "Entered on",
                "Left on",
                "Days in Step",
                "Exit Reason",
                "Lost Reason",
                "Salesperson",
                "Sales Team",
            ],
        )
        # one company active: no company column, as in the Funnel Analysis list
        self.assertNotIn("Company", headers)
        # 2 x 6 won stays + 2 x 3 lost + 2 open: 20 stays of team A, oldest first
        self.assertEqual(stays.max_row, 1 + 20)
        rows = [[cell.value for cell in row] for row in stays.iter_rows(min_row=2)]
        report = self.env["crm.funnel.report"].search(
            [("team_id", "=", self.team_a.id)], order="date_entered, id"
        )
        self.assertEqual(
            [row[0] for row in rows], [stay.lead_id.name for stay in report]
        )
        self.assertEqual(rows[0][1], "New")
        self.assertEqual(rows[0][8], self.salesman_a.name)
        self.assertEqual(rows[0][9], "Team A")
        # datetimes are Excel datetimes, to the second
        for row, stay in zip(rows, report, strict=True):
            self.assertAlmostEqual(
                row[3], stay.date_entered, delta=timedelta(seconds=1)
            )
            if stay.date_left:
                self.assertAlmostEqual(
                    row[4], stay.date_left, delta=timedelta(seconds=1)
                )
                self.assertAlmostEqual(row[5], stay.duration_days, places=3)
            else:
                self.assertIsNone(row[4])
        lost = [row for row in rows if row[6] == "Lost"]
        self.assertEqual(len(lost), 2)
        self.assertEqual({row[7] for row in lost}, {"Bad offer"})

    def test_stays_company_column(self):
        """With several companies active, each stay says its company; a second
        export in the same transaction works (the stays' cursor was closed)."""
        other = self.env["res.company"].create({"name": "Other Company"})
        self.manager.company_ids |= other
        export = self.Export.with_context(
            allowed_company_ids=[self.env.company.id, other.id]
        ).create(
            {
                "date_from": self.today - timedelta(days=10),
                "date_to": self.today,
                "team_id": self.team_a.id,
            }
        )
        for _attempt in range(2):
            export.action_export()
            stays = openpyxl.load_workbook(BytesIO(export.attachment_id.raw))["Stays"]
            headers = [cell.value for cell in stays[1]]
            column = headers.index("Company")
            self.assertEqual(stays.max_row, 1 + 20)
            self.assertEqual(
                {row[column].value for row in stays.iter_rows(min_row=2)},
                {self.env.company.name},
            )

    def test_stays_cursor_closed_when_reading_stops(self):
        """A reader that stops after the first batch closes the stays' cursor: the
        next export in the same transaction declares it again."""
        export = self.Export.create(
            {
                "date_from": self.today - timedelta(days=10),
                "date_to": self.today,
                "team_id": self.team_a.id,
            }
        )
        with patch.object(crm_analytics_xlsx_export, "STAYS_BATCH_SIZE", 7):
            batches = export._iter_stays_batches(["name", "funnel_step"])
            first = next(batches)
            batches.close()
        self.assertEqual(len(first), 7)
        self.assertEqual(len(first[0]), 2)
        export.action_export()
        stays = openpyxl.load_workbook(BytesIO(export.attachment_id.raw))["Stays"]
        self.assertEqual(stays.max_row, 1 + 20)

    def test_hook_adds_sheet(self):
        """A module adds a sheet by extending `_get_sheet_builders`."""

        def build_extra(workbook, formats):
            workbook.add_worksheet("Extra").write(0, 0, "Hello", formats["header"])

        original = crm_analytics_xlsx_export.CrmAnalyticsXlsxExport._get_sheet_builders

        def builders(self):
            return original(self) + [build_extra]

        with patch.object(
            crm_analytics_xlsx_export.CrmAnalyticsXlsxExport,
            "_get_sheet_builders",
            builders,
        ):
            _attachment, workbook = self._export()
        self.assertEqual(workbook.sheetnames[-1], "Extra")
        self.assertEqual(workbook["Extra"]["A1"].value, "Hello")

    def test_salesperson_exports_own_rows(self):
        export = (
            self.env["crm.analytics.xlsx.export"]
            .with_user(self.salesman_b)
            .create({"date_from": self.today, "date_to": self.today})
        )
        export.action_export()
        workbook = openpyxl.load_workbook(BytesIO(export.attachment_id.raw))
        self.assertEqual(workbook["Stays"].max_row, 2)
        self.assertEqual(workbook["Funnel"]["B2"].value, 1)
        with self.assertRaises(AccessError):
            export.attachment_id.with_user(self.salesman_a).read(["raw"])

    def test_form(self):
        with Form(
            self.env["crm.analytics.xlsx.export"].with_user(self.manager)
        ) as form:
            self.assertEqual(form.date_to, self.today)
            form.team_id = self.team_b
        action = form.record.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(form.record.attachment_id.raw.startswith(b"PK"))

    def test_bad_period(self):
        with self.assertRaises(ValidationError):
            self.Export.create(
                {"date_from": self.today, "date_to": self.today - timedelta(days=1)}
            )

    def test_portal_denied(self):
        with self.assertRaises(AccessError):
            self.env["crm.analytics.xlsx.export"].with_user(self.portal_user).create({})
