import logging
import warnings

import urllib3

warnings.filterwarnings("ignore", category=DeprecationWarning)
logging.getLogger("urllib3").setLevel(logging.WARNING)
http = urllib3.PoolManager()
