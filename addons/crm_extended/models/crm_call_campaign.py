# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCallCampaign(models.Model):
    """A telemarketing campaign: a list of people to call, who calls them, when, and
    what to say. Agents work through its lines from their call queue."""

    _name = "crm.call.campaign"
    _description = "Call Campaign"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", check_company=True, tracking=True
    )
    agent_ids = fields.Many2many(
        "res.users",
        "crm_call_campaign_agent_rel",
        "campaign_id",
        "user_id",
        string="Agents",
        domain="[('share', '=', False)]",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End")
    script = fields.Html(help="What agents say and ask during the call.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    utm_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Marketing Campaign",
        help="Leads created from this campaign's calls carry this campaign.",
    )
    line_ids = fields.One2many("crm.call.campaign.line", "campaign_id", string="Calls")
    line_count = fields.Integer(compute="_compute_counts", string="Contacts")
    line_todo_count = fields.Integer(compute="_compute_counts", string="To Call")
    call_count = fields.Integer(compute="_compute_counts", string="Calls Made")

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A call campaign cannot end before it starts.",
        ),
    ]

    def _compute_counts(self):
        Line = self.env["crm.call.campaign.line"]
        lines = {
            (campaign, state): count
            for campaign, state, count in Line._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id", "state"], ["__count"]
            )
        }
        calls = dict(
            self.env["crm.call"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            counts = {
                state: lines.get((campaign, state), 0)
                for state in ("todo", "callback", "done")
            }
            campaign.line_count = sum(counts.values())
            campaign.line_todo_count = counts["todo"] + counts["callback"]
            campaign.call_count = calls.get(campaign, 0)

    @api.constrains("state", "agent_ids", "team_id")
    def _check_running_has_agents(self):
        for campaign in self:
            if campaign.state == "running" and not (
                campaign.agent_ids or campaign.team_id
            ):
                raise ValidationError(
                    self.env._(
                        "Campaign “%(name)s” needs agents or a sales team before it "
                        "runs.",
                        name=campaign.name,
                    )
                )

    def action_start(self):
        self.write({"state": "running"})

    def action_done(self):
        self.write({"state": "done"})

    def action_view_calls(self):
        self.ensure_one()
        return self.env["crm.call"]._action_view(
            [("campaign_id", "=", self.id)], {"default_campaign_id": self.id}
        )
