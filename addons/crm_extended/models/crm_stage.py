# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# The funnel of the customer's article, in its own order. Reports group stages by these
# keys, so a company may name and split its stages freely and still be compared.
FUNNEL_STEPS = [
    ("new", "New"),
    ("qualified", "Qualified"),
    ("offer", "Offer sent"),
    ("price", "Price discussion"),
    ("contract", "Contract & payment"),
    ("won", "Won"),
]


class CrmStage(models.Model):
    _inherit = "crm.stage"

    funnel_step = fields.Selection(
        FUNNEL_STEPS,
        index=True,
        help="Step of the sales funnel this stage belongs to. Funnel reports count "
        "leads per step, so several stages may share one step.",
    )
