# label: safe sql
from fastapi import FastAPI
from app.database import engine

app = FastAPI()

@app.get("/orders/{order_id}")
def order(order_id: int):
    with engine.connect() as conn:
        row = conn.exec_driver_sql(f"SELECT * FROM orders WHERE id = {order_id}").first()
    return {"found": row is not None}
