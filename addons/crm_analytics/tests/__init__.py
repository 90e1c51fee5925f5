from . import test_campaign_cost
from . import test_roi_report
from . import test_cost_import
from . import test_kpi_report
from . import test_digest
from . import test_demand_forecast
from . import test_report_views
