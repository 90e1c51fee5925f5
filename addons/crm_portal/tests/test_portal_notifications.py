# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import tagged

from odoo.addons.base.tests.common import HttpCaseWithUserPortal

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalNotifications(HttpCaseWithUserPortal):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.belgium = cls.env.ref("base.be")
        cls.partner_portal.write(
            {
                "phone": "+32 2 290 34 90",
                "street": "Rue du Portail 1",
                "city": "Brussels",
                "country_id": cls.belgium.id,
                "portal_notify_email": True,
                "portal_notify_sms": False,
            }
        )

    def _account_form(self, **overrides):
        """Return (page html, posted data) for the portal user's account form."""
        response = self.url_open("/my/account")
        self.assertEqual(response.status_code, 200)
        data = {
            "csrf_token": CSRF_RE.search(response.text).group(1),
            "name": self.partner_portal.name,
            "email": self.partner_portal.email,
            "phone": self.partner_portal.phone,
            "street": self.partner_portal.street,
            "city": self.partner_portal.city,
            "country_id": str(self.belgium.id),
        }
        data.update(overrides)
        return response.text, {k: v for k, v in data.items() if v is not None}

    def test_account_page_shows_preferences(self):
        self.authenticate("portal", "portal")
        html, _data = self._account_form()
        self.assertIn('name="portal_notify_email"', html)
        self.assertIn('name="portal_notify_sms"', html)
        self.assertRegex(html, r'id="portal_notify_email"[^>]*checked')
        self.assertNotRegex(html, r'id="portal_notify_sms"[^>]*checked')
        # what is sent is said under the boxes
        self.assertIn("o_crm_portal_notify_help", html)
        self.assertIn("a few days before an invoice", html)
        self.assertIn("answer or close one of", html)

    def test_customer_chooses_sms_only(self):
        self.authenticate("portal", "portal")
        _html, data = self._account_form(portal_notify_sms="on")
        response = self.url_open("/my/account", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 303, "a valid form redirects home")
        self.partner_portal.invalidate_recordset()
        self.assertTrue(self.partner_portal.portal_notify_sms)
        self.assertFalse(
            self.partner_portal.portal_notify_email,
            "an unticked box is stored as refused",
        )

    def test_sms_needs_a_valid_phone(self):
        self.authenticate("portal", "portal")
        stored_phone = self.partner_portal.phone
        _html, data = self._account_form(portal_notify_sms="on", phone="12")
        response = self.url_open("/my/account", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 200, "the form is shown again")
        self.assertIn(
            "To receive SMS, enter a valid phone number for Belgium.", response.text
        )
        # what the customer typed is kept on the form, nothing is stored
        self.assertRegex(response.text, r'id="portal_notify_sms"[^>]*checked')
        self.assertNotRegex(response.text, r'id="portal_notify_email"[^>]*checked')
        self.partner_portal.invalidate_recordset()
        self.assertFalse(self.partner_portal.portal_notify_sms)
        self.assertTrue(self.partner_portal.portal_notify_email)
        self.assertEqual(self.partner_portal.phone, stored_phone)

    def test_public_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open("/my/account", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
