# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.portal.controllers import portal

NOTIFICATION_FIELDS = ("portal_notify_email", "portal_notify_sms")


class CustomerPortal(portal.CustomerPortal):
    def _get_optional_fields(self):
        return super()._get_optional_fields() + list(NOTIFICATION_FIELDS)

    def _get_portal_sms_country(self, data):
        """Country used to read the phone number typed on the account form."""
        partner = request.env.user.partner_id
        country = request.env["res.country"]
        if str(data.get("country_id") or "").isdigit():
            country = country.browse(int(data["country_id"])).exists()
        return country or partner.country_id or request.env.company.country_id

    def details_form_validate(self, data, partner_creation=False):
        error, error_message = super().details_form_validate(
            data, partner_creation=partner_creation
        )
        if data.get("portal_notify_sms") and not error.get("phone"):
            country = self._get_portal_sms_country(data)
            number = request.env["res.partner"]._phone_format(
                number=data.get("phone"), country=country
            )
            if not number:
                error["phone"] = "error"
                error_message.append(
                    request.env._(
                        "To receive SMS, enter a valid phone number for %(country)s.",
                        country=country.name,
                    )
                )
        return error, error_message

    def on_account_update(self, values, partner):
        # An unticked checkbox is not posted at all: absent means "no".
        for fname in NOTIFICATION_FIELDS:
            values[fname] = bool(values.get(fname))
        return super().on_account_update(values, partner)
