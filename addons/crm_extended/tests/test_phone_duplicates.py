# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestPhoneAndDuplicates(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.belgium = cls.env.ref("base.be")
        cls.russia = cls.env.ref("base.ru")
        cls.Partner = cls.env["res.partner"]

    def test_numbers_stored_in_e164(self):
        partner = self.Partner.create(
            {"name": "Brussels", "country_id": self.belgium.id, "phone": "02 290 34 90"}
        )
        self.assertEqual(partner.phone, "+3222903490")
        self.assertFalse(partner.phone_invalid)
        partner.write({"mobile": "0470 12 34 56"})
        self.assertEqual(partner.mobile, "+32470123456")
        moscow = self.Partner.create(
            {
                "name": "Moscow",
                "country_id": self.russia.id,
                "phone": "8 (495) 123-45-67",
            }
        )
        self.assertEqual(moscow.phone, "+74951234567")

    def test_country_from_company_when_missing(self):
        self.env.company.country_id = self.belgium
        partner = self.Partner.create({"name": "No country", "phone": "02 290 34 90"})
        self.assertEqual(partner.phone, "+3222903490")

    def test_invalid_number_kept_and_flagged(self):
        partner = self.Partner.create(
            {"name": "Typo", "country_id": self.belgium.id, "phone": "12-ab"}
        )
        self.assertEqual(partner.phone, "12-ab", "kept exactly as typed")
        self.assertTrue(partner.phone_invalid)
        self.assertIn(partner, self.Partner.search([("phone_invalid", "=", True)]))
        partner.phone = "+32 2 290 34 90"
        self.assertFalse(partner.phone_invalid)

    def test_batch_write_per_country(self):
        be = self.Partner.create({"name": "BE", "country_id": self.belgium.id})
        ru = self.Partner.create({"name": "RU", "country_id": self.russia.id})
        (be | ru).write({"phone": "+32 2 290 34 90"})
        self.assertEqual((be | ru).mapped("phone"), ["+3222903490", "+3222903490"])

    def test_duplicates_across_formats_and_merge(self):
        first = self.Partner.create(
            {"name": "Anna", "country_id": self.belgium.id, "phone": "02/290.34.90"}
        )
        second = self.Partner.create(
            {
                "name": "Anna B.",
                "country_id": self.belgium.id,
                "mobile": "+32 2 290 34 90",
            }
        )
        by_mail = self.Partner.create({"name": "Anna C.", "email": "ANNA@example.com"})
        mailed = self.Partner.create({"name": "Anna D.", "email": "anna@example.com"})
        self.assertEqual(first.duplicate_partner_ids, second)
        self.assertEqual(second.duplicate_partner_count, 1)
        self.assertEqual(by_mail.duplicate_partner_ids, mailed)
        colleague = self.Partner.create(
            {
                "name": "Same company",
                "parent_id": first.id,
                "phone": "02 290 34 90",
                "country_id": self.belgium.id,
            }
        )
        self.assertNotIn(
            colleague, first.duplicate_partner_ids, "a contact of its company"
        )
        action = first.action_merge_duplicates()
        self.assertEqual(action["res_model"], "base.partner.merge.automatic.wizard")
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.partner_ids, first | second)

    def test_lead_matches_existing_contact(self):
        customer = self.Partner.create(
            {"name": "Known", "country_id": self.belgium.id, "phone": "02 290 34 90"}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Inbound",
                "country_id": self.belgium.id,
                "phone": "+32 2 290 34 90",
            }
        )
        self.assertEqual(lead.phone, "+3222903490")
        self.assertEqual(lead.matching_partner_ids, customer)
        lead.action_link_matching_partner()
        self.assertEqual(lead.partner_id, customer)
        self.assertFalse(lead.matching_partner_ids, "no warning once linked")

    def test_lead_invalid_phone_from_form(self):
        form = Form(self.env["crm.lead"])
        form.name = "Bad number"
        form.phone = "000"
        lead = form.save()
        self.assertEqual(lead.phone, "000")
        self.assertTrue(lead.phone_invalid)
