from dataclasses import dataclass


@dataclass
class User:
    id: int
    type: str = "member"


def fetch_user(session, user_id):
    return session.get(user_id)


def tally(rows, kind="order"):
    matching = [r for r in rows if r.kind == kind]
    largest = max((r.amount for r in matching), default=0)
    total = sum(r.amount for r in matching)
    return largest, total, len(matching), User(id=1).type


class Codec:
    def encode(self, input, errors="strict"):
        return input.encode("ascii", errors), len(input)


def total_length(chunks, len=len, sum=sum):
    return sum(len(c) for c in chunks)
