import builtins


def calculate(request):
    expression = request.GET.get("expr", "")
    # expect: py-eval-injection, py-taint-code
    return eval(expression)


def apply_filter(rows, rule):
    # expect: py-eval-injection
    return [row for row in rows if eval(f"row.{rule}")]


def run_plugin(source_code, namespace):
    # expect: py-eval-injection
    exec(source_code, namespace)


def load_hook(path):
    with open(path) as fh:
        # expect: py-eval-injection
        code = compile(fh.read(), path, "exec")
    return code


def setter(obj, field, value):
    # expect: py-eval-injection
    builtins.exec("obj." + field + " = " + repr(value))
