# label: vulnerable code
def repl():
    while True:
        line = input(">>> ")
        if line == "quit":
            break
        exec(line)

repl()
