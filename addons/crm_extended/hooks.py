# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Give an existing database its past funnel at once: stage stays are rebuilt from
    Odoo's stage tracking for every lead that has none yet."""
    env["crm.lead.stage.history"]._backfill_from_tracking()
