"""SynthData warm sandbox ("zygote"): one per parallel slot, started inside its own bubblewrap jail.

It pays Python's start-up and the common stdlib imports once, then serves checks one at a time. It never runs
untrusted code and never reads a job or a program's output: for each check it forks a supervisor, which

  1. enters new mount, PID, network, IPC, UTS and cgroup namespaces, mounts a fresh size-capped tmpfs on /tmp
     (and /dev/shm), makes /dev read-only and brings up loopback;
  2. drops every capability (bounding set, ambient, effective, permitted, inheritable), sets no_new_privs and
     installs a seccomp filter that denies the kernel keyring calls (see deny_keyrings);
  3. forks the init of the new PID namespace, which forks the harness (harness.py's main, the same trusted code
     a fresh sandbox runs); everything the program starts lives in that namespace and dies with its init;
  4. only then copies the job from the host to the harness's stdin, collects its stdout and stderr under the
     output cap, kills the init at the wall deadline, and writes one result frame to the host.

The supervisor is a throw-away process: the job and the program's output pass through it, never through the
zygote, so nothing of one check is in the memory the next check is forked from.

Host -> zygote, per check:   "<wall ms> <output cap> <job bytes>\\n" then the job bytes.
Supervisor -> host:          "R <exit code|x> <timed out 0|1> <over cap 0|1> <stdout bytes> <stderr bytes>\\n" + data
Failures:                    "E <message bytes>\\n" + message (the host then discards this zygote).
At start, after a self-test of the isolation steps: "READY\\n".
"""

import builtins
import ctypes
import fcntl
import os
import resource
import select
import signal
import socket
import struct
import sys
import time

# Warm-up: what programs and tests commonly import (each costs milliseconds per check in a cold interpreter).
import bisect, collections, copy, datetime, decimal, fractions, functools, hashlib, heapq, itertools  # noqa: E401,F401
import json, math, operator, random, re, statistics, string, typing  # noqa: E401,F401

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS = 0x00020000, 0x02000000, 0x04000000
CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET = 0x08000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_DUMPABLE, PR_CAPBSET_READ, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS = 4, 23, 24, 38, 39
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
LINUX_CAPABILITY_VERSION_3 = 0x20080522
SIOCSIFFLAGS, IFF_UP = 0x8914, 1
DRAIN_GRACE = 1.0

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


class CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


class SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]


# machine -> (AUDIT_ARCH_*, syscall numbers of add_key, request_key, keyctl)
SECCOMP_ARCHES = {"x86_64": (0xC000003E, (248, 249, 250)), "aarch64": (0xC00000B7, (217, 218, 219))}


def check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def prctl(option, arg=0):
    return libc.prctl(option, arg, 0, 0, 0)


def isolate(tmp_bytes):
    """Steps 1 and 2 above, in the calling process (the supervisor)."""
    check(libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP), "unshare")
    check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
    options = b"size=%d,mode=0755" % tmp_bytes
    check(libc.mount(b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, options), "mount /tmp")
    if os.path.isdir("/dev/shm"):
        check(libc.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, b"size=%d,mode=1777" % tmp_bytes), "mount /dev/shm")
    check(libc.mount(None, b"/dev", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None), "remount /dev read-only")
    os.chdir("/tmp")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", IFF_UP))
    drop_privileges()
    deny_keyrings()


def deny_keyrings():
    """
    Kernel keyrings belong to the user namespace, which checks of one slot share (a fresh jail has its own): a key
    one check adds to the user keyring would be readable by the next. A seccomp filter (allowed unprivileged once
    no_new_privs is set) makes add_key, request_key and keyctl fail with EPERM, and every syscall of a foreign ABI
    (x32, i386) too. Unknown architectures fail the self-test, so checks fall back to fresh jails.
    """
    arch, numbers = SECCOMP_ARCHES.get(os.uname().machine, (None, None))
    if arch is None:
        raise OSError("no keyring seccomp filter for architecture " + os.uname().machine)
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    deny, allow = 0x00050000 | 1, 0x7FFF0000  # SECCOMP_RET_ERRNO | EPERM, SECCOMP_RET_ALLOW
    n = len(numbers)
    # Jump offsets count instructions skipped; the deny return is last, the allow return just before it.
    program = [(ld, 0, 0, 4), (jeq, 0, n + 3, arch), (ld, 0, 0, 0), (jge, n + 1, 0, 0x40000000)]
    program += [(jeq, n - i, 0, nr) for i, nr in enumerate(numbers)]
    program += [(ret, 0, 0, allow), (ret, 0, 0, deny)]
    filters = (SockFilter * len(program))(*(SockFilter(*insn) for insn in program))
    fprog = SockFprog(len(program), filters)
    check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0), "install the seccomp filter")


def drop_privileges():
    cap = 0
    while prctl(PR_CAPBSET_READ, cap) >= 0:
        check(prctl(PR_CAPBSET_DROP, cap), "drop capability %d from the bounding set" % cap)
        cap += 1
    check(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL), "clear ambient capabilities")
    check(prctl(PR_SET_NO_NEW_PRIVS, 1), "set no_new_privs")
    header = CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
    check(libc.capset(ctypes.byref(header), ctypes.byref((CapData * 2)())), "capset")
    # Fail closed unless the kernel confirms that nothing is left.
    data = (CapData * 2)()
    check(libc.capget(ctypes.byref(header), ctypes.byref(data)), "capget")
    if any(d.effective or d.permitted or d.inheritable for d in data) or any(prctl(PR_CAPBSET_READ, c) != 0 for c in range(cap)):
        raise OSError("capabilities are still held after dropping them")
    if prctl(PR_GET_NO_NEW_PRIVS) != 1:
        raise OSError("no_new_privs did not stick")


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def frame_error(message):
    data = message.encode("utf-8", "backslashreplace")
    write_all(1, b"E %d\n" % len(data) + data)


def read_line(fd):
    line = b""
    while not line.endswith(b"\n"):
        c = os.read(fd, 1)
        if not c:
            return None
        line += c
    return line


HARNESS = object()


def init_process(harness_pid):
    """PID 1 of the check's namespace: when it exits, the kernel kills everything else in the namespace."""
    # The kernel drops default-action signals sent to a namespace init from inside; Python's SIGINT handler would not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    while True:
        pid, status = os.waitpid(harness_pid, 0)
        if pid == harness_pid:
            os._exit(128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))


def supervise(init_pid, job_bytes, job_w, out_r, err_r, wall_s, cap):
    deadline = time.monotonic() + wall_s
    os.set_blocking(job_w, False)
    outputs = {out_r: bytearray(), err_r: bytearray()}
    open_outputs = set(outputs)
    used, pending, remaining = 0, b"", job_bytes
    timed_out = over = killed = False
    grace_end = None

    def kill():
        nonlocal killed, grace_end
        if not killed:
            killed = True
            grace_end = time.monotonic() + DRAIN_GRACE
            os.kill(init_pid, signal.SIGKILL)

    if remaining == 0:
        os.close(job_w)
        job_w = None
    while open_outputs or remaining or pending:
        now = time.monotonic()
        if not killed and now >= deadline:
            timed_out = True
            kill()
        if killed and now >= grace_end and not remaining:
            break
        wait = (deadline if not killed else grace_end) - now
        watched = {fd: select.POLLIN for fd in open_outputs}
        if remaining and not pending:
            watched[0] = select.POLLIN
        if pending and job_w is not None:
            watched[job_w] = select.POLLOUT
        poller = select.poll()
        for fd, mask in watched.items():
            poller.register(fd, mask)
        for fd, _ in poller.poll(max(0, int(wait * 1000)) + 1):
            if fd == 0:
                chunk = os.read(0, min(remaining, 1 << 16))
                if not chunk:
                    os.kill(init_pid, signal.SIGKILL)
                    os._exit(3)  # the host is gone
                remaining -= len(chunk)
                pending = chunk if job_w is not None else b""
            elif fd == job_w:
                try:
                    pending = pending[os.write(job_w, pending):]
                except OSError:
                    pending = b""  # the harness stopped reading; the rest of the job is still drained above
                    os.close(job_w)
                    job_w = None
            else:
                data = os.read(fd, 1 << 16)
                if not data:
                    open_outputs.discard(fd)
                    continue
                outputs[fd] += data[: max(0, cap - used)]
                used += len(data)
                if used > cap:
                    over = True
                    kill()
        if job_w is not None and not remaining and not pending:
            os.close(job_w)
            job_w = None
    _, status = os.waitpid(init_pid, 0)
    code = b"x" if timed_out else b"%d" % (128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))
    out, err = outputs[out_r], outputs[err_r]
    write_all(1, b"R %s %d %d %d %d\n" % (code, timed_out, over, len(out), len(err)) + out + err)


def check_process(wall_s, cap, job_bytes, tmp_bytes):
    """The per-check supervisor (forked from the zygote). Returns HARNESS only in the harness process."""
    try:
        isolate(tmp_bytes)
        job_r, job_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
    except BaseException as exc:
        discard(job_bytes)
        frame_error("could not isolate the check: %s" % exc)
        os._exit(0)
    init_pid = os.fork()
    if init_pid == 0:
        # Nothing of the zygote's descriptors (host control and result channels) may reach the program.
        os.dup2(job_r, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        harness_pid = os.fork()
        if harness_pid == 0:
            return HARNESS
        init_process(harness_pid)
    for fd in (job_r, out_w, err_w):
        os.close(fd)
    supervise(init_pid, job_bytes, job_w, out_r, err_r, wall_s, cap)
    os._exit(0)


def discard(count):
    while count:
        chunk = os.read(0, min(count, 1 << 16))
        if not chunk:
            os._exit(3)
        count -= len(chunk)


def self_test(tmp_bytes):
    pid = os.fork()
    if pid == 0:
        try:
            isolate(tmp_bytes)
        except BaseException as exc:
            frame_error("the warm sandbox cannot isolate checks: %s" % exc)
            os._exit(1)
        os._exit(0)
    return os.waitpid(pid, 0)[1] == 0


def serve(tmp_bytes):
    if prctl(PR_SET_DUMPABLE, 0) != 0:
        frame_error("prctl(PR_SET_DUMPABLE) failed")
        return None
    if not self_test(tmp_bytes):
        return None
    write_all(1, b"READY\n")
    while True:
        line = read_line(0)
        if line is None:
            return None
        wall_ms, cap, job_bytes = (int(x) for x in line.split())
        pid = os.fork()
        if pid == 0:
            if check_process(wall_ms / 1000.0, cap, job_bytes, tmp_bytes) is HARNESS:
                return HARNESS
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            # The supervisor died abnormally: the stream may be out of step, so end this zygote.
            frame_error("the check supervisor died (status %d)" % status)
            return None


def load_harness():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "harness.py")
    scope = {"__name__": "synthdata_harness", "__builtins__": builtins}
    with open(path, "rb") as f:
        exec(compile(f.read(), path, "exec"), scope)
    scope["PROCESS_OVERHEAD"] = 3  # this zygote, the supervisor and the check's namespace init
    return scope["main"]


harness_main = load_harness()
if serve(int(sys.argv[1])) is HARNESS:
    # In the harness process: run exactly what a fresh sandbox runs, then exit like a normal interpreter.
    harness_main()
