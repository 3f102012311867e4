import unittest
from http.server import BaseHTTPRequestHandler


def get_user_name(user):
    return user.name


def _load_config(path):
    return path


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)


class Visitor:
    def visit_FunctionDef(self, node):
        return node


class ReportTest(unittest.TestCase):
    def setUp(self):
        self.rows = []

    def testRendersEmpty(self):
        self.assertEqual(self.rows, [])


def HTTPHandlerFactory():
    return Handler
