# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request
from odoo.tools.mimetypes import get_extension, guess_mimetype

from odoo.addons.helpdesk_mgmt.controllers import main, myaccount

# Sniffed types accepted for each allowed extension, as prefixes: libmagic only sees
# the first bytes, so an Office file may be sniffed as a plain zip or OLE container.
OLE_TYPES = (
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-office",
    "application/x-ole-storage",
    "application/cdfv2",
)
ZIP_TYPES = (
    "application/zip",
    "application/x-zip",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
)
ATTACHMENT_MIMETYPES = {
    "pdf": ("application/pdf",),
    "png": ("image/png",),
    "jpg": ("image/jpeg",),
    "jpeg": ("image/jpeg",),
    "gif": ("image/gif",),
    "txt": ("text/plain",),
    "csv": ("text/plain", "text/csv", "application/csv"),
    "doc": OLE_TYPES,
    "xls": OLE_TYPES,
    "docx": ZIP_TYPES,
    "xlsx": ZIP_TYPES,
    "odt": ZIP_TYPES,
    "ods": ZIP_TYPES,
}
DEFAULT_ATTACHMENT_TYPES = "pdf,png,jpg,jpeg,gif,txt,csv,doc,docx,xls,xlsx,odt,ods"
DEFAULT_ATTACHMENT_MAX_MB = 10


class TicketFormError(Exception):
    """A ticket form value the customer must correct, with the HTTP status to answer
    (404 for an order that is not theirs, like the order page does)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


class HelpdeskTicketController(main.HelpdeskTicketController):
    """The portal ticket form: opened from an order, validated on the server."""

    ticket_subject_max_length = 200
    ticket_description_max_length = 10000
    recent_orders_limit = 20

    # ------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------

    @http.route()
    def create_new_ticket(self, **kw):
        try:
            self._get_ticket_sale_order(kw.get("sale_order_id"))
        except TicketFormError as error:
            return self._render_ticket_form(
                kw, {"sale_order_id": str(error)}, error.status
            )
        return super().create_new_ticket(**kw)

    @http.route()
    def submit_ticket(self, **kw):
        errors, status = self._check_ticket_form(kw)
        if errors:
            return self._render_ticket_form(kw, errors, status)
        return super().submit_ticket(**kw)

    @http.route()
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt closes any ticket id as superuser: only let the customer
        close a ticket they may read, with ids that are numbers."""
        ticket_id, stage_id = kw.get("ticket_id"), kw.get("stage_id")
        if not (str(ticket_id or "").isdigit() and str(stage_id or "").isdigit()):
            return request.redirect("/my")
        ticket = request.env["helpdesk.ticket"].browse(int(ticket_id)).exists()
        if not ticket or not ticket.has_access("read"):
            return request.redirect("/my")
        return super().support_ticket_close(**kw)

    # ------------------------------------------------------------
    # Form values
    # ------------------------------------------------------------

    def _render_ticket_form(self, kw, errors, status):
        values = self._get_create_new_ticket_values(**kw)
        values["ticket_errors"] = errors
        return request.render(
            "helpdesk_mgmt.portal_create_ticket", values, status=status
        )

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        try:
            order = self._get_ticket_sale_order(kw.get("sale_order_id"))
        except TicketFormError:
            order = request.env["sale.order"]
        sale_orders = self._get_ticket_recent_orders()
        values.update(
            ticket_sale_order=order,
            ticket_sale_orders=order | sale_orders if order else sale_orders,
            ticket_errors={},
            # what the customer typed, shown again when the form comes back
            ticket_form={
                "subject": kw.get("subject") or "",
                "description": kw.get("description") or "",
                "category": kw.get("category") or "",
                "team": kw.get("team") or "",
                "sale_order_id": str(order.id) if order else "",
            },
        )
        return values

    def _get_ticket_order_domain(self, partner):
        """Orders a customer may open a ticket about: theirs, quotations included."""
        return [
            ("message_partner_ids", "child_of", [partner.commercial_partner_id.id]),
            ("state", "in", ("sent", "sale")),
        ]

    def _get_ticket_recent_orders(self):
        SaleOrder = request.env["sale.order"]
        if not SaleOrder.has_access("read"):
            return SaleOrder
        return SaleOrder.search(
            self._get_ticket_order_domain(request.env.user.partner_id),
            order="date_order desc, id desc",
            limit=self.recent_orders_limit,
        )

    def _get_ticket_sale_order(self, raw_id):
        """The order a ticket is about, read with the customer's rights. Raises
        TicketFormError for an id that is not a number or not one of their orders
        (the same message for both, so nobody learns which ids exist)."""
        SaleOrder = request.env["sale.order"]
        if raw_id in (None, ""):
            return SaleOrder
        if not str(raw_id).isdigit():
            raise TicketFormError(request.env._("This order reference is not valid."))
        order = SaleOrder
        if SaleOrder.has_access("read"):
            order = SaleOrder.search(
                self._get_ticket_order_domain(request.env.user.partner_id)
                + [("id", "=", int(raw_id))],
                limit=1,
            )
        if not order:
            raise TicketFormError(
                request.env._("This order does not exist or is not one of yours."),
                status=404,
            )
        return order

    # ------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------

    def _check_ticket_form(self, kw):
        """Return ({field name: translated message}, HTTP status) for the values
        to correct; no error gives an empty dict."""
        env = request.env
        errors = {}
        status = 400
        subject = (kw.get("subject") or "").strip()
        description = (kw.get("description") or "").strip()
        if not subject:
            errors["subject"] = env._("Please enter a subject.")
        elif len(subject) > self.ticket_subject_max_length:
            errors["subject"] = env._(
                "The subject is too long: %(max)s characters at most.",
                max=self.ticket_subject_max_length,
            )
        if not description:
            errors["description"] = env._("Please describe your request.")
        elif len(description) > self.ticket_description_max_length:
            errors["description"] = env._(
                "The description is too long: %(max)s characters at most.",
                max=self.ticket_description_max_length,
            )
        try:
            self._get_ticket_sale_order(kw.get("sale_order_id"))
        except TicketFormError as error:
            errors["sale_order_id"] = str(error)
            status = error.status
        attachment_error = self._check_ticket_attachments(
            request.httprequest.files.getlist("attachment")
        )
        if attachment_error:
            errors["attachment"] = attachment_error
        return errors, status

    def _get_ticket_attachment_limits(self):
        """(maximum size in bytes, allowed extensions) from the system parameters."""
        params_sudo = request.env["ir.config_parameter"].sudo()
        try:
            max_mb = float(
                params_sudo.get_param(
                    "crm_portal.ticket_attachment_max_mb", DEFAULT_ATTACHMENT_MAX_MB
                )
            )
        except ValueError:
            max_mb = DEFAULT_ATTACHMENT_MAX_MB
        types = params_sudo.get_param(
            "crm_portal.ticket_attachment_types", DEFAULT_ATTACHMENT_TYPES
        )
        extensions = {ext.strip().lstrip(".").lower() for ext in types.split(",")}
        return int(max_mb * 1024 * 1024), extensions - {""}

    def _get_ticket_attachment_mimetypes(self, extension):
        """Sniffed mimetypes (prefixes) accepted for a file with this extension."""
        return ATTACHMENT_MIMETYPES.get(extension, ())

    def _check_ticket_attachments(self, files):
        """A message for the first file that is too big or of a forbidden type."""
        env = request.env
        max_size, extensions = self._get_ticket_attachment_limits()
        for upload in files:
            if not upload.filename:
                continue
            data = upload.read()
            upload.seek(0)  # helpdesk_mgmt reads the file again to store it
            if len(data) > max_size:
                return env._(
                    "The file %(name)s is too big: %(max)s MB at most.",
                    name=upload.filename,
                    max=round(max_size / 1024 / 1024, 1),
                )
            extension = get_extension(upload.filename).lstrip(".")
            mimetype = (guess_mimetype(data) or "").lower()
            accepted = self._get_ticket_attachment_mimetypes(extension)
            if (
                extension not in extensions
                or not accepted
                or not mimetype.startswith(accepted)
            ):
                return env._(
                    "The file %(name)s is not an accepted type. Accepted types: "
                    "%(types)s.",
                    name=upload.filename,
                    types=", ".join(sorted(extensions)),
                )
        return None

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        # checked by submit_ticket with the customer's rights before this point
        vals["sale_order_id"] = self._get_ticket_sale_order(kw.get("sale_order_id")).id
        return vals


class CustomerPortalHelpdesk(myaccount.CustomerPortalHelpdesk):
    """The portal ticket pages show the order a ticket is about and its SLA."""

    @http.route()
    def portal_my_tickets(self, *args, **kw):
        response = super().portal_my_tickets(*args, **kw)
        qcontext = getattr(response, "qcontext", None)
        if qcontext and qcontext.get("grouped_tickets"):
            tickets = request.env["helpdesk.ticket"].concat(
                *qcontext["grouped_tickets"]
            )
            qcontext.update(self._get_ticket_list_order_values(tickets))
        return response

    def _get_ticket_list_order_values(self, tickets):
        """The order of each listed ticket. The tickets were searched with the
        customer's rules; an order they cannot open is named without a link."""
        tickets_sudo = tickets.sudo()
        orders_sudo = tickets_sudo.sale_order_id
        readable = orders_sudo.with_env(request.env)._filtered_access("read")
        return {
            "ticket_orders": {
                ticket.id: ticket.sale_order_id for ticket in tickets_sudo
            },
            "ticket_readable_order_ids": set(readable.ids),
        }

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # `ticket` passed _document_check_access (rights or token) and is read as
        # superuser: the order gets a link only when the visitor may open it
        order_sudo = ticket.sale_order_id
        values.update(
            ticket_order=order_sudo,
            ticket_order_url=order_sudo.access_url
            if order_sudo and order_sudo.with_env(request.env).has_access("read")
            else False,
            ticket_sla=ticket._get_portal_sla_state(),
        )
        return values
