from . import crm_stage
from . import crm_lead
from . import crm_lead_stage_history
from . import sale_order
