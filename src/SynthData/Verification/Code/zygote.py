"""SynthData sandbox process: isolates and runs every check, in a bubblewrap jail (warm or one-shot) or plain.

  zygote.py TMP_BYTES            warm sandbox: start Python and the common imports once, then serve checks one at a
                                 time for as long as the host keeps the control pipe open.
  zygote.py TMP_BYTES --once     fresh jail: serve exactly one check, then exit (no warm-up imports).
  add --plain                    sandbox mode `none`: no namespaces, no capabilities to drop (unsafe by design).

The zygote never runs untrusted code and never reads a job or any output. Per check it forks a supervisor S:

  S  enters new mount, network, IPC, UTS and cgroup namespaces, mounts a fresh size-capped tmpfs on /tmp and
     /dev/shm, makes /dev read-only, covers /proc with an empty read-only tmpfs, brings up loopback and marks itself (and so every process of
     the check) as the first choice of the out-of-memory killer. It then forks
  H  the trusted harness (harness.py, trusted role): drops every capability, no_new_privs, the seccomp filter,
     undumpable, working directory "/". It reads the job, writes the report (the only holder of that pipe) and
     talks to the program over two pipes. Then S enters a new PID namespace and forks
  I  the init of that namespace (new session and process group, capabilities dropped, seccomp, undumpable, no
     descriptor but a status pipe to H), which forks
  P  the program (harness.py, program role): gets its program from H over the request pipe, applies the rlimits
     and runs it as __main__ in /tmp. Everything P starts lives in I's namespace and dies with I.

So P cannot name H, S, the zygote or bubblewrap's init (they are outside its PID namespace), kill(0)/kill(-1)
reach only its own namespace, and it holds no descriptor of theirs. S feeds the job to H and the program's stdin
to P, collects H's report and P's stdout/stderr under the output cap, kills I (and H) at the wall deadline or once
H has reported, and writes one result frame to the host.

Host -> zygote, per check:  "<wall ms> <output cap> <job bytes> <stdin bytes>\\n" + job + stdin.
Zygote -> host:             "R <exit code|x> <timed out 0|1> <over cap 0|1> <report> <stdout> <stderr>\\n" + the three
                            byte strings (lengths in the header); exit code: the program's in io mode, else H's.
Failures:                   "E <message bytes>\\n" + message (the host then discards this zygote).
At start (warm: after a self-test of the isolation steps): "READY\\n".
"""

import os

# Descriptors the launching process inherited (the host's, bubblewrap's) must never reach a check.
os.closerange(3, 1 << 16)

import builtins  # noqa: E402
import ctypes  # noqa: E402
import fcntl  # noqa: E402
import resource  # noqa: E402
import select  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

ONCE = "--once" in sys.argv
PLAIN = "--plain" in sys.argv
if not ONCE:
    # Warm-up: what programs and tests commonly import (each costs milliseconds per check in a cold interpreter).
    import bisect, collections, copy, datetime, decimal, fractions, functools, hashlib, heapq, itertools  # noqa: E401,F401
    import json, math, operator, random, re, statistics, string, typing, types, pickle  # noqa: E401,F401

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS = 0x00020000, 0x02000000, 0x04000000
CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWUSER, CLONE_NEWTIME = 0x08000000, 0x20000000, 0x40000000, 0x10000000, 0x80
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_DUMPABLE, PR_CAPBSET_READ, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS = 4, 23, 24, 38, 39
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
LINUX_CAPABILITY_VERSION_3 = 0x20080522
SIOCSIFFLAGS, IFF_UP = 0x8914, 1
DRAIN_GRACE = 1.0

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


class CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


class SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]


# ---- the seccomp filter: one definition, installed in H and in I (inherited by the program) on every path ----

# Syscalls a pure-Python solution never needs and that reach the kernel's riskiest surface or other processes:
# async I/O engines and page-fault handlers (io_uring, userfaultfd), other processes' memory and descriptors
# (ptrace, process_vm_*, pidfd_getfd, kcmp, move_pages...), kernel programs and counters (bpf, perf_event_open),
# keyrings (they belong to the user namespace, which a warm slot's checks share), mounts and namespaces, modules,
# reboot and clocks, file handles, memfd (anonymous files outside the /tmp size cap) and System V IPC objects
# (shared memory segments outlive their processes and belong to no process's RSS; pure Python uses POSIX
# semaphores and /dev/shm instead).
DENIED = (
    "io_uring_setup io_uring_enter io_uring_register userfaultfd ptrace process_vm_readv process_vm_writev "
    "pidfd_getfd process_madvise process_mrelease kcmp migrate_pages move_pages perf_event_open bpf "
    "add_key request_key keyctl mount umount2 pivot_root chroot move_mount open_tree fsopen fsconfig fsmount fspick "
    "mount_setattr unshare setns kexec_load kexec_file_load reboot init_module finit_module delete_module swapon "
    "swapoff acct settimeofday clock_settime clock_adjtime adjtimex memfd_create memfd_secret name_to_handle_at "
    "open_by_handle_at fanotify_init lookup_dcookie quotactl quotactl_fd vhangup iopl ioperm modify_ldt uselib ustat "
    "sysfs _sysctl personality syslog shmget msgget semget"
).split()
# clone() is allowed without namespace flags; clone3 answers ENOSYS (its flags are behind a pointer the filter cannot
# read), so libc falls back to clone.
CLONE_NAMESPACES = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWTIME
SYSCALL_TABLES = {
    "x86_64": (0xC000003E, True, dict(
        io_uring_setup=425, io_uring_enter=426, io_uring_register=427, userfaultfd=323, ptrace=101, process_vm_readv=310,
        process_vm_writev=311, pidfd_getfd=438, process_madvise=440, process_mrelease=448, kcmp=312, migrate_pages=256,
        move_pages=279, perf_event_open=298, bpf=321, add_key=248, request_key=249, keyctl=250, mount=165, umount2=166,
        pivot_root=155, chroot=161, move_mount=429, open_tree=428, fsopen=430, fsconfig=431, fsmount=432, fspick=433,
        mount_setattr=442, unshare=272, setns=308, kexec_load=246, kexec_file_load=320, reboot=169, init_module=175,
        finit_module=313, delete_module=176, swapon=167, swapoff=168, acct=163, settimeofday=164, clock_settime=227,
        clock_adjtime=305, adjtimex=159, memfd_create=319, memfd_secret=447, name_to_handle_at=303, open_by_handle_at=304,
        fanotify_init=300, lookup_dcookie=212, quotactl=179, quotactl_fd=443, vhangup=153, iopl=172, ioperm=173,
        modify_ldt=154, uselib=134, ustat=136, sysfs=139, _sysctl=156, personality=135, syslog=103, shmget=29, msgget=68,
        semget=64, clone=56, clone3=435)),
    "aarch64": (0xC00000B7, False, dict(
        io_uring_setup=425, io_uring_enter=426, io_uring_register=427, userfaultfd=282, ptrace=117, process_vm_readv=270,
        process_vm_writev=271, pidfd_getfd=438, process_madvise=440, process_mrelease=448, kcmp=272, migrate_pages=238,
        move_pages=239, perf_event_open=241, bpf=280, add_key=217, request_key=218, keyctl=219, mount=40, umount2=39,
        pivot_root=41, chroot=51, move_mount=429, open_tree=428, fsopen=430, fsconfig=431, fsmount=432, fspick=433,
        mount_setattr=442, unshare=97, setns=268, kexec_load=104, kexec_file_load=294, reboot=142, init_module=105,
        finit_module=273, delete_module=106, swapon=224, swapoff=225, acct=89, settimeofday=170, clock_settime=112,
        clock_adjtime=266, adjtimex=171, memfd_create=279, memfd_secret=447, name_to_handle_at=264, open_by_handle_at=265,
        fanotify_init=262, lookup_dcookie=18, quotactl=60, quotactl_fd=443, vhangup=58, personality=92, syslog=116,
        shmget=194, msgget=186, semget=190, clone=220, clone3=435)),
}


def compile_filter():
    """Classic BPF for SECCOMP_MODE_FILTER: foreign architectures and ABIs (x32, i386) are denied as a whole."""
    table = SYSCALL_TABLES.get(os.uname().machine)
    if table is None:
        raise OSError("no seccomp filter table for architecture " + os.uname().machine)
    arch, has_x32, numbers = table
    ld, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    allow, eperm, enosys = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38
    program = [(ld, 0, 0, 4), (jeq, 0, "deny", arch), (ld, 0, 0, 0)]
    if has_x32:
        program.append((jge, "deny", 0, 0x40000000))
    program.append((jeq, "enosys", 0, numbers["clone3"]))
    program.append((jeq, "clone", 0, numbers["clone"]))
    program += [(jeq, "deny", 0, numbers[name]) for name in DENIED if name in numbers]
    program.append((ret, 0, 0, allow))
    labels = {"clone": len(program)}
    program += [(ld, 0, 0, 16), (jset, "deny", 0, CLONE_NAMESPACES), (ret, 0, 0, allow)]
    labels["deny"] = len(program)
    program.append((ret, 0, 0, eperm))
    labels["enosys"] = len(program)
    program.append((ret, 0, 0, enosys))

    def offset(target, index):
        return target if type(target) is int else labels[target] - index - 1

    insns = [SockFilter(code, offset(jt, i), offset(jf, i), k) for i, (code, jt, jf, k) in enumerate(program)]
    filters = (SockFilter * len(insns))(*insns)
    return filters, SockFprog(len(insns), filters)


SECCOMP = compile_filter()


def check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def prctl(option, arg=0):
    return libc.prctl(option, arg, 0, 0, 0)


def confine():
    """For H and I (and so the program): no capabilities, no_new_privs, the seccomp filter, undumpable."""
    if not PLAIN:
        drop_capabilities()
    check(prctl(PR_SET_NO_NEW_PRIVS, 1), "set no_new_privs")
    if prctl(PR_GET_NO_NEW_PRIVS) != 1:
        raise OSError("no_new_privs did not stick")
    check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(SECCOMP[1]), 0, 0), "install the seccomp filter")
    check(prctl(PR_SET_DUMPABLE, 0), "prctl(PR_SET_DUMPABLE)")


def drop_capabilities():
    cap = 0
    while prctl(PR_CAPBSET_READ, cap) >= 0:
        check(prctl(PR_CAPBSET_DROP, cap), "drop capability %d from the bounding set" % cap)
        cap += 1
    check(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL), "clear ambient capabilities")
    header = CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
    check(libc.capset(ctypes.byref(header), ctypes.byref((CapData * 2)())), "capset")
    # Fail closed unless the kernel confirms that nothing is left.
    data = (CapData * 2)()
    check(libc.capget(ctypes.byref(header), ctypes.byref(data)), "capget")
    if any(d.effective or d.permitted or d.inheritable for d in data) or any(prctl(PR_CAPBSET_READ, c) != 0 for c in range(cap)):
        raise OSError("capabilities are still held after dropping them")


def isolate(tmp_bytes):
    """S's own namespaces and mounts (everything of the check inherits them)."""
    check(libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP), "unshare")
    check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
    options = b"size=%d,mode=0755" % tmp_bytes
    check(libc.mount(b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, options), "mount /tmp")
    if os.path.isdir("/dev/shm"):
        check(libc.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, b"size=%d,mode=1777" % tmp_bytes), "mount /dev/shm")
    check(libc.mount(None, b"/dev", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None), "remount /dev read-only")
    if os.path.exists("/proc/self"):
        # The jail's /proc is there only for this: the check's processes are the OOM killer's first choice, never
        # the zygote (a warm slot's memory limit covers both). The program never sees a /proc.
        # Undumpable processes' /proc files belong to root: dumpable only while S writes its own (no program yet).
        check(prctl(PR_SET_DUMPABLE, 1), "prctl(PR_SET_DUMPABLE)")
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
        check(prctl(PR_SET_DUMPABLE, 0), "prctl(PR_SET_DUMPABLE)")
        # bubblewrap's mounts are locked in this user namespace (it cannot unmount them): cover /proc instead, with a
        # read-only empty tmpfs; undoing that needs umount, which the program has neither the capability nor the
        # seccomp filter for.
        check(libc.mount(b"none", b"/proc", b"tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, b"size=4k,mode=0555"), "cover /proc")
    if os.path.exists("/proc/self"):
        raise OSError("/proc is still mounted")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", IFF_UP))


# ---- framing ----

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


def discard(count):
    while count:
        chunk = os.read(0, min(count, 1 << 16))
        if not chunk:
            os._exit(3)
        count -= len(chunk)


def status_code(status):
    return 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


# ---- the processes of one check ----

TRUSTED, PROGRAM = object(), object()


def keep_only(mapping):
    """dup2 each (target <- source) and close every other descriptor."""
    staged = {}
    for target, source in mapping.items():
        staged[target] = os.dup(source)
    for target, fd in staged.items():
        os.dup2(fd, target)
    os.closerange(max(mapping) + 1, 1 << 16)


def init_process(program_pid, status_w):
    """PID 1 of the program's namespace: reports how the program ended to H, and its exit ends the namespace."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    while True:
        try:
            pid, status = os.waitpid(-1, os.WUNTRACED)
        except ChildProcessError:
            os._exit(1)
        if pid != program_pid:
            continue
        if os.WIFSTOPPED(status):
            # A program that stops itself (SIGSTOP of its process group) fails at once instead of idling to the deadline.
            report, code = b"T %d\n" % os.WSTOPSIG(status), 128 + os.WSTOPSIG(status)
        elif os.WIFSIGNALED(status):
            report, code = b"S %d\n" % os.WTERMSIG(status), 128 + os.WTERMSIG(status)
        else:
            report, code = b"E %d\n" % os.WEXITSTATUS(status), os.WEXITSTATUS(status)
        try:
            os.write(status_w, report)
        except OSError:
            pass
        os._exit(code)  # plain mode: S then kills what is left of this process group


def check_process(header, tmp_bytes):
    """S, forked from the zygote. Returns TRUSTED in H and PROGRAM in P; never returns in S or I."""
    wall_ms, cap, job_n, stdin_n = (int(x) for x in header.split())
    try:
        if not PLAIN:
            isolate(tmp_bytes)
        job_r, job_w = os.pipe()
        stdin_r, stdin_w = os.pipe()
        report_r, report_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        requests_r, requests_w = os.pipe()
        replies_r, replies_w = os.pipe()
        status_r, status_w = os.pipe()
    except BaseException as exc:
        discard(job_n + stdin_n)
        frame_error("could not isolate the check: %s" % exc)
        os._exit(0)

    harness_pid = os.fork()
    if harness_pid == 0:
        try:
            keep_only({0: job_r, 1: err_w, 2: err_w, 3: requests_w, 4: replies_r, 5: status_r, 6: report_w})
            confine()
            os.chdir("/")
        except BaseException as exc:
            os.write(2, b"harness confinement failed: %s\n" % str(exc).encode())
            os._exit(70)
        return TRUSTED
    for fd in (job_r, report_w, requests_w, replies_r, status_r):
        os.close(fd)
    try:
        if not PLAIN:
            check(libc.unshare(CLONE_NEWPID), "unshare the PID namespace")
        init_pid = os.fork()
    except BaseException as exc:
        os.kill(harness_pid, signal.SIGKILL)
        discard(job_n + stdin_n)
        frame_error("could not start the program's namespace: %s" % exc)
        os._exit(0)
    if init_pid == 0:
        try:
            os.setsid()
            confine()
        except BaseException as exc:
            os.write(err_w, b"program confinement failed: %s\n" % str(exc).encode())
            os._exit(70)
        program_pid = os.fork()
        if program_pid == 0:
            keep_only({0: stdin_r, 1: out_w, 2: err_w, 3: requests_r, 4: replies_w})
            return PROGRAM
        keep_only({0: status_w})
        init_process(program_pid, 0)
    for fd in (stdin_r, out_w, err_w, requests_r, replies_w, status_w):
        os.close(fd)
    supervise(harness_pid, init_pid, [(job_w, job_n), (stdin_w, stdin_n)], (report_r, out_r, err_r), wall_ms / 1000.0, cap)
    os._exit(0)


def supervise(harness_pid, init_pid, inputs, outputs, wall_s, cap):
    deadline = time.monotonic() + wall_s
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    for fd, _ in inputs:
        os.set_blocking(fd, False)
    captured = {fd: bytearray() for fd in outputs}
    open_outputs = set(outputs)
    alive = {harness_pid: None, init_pid: None}
    codes = {}
    used, pending = 0, b""
    timed_out = over = False
    killed_at = None

    def kill(pid):
        try:
            if PLAIN and pid == init_pid:
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass

    def kill_all():
        nonlocal killed_at
        if killed_at is None:
            killed_at = time.monotonic()
        for pid in list(alive):
            kill(pid)

    def close_input():
        fd, _ = inputs.pop(0)
        if fd is not None:
            os.close(fd)

    while inputs and inputs[0][1] == 0:
        close_input()
    ended_at = None
    while True:
        for pid in list(alive):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                del alive[pid]
                codes[pid] = status_code(status)
                if pid == harness_pid and init_pid in alive and codes[pid] != IO_CONTINUE:
                    kill(init_pid)  # the verdict is in (or the harness broke): the program has nothing left to do
                if pid == init_pid and PLAIN:
                    try:
                        os.killpg(init_pid, signal.SIGKILL)
                    except OSError:
                        pass
        now = time.monotonic()
        if killed_at is None and now >= deadline:
            timed_out = True
            kill_all()
        if not alive and ended_at is None:
            ended_at = now
        if ended_at is not None and not inputs and not pending and (not open_outputs or now >= ended_at + DRAIN_GRACE):
            break
        if ended_at is not None:
            wait = ended_at + DRAIN_GRACE - now if not inputs else 1.0
        else:
            wait = deadline - now if killed_at is None else 0.05
        poller = select.poll()
        poller.register(wake_r, select.POLLIN)
        for fd in open_outputs:
            poller.register(fd, select.POLLIN)
        if inputs and not pending:
            poller.register(0, select.POLLIN)
        if pending and inputs[0][0] is not None:
            poller.register(inputs[0][0], select.POLLOUT)
        for fd, _ in poller.poll(max(0, int(wait * 1000)) + 1):
            if fd == wake_r:
                try:
                    os.read(wake_r, 512)
                except BlockingIOError:
                    pass
            elif fd == 0:
                target, remaining = inputs[0]
                chunk = os.read(0, min(remaining, 1 << 16))
                if not chunk:
                    kill_all()
                    os._exit(3)  # the host is gone
                inputs[0] = (target, remaining - len(chunk))
                pending = chunk if target is not None else b""
            elif inputs and fd == inputs[0][0]:
                try:
                    pending = pending[os.write(fd, pending):]
                except OSError:
                    # The reader stopped reading; the rest of this input is still drained from the host.
                    pending = b""
                    os.close(fd)
                    inputs[0] = (None, inputs[0][1])
            else:
                data = os.read(fd, 1 << 16)
                if not data:
                    open_outputs.discard(fd)
                    continue
                captured[fd] += data[: max(0, cap - used)]
                used += len(data)
                if used > cap:
                    over = True
                    kill_all()
        while inputs and not pending and inputs[0][1] == 0:
            close_input()
    for pid in list(alive):
        kill(pid)
        codes[pid] = status_code(os.waitpid(pid, 0)[1])
    harness_code = codes.get(harness_pid, 1)
    code = codes.get(init_pid, 1) if harness_code == IO_CONTINUE else harness_code
    head = b"x" if timed_out else b"%d" % code
    report, out, err = (captured[fd] for fd in outputs)
    write_all(1, b"R %s %d %d %d %d %d\n" % (head, timed_out, over, len(report), len(out), len(err)) + report + out + err)


def self_test(tmp_bytes):
    pid = os.fork()
    if pid == 0:
        try:
            isolate(tmp_bytes)
            check(libc.unshare(CLONE_NEWPID), "unshare the PID namespace")
            confine()
        except BaseException as exc:
            frame_error("the warm sandbox cannot isolate checks: %s" % exc)
            os._exit(1)
        os._exit(0)
    return os.waitpid(pid, 0)[1] == 0


def serve(tmp_bytes):
    if prctl(PR_SET_DUMPABLE, 0) != 0:
        frame_error("prctl(PR_SET_DUMPABLE) failed")
        return None
    if not ONCE and not PLAIN and not self_test(tmp_bytes):
        return None
    write_all(1, b"READY\n")
    while True:
        line = read_line(0)
        if line is None:
            return None
        pid = os.fork()
        if pid == 0:
            return check_process(line, tmp_bytes)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            # The supervisor died abnormally: the stream may be out of step, so end this zygote.
            frame_error("the check supervisor died (status %d)" % status)
            return None
        if ONCE:
            return None


def load_harness():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "harness.py")
    scope = {"__name__": "synthdata_harness", "__builtins__": builtins}
    with open(path, "rb") as f:
        exec(compile(f.read(), path, "exec"), scope)
    return scope


harness = load_harness()
IO_CONTINUE = harness["IO_CONTINUE"]
role = serve(int(sys.argv[1]))
if role is TRUSTED:
    harness["trusted_main"]()
elif role is PROGRAM:
    # Falls through to the interpreter's normal exit (atexit, flushing, exit status) as a plain run would.
    harness["program_main"]()
