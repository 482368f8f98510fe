# class: harness-attacks
# expect: fail
import os
class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
def add(a, b):
    return Payload()
