# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from io import BytesIO

import openpyxl

from odoo import fields
from odoo.tests import tagged

from .common_roi import AnalyticsCommon


@tagged("post_install", "-at_install")
class TestAnalyticsRussian(AnalyticsCommon):
    """Managers who work in Russian get the reports and the workbook in Russian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["crm_extended", "crm_analytics"], ["ru_RU"], overwrite=True
        )

    def test_report_labels(self):
        env_ru = self.env(context=dict(self.env.context, lang="ru_RU"))
        report = env_ru["crm.funnel.report"]
        self.assertEqual(
            report._fields["funnel_step"].get_description(env_ru)["string"],
            "Этап воронки",
        )
        steps = dict(report._fields["funnel_step"]._description_selection(env_ru))
        self.assertEqual(steps["offer"], "Предложение отправлено")
        kpi = env_ru["crm.kpi.report"]
        self.assertEqual(
            kpi._fields["attainment"].get_description(env_ru)["string"],
            "Выполнение плана (%)",
        )

    def test_workbook_in_russian(self):
        today = fields.Date.context_today(self.env.user)
        export = (
            self.env["crm.analytics.xlsx.export"]
            .with_user(self.manager)
            .with_context(lang="ru_RU")
            .create({"date_from": today - timedelta(days=40), "date_to": today})
        )
        export.action_export()
        workbook = openpyxl.load_workbook(BytesIO(export.attachment_id.raw))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Воронка",
                "Диагностика",
                "Менеджеры",
                "ROI",
                "Показатели KPI",
                "Планы",
                "Пребывания",
            ],
        )
        self.assertEqual(workbook["ROI"]["A1"].value, "Кампания")
        self.assertEqual(workbook["Воронка"]["B1"].value, "Вошло")
        stays = workbook["Пребывания"]
        self.assertEqual(stays["A1"].value, "Название лида/сделки")
        # selection labels and translated names in Russian
        self.assertIn("Новый", {row[1].value for row in stays.iter_rows(min_row=2)})
