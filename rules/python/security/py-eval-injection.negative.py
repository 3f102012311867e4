import ast
import re


def calculate(text):
    return ast.literal_eval(text)


def pattern(expr):
    return re.compile(expr, re.IGNORECASE)


def predict(model, batch):
    model.eval()
    return model(batch)


def constant():
    return eval("1 + 2")


def bootstrap():
    exec("import sys")


# eval(user_input) is dangerous
NOTE = "never call eval(request.data)"
