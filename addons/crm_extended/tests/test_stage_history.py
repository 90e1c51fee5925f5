# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo.tests import Form, tagged, users

from odoo.addons.crm_extended.models.crm_lead import CrmLead

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestStageHistory(CrmExtendedCommon):
    def _stays(self, lead):
        return self.env["crm.lead.stage.history"].search(
            [("lead_id", "=", lead.id)], order="date_entered, id"
        )

    @users("crm_salesman_a")
    def test_creation_opens_a_stay(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Fresh",
                "type": "opportunity",
                "team_id": self.team_a.id,
                "stage_id": self.stage_new.id,
                "expected_revenue": 1200,
            }
        )
        stay = self._stays(lead)
        self.assertEqual(len(stay), 1)
        self.assertFalse(stay.stage_from_id)
        self.assertEqual(stay.stage_to_id, self.stage_new)
        self.assertEqual(stay.funnel_step, "new")
        self.assertEqual(stay.salesperson_id, self.salesman_a)
        self.assertEqual(stay.team_id, self.team_a)
        self.assertEqual(stay.user_id, self.salesman_a)
        self.assertEqual(stay.expected_revenue, 1200)
        self.assertFalse(stay.date_left)
        self.assertTrue(stay.is_current)

    @users("crm_salesman_a")
    def test_stage_change_closes_and_opens(self):
        lead = self._create_lead("Moving", self.salesman_a, self.team_a)
        lead.write({"stage_id": self.stage_qualified.id, "expected_revenue": 500})
        lead.write({"stage_id": self.stage_offer.id})
        first, second, third = self._stays(lead)
        self.assertEqual(
            (first.exit_reason, second.exit_reason, third.exit_reason),
            ("moved", "moved", False),
        )
        self.assertEqual(second.stage_from_id, self.stage_new)
        self.assertEqual(second.stage_to_id, self.stage_qualified)
        self.assertEqual(second.funnel_step_from, "new")
        self.assertEqual(second.expected_revenue, 500, "revenue at the time of entry")
        self.assertEqual(third.stage_from_id, self.stage_qualified)
        self.assertTrue(first.date_left and first.duration_days >= 0)
        self.assertEqual(
            self.env["crm.lead.stage.history"].search_count(
                [("lead_id", "=", lead.id), ("is_current", "=", True)]
            ),
            1,
        )
        # writing the same stage again is not a stage change
        lead.write({"stage_id": self.stage_offer.id})
        self.assertEqual(len(self._stays(lead)), 3)

    def test_form_and_batch_paths(self):
        lead = self._create_lead("Form", self.salesman_a, self.team_a)
        with Form(lead.with_user(self.salesman_a)) as form:
            form.stage_id = self.stage_qualified
        self.assertEqual(self._stays(lead)[-1].stage_to_id, self.stage_qualified)
        batch = self.env["crm.lead"].create(
            [
                {
                    "name": f"Batch {i}",
                    "type": "opportunity",
                    "stage_id": self.stage_new.id,
                }
                for i in range(20)
            ]
        )
        batch.write({"stage_id": self.stage_offer.id})
        History = self.env["crm.lead.stage.history"]
        self.assertEqual(
            History.search_count(
                [("lead_id", "in", batch.ids), ("exit_reason", "=", "moved")]
            ),
            20,
        )
        self.assertEqual(
            History.search_count(
                [
                    ("lead_id", "in", batch.ids),
                    ("stage_to_id", "=", self.stage_offer.id),
                ]
            ),
            20,
        )

    def test_batch_move_query_count_is_flat(self):
        """Moving 5 or 50 leads costs the same number of queries."""
        small = self._batch(5)
        large = self._batch(50)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=16):
            small.write({"stage_id": self.stage_qualified.id})
            self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=16):
            large.write({"stage_id": self.stage_qualified.id})
            self.env.flush_all()

    def _count_queries(self, func):
        """Queries of func, with leads, stages and history read afresh (as in a new
        request) while the company and its currency stay cached (as they are)."""
        self.env.flush_all()
        for model in ("crm.lead", "crm.stage", "crm.lead.stage.history"):
            self.env[model].invalidate_model()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_stage_change_costs_at_most_three_queries(self):
        """History and requirements add at most 3 queries to Odoo's own stage change
        (one UPDATE closing the stay, one INSERT opening the next, one UPDATE of the
        lead's earlier stays' later steps for the funnel reports)."""
        self.stage_qualified.required_field_ids = self.env["ir.model.fields"]._get(
            "crm.lead", "name"
        )
        plain, hooked = self._batch(1), self._batch(1)
        for lead in plain | hooked:  # warm the caches each measure starts from
            lead.write({"stage_id": self.stage_offer.id})
            lead.write({"stage_id": self.stage_new.id})
        noop = lambda *args, **kwargs: {}  # noqa: E731
        with (
            patch.object(CrmLead, "_stage_history_open", noop),
            patch.object(CrmLead, "_stage_history_close", noop),
            patch.object(CrmLead, "_check_stage_requirements", noop),
        ):
            stock = self._count_queries(
                lambda: plain.write({"stage_id": self.stage_qualified.id})
            )
        ours = self._count_queries(
            lambda: hooked.write({"stage_id": self.stage_qualified.id})
        )
        self.assertLessEqual(
            ours - stock, 3, f"stock Odoo {stock}, with history {ours}"
        )

    def _batch(self, size):
        return self.env["crm.lead"].create(
            [
                {
                    "name": f"Q{size}-{i}",
                    "type": "opportunity",
                    "stage_id": self.stage_new.id,
                }
                for i in range(size)
            ]
        )

    def test_won_lost_restore(self):
        lead = self._create_lead("Deal", self.salesman_a, self.team_a, self.stage_offer)
        lead.action_set_won()
        self.assertEqual(self._stays(lead)[-1].stage_to_id, self.stage_won)
        self.assertEqual(self._stays(lead)[-1].funnel_step, "won")

        lost = self._create_lead("Lost", self.salesman_a, self.team_a, self.stage_price)
        lost.action_set_lost()
        stays = self._stays(lost)
        self.assertEqual(len(stays), 1, "losing opens no new stay")
        self.assertEqual(stays.exit_reason, "lost")
        self.assertTrue(stays.date_left)
        self.assertFalse(lost.active)
        # lost leads keep their history, readable from the archived lead
        self.assertEqual(lost.stage_history_ids, stays)

        lost.action_unarchive()
        stays = self._stays(lost)
        self.assertEqual(len(stays), 2)
        self.assertEqual(stays[-1].stage_from_id, self.stage_price)
        self.assertEqual(stays[-1].stage_to_id, self.stage_price)
        self.assertFalse(stays[-1].date_left)

    def test_lost_lead_created_or_moved(self):
        lead = self.env["crm.lead"].create(
            {"name": "Imported lost", "stage_id": self.stage_offer.id, "active": False}
        )
        self.assertEqual(self._stays(lead).exit_reason, "lost")
        lead.write({"stage_id": self.stage_price.id})
        self.assertEqual(len(self._stays(lead)), 1, "an archived lead opens no stay")

    def test_merge_keeps_history(self):
        head = self._create_lead("Head", self.salesman_a, self.team_a, self.stage_offer)
        tail = self._create_lead("Tail", self.salesman_a, self.team_a, self.stage_new)
        tail.write({"stage_id": self.stage_qualified.id})
        tail_stays = self._stays(tail)
        merged = (head | tail).merge_opportunity()
        self.assertEqual(merged, head)
        self.assertFalse(tail.exists())
        self.assertTrue(tail_stays.exists(), "the merged lead's stays survive")
        self.assertEqual(tail_stays.lead_id, head)
        self.assertEqual(tail_stays[-1].exit_reason, "merged")

    def test_report_indexes(self):
        """The funnel's filters have an index each: step + period, period over every
        step, team + period, and the open stay of a lead (scripts/README.md has the
        plans measured on 5M stays)."""
        self.env.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'crm_lead_stage_history'"
        )
        indexes = dict(self.env.cr.fetchall())
        expected = {
            "crm_lead_stage_history_step_entered_idx": "(funnel_step, date_entered)",
            "crm_lead_stage_history_entered_step_idx": "(date_entered, funnel_step)",
            "crm_lead_stage_history_team_entered_idx": "(team_id, date_entered)",
            "crm_lead_stage_history_lead_open_idx": (
                "(lead_id) WHERE (date_left IS NULL)"
            ),
        }
        for name, columns in expected.items():
            self.assertIn(name, indexes)
            self.assertTrue(indexes[name].endswith(columns), indexes[name])

    def test_later_steps_follow_the_lead(self):
        """Each stay knows the furthest step the lead reached afterwards and whether
        it was won, on every path: moves, merges and the SQL backfill."""
        lead = self._create_lead("Later", self.salesman_a, self.team_a, self.stage_new)
        lead.write({"stage_id": self.stage_offer.id})
        lead.write({"stage_id": self.stage_qualified.id})
        stays = self.env["crm.lead.stage.history"].search(
            [("lead_id", "=", lead.id)], order="id"
        )
        ranks = {"new": 1, "qualified": 2, "offer": 3}
        self.assertEqual(
            [(s.funnel_step, s.later_rank) for s in stays],
            [("new", ranks["offer"]), ("offer", ranks["qualified"]), ("qualified", 0)],
        )
        self.assertFalse(any(stays.mapped("won_later")))
        lead.action_set_won()
        stays = stays.search([("lead_id", "=", lead.id)], order="id")
        self.assertTrue(all(stays[:-1].mapped("won_later")))
        self.assertEqual(stays[0].later_rank, 6)
        # a broken value is repaired by the refresh, as the install does
        self.env.cr.execute(
            "UPDATE crm_lead_stage_history SET later_rank = NULL WHERE lead_id = %s",
            [lead.id],
        )
        stays.invalidate_recordset()
        self.env["crm.lead.stage.history"]._refresh_later_steps()
        self.assertEqual(stays[0].later_rank, 6)
