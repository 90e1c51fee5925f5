# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import time

from markupsafe import Markup

from odoo import http
from odoo.http import request
from odoo.tools import consteq, email_normalize, plaintext2html
from odoo.tools.misc import hmac

# name of the hidden field a person never fills and a spam robot does
HONEYPOT_FIELD = "website_url"
UTM_PARAMS = {
    "utm_campaign": ("campaign_id", "utm.campaign"),
    "utm_medium": ("medium_id", "utm.medium"),
    "utm_source": ("source_id", "utm.source"),
}


class CrmLeadForm(http.Controller):
    """Public contact / registration form creating a CRM lead, usable without the
    Website app and embeddable in any site (see the README)."""

    _max_lengths = {
        "contact_name": 128,
        "partner_name": 128,
        "email_from": 254,
        "phone": 32,
        "description": 5000,
    }

    # ------------------------------------------------------------
    # ROUTES
    # ------------------------------------------------------------

    @http.route(
        "/crm/contact",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def lead_form(self, **kwargs):
        values = {key: kwargs.get(key) for key in UTM_PARAMS}
        return self._lead_form_render(values)

    # Odoo's CSRF token is bound to the session cookie, which browsers do not send
    # to a form embedded in another site; this route checks its own signed,
    # time-limited form token instead (_lead_form_token_valid).
    @http.route(
        "/crm/contact",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
        csrf=False,
    )
    def lead_form_submit(self, **post):
        if not self._lead_form_token_valid(post.get("form_token")):
            message = request.env._(
                "This form has expired or was not sent from our page: "
                "please check it and send it again."
            )
            return self._lead_form_render(
                post, errors={}, messages=[message], status=400
            )
        if post.get(HONEYPOT_FIELD):
            # a robot filled the invisible field: thank it and keep nothing
            return request.render("crm_portal.lead_form_thanks")
        remote_addr = request.httprequest.remote_addr or ""
        if self._lead_form_rate_limited(remote_addr):
            message = request.env._(
                "Too many requests were sent from your network. "
                "Please try again in a while."
            )
            return self._lead_form_render(
                post, errors={}, messages=[message], status=429
            )
        errors, messages = self._lead_form_validate(post)
        if errors:
            return self._lead_form_render(post, errors=errors, messages=messages)
        vals = self._lead_form_prepare_values(post)
        vals["form_remote_addr"] = remote_addr
        # the visitor may not create leads: the form was checked above
        lead_sudo = request.env["crm.lead"].sudo().create(vals)
        self._lead_form_after_create(lead_sudo, post)
        return request.render("crm_portal.lead_form_thanks")

    # ------------------------------------------------------------
    # HOOKS
    # ------------------------------------------------------------

    def _lead_form_token(self, timestamp=None):
        """A form token: its creation time, signed with the database secret."""
        timestamp = int(timestamp or time.time())
        signature = hmac(request.env(su=True), "crm_portal.lead_form", timestamp)
        return f"{timestamp}.{signature}"

    def _lead_form_token_valid(self, token):
        timestamp = (token or "").partition(".")[0]
        if not timestamp.isdigit():
            return False
        params = request.env["ir.config_parameter"].sudo()
        max_age = int(params.get_param("crm_portal.lead_form_token_hours", 24)) * 3600
        if not 0 <= time.time() - int(timestamp) <= max_age:
            return False
        return consteq(token, self._lead_form_token(int(timestamp)))

    def _lead_form_interest_tags(self):
        """Tags the visitor may choose as interest."""
        return (
            request.env["crm.tag"]
            .sudo()
            .search([("lead_form_visible", "=", True)], order="name")
        )

    def _lead_form_render(self, values, errors=None, messages=None, status=200):
        return request.render(
            "crm_portal.lead_form_page",
            {
                "form": values,
                "form_token": self._lead_form_token(),
                "errors": errors or {},
                "error_messages": messages or [],
                "interest_tags": self._lead_form_interest_tags(),
                "honeypot_field": HONEYPOT_FIELD,
                "utm_params": list(UTM_PARAMS),
            },
            status=status,
        )

    def _lead_form_rate_limited(self, remote_addr):
        params = request.env["ir.config_parameter"].sudo()
        limit = int(params.get_param("crm_portal.lead_form_rate_limit", 5))
        minutes = int(params.get_param("crm_portal.lead_form_rate_minutes", 60))
        if limit <= 0 or not remote_addr:
            return False
        count = request.env["crm.lead"]._lead_form_recent_count(remote_addr, minutes)
        return count >= limit

    def _lead_form_country(self):
        return request.env.company.country_id

    def _lead_form_validate(self, data):
        """({field: 'missing' | 'error'}, [message]) for the posted form."""
        env = request.env
        errors, messages = {}, []
        for fname, size in self._max_lengths.items():
            if len(data.get(fname) or "") > size:
                errors[fname] = "error"
                messages.append(
                    env._(
                        "%(field)s is too long: at most %(size)s characters.",
                        field=self._lead_form_labels()[fname],
                        size=size,
                    )
                )
        if not (data.get("contact_name") or "").strip():
            errors["contact_name"] = "missing"
            messages.append(env._("Please tell us your name."))
        email = (data.get("email_from") or "").strip()
        phone = (data.get("phone") or "").strip()
        if not email and not phone:
            errors["email_from"] = errors["phone"] = "missing"
            messages.append(env._("Please give an e-mail address or a phone number."))
        if email and not email_normalize(email):
            errors["email_from"] = "error"
            messages.append(
                env._("%(email)s is not a valid e-mail address.", email=email)
            )
        if phone and not env["crm.lead"]._phone_e164(phone, self._lead_form_country()):
            errors["phone"] = "error"
            messages.append(
                env._(
                    "%(phone)s is not a valid phone number for %(country)s: "
                    "start it with + and the country code.",
                    phone=phone,
                    country=self._lead_form_country().name,
                )
            )
        interest = data.get("interest") or ""
        if interest and (
            not interest.isdigit()
            or int(interest) not in self._lead_form_interest_tags().ids
        ):
            errors["interest"] = "error"
            messages.append(env._("Please choose an interest from the list."))
        if not data.get("consent"):
            errors["consent"] = "missing"
            messages.append(
                env._("Please accept that we process your data to answer you.")
            )
        return errors, messages

    def _lead_form_labels(self):
        env = request.env
        return {
            "contact_name": env._("Name"),
            "partner_name": env._("Company"),
            "email_from": env._("E-mail"),
            "phone": env._("Phone"),
            "description": env._("Message"),
        }

    def _lead_form_utm_values(self, data):
        """UTM fields of the lead from the URL's utm_* parameters. Only existing
        campaigns, media and sources are linked: a public form must not create
        records; unknown names are kept in the lead's description."""
        vals, unknown = {}, []
        for param, (fname, model) in UTM_PARAMS.items():
            name = (data.get(param) or "").strip()[:128]
            if not name:
                continue
            record = (
                request.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("name", "=ilike", name)], limit=1)
            )
            if record:
                vals[fname] = record.id
            else:
                unknown.append(f"{param}={name}")
        return vals, unknown

    def _lead_form_find_partner(self, email, phone):
        """The existing contact this visitor is, when every contact point typed
        matches it; linking then changes nothing on the contact (crm.lead writes
        a differing e-mail or phone back to its contact)."""
        partners = (
            request.env["res.partner"]
            .sudo()
            ._find_by_contact_points(
                {email} if email else set(), {phone} if phone else set()
            )
        )
        for partner in partners.sorted("id"):
            if email and partner.email_normalized != email:
                continue
            if phone and partner.phone != phone:
                continue
            return partner
        return partners.browse()

    def _lead_form_is_lead(self):
        group_user = request.env.ref("base.group_user").sudo()
        return request.env.ref("crm.group_use_lead") in group_user.implied_ids

    def _lead_form_prepare_values(self, data):
        env = request.env
        email = email_normalize(data.get("email_from") or "") or False
        phone = (data.get("phone") or "").strip()
        phone = (
            env["crm.lead"]._phone_e164(phone, self._lead_form_country())
            if phone
            else False
        )
        name = data["contact_name"].strip()
        company_name = (data.get("partner_name") or "").strip()
        tag = self._lead_form_interest_tags().filtered(
            lambda t: str(t.id) == data.get("interest")
        )
        utm_vals, unknown_utm = self._lead_form_utm_values(data)
        description = plaintext2html(data.get("description") or "")
        if unknown_utm:
            description += Markup("<p>%s</p>") % env._(
                "Unknown UTM values: %(values)s", values=", ".join(unknown_utm)
            )
        partner = self._lead_form_find_partner(email, phone)
        vals = {
            "name": env._(
                "%(interest)s: %(who)s",
                interest=tag.name or env._("Contact form"),
                who=company_name or name,
            ),
            "type": "lead" if self._lead_form_is_lead() else "opportunity",
            "contact_name": name,
            "partner_name": company_name,
            "email_from": email,
            "phone": phone,
            "description": description,
            "tag_ids": [(6, 0, tag.ids)],
            "user_id": False,
            "company_id": env.company.id,
            **utm_vals,
        }
        if partner:
            vals["partner_id"] = partner.id
        team_id = (
            env["ir.config_parameter"].sudo().get_param("crm_portal.lead_form_team_id")
        )
        if team_id and team_id.isdigit():
            vals["team_id"] = int(team_id)
        return vals

    def _lead_form_after_create(self, lead_sudo, data):
        """Tell the salespeople what the visitor wrote and who they may be."""
        matches = lead_sudo.matching_partner_ids
        if lead_sudo.partner_id or not matches:
            return
        lead_sudo.message_post(
            body=request.env._(
                "This visitor shares an e-mail or phone number with %(contacts)s: "
                "check before linking the lead.",
                contacts=", ".join(matches.mapped("display_name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
