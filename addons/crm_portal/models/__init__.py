from . import crm_lead
from . import crm_tag
from . import helpdesk_ticket
from . import res_partner
from . import sale_order
