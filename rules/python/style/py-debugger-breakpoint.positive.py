import pdb


def settle(order):
    total = sum(line.amount for line in order.lines)
    # expect: py-debugger-breakpoint
    breakpoint()
    if total < 0:
        # expect: py-debugger-breakpoint
        pdb.set_trace()
    return total


def recover(job):
    try:
        job.run()
    except RuntimeError:
        import ipdb

        # expect: py-debugger-breakpoint
        ipdb.post_mortem()
