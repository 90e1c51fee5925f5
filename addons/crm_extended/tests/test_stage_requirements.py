# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CrmExtendedCommon


@tagged("post_install", "-at_install")
class TestStageRequirements(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Fields = cls.env["ir.model.fields"]
        cls.stage_offer.required_field_ids = Fields._get("crm.lead", "expected_revenue")
        cls.stage_price.required_field_ids = Fields._get(
            "crm.lead", "partner_id"
        ) | Fields._get("crm.lead", "date_deadline")
        cls.lead = cls._create_lead("Needs revenue", cls.salesman_a, cls.team_a)

    def _stay_count(self):
        return self.env["crm.lead.stage.history"].search_count(
            [("lead_id", "=", self.lead.id)]
        )

    def test_write_refused_with_the_missing_fields(self):
        before = self._stay_count()
        with self.assertRaises(ValidationError) as error:
            self.lead.with_user(self.salesman_a).write(
                {"stage_id": self.stage_offer.id}
            )
        self.assertEqual(
            str(error.exception),
            "“Needs revenue” cannot enter stage “T Offer” yet: fill in "
            "Expected Revenue first.",
        )
        self.env.invalidate_all()
        self.assertEqual(self.lead.stage_id, self.stage_new, "nothing was written")
        self.assertEqual(self._stay_count(), before)

    def test_all_missing_fields_are_named(self):
        with self.assertRaisesRegex(ValidationError, "Customer, Expected Closing"):
            self.lead.write({"stage_id": self.stage_price.id})

    def test_write_with_the_field_passes(self):
        self.lead.write({"stage_id": self.stage_offer.id, "expected_revenue": 900})
        self.assertEqual(self.lead.stage_id, self.stage_offer)

    def test_form_path(self):
        form = Form(self.lead.with_user(self.salesman_a))
        form.stage_id = self.stage_offer
        with self.assertRaises(ValidationError):
            form.save()

    def test_create_and_import_paths(self):
        with self.assertRaises(ValidationError):
            self.env["crm.lead"].create(
                {"name": "Straight to offer", "stage_id": self.stage_offer.id}
            )
        with mute_logger("odoo.models"):
            result = self.env["crm.lead"].load(
                ["name", "stage_id/.id"],
                [
                    ["Imported ok", str(self.stage_new.id)],
                    ["Imported to offer", str(self.stage_offer.id)],
                ],
            )
        self.assertFalse(result["ids"], "the import is refused as a whole")
        self.assertIn("Expected Revenue", result["messages"][0]["message"])
        self.assertFalse(
            self.env["crm.lead"].search_count([("name", "like", "Imported ")])
        )

    def test_only_lead_fields_can_be_required(self):
        with self.assertRaises(ValidationError):
            self.stage_new.required_field_ids = self.env["ir.model.fields"]._get(
                "res.partner", "name"
            )

    def test_message_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["crm_extended"], ["ru_RU"])
        with self.assertRaises(ValidationError) as error:
            self.lead.with_context(lang="ru_RU").write(
                {"stage_id": self.stage_offer.id}
            )
        self.assertIn("пока не может перейти на этап", str(error.exception))

    def test_quotation_before_price_discussion(self):
        """The article's example: no price discussion without a quotation."""
        self.stage_price.required_field_ids = self.env["ir.model.fields"]._get(
            "crm.lead", "order_ids"
        )
        customer = self.env["res.partner"].create({"name": "Quoted customer"})
        self.lead.partner_id = customer
        with self.assertRaisesRegex(ValidationError, "Orders"):
            self.lead.write({"stage_id": self.stage_price.id})
        self.env["sale.order"].create(
            {"partner_id": customer.id, "opportunity_id": self.lead.id}
        )
        self.lead.write({"stage_id": self.stage_price.id})
        self.assertEqual(self.lead.stage_id, self.stage_price)
