# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestCostImport(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fair = cls.env["utm.campaign"].create({"name": "Import fair"})
        cls.radio = cls.env["utm.campaign"].create({"name": "Import radio"})
        cls.env["ir.model.data"].create(
            {
                "module": "crm_analytics_test",
                "name": "radio_campaign",
                "model": "utm.campaign",
                "res_id": cls.radio.id,
            }
        )
        cls.medium = cls.env["utm.medium"].create({"name": "Import banner"})
        cls.source = cls.env["utm.source"].create({"name": "Import newspaper"})
        cls.manager = new_test_user(
            cls.env, login="import_manager", groups="sales_team.group_sale_manager"
        )
        cls.salesman = new_test_user(
            cls.env, login="import_salesman", groups="sales_team.group_sale_salesman"
        )

    def _import(self, content, filename="costs.csv", user=None):
        Wizard = self.env["utm.campaign.cost.import"].with_user(user or self.manager)
        wizard = Wizard.create(
            {"file": base64.b64encode(content), "filename": filename}
        )
        action = wizard.action_import()
        self.assertEqual(
            action["res_id"], wizard.id, "the wizard reopens on its result"
        )
        return wizard

    def _costs(self):
        return self.env["utm.campaign.cost"].search(
            [("campaign_id", "in", (self.fair | self.radio).ids)], order="id"
        )

    def test_csv_good_and_bad_rows(self):
        content = (
            b"Campaign;Date;Amount;Medium;Source;Note\n"
            b"Import fair;2026-03-01;1 234,50;Import banner;Import newspaper;Stand\n"
            b"crm_analytics_test.radio_campaign;15.03.2026;99.90;;;\n"
            b"Unknown campaign;2026-03-01;10;;;\n"
            b"Import fair;31.02.2026;10;;;\n"
            b";;;;;\n"
            b"Import fair;2026-03-02;-5;;;\n"
            b"Import fair;2026-03-02;abc;;;\n"
            b"Import fair;2026-03-02;1.234,5;Nowhere;;\n"
            b"Import radio;2026-04-01;1,234.75;;;\n"
        )
        wizard = self._import(content)
        costs = self._costs()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.imported_count, 3)
        self.assertEqual(wizard.cost_ids, costs)
        self.assertEqual(
            [(c.campaign_id, str(c.date), c.amount) for c in costs],
            [
                (self.fair, "2026-03-01", 1234.5),
                (self.radio, "2026-03-15", 99.9),
                (self.radio, "2026-04-01", 1234.75),
            ],
        )
        self.assertEqual(costs[0].medium_id, self.medium)
        self.assertEqual(costs[0].source_id, self.source)
        self.assertEqual(costs[0].note, "Stand")
        self.assertEqual(wizard.error_count, 5)
        lines = wizard.error_report.splitlines()
        self.assertEqual(len(lines), 5)
        self.assertTrue(lines[0].startswith("Line 4: Unknown campaign"), lines[0])
        self.assertTrue(lines[1].startswith("Line 5: Invalid date"), lines[1])
        self.assertTrue(lines[2].startswith("Line 7: The amount cannot be negative"))
        self.assertTrue(lines[3].startswith("Line 8: Invalid amount"), lines[3])
        self.assertTrue(lines[4].startswith("Line 9: Unknown medium"), lines[4])

    def test_xlsx_with_native_values_and_text(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["campaign", "date", "amount", "note"])
        sheet.append(["Import fair", datetime.date(2026, 5, 4), 250, "Native"])
        sheet.append(["Import radio", "05.05.2026", "12,5", None])
        sheet.append(["Import radio", "yesterday", 3, None])
        buffer = io.BytesIO()
        workbook.save(buffer)
        wizard = self._import(buffer.getvalue(), filename="costs.xlsx")
        costs = self._costs()
        self.assertEqual(
            [(c.campaign_id, str(c.date), c.amount, c.note) for c in costs],
            [
                (self.fair, "2026-05-04", 250.0, "Native"),
                (self.radio, "2026-05-05", 12.5, False),
            ],
        )
        self.assertEqual(wizard.error_report.splitlines()[0][:15], "Line 4: Invalid")

    def test_missing_columns_stop_the_whole_file(self):
        with self.assertRaisesRegex(UserError, "Missing columns.*amount"):
            self._import(b"campaign,date\nImport fair,2026-01-01\n")
        self.assertFalse(self._costs())

    def test_unreadable_files(self):
        with self.assertRaisesRegex(UserError, "XLSX"):
            self._import(b"PK\x03\x04 not a zip", filename="costs.xlsx")
        with self.assertRaisesRegex(UserError, "UTF-8"):
            self._import("campaign;date;amount\n".encode("utf-16"))
        self.assertFalse(self._costs())

    def test_form_and_open_imported_costs(self):
        with Form(self.env["utm.campaign.cost.import"].with_user(self.manager)) as form:
            form.file = base64.b64encode(
                b"campaign,date,amount\nImport fair,2026-01-31,7\n"
            )
        wizard = form.record
        wizard.action_import()
        action = wizard.action_open_costs()
        self.assertEqual(
            self.env["utm.campaign.cost"].search(action["domain"]).amount, 7.0
        )

    def test_salesman_cannot_import(self):
        with self.assertRaises(AccessError):
            self._import(
                b"campaign,date,amount\nImport fair,2026-01-31,7\n", user=self.salesman
            )
        self.assertFalse(self._costs())
