from . import test_campaign_cost
from . import test_funnel_report
from . import test_funnel_diagnosis
from . import test_xlsx_export
