# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestPartnerTimeline(CrmExtendedCommon):
    """Acme (company) and Jane (its contact) dealt with through every channel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.acme = Partner.create({"name": "Acme", "is_company": True})
        cls.jane = Partner.create({"name": "Jane", "parent_id": cls.acme.id})
        cls.other = Partner.create({"name": "Other Customer"})
        cls.lead = cls._create_lead(
            "Acme deal", cls.salesman_a, cls.team_a, partner_id=cls.jane.id
        )
        cls.lead_b = cls._create_lead(
            "Acme other deal", cls.salesman_b, cls.team_b, partner_id=cls.acme.id
        )
        cls.lead.message_post(
            body="Sent the brochure",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.lead_b.message_post(
            body="Secret of team B",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        cls.lead.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=fields.Date.today() + timedelta(days=3),
            summary="Follow up on brochure",
            user_id=cls.salesman_a.id,
        )
        cls.env["crm.call"].create(
            {
                "partner_id": cls.jane.id,
                "user_id": cls.salesman_a.id,
                "outcome": "interested",
                "note": "Wants a demo",
                "date_start": fields.Datetime.now() - timedelta(days=1),
            }
        )
        cls.env["calendar.event"].create(
            {
                "name": "Demo at Acme",
                "start": fields.Datetime.now() + timedelta(days=5),
                "stop": fields.Datetime.now() + timedelta(days=5, hours=1),
                "partner_ids": [(6, 0, [cls.jane.id])],
                "user_id": cls.salesman_a.id,
            }
        )
        cls.other_lead = cls._create_lead(
            "Other", cls.salesman_a, partner_id=cls.other.id
        )
        cls.other_lead.message_post(body="Not Acme", message_type="comment")
        survey = cls.env["survey.survey"].create({"title": "Satisfaction"})
        cls.env["survey.user_input"].create(
            {"survey_id": survey.id, "partner_id": cls.acme.id, "state": "done"}
        )

    def _timeline(self, partner, user=None):
        Timeline = self.env["crm.partner.timeline"]
        if user:
            Timeline = Timeline.with_user(user)
        return Timeline.search(Timeline._timeline_domain(partner))

    def test_company_timeline_gathers_everything(self):
        rows = self._timeline(self.acme)
        kinds = set(rows.mapped("kind"))
        self.assertTrue(
            {"message", "note", "activity", "call", "meeting", "survey"} <= kinds, kinds
        )
        summaries = rows.mapped("summary")
        self.assertIn("Sent the brochure", summaries)
        self.assertIn("Follow up on brochure", summaries)
        self.assertIn("Demo at Acme", summaries)
        self.assertIn("interested: Wants a demo", summaries)
        self.assertNotIn("Not Acme", summaries)
        self.assertEqual(rows.mapped("date"), sorted(rows.mapped("date"), reverse=True))
        planned = rows.filtered("is_planned")
        self.assertEqual(set(planned.mapped("kind")), {"activity", "meeting"})
        self.assertEqual(rows.filtered(lambda r: r.kind == "call").channel, "phone")
        self.assertEqual(
            rows.filtered(lambda r: r.kind == "meeting").channel, "meeting"
        )

    def test_contact_timeline_is_its_own(self):
        rows = self._timeline(self.jane)
        self.assertEqual(rows.partner_id, self.jane)
        self.assertNotIn("survey", rows.mapped("kind"), "Acme's own survey answer")

    def test_filters_by_channel_and_type(self):
        Timeline = self.env["crm.partner.timeline"]
        domain = Timeline._timeline_domain(self.acme)
        calls = Timeline.search(domain + [("kind", "=", "call")])
        self.assertEqual(len(calls), 1)
        phone = Timeline.search(domain + [("channel", "=", "phone")])
        self.assertEqual(set(phone.mapped("kind")), {"call", "activity"})
        groups = Timeline._read_group(domain, ["kind"], ["__count"])
        self.assertEqual(dict(groups)["call"], 1)
        page = Timeline.search(domain, limit=2, offset=1)
        self.assertEqual(len(page), 2, "paginated like any list")

    def test_access_follows_the_documents(self):
        mine = self._timeline(self.acme, self.salesman_a)
        self.assertIn("Sent the brochure", mine.mapped("summary"))
        self.assertNotIn("Secret of team B", mine.mapped("summary"))
        theirs = self._timeline(self.acme, self.salesman_b)
        self.assertIn("Secret of team B", theirs.mapped("summary"))
        self.assertNotIn("Sent the brochure", theirs.mapped("summary"))
        self.assertIn(
            "Secret of team B",
            self._timeline(self.acme, self.manager).mapped("summary"),
        )
        with self.assertRaises(AccessError):
            self.env["crm.partner.timeline"].with_user(self.portal_user).search([])

    def test_open_document(self):
        row = self._timeline(self.acme).filtered(
            lambda r: r.summary == "Sent the brochure"
        )
        action = row.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("crm.lead", self.lead.id)
        )
        foreign = self._timeline(self.acme).filtered(
            lambda r: r.summary == "Secret of team B"
        )
        with self.assertRaises(AccessError):
            foreign.with_user(self.salesman_a).action_open_document()

    def test_partner_button(self):
        action = self.acme.action_open_timeline()
        self.assertEqual(action["res_model"], "crm.partner.timeline")
        self.assertEqual(
            self.env["crm.partner.timeline"].search(action["domain"]),
            self._timeline(self.acme),
        )
