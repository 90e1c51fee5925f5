from . import crm_portal_notification_mixin
from . import res_partner
from . import sale_order
from . import account_move
from . import helpdesk_ticket
