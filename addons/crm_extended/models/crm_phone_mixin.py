# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PHONE_FIELDS = ("phone", "mobile")


class CrmPhoneMixin(models.AbstractModel):
    """Store phone numbers in E.164 (+3222903490) so that the same number typed in
    different ways is one number, for duplicate detection, search and SMS. The country
    comes from the record, else its company, else the current company. A number that
    cannot be read is kept exactly as typed and flagged, never dropped."""

    _name = "crm.phone.mixin"
    _description = "E.164 phone numbers"

    phone_invalid = fields.Boolean(
        string="Invalid Phone",
        compute="_compute_phone_invalid",
        store=True,
        help="The phone or mobile number could not be read as a valid number for the "
        "country: it is kept as typed.",
    )

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_phone_invalid(self):
        for record in self:
            record.phone_invalid = any(
                record[fname] and not record._phone_e164(record[fname])
                for fname in PHONE_FIELDS
                if fname in record._fields
            )

    def _phone_country(self, vals=None):
        """Country used to read this record's numbers."""
        country_id = (vals or {}).get("country_id")
        if country_id:
            return self.env["res.country"].browse(country_id)
        record = self[:1]
        return (
            record.country_id
            or record.company_id.country_id
            or self.env.company.country_id
        )

    def _phone_e164(self, number, country=None):
        """The number in E.164, or False when it cannot be read."""
        country = country or self._phone_country()
        if not number or not country:
            return False
        return self._phone_format_number(number, country, force_format="E164")

    def _phone_normalize_vals(self, vals):
        """Copy of vals with readable numbers in E.164; unreadable ones untouched."""
        if not any(vals.get(fname) for fname in PHONE_FIELDS):
            return vals
        country = self._phone_country(vals)
        vals = dict(vals)
        for fname in PHONE_FIELDS:
            if vals.get(fname):
                vals[fname] = self._phone_e164(vals[fname], country) or vals[fname]
        return vals

    def _get_contact_points(self):
        """(e-mails, E.164 numbers) these records are reached at. Models using the
        mixin have email_normalized (mail.thread.blacklist)."""
        emails = {rec.email_normalized for rec in self if rec.email_normalized}
        phones = {
            rec[fname]
            for rec in self
            for fname in PHONE_FIELDS
            if fname in rec._fields and rec[fname] and rec[fname].startswith("+")
        }
        return emails, phones

    def _shares_contact_point(self, other):
        """Whether this record and `other` (of any model using the mixin) share an
        e-mail or an E.164 number."""
        emails, phones = self._get_contact_points()
        other_emails, other_phones = other._get_contact_points()
        return bool(emails & other_emails or phones & other_phones)

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._phone_normalize_vals(v) for v in vals_list])

    def write(self, vals):
        if not any(vals.get(fname) for fname in PHONE_FIELDS):
            return super().write(vals)
        # records of different countries read the same national number differently
        by_country = self.grouped(lambda rec: rec._phone_country(vals))
        for records in by_country.values():
            super(CrmPhoneMixin, records).write(records._phone_normalize_vals(vals))
        return True
