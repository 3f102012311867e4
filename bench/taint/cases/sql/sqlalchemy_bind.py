# label: safe sql
from fastapi import FastAPI
from sqlalchemy import text
from app.database import SessionLocal

app = FastAPI()

@app.get("/teams/{slug}")
def team(slug: str):
    with SessionLocal() as session:
        row = session.execute(text("SELECT * FROM teams WHERE slug = :slug"), {"slug": slug}).first()
    return {"found": row is not None}
