# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestTargets(CrmExtendedCommon):
    """Targets for March 2026 (month) and Q1 2026 (quarter)::

    won in March:    salesman_a 1000 + 500 (team A), salesman_b 700 (team B)
    won in February: salesman_a 300 (team A)      won in April: salesman_a 9999
    calls in March:  salesman_a 2
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env, login="crm_target_admin", groups="crm_extended.group_crm_admin"
        )
        won = [
            (cls.salesman_a, cls.team_a, 1000, datetime(2026, 3, 5)),
            (cls.salesman_a, cls.team_a, 500, datetime(2026, 3, 31, 23)),
            (cls.salesman_b, cls.team_b, 700, datetime(2026, 3, 10)),
            (cls.salesman_a, cls.team_a, 300, datetime(2026, 2, 10)),
            (cls.salesman_a, cls.team_a, 9999, datetime(2026, 4, 1, 1)),
        ]
        for user, team, revenue, closed in won:
            lead = cls._create_lead(
                f"won {revenue}", user, team, cls.stage_won, expected_revenue=revenue
            )
            lead.date_closed = closed
        cls.env["crm.call"].create(
            [
                {
                    "partner_id": cls.env.user.partner_id.id,
                    "user_id": cls.salesman_a.id,
                    "outcome": "interested",
                    "date_start": datetime(2026, 3, day),
                }
                for day in (2, 3)
            ]
        )
        Target = cls.env["crm.target"]
        cls.march_a = Target.create(
            {
                "user_id": cls.salesman_a.id,
                "date_from": date(2026, 3, 1),
                "target_revenue": 3000,
                "target_calls": 4,
            }
        )
        cls.q1_team_a = Target.create(
            {
                "team_id": cls.team_a.id,
                "period": "quarter",
                "date_from": date(2026, 1, 1),
                "target_deals": 4,
            }
        )
        cls.march_b = Target.create(
            {
                "user_id": cls.salesman_b.id,
                "date_from": date(2026, 3, 1),
                "target_revenue": 700,
            }
        )

    def test_actuals_and_attainment(self):
        self.assertEqual(self.march_a.date_to, date(2026, 3, 31))
        self.assertEqual(self.march_a.won_revenue, 1500)
        self.assertEqual(self.march_a.won_deals, 2)
        self.assertEqual(self.march_a.calls_made, 2)
        self.assertAlmostEqual(self.march_a.attainment, 50)
        self.assertEqual(self.q1_team_a.date_to, date(2026, 3, 31))
        self.assertEqual(self.q1_team_a.won_revenue, 1800, "Feb + March, not April")
        self.assertEqual(self.q1_team_a.won_deals, 3)
        self.assertAlmostEqual(self.q1_team_a.attainment, 75, msg="by deals")
        self.assertAlmostEqual(self.march_b.attainment, 100)

    def _queries(self, targets):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        targets.mapped("attainment")
        return self.env.cr.sql_log_count - before

    def test_actuals_cost_does_not_grow_with_targets(self):
        few = self.march_a | self.q1_team_a | self.march_b
        more = few | self.env["crm.target"].create(
            [
                {
                    "user_id": user.id,
                    "date_from": date(2025, month, 1),
                    "target_deals": 1,
                }
                for user in (self.salesman_a, self.salesman_b)
                for month in range(1, 11)
            ]
        )
        self.assertEqual(self._queries(more), self._queries(few))

    def test_bad_targets_refused(self):
        Target = self.env["crm.target"]
        cases = [
            ({"date_from": date(2026, 5, 1)}, "one salesperson or for one sales team"),
            (
                {
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_a.id,
                    "date_from": date(2026, 5, 1),
                },
                "one salesperson or for one sales team",
            ),
            (
                {"user_id": self.salesman_a.id, "date_from": date(2026, 5, 3)},
                "first day",
            ),
            (
                {
                    "user_id": self.salesman_a.id,
                    "period": "quarter",
                    "date_from": date(2026, 2, 1),
                },
                "first day",
            ),
            (
                {"user_id": self.salesman_a.id, "date_from": date(2026, 3, 1)},
                "already has a target",
            ),
        ]
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                Target.create(values)

    def test_who_sees_and_sets_targets(self):
        targets = self.march_a | self.q1_team_a | self.march_b
        Target = self.env["crm.target"]
        self.assertEqual(
            Target.with_user(self.salesman_a).search([("id", "in", targets.ids)]),
            self.march_a | self.q1_team_a,
        )
        self.assertEqual(
            Target.with_user(self.leader_a).search([("id", "in", targets.ids)]),
            self.march_a | self.q1_team_a,
        )
        self.assertEqual(
            Target.with_user(self.manager).search([("id", "in", targets.ids)]), targets
        )
        with self.assertRaises(AccessError):
            self.march_a.with_user(self.salesman_a).write({"target_revenue": 1})
        with self.assertRaises(AccessError):
            self.march_a.with_user(self.manager).write({"target_revenue": 1})
        self.march_a.with_user(self.admin).write({"target_revenue": 1500})
        self.assertAlmostEqual(self.march_a.attainment, 100)
