from . import test_funnel_step
from . import test_stage_history
from . import test_stage_history_access
from . import test_stage_history_backfill
from . import test_stage_requirements
from . import test_sale_fulfilment
from . import test_stale_deals
from . import test_telemarketing
