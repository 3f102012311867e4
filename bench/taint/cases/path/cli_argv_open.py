# label: safe path
import sys

def main():
    with open(sys.argv[1]) as fh:
        print(sum(1 for _ in fh))

main()
