import asyncio


async def thumbnail(path: str) -> bytes:
    proc = await asyncio.create_subprocess_exec(
        "convert", path, "-resize", "64x64", "png:-",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return out


async def stream(loop, protocol_factory, name):
    return await loop.subprocess_exec(protocol_factory, "tail", "-f", name)
