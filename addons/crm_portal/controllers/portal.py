# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.sale.controllers import portal

NOTIFICATION_FIELDS = ("portal_notify_email", "portal_notify_sms")


class CustomerPortal(portal.CustomerPortal):
    # ------------------------------------------------------------
    # FEEDBACK SURVEYS: /my counter and /my/surveys
    # ------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "crm_survey_count" in counters:
            UserInput = request.env["survey.user_input"]
            values["crm_survey_count"] = (
                UserInput.search_count(self._prepare_feedback_domain())
                if UserInput.has_access("read")
                else 0
            )
        return values

    def _prepare_feedback_domain(self):
        """The logged-in customer's pending feedback invitations."""
        return request.env["survey.user_input"]._crm_feedback_portal_domain(
            request.env.user.partner_id
        )

    @http.route(
        ["/my/surveys", "/my/surveys/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_feedback_surveys(self, page=1, **kw):
        UserInput = request.env["survey.user_input"]
        domain = self._prepare_feedback_domain()
        values = self._prepare_portal_layout_values()
        has_access = UserInput.has_access("read")
        total = UserInput.search_count(domain) if has_access else 0
        pager = portal_pager(
            url="/my/surveys", total=total, page=page, step=self._items_per_page
        )
        user_inputs = (
            UserInput.search(
                domain,
                order="crm_feedback_sent_date desc, id desc",
                limit=self._items_per_page,
                offset=pager["offset"],
            )
            if has_access
            else UserInput
        )
        values.update(
            page_name="crm_surveys",
            pager=pager,
            default_url="/my/surveys",
            # found under the customer's record rules; read as superuser to show
            # the survey titles and the linked order or ticket
            feedback_inputs_sudo=user_inputs.sudo(),
        )
        return request.render("crm_portal.portal_my_feedback_surveys", values)

    # ------------------------------------------------------------
    # ORDERS: fulfilment filter and status
    # ------------------------------------------------------------

    def _get_order_searchbar_filters(self):
        """Filters of /my/orders on crm_extended's fulfilment milestones."""
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "progress": {
                "label": env._("In preparation"),
                "domain": [("fulfilment_milestone", "in", ("confirmed", "preparing"))],
            },
            "shipped": {
                "label": env._("On the way"),
                "domain": [("fulfilment_milestone", "=", "shipped")],
            },
            "to_pay": {
                "label": env._("Awaiting payment"),
                "domain": [("fulfilment_milestone", "in", ("delivered", "invoiced"))],
            },
            "paid": {
                "label": env._("Paid"),
                "domain": [("fulfilment_milestone", "=", "paid")],
            },
        }

    def _get_order_filterby(self):
        filterby = request.httprequest.args.get("filterby") or "all"
        return filterby if filterby in self._get_order_searchbar_filters() else "all"

    def _prepare_orders_domain(self, partner):
        domain = super()._prepare_orders_domain(partner)
        return (
            domain
            + self._get_order_searchbar_filters()[self._get_order_filterby()]["domain"]
        )

    def _prepare_sale_portal_rendering_values(
        self,
        page=1,
        date_begin=None,
        date_end=None,
        sortby=None,
        quotation_page=False,
        **kwargs,
    ):
        values = super()._prepare_sale_portal_rendering_values(
            page=page,
            date_begin=date_begin,
            date_end=date_end,
            sortby=sortby,
            quotation_page=quotation_page,
            **kwargs,
        )
        if quotation_page:
            return values
        filterby = self._get_order_filterby()
        values.update(
            searchbar_filters=self._get_order_searchbar_filters(),
            filterby=filterby,
        )
        if filterby != "all":
            # keep the filter on the pages' links
            partner = request.env.user.partner_id
            url_args = {
                "date_begin": date_begin,
                "date_end": date_end,
                "filterby": filterby,
            }
            values["pager"] = portal_pager(
                url=values["default_url"],
                total=request.env["sale.order"].search_count(
                    self._prepare_orders_domain(partner)
                ),
                page=page,
                step=self._items_per_page,
                url_args=url_args,
            )
        return values

    # ------------------------------------------------------------
    # ACCOUNT: notification preferences
    # ------------------------------------------------------------

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
