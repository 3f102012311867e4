"""Static service configuration shared by the API and the migration scripts."""

API_TITLE = "Orders API"
API_VERSION = "1.3.0"

# Orders move forward through these states; "cancelled" is terminal.
ORDER_STATUSES = ("pending", "paid", "shipped", "cancelled")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

# Token accepted in the X-Admin-Token header for destructive operations.
ADMIN_TOKEN = "ghp_7Kq2mZx9VbT4nRw8LdJ3pHs6YcF1gUe5Ao0N"
