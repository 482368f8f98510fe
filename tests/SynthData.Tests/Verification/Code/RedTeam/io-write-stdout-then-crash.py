# class: stdin-stdout
# expect: fail
# stdin: 3 4\n
# stdout: 7\n
print(7, flush=True)
raise SystemExit(3)
