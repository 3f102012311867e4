import logging

logger = logging.getLogger(__name__)


def save(record, store):
    try:
        store.write(record)
    finally:
        store.close()
        # expect: py-return-in-finally
        return True


def load(store, key):
    try:
        return store.read(key)
    finally:
        if store.dirty:
            logger.info("store left dirty")
            # expect: py-return-in-finally
            return None
