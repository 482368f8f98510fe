# class: timing
# expect: timeout
# timeout: 1
import time
def add(a, b):
    time.sleep(3600)
