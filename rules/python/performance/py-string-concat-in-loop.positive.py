def render_rows(rows):
    html = "<table>"
    for row in rows:
        # expect: py-string-concat-in-loop
        html += f"<tr><td>{row.name}</td></tr>"
        # expect: py-string-concat-in-loop
        html = html + "\n"
    return html + "</table>"


class Report:
    def __init__(self):
        self.text = ""

    def add_all(self, lines):
        for line in lines:
            # expect: py-string-concat-in-loop
            self.text += line + "\n"
