# label: safe path
from fastapi import FastAPI
from fastapi.responses import FileResponse

app = FastAPI()

@app.get("/avatars/{user_id}")
def avatar(user_id: int):
    return FileResponse(f"/srv/avatars/{user_id}.png")
