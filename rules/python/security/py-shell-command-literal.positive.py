import asyncio
import os
import subprocess


def restart():
    # expect: py-shell-command-literal
    subprocess.run("systemctl restart nginx", shell=True, check=True)


def clear():
    # expect: py-shell-command-literal
    os.system("clear")


def disk_usage():
    # expect: py-shell-command-literal
    return os.popen("df -h /").read()


async def list_jobs():
    # expect: py-shell-command-literal
    proc = await asyncio.create_subprocess_shell("crontab -l", stdout=asyncio.subprocess.PIPE)
    return await proc.communicate()
