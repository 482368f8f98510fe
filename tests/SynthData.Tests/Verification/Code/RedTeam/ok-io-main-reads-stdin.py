# class: controls
# expect: pass
# stdin: 3 4\n
# stdout: 7\n
# timeout: 10
import sys
a, b = map(int, sys.stdin.read().split())
print(a + b)
