# label: vulnerable command
import asyncio
from aiohttp import web

async def ping(request):
    host = request.query.get("host")
    proc = await asyncio.create_subprocess_shell("ping -c 1 " + host)
    await proc.wait()
    return web.Response(text="ok")
