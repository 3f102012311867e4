"""Request and response bodies."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

OrderStatus = Literal["pending", "paid", "shipped", "cancelled"]


class OrderCreate(BaseModel):
    customer_email: str = Field(..., min_length=3, max_length=254)
    total_cents: int = Field(..., ge=0)
    shipping_address: str | None = Field(default=None, max_length=500)


class OrderUpdate(BaseModel):
    status: OrderStatus | None = None
    shipping_address: str | None = Field(default=None, max_length=500)


class OrderOut(BaseModel):
    id: int
    customer_email: str
    status: OrderStatus
    total_cents: int
    shipping_address: str | None = None
    created_at: datetime


class Health(BaseModel):
    status: str
    database: str
