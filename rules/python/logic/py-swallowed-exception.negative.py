import contextlib
import logging
import os

logger = logging.getLogger(__name__)


def remove_stale(paths):
    removed = 0
    for path in paths:
        try:
            os.remove(path)
            removed += 1
        except FileNotFoundError:
            pass
        except Exception:
            logger.exception("could not remove %s", path)
    with contextlib.suppress(FileNotFoundError):
        os.remove("stale.lock")
    return removed
