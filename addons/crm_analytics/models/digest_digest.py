# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class DigestDigest(models.Model):
    """Sales KPIs for the periodic digest e-mails, next to crm's "New Leads" and
    "Opportunities Won" (reused, not duplicated)."""

    _inherit = "digest.digest"

    kpi_crm_won_revenue = fields.Boolean(string="Won Revenue")
    kpi_crm_won_revenue_value = fields.Monetary(
        compute="_compute_kpi_crm_won_revenue_value"
    )
    kpi_crm_win_rate = fields.Boolean(string="Win Rate (%)")
    kpi_crm_win_rate_value = fields.Float(compute="_compute_kpi_crm_win_rate_value")
    kpi_crm_calls_made = fields.Boolean(string="Calls Made")
    kpi_crm_calls_made_value = fields.Integer(
        compute="_compute_kpi_crm_calls_made_value"
    )

    def _check_crm_kpi_access(self):
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                self.env._("Do not have access, skip this data for user's digest email")
            )

    def _get_won_lead_domain(self):
        """Hook: the deals counted as won by the digest."""
        return [("active", "=", True), ("probability", ">=", 100)]

    def _compute_kpi_crm_won_revenue_value(self):
        self._check_crm_kpi_access()
        self._calculate_company_based_kpi(
            "crm.lead",
            "kpi_crm_won_revenue_value",
            date_field="date_closed",
            additional_domain=self._get_won_lead_domain(),
            sum_field="expected_revenue",
        )

    def _compute_kpi_crm_win_rate_value(self):
        """Deals won / deals closed (won or lost) in the period, in percent."""
        self._check_crm_kpi_access()
        start, end, companies = self._get_kpi_compute_parameters()
        groups = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("company_id", "in", companies.ids),
                    ("date_closed", ">=", start),
                    ("date_closed", "<", end),
                    "|",
                    "&",
                    ("active", "=", True),
                    ("probability", ">=", 100),
                    "&",
                    ("active", "=", False),
                    ("probability", "=", 0),
                ],
                ["company_id", "active"],
                ["__count"],
            )
        )
        won, closed = {}, {}
        for company, active, count in groups:
            closed[company.id] = closed.get(company.id, 0) + count
            if active:
                won[company.id] = count
        for digest in self:
            company = digest.company_id or self.env.company
            total = closed.get(company.id, 0)
            digest.kpi_crm_win_rate_value = (
                100.0 * won.get(company.id, 0) / total if total else 0.0
            )

    def _compute_kpi_crm_calls_made_value(self):
        self._check_crm_kpi_access()
        self._calculate_company_based_kpi(
            "crm.call", "kpi_crm_calls_made_value", date_field="date_start"
        )

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = self.env.ref("crm.crm_menu_root").id
        res["kpi_crm_won_revenue"] = (
            f"crm_analytics.crm_kpi_report_action?menu_id={menu}"
        )
        res["kpi_crm_win_rate"] = f"crm_analytics.crm_kpi_report_action?menu_id={menu}"
        res["kpi_crm_calls_made"] = (
            f"crm_analytics.crm_kpi_report_action?menu_id={menu}"
        )
        return res

    def _subscribe_crm_team_leaders(self):
        """Add the leaders of all sales teams to these digests' recipients."""
        leaders = self.env["crm.team"].sudo().search([("user_id", "!=", False)]).user_id
        for digest in self:
            digest.user_ids |= leaders.filtered(lambda user: not user.share)
