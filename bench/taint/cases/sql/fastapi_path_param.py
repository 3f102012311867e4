# label: vulnerable sql
from fastapi import FastAPI
from sqlalchemy import text
from app.database import SessionLocal

app = FastAPI()

@app.get("/teams/{slug}")
def team(slug: str):
    with SessionLocal() as session:
        row = session.execute(text(f"SELECT * FROM teams WHERE slug = '{slug}'")).first()
    return {"team": dict(row._mapping) if row else None}
