from . import crm_stage
from . import crm_lead
from . import crm_lead_stage_history
from . import sale_order
from . import crm_call_campaign
from . import crm_call_campaign_line
from . import crm_call
from . import res_partner
