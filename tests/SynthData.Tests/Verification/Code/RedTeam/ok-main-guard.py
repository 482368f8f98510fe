# class: controls
# expect: pass
# timeout: 10
def add(a, b):
    return a + b
if __name__ == "__main__":
    assert add(1, 1) == 2
    print("self-test ok")
