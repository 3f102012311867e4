# label: vulnerable command
import os

def open_editor(filename):
    editor = os.environ.get("EDITOR", "vi")
    os.system(editor + " " + filename)
