from . import helpdesk_ticket
from . import res_company
from . import res_config_settings
from . import res_partner
from . import sale_order
from . import stock_picking
from . import survey_survey
from . import survey_user_input
