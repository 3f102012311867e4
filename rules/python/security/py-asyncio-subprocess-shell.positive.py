import asyncio
from asyncio import create_subprocess_shell


async def thumbnail(path: str) -> bytes:
    # expect: py-asyncio-subprocess-shell
    proc = await asyncio.create_subprocess_shell(
        f"convert {path} -resize 64x64 png:-",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return out


async def run_hook(hook):
    # expect: py-asyncio-subprocess-shell
    proc = await create_subprocess_shell(hook.command)
    return await proc.wait()


async def stream(loop, protocol_factory, name):
    # expect: py-asyncio-subprocess-shell
    return await loop.subprocess_shell(protocol_factory, "tail -f /var/log/" + name)
