# label: safe command
import os
import sys

def main():
    target = sys.argv[1]
    os.execvp("ls", ["ls", "-la", target])

main()
