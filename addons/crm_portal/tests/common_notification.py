# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user


class NotificationCommon(TransactionCase):
    """Four customers, one per choice of channels:

    ==============  =====  ===  ======================================
    customer        email  SMS  contact points
    ==============  =====  ===  ======================================
    customer_email    x         email + Belgian phone typed nationally
    customer_sms            x   email + Belgian mobile
    customer_both     x     x   email + Belgian mobile
    customer_none               email + Belgian mobile
    ==============  =====  ===  ======================================

    Mails and SMS are only queued: sending an SMS (IAP) fails the test."""

    PREFERENCES = {
        "customer_email": (True, False),
        "customer_sms": (False, True),
        "customer_both": (True, True),
        "customer_none": (False, False),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        belgium = cls.env.ref("base.be")
        cls.env.company.country_id = belgium
        cls.customers = cls.env["res.partner"]
        for index, (name, (by_email, by_sms)) in enumerate(cls.PREFERENCES.items()):
            partner = cls.env["res.partner"].create(
                {
                    "name": name.replace("_", " ").title(),
                    "email": f"{name}@example.com",
                    "country_id": belgium.id,
                    "mobile": f"0470 12 34 5{index}",
                    "portal_notify_email": by_email,
                    "portal_notify_sms": by_sms,
                }
            )
            setattr(cls, name, partner)
            cls.customers |= partner
        cls.agent = new_test_user(
            cls.env,
            login="notify_agent",
            email="agent@example.com",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads,"
            "account.group_account_invoice,helpdesk_mgmt.group_helpdesk_user",
        )

    def setUp(self):
        super().setUp()
        sms_model = type(self.env["sms.sms"])

        def no_provider(*args, **kwargs):
            raise AssertionError("no SMS provider may be called in tests")

        self.patch(sms_model, "_send", no_provider)

    # helpers ---------------------------------------------------------------------

    def _notification_mails(self, record, subtype_xmlid):
        return self.env["mail.mail"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("mail_message_id.subtype_id", "=", self.env.ref(subtype_xmlid).id),
            ]
        )

    def _notification_sms(self, record, subtype_xmlid):
        return self.env["sms.sms"].search(
            [
                ("mail_message_id.model", "=", record._name),
                ("mail_message_id.res_id", "=", record.id),
                (
                    "mail_message_id.subtype_id",
                    "=",
                    self.env.ref(subtype_xmlid).id,
                ),
            ]
        )

    def assertNotified(self, record, subtype_xmlid, subject, body_parts, sms_parts):
        """The record's customer got exactly what their preferences allow: one
        queued mail with this subject and body parts, one queued SMS in E.164."""
        partner = record.partner_id
        by_email, by_sms = partner.portal_notify_email, partner.portal_notify_sms
        mails = self._notification_mails(record, subtype_xmlid)
        sms = self._notification_sms(record, subtype_xmlid)
        self.assertEqual(len(mails), int(by_email), f"mails to {partner.name}")
        self.assertEqual(len(sms), int(by_sms), f"SMS to {partner.name}")
        if by_email:
            self.assertEqual(mails.recipient_ids, partner)
            self.assertEqual(mails.state, "outgoing")
            self.assertEqual(mails.subject, subject)
            for part in body_parts:
                self.assertIn(part, mails.body_html)
        if by_sms:
            self.assertEqual(sms.partner_id, partner)
            self.assertEqual(sms.number, partner.phone_sanitized)
            self.assertRegex(sms.number, r"^\+32\d{9}$", "E.164")
            self.assertEqual(sms.state, "outgoing", "queued, not sent")
            for part in sms_parts:
                self.assertIn(part, sms.body)
        return mails, sms

    def _portal_link(self, record):
        return record.get_base_url() + record.get_portal_url()
