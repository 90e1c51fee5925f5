from . import crm_funnel_report
from . import crm_roi_report
from . import crm_kpi_report
from . import crm_demand_forecast
