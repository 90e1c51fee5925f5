from . import crm_funnel_diagnosis
from . import crm_funnel_diagnosis_finding
from . import crm_analytics_xlsx_export
from . import utm_campaign_cost_import
