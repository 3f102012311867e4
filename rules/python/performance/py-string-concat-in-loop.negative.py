def render_rows(rows):
    parts = ["<table>"]
    total = 0
    for row in rows:
        parts.append(f"<tr><td>{row.name}</td></tr>")
        total += row.amount
    parts.append("</table>")
    header = "<h1>"
    header += "Report</h1>"
    return header + "".join(parts), total
