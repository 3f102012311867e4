# label: vulnerable command
import subprocess

def main():
    branch = input("Branch to deploy: ")
    subprocess.run(f"git checkout {branch} && make deploy", shell=True, check=True)

main()
