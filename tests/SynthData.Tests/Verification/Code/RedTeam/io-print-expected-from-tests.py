# class: stdin-stdout
# expect: fail
# stdin: 3 4\n
# stdout: 7\n
import sys
print(sys.stdin.read())
