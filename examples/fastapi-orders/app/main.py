"""HTTP API for creating and tracking customer orders."""

import hmac
import logging
import os

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Response, status
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import ADMIN_TOKEN, API_TITLE, API_VERSION, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from app.db import get_session
from app.models import Order
from app.schemas import Health, OrderCreate, OrderOut, OrderUpdate

LOG_LEVEL = os.getenv("LOG_LEVEL", "info").upper()
PORT = int(os.getenv("PORT", "8000"))
PAGE_SIZE = min(int(os.environ.get("ORDERS_PAGE_SIZE", DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

logging.basicConfig(
    level=LOG_LEVEL,
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)
log = logging.getLogger("orders")

app = FastAPI(title=API_TITLE, version=API_VERSION)


def to_out(order: Order) -> OrderOut:
    return OrderOut(
        id=order.id,
        customer_email=order.customer_email,
        status=order.status,
        total_cents=order.total_cents,
        shipping_address=order.shipping_address,
        created_at=order.created_at,
    )


def load_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="order not found")
    return order


@app.get("/healthz", response_model=Health)
def healthz(response: Response, session: Session = Depends(get_session)) -> Health:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        log.exception("health check: database unreachable")
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return Health(status="degraded", database="unreachable")
    return Health(status="ok", database="ok")


@app.get("/orders", response_model=list[OrderOut])
def list_orders(
    page: int = Query(1, ge=1),
    session: Session = Depends(get_session),
) -> list[OrderOut]:
    stmt = select(Order).order_by(Order.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    return [to_out(order) for order in session.scalars(stmt).all()]


@app.get("/orders/search", response_model=list[OrderOut])
def search_orders(customer: str, session: Session = Depends(get_session)) -> list[OrderOut]:
    query = f"SELECT * FROM orders WHERE customer_email = '{customer}' ORDER BY id"
    rows = session.execute(text(query)).mappings().all()
    return [OrderOut(**row) for row in rows]


@app.get("/orders/stats")
def order_stats(session: Session = Depends(get_session)) -> dict[str, int]:
    stmt = select(Order.status, func.count()).group_by(Order.status)
    return {row_status: count for row_status, count in session.execute(stmt).all()}


@app.post("/orders", response_model=OrderOut, status_code=status.HTTP_201_CREATED)
def create_order(payload: OrderCreate, session: Session = Depends(get_session)) -> OrderOut:
    print("create_order payload:", payload)
    order = Order(
        customer_email=payload.customer_email.strip().lower(),
        total_cents=payload.total_cents,
        shipping_address=payload.shipping_address,
        status="pending",
    )
    session.add(order)
    session.commit()
    session.refresh(order)
    log.info("order %s created", order.id)
    return to_out(order)


@app.get("/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: int, session: Session = Depends(get_session)) -> OrderOut:
    return to_out(load_order(session, order_id))


@app.patch("/orders/{order_id}", response_model=OrderOut)
def update_order(
    order_id: int,
    payload: OrderUpdate,
    session: Session = Depends(get_session),
) -> OrderOut:
    order = load_order(session, order_id)
    if order.status == "cancelled":
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="order is cancelled")
    if payload.status is not None:
        order.status = payload.status
    if payload.shipping_address is not None:
        order.shipping_address = payload.shipping_address
    session.commit()
    session.refresh(order)
    return to_out(order)


@app.delete("/orders/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_order(
    order_id: int,
    x_admin_token: str | None = Header(default=None),
    session: Session = Depends(get_session),
) -> Response:
    if not hmac.compare_digest(x_admin_token or "", ADMIN_TOKEN):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="admin token required")
    order = load_order(session, order_id)
    session.delete(order)
    session.commit()
    log.info("order %s deleted", order_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="0.0.0.0", port=PORT, log_level=LOG_LEVEL.lower())
