# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.survey.controllers import main


class Survey(main.Survey):
    def _get_access_data(
        self, survey_token, answer_token, ensure_token=True, check_partner=True
    ):
        """A customer's feedback answer belongs to him: another logged-in customer
        holding its token may neither answer it nor print it (survey skips the
        partner check on the print route). Survey officers keep their access;
        the public user keeps the e-mail link."""
        access_data = super()._get_access_data(
            survey_token,
            answer_token,
            ensure_token=ensure_token,
            check_partner=check_partner,
        )
        answer_sudo = access_data["answer_sudo"]
        user = request.env.user
        if (
            answer_sudo.crm_feedback_kind
            and not user._is_public()
            and not access_data["has_survey_access"]
            and answer_sudo.partner_id != user.partner_id
        ):
            access_data["validity_code"] = "answer_wrong_user"
        return access_data

    def _redirect_with_error(self, access_data, error_key):
        if (
            error_key == "answer_wrong_user"
            and access_data["answer_sudo"].crm_feedback_kind
        ):
            return request.render(
                "survey.survey_access_error",
                {"survey": access_data["survey_sudo"]},
                status=403,
            )
        return super()._redirect_with_error(access_data, error_key)
