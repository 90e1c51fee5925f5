# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import time

from odoo.tests import HttpCase, tagged

FORM_URL = "/crm/contact"


@tagged("post_install", "-at_install")
class TestLeadForm(HttpCase):
    """A visitor of any web site fills the public contact form: a lead is created with
    its UTM channel; spam, forged posts and bad input create nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "crm_portal.lead_form_rate_limit", 5
        )
        Tag = cls.env["crm.tag"]
        cls.tag_chairs = Tag.create(
            {"name": "Office chairs", "lead_form_visible": True}
        )
        cls.tag_internal = Tag.create({"name": "Internal: bad payer"})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Spring Sale 2026"})
        cls.medium = cls.env["utm.medium"].create({"name": "Sidebar banner"})
        cls.source = cls.env["utm.source"].create({"name": "partner-blog"})
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Irina Known",
                "email": "irina@known.example.com",
                "phone": "+33 6 12 34 56 78",
            }
        )
        cls.Lead = cls.env["crm.lead"].with_context(active_test=False)

    def _form(self, query=""):
        response = self.url_open(FORM_URL + query)
        self.assertEqual(response.status_code, 200)
        return response

    def _token(self, response):
        return re.search(r'name="form_token" value="([^"]+)"', response.text).group(1)

    def _post(self, values, token=True, query=""):
        data = dict(values)
        if token:
            data["form_token"] = self._token(self._form(query))
        return self.url_open(FORM_URL, data=data)

    def _valid(self, **overrides):
        values = {
            "contact_name": "Pavel Visitor",
            "partner_name": "Visitor LLC",
            "email_from": "pavel@visitor.example.com",
            "phone": "+33 6 98 76 54 32",
            "interest": str(self.tag_chairs.id),
            "description": "We need 40 chairs\nbefore May.",
            "consent": "1",
        }
        values.update(overrides)
        return values

    def _leads(self, email):
        return self.Lead.search([("email_from", "=", email)])

    def test_form_page(self):
        response = self._form(
            "?utm_campaign=Spring+Sale+2026&utm_medium=Sidebar+banner&utm_source=partner-blog"
        )
        html = response.text
        self.assertIn('name="form_token"', html)
        for field in ("contact_name", "partner_name", "email_from", "phone"):
            self.assertIn(f'name="{field}"', html)
        self.assertRegex(html, r'<textarea[^>]*name="description"', "message box")
        self.assertIn('value="Spring Sale 2026"', html, "UTM values ride along")
        self.assertIn("Office chairs", html)
        self.assertNotIn("Internal: bad payer", html, "only tags offered on the form")
        self.assertNotIn("X-Frame-Options", response.headers, "embeddable in an iframe")

    def test_submit_creates_lead_with_utm(self):
        response = self._post(
            {
                **self._valid(),
                "utm_campaign": "spring sale 2026",
                "utm_medium": "sidebar BANNER",
                "utm_source": "partner-blog",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you!", response.text)
        lead = self._leads("pavel@visitor.example.com")
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.contact_name, "Pavel Visitor")
        self.assertEqual(lead.partner_name, "Visitor LLC")
        self.assertEqual(lead.phone, "+33698765432", "stored in E.164")
        self.assertEqual(lead.tag_ids, self.tag_chairs)
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.medium_id, self.medium)
        self.assertEqual(lead.source_id, self.source)
        self.assertFalse(lead.user_id, "not assigned to the public user")
        self.assertFalse(lead.partner_id, "unknown visitor: no contact linked")
        self.assertIn("We need 40 chairs", lead.description)
        self.assertTrue(lead.sudo().form_remote_addr)
        self.assertIn("Office chairs", lead.name)
        # the visitor learns no record id or link
        self.assertNotRegex(response.text, rf"(crm\.lead|/{lead.id}\b|id={lead.id}\b)")

    def test_unknown_utm_values_are_not_created(self):
        campaigns = self.env["utm.campaign"].search_count([])
        self._post({**self._valid(), "utm_campaign": "made-up-by-a-bot"})
        lead = self._leads("pavel@visitor.example.com")
        self.assertFalse(lead.campaign_id)
        self.assertIn("utm_campaign=made-up-by-a-bot", lead.description)
        self.assertEqual(self.env["utm.campaign"].search_count([]), campaigns)

    def test_known_customer_is_linked_not_duplicated(self):
        partners = self.env["res.partner"].search_count([])
        self._post(
            self._valid(email_from="Irina@Known.example.com", phone="+33612345678")
        )
        lead = self._leads("irina@known.example.com")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_partial_match_is_flagged_and_contact_untouched(self):
        """Same phone, other e-mail: linking would overwrite the contact's e-mail
        with whatever a visitor typed, so the lead only points at the match."""
        self._post(
            self._valid(email_from="someone@else.example.com", phone="+33612345678")
        )
        lead = self._leads("someone@else.example.com")
        self.assertFalse(lead.partner_id)
        self.assertIn(self.customer, lead.matching_partner_ids)
        self.assertIn("Irina Known", lead.message_ids[0].body)
        self.assertEqual(self.customer.email, "irina@known.example.com")

    def test_invalid_input_keeps_typed_values(self):
        cases = [
            ({"contact_name": ""}, "Please tell us your name."),
            ({"email_from": "not-an-email"}, "is not a valid e-mail address"),
            (
                {"email_from": "", "phone": ""},
                "Please give an e-mail address or a phone",
            ),
            ({"phone": "12"}, "is not a valid phone number"),
            ({"consent": ""}, "Please accept that we process your data"),
            ({"interest": str(self.tag_internal.id)}, "Please choose an interest"),
            ({"description": "x" * 5001}, "Message is too long"),
        ]
        for overrides, message in cases:
            with self.subTest(overrides=list(overrides)):
                values = self._valid(partner_name="Kept Co")
                values.update(overrides)
                response = self._post(values)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn('value="Kept Co"', response.text, "typed text kept")
                self.assertIn("is-invalid", response.text)
        self.assertFalse(self.Lead.search([("partner_name", "=", "Kept Co")]))

    def test_forged_or_expired_token_is_refused(self):
        bad_tokens = {
            "missing": None,
            "garbage": "abc",
            "tampered": f"{int(time.time())}.0123456789abcdef",
            "expired": None,
        }
        form = self._form()
        expired_ts = int(time.time()) - 25 * 3600
        good = self._token(form)
        bad_tokens["expired"] = f"{expired_ts}.{good.partition('.')[2]}"
        for label, token in bad_tokens.items():
            with self.subTest(token=label):
                data = self._valid(email_from=f"{label}@forged.example.com")
                if token:
                    data["form_token"] = token
                response = self.url_open(FORM_URL, data=data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("This form has expired", response.text)
                self.assertIn(f'value="{label}@forged.example.com"', response.text)
        self.assertFalse(
            self.Lead.search([("email_from", "like", "@forged.example.com")])
        )

    def test_honeypot_creates_nothing(self):
        response = self._post({**self._valid(), "website_url": "http://spam.example"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you!", response.text, "the robot is not told")
        self.assertFalse(self._leads("pavel@visitor.example.com"))

    def test_rate_limit_per_address(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_portal.lead_form_rate_limit", 2
        )
        for i in range(2):
            response = self._post(self._valid(email_from=f"v{i}@burst.example.com"))
            self.assertIn("Thank you!", response.text)
        response = self._post(self._valid(email_from="v2@burst.example.com"))
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many requests", response.text)
        self.assertIn('value="v2@burst.example.com"', response.text)
        self.assertEqual(
            self.Lead.search_count([("email_from", "like", "@burst.example.com")]), 2
        )

    def test_public_visitor_reads_no_lead(self):
        self._post(self._valid())
        lead = self._leads("pavel@visitor.example.com")
        response = self.url_open(f"/odoo/crm/{lead.id}")
        self.assertNotIn("pavel@visitor.example.com", response.text)
        self.assertIn("/web/login", response.url)
