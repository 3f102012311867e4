"""add shipping address and customer lookup index

Revision ID: 0002
Revises: 0001
Create Date: 2024-04-02 16:40:07.550318
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("shipping_address", sa.String(length=500), nullable=True))
    op.create_index("ix_orders_customer_email", "orders", ["customer_email"])


def downgrade() -> None:
    op.drop_index("ix_orders_customer_email", table_name="orders")
    op.drop_column("orders", "shipping_address")
