# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CrmTeam(models.Model):
    """A new team leader also receives the weekly team leaders' digest."""

    _inherit = "crm.team"

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        teams._subscribe_leaders_to_digest()
        return teams

    def write(self, vals):
        res = super().write(vals)
        if vals.get("user_id"):
            self._subscribe_leaders_to_digest()
        return res

    def _get_team_leader_digest(self):
        """Hook: the digest sent to team leaders (none if it was deleted)."""
        return self.env.ref(
            "crm_analytics.digest_digest_team_leaders", raise_if_not_found=False
        )

    def _subscribe_leaders_to_digest(self):
        leaders = self.user_id.filtered(lambda user: not user.share)
        digest = self._get_team_leader_digest()
        if not leaders or not digest:
            return
        # a sales manager may change a team leader without rights on digests; the
        # subscription is a side effect of that (checked) write
        digest_sudo = digest.sudo()
        digest_sudo.user_ids |= leaders
