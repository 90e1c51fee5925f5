# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common_roi import AnalyticsCommon


@tagged("post_install", "-at_install")
class TestKpiReport(AnalyticsCommon):
    """KPI board figures of the two salespeople of tests/common.py, by hand:

    sales_1: won 1000 of a 2000 target (50 %), 1 won + 1 lost (win rate 50 %),
             cycle 10 days, 2 leads answered after 2 h and 4 h (avg 3 h),
             2 calls (interested, no answer), 1 activity done, 1 overdue,
             1 ticket solved, 1 SLA breach
    sales_2: won 500, no target, win rate 100 %, cycle 20 days, 3 leads of which
             1 answered after 1 h, 1 call (call back)
    """

    MEASURES = [
        "won_revenue:sum",
        "target_revenue:sum",
        "attainment:sum",
        "won_count:sum",
        "lost_count:sum",
        "win_rate:sum",
        "avg_cycle_days:sum",
        "leads_received:sum",
        "leads_responded:sum",
        "avg_response_hours:sum",
        "activities_done:sum",
        "activities_overdue:sum",
        "calls:sum",
        "calls_interested:sum",
        "calls_no_answer:sum",
        "calls_callback:sum",
        "tickets_solved:sum",
        "sla_breaches:sum",
    ]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Activity = cls.env["mail.activity"]
        todo = cls.env.ref("mail.mail_activity_data_todo")
        partner_model = cls.env["ir.model"]._get_id("res.partner")
        done, _overdue = (
            Activity.create(
                {
                    "res_model_id": partner_model,
                    "res_id": cls.customer.id,
                    "activity_type_id": todo.id,
                    "user_id": cls.sales_1.id,
                    "date_deadline": fields.Date.today() - timedelta(days=days),
                }
            )
            for days in (0, 2)
        )
        done.with_user(cls.sales_1).action_done()
        Ticket = cls.env["helpdesk.ticket"]
        solved, late = Ticket.create(
            [
                {
                    "name": "Solved",
                    "description": "<p>x</p>",
                    "user_id": cls.sales_1.id,
                },
                {"name": "Late", "description": "<p>y</p>", "user_id": cls.sales_1.id},
            ]
        )
        solved.stage_id = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.env.flush_all()  # the SLA deadline is computed at flush; then overdue it
        late.sla_deadline = fields.Datetime.now() - timedelta(hours=1)

    def _by_user(self, user=None):
        Report = self.env["crm.kpi.report"]
        if user:
            Report = Report.with_user(user)
        groups = Report.read_group(
            [("user_id", "in", (self.sales_1 | self.sales_2).ids)],
            self.MEASURES,
            ["user_id"],
        )
        return {group["user_id"][0]: group for group in groups}

    def assertFigures(self, group, expected):
        for name, value in expected.items():
            self.assertAlmostEqual(group[name], value, places=2, msg=name)

    def test_figures_of_two_salespeople(self):
        groups = self._by_user()
        self.assertFigures(
            groups[self.sales_1.id],
            {
                "won_revenue": 1000,
                "target_revenue": 2000,
                "attainment": 50,
                "won_count": 1,
                "lost_count": 1,
                "win_rate": 50,
                "avg_cycle_days": 10,
                "leads_received": 2,
                "leads_responded": 2,
                "avg_response_hours": 3,
                "activities_done": 1,
                "activities_overdue": 1,
                "calls": 2,
                "calls_interested": 1,
                "calls_no_answer": 1,
                "tickets_solved": 1,
                "sla_breaches": 1,
            },
        )
        self.assertFigures(
            groups[self.sales_2.id],
            {
                "won_revenue": 500,
                "target_revenue": 0,
                "attainment": 0,
                "won_count": 1,
                "lost_count": 0,
                "win_rate": 100,
                "avg_cycle_days": 20,
                "leads_received": 3,
                "leads_responded": 1,
                "avg_response_hours": 1,
                "calls": 1,
                "calls_callback": 1,
                "tickets_solved": 0,
            },
        )

    def test_rows_have_unique_ids_and_read_back(self):
        """Row ids (the smallest event key of each row) are unique, a row reads back
        by id with its own figures, and a month filter, which PostgreSQL applies
        inside each event query, keeps the same rows."""
        Report = self.env["crm.kpi.report"]
        rows = Report.search_read([], ["date", "user_id", "won_revenue", "calls"])
        self.assertEqual(len({row["id"] for row in rows}), len(rows))
        for row in rows:
            again = Report.browse(row["id"])
            self.assertEqual(again.won_revenue, row["won_revenue"])
            self.assertEqual(again.calls, row["calls"])
        month = fields.Date.today().replace(day=1)
        this_month = Report.search_read([("date", "=", month)], ["calls"])
        self.assertEqual(
            {(row["id"], row["calls"]) for row in this_month},
            {(row["id"], row["calls"]) for row in rows if row["date"] == month},
        )

    def test_team_and_department(self):
        department = self.env["hr.department"].create({"name": "Field Sales"})
        self.env["hr.employee"].create(
            {
                "name": "Sales One",
                "user_id": self.sales_1.id,
                "department_id": department.id,
            }
        )
        rows = self.env["crm.kpi.report"].search([("user_id", "=", self.sales_1.id)])
        self.assertEqual(rows.team_id, self.team_a)
        self.assertEqual(rows.department_id, department)
        [team_total] = self.env["crm.kpi.report"].read_group(
            [("team_id", "=", self.team_a.id)], ["won_revenue:sum", "win_rate:sum"], []
        )
        self.assertEqual(team_total["won_revenue"], 1000)
        self.assertEqual(team_total["win_rate"], 50)

    def test_quarter_target_counts_a_third_per_month(self):
        start = fields.Date.today().replace(month=1, day=1, year=2031)
        self.env["crm.target"].create(
            {
                "user_id": self.sales_2.id,
                "period": "quarter",
                "date_from": start,
                "target_revenue": 900.0,
            }
        )
        groups = self.env["crm.kpi.report"].read_group(
            [("user_id", "=", self.sales_2.id), ("date", ">=", start)],
            ["target_revenue:sum"],
            ["date:month"],
        )
        self.assertEqual([group["target_revenue"] for group in groups], [300.0] * 3)

    def test_salesperson_sees_own_numbers(self):
        groups = self._by_user(self.sales_1)
        self.assertEqual(list(groups), [self.sales_1.id])
        self.assertEqual(groups[self.sales_1.id]["won_revenue"], 1000)

    def test_team_leader_sees_the_team(self):
        groups = self._by_user(self.team_leader)
        self.assertEqual(list(groups), [self.sales_1.id], "sales_2 is in team B")

    def test_manager_sees_everyone(self):
        self.assertEqual(
            set(self._by_user(self.manager)), {self.sales_1.id, self.sales_2.id}
        )

    def test_multi_company(self):
        self.sales_2.company_ids |= self.company_b
        self.env["crm.lead"].create(
            {
                "name": "Company B deal",
                "user_id": self.sales_2.id,
                "company_id": self.company_b.id,
                "team_id": False,
            }
        )
        groups = self._by_user(self.manager)
        self.assertEqual(groups[self.sales_2.id]["leads_received"], 3)
        self.manager.company_ids |= self.company_b
        both = (
            self.env["crm.kpi.report"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id, self.company_b.id])
        )
        [group] = both.read_group(
            [("user_id", "=", self.sales_2.id)], ["leads_received:sum"], []
        )
        self.assertEqual(group["leads_received"], 4)

    def test_kanban_board_renders(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_analytics.crm_kpi_report_action"
        )
        self.assertTrue(action["view_mode"].startswith("kanban"))
        Report = self.env["crm.kpi.report"].with_user(self.manager)
        views = Report.get_views([(False, "kanban"), (False, "search")])
        self.assertIn("attainment", views["views"]["kanban"]["arch"])
        cards = Report.web_search_read(
            [
                ("user_id", "=", self.sales_1.id),
                ("date", "=", fields.Date.today().replace(day=1)),
            ],
            {
                "user_id": {"fields": {"display_name": {}}},
                "attainment": {},
                "win_rate": {},
            },
        )
        self.assertEqual(cards["length"], 1)
        self.assertAlmostEqual(cards["records"][0]["attainment"], 50.0)
        # leads nobody is assigned to get their own card, labelled as such
        self.env["crm.lead"].create({"name": "Nobody's lead", "user_id": False})
        self.assertIn("Unassigned", views["views"]["kanban"]["arch"])
        unassigned = Report.web_search_read(
            [
                ("user_id", "=", False),
                ("date", "=", fields.Date.today().replace(day=1)),
            ],
            {"user_id": {"fields": {"display_name": {}}}, "leads_received": {}},
        )
        self.assertEqual(unassigned["records"][0]["user_id"], False)
        self.assertGreaterEqual(unassigned["records"][0]["leads_received"], 1)

    def test_query_count_constant_in_rows(self):
        Report = self.env["crm.kpi.report"].with_user(self.manager)
        groupby = ["user_id", "date:month"]
        Report.read_group([], self.MEASURES, groupby, lazy=False)
        # the report's query, between turning JIT off and back to default
        with self.assertQueryCount(3):
            Report.read_group([], self.MEASURES, groupby, lazy=False)
        self.env["crm.call"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "outcome": "no_answer",
                }
                for user in (self.sales_1, self.sales_2, self.manager) * 4
            ]
        )
        Report.read_group([], self.MEASURES, groupby, lazy=False)
        # the report's query, between turning JIT off and back to default
        with self.assertQueryCount(3):
            Report.read_group([], self.MEASURES, groupby, lazy=False)
