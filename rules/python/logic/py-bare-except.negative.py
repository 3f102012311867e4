import json
import logging

logger = logging.getLogger(__name__)


def read_settings(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError):
        logger.warning("could not read %s", path)
        return {}


def commit(conn):
    try:
        conn.commit()
    except:
        conn.rollback()
        raise
    # except: is fine here only because it re-raises
    return True
