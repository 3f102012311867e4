import json
import logging

logger = logging.getLogger(__name__)


def read_settings(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    # expect: py-bare-except
    except:
        logger.warning("could not read %s", path)
        return {}


def close_quietly(conn):
    try:
        conn.close()
    # expect: py-bare-except
    except:
        return False
    return True
