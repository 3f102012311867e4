TIMEOUT = "timeout"

DEFAULTS = {
    "timeout": 30,
    "retries": 3,
    "read_timeout": 60,
}

OVERRIDES = {**DEFAULTS, "timeout": 60}

NESTED = {
    "a": {"id": 1},
    "b": {"id": 2},
}

BY_NAME = {TIMEOUT: 1, "TIMEOUT": 2}
