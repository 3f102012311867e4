# label: vulnerable code
import sys

def main():
    config = eval(sys.argv[1])
    print(config.get("name"))

main()
