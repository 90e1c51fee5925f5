from . import test_funnel_step
