# class: resource-exhaustion
# expect: timeout
# timeout: 1
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
