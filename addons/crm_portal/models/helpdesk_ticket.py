# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _get_portal_sla_state(self):
        """The service level the customer is promised, as shown on the portal:
        a dict with `state` ("response", "resolution" or "overdue") and `date`,
        or None when there is nothing to promise (closed ticket, no SLA)."""
        self.ensure_one()
        if self.closed or self.closed_date:
            return None
        if self.sla_breached:
            return {"state": "overdue", "date": self.sla_deadline}
        if self.sla_response_deadline and not self.first_response_date:
            return {"state": "response", "date": self.sla_response_deadline}
        if self.sla_deadline:
            return {"state": "resolution", "date": self.sla_deadline}
        return None
