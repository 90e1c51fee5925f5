# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestStageHistoryBackfill(CrmExtendedCommon):
    """The post-init hook rebuilds history from Odoo's own stage tracking."""

    def _tracked_env(self):
        # BaseCommon disables tracking; the backfill reads what tracking wrote
        return self.env(context={"lang": self.env.lang})

    def _flush_tracking(self):
        """Odoo writes tracking values in a pre-commit hook: run it like a commit."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _snapshot(self, leads):
        """Every stay of the leads, in order, without its ids and timestamps."""
        fields = [
            "lead_id",
            "stage_from_id",
            "stage_to_id",
            "funnel_step_from",
            "funnel_step",
            "exit_reason",
            "user_id",
            "salesperson_id",
            "team_id",
            "company_id",
            "expected_revenue",
        ]
        return [
            tuple(stay[fname] for fname in fields)
            for lead in leads
            for stay in self._stays(lead)
        ]

    def _stays(self, lead):
        return self.env["crm.lead.stage.history"].search(
            [("lead_id", "=", lead.id)], order="date_entered, id"
        )

    def test_rebuild_from_tracking(self):
        Lead = self._tracked_env()["crm.lead"]
        # each step is its own transaction in real life: Odoo tracks a change against
        # the values the record had at the previous commit
        walked = Lead.create(
            {"name": "Walked", "type": "opportunity", "stage_id": self.stage_new.id}
        )
        lost = Lead.create(
            {"name": "Lost", "type": "opportunity", "stage_id": self.stage_new.id}
        )
        untouched = Lead.create({"name": "Untouched", "stage_id": self.stage_offer.id})
        self._flush_tracking()
        walked.stage_id = self.stage_qualified
        lost.stage_id = self.stage_price
        self._flush_tracking()
        walked.stage_id = self.stage_offer
        lost.action_set_lost()
        self._flush_tracking()
        leads = walked | lost | untouched
        tracked = self.env["mail.tracking.value"].search_count(
            [
                ("mail_message_id.model", "=", "crm.lead"),
                ("mail_message_id.res_id", "in", leads.ids),
                ("field_id.name", "=", "stage_id"),
            ]
        )
        self.assertEqual(tracked, 3, "Odoo tracked the three stage changes")

        live = self._snapshot(leads)
        # an existing database: the leads have no history rows yet
        self.env["crm.lead.stage.history"].search(
            [("lead_id", "in", leads.ids)]
        ).unlink()
        written = self.env["crm.lead.stage.history"]._backfill_from_tracking()
        self.assertGreaterEqual(written, 6)

        stays = self._stays(walked)
        self.assertEqual(
            stays.mapped("stage_to_id"),
            self.stage_new | self.stage_qualified | self.stage_offer,
        )
        self.assertEqual(stays.mapped("exit_reason"), ["moved", "moved", False])
        self.assertFalse(stays[0].stage_from_id)
        self.assertEqual(stays[1].stage_from_id, self.stage_new)
        self.assertEqual(stays[2].funnel_step_from, "qualified")
        self.assertEqual(stays[0].date_left, stays[1].date_entered)

        stays = self._stays(lost)
        self.assertEqual(stays.mapped("exit_reason"), ["moved", "lost"])
        self.assertTrue(stays[-1].date_left)

        self.assertEqual(self._stays(untouched).stage_to_id, self.stage_offer)
        self.assertEqual(
            self._snapshot(leads), live, "the backfill rebuilds what the hook wrote"
        )
        # running it again changes nothing
        self.assertEqual(
            self.env["crm.lead.stage.history"]._backfill_from_tracking(), 0
        )

    def test_partial_history_is_completed(self):
        """Leads moved after the module was loaded but before the hook ran (demo data)
        get the stays before their first recorded change."""
        lead = self._create_lead("Partial", stage=self.stage_qualified)
        lead.stage_id = self.stage_offer
        creation = self._stays(lead)[0]
        creation.unlink()  # as if created before the module was installed
        self.assertEqual(
            self.env["crm.lead.stage.history"]._backfill_from_tracking(), 1
        )
        stays = self._stays(lead)
        self.assertEqual(stays.stage_to_id, self.stage_qualified | self.stage_offer)
        rebuilt = stays.filtered(lambda stay: not stay.stage_from_id)
        self.assertEqual(rebuilt.stage_to_id, self.stage_qualified)
        self.assertEqual(rebuilt.exit_reason, "moved")
        self.assertEqual(rebuilt.date_entered, lead.create_date)
