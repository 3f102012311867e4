DEFAULTS = {
    "timeout": 30,
    "retries": 3,
    # expect: py-duplicate-dict-key
    "timeout": 60,
}

STATUS_NAMES = {
    200: "ok",
    404: "not found",
    # expect: py-duplicate-dict-key
    200: "success",
}
