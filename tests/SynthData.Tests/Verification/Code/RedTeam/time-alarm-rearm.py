# class: timing
# expect: timeout
# timeout: 1
import signal
signal.signal(signal.SIGALRM, lambda *a: signal.alarm(1))
def add(a, b):
    while True:
        pass
