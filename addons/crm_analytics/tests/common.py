# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tools import SQL

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


class FunnelCommon(CrmExtendedCommon):
    """Leads moved through the test pipeline of CrmExtendedCommon.

    `_run(name, path, ...)` creates a lead in the first stage of `path`, moves it
    through the others and, with `lost`, marks it lost in the last one; stays are
    recorded by crm_extended as it goes. `_age(leads, days)` moves their stays
    `days` into the past, so periods and durations are under the test's control.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.path_won = cls.stages
        cls.reason_price = cls.env["crm.lost.reason"].create({"name": "Too expensive"})
        cls.reason_offer = cls.env["crm.lost.reason"].create({"name": "Bad offer"})
        cls.today = fields.Date.context_today(cls.env["crm.lead"])
        cls.customer = cls.env["res.partner"].create({"name": "Funnel Customer"})

    @classmethod
    def _path(cls, last_step):
        steps = [stage.funnel_step for stage in cls.stages]
        return cls.stages[: steps.index(last_step) + 1]

    @classmethod
    def _run(cls, name, path, user=None, team=None, lost=None, **values):
        lead = cls._create_lead(name, user=user, team=team, stage=path[0], **values)
        for stage in path[1:]:
            lead.write({"stage_id": stage.id})
        if lost:
            lead.action_set_lost(lost_reason_id=lost.id)
        return lead

    @classmethod
    def _age(cls, leads, days):
        """Shift every stay of `leads` `days` days into the past."""
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                UPDATE crm_lead_stage_history
                   SET date_entered = date_entered - %(delta)s,
                       date_left = date_left - %(delta)s
                 WHERE lead_id IN %(ids)s
                """,
                delta=timedelta(days=days),
                ids=tuple(leads.ids),
            )
        )
        cls.env.invalidate_all()

    @classmethod
    def _set_durations(cls, leads, step, days):
        """Give the closed stays of `leads` in `step` a duration of `days` days."""
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                UPDATE crm_lead_stage_history
                   SET duration_days = %(days)s
                 WHERE lead_id IN %(ids)s AND funnel_step = %(step)s
                   AND date_left IS NOT NULL
                """,
                days=days,
                ids=tuple(leads.ids),
                step=step,
            )
        )
        cls.env.invalidate_all()

    @classmethod
    def _order(cls, lead, paid_after=None):
        """A confirmed order of `lead`, paid `paid_after` days after its confirmation
        (None: not paid). Dates are set in SQL: the payment flow is crm_extended's."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": (lead.partner_id or cls.customer).id,
                "opportunity_id": lead.id,
            }
        )
        confirmed = fields.Datetime.now() - timedelta(days=40)
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                UPDATE sale_order SET state = 'sale', date_confirmed = %(confirmed)s,
                       date_paid = %(paid)s
                 WHERE id = %(id)s
                """,
                confirmed=confirmed,
                paid=(confirmed + timedelta(days=paid_after)).date()
                if paid_after is not None
                else None,
                id=order.id,
            )
        )
        cls.env.invalidate_all()
        return order
