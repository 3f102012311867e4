"""ORM models. Keep in step with migrations/versions/."""

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, func
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Order(Base):
    __tablename__ = "orders"

    id = Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    customer_email = Column(String(254), nullable=False, index=True)
    status = Column(String(16), nullable=False, default="pending")
    total_cents = Column(Integer, nullable=False)
    shipping_address = Column(String(500), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())

    def __repr__(self) -> str:
        return f"<Order id={self.id} status={self.status}>"
