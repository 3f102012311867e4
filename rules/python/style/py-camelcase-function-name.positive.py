# expect: py-camelcase-function-name
def getUserName(user):
    return user.name


# expect: py-camelcase-function-name
def loadConfig(path):
    return path


class Report:
    # expect: py-camelcase-function-name
    def _renderRows(self, rows):
        return [r.upper() for r in rows]
