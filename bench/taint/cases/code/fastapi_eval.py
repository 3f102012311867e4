# label: vulnerable code
from fastapi import FastAPI

app = FastAPI()

@app.get("/math")
def math(expr: str):
    return {"value": eval(expr)}
