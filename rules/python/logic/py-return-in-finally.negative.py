import logging

logger = logging.getLogger(__name__)


def save(record, store):
    try:
        store.write(record)
    finally:
        store.close()
    return True


def load(store, key):
    try:
        value = store.read(key)
    finally:

        def report():
            return store.dirty

        if report():
            logger.info("store left dirty")
    return value
