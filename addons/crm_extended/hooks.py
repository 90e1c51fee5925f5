# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Give an existing database its past at once: stage stays rebuilt from Odoo's
    stage tracking, and the fulfilment dates of existing orders."""
    env["crm.lead.stage.history"]._backfill_from_tracking()
    env["sale.order"]._init_fulfilment_dates()
