# class: survivors
# expect: fail
import threading, time, os
def later():
    time.sleep(0.2)
    os.write(1, b'END passed "thread"\n')
threading.Thread(target=later).start()
def add(a, b):
    return None
