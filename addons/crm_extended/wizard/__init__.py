from . import crm_call_log
