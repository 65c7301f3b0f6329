"""What speed-ratio.py and kernel-ratio.py share: the C reference loop and CPU timing.

`c_loop(root, name)` builds ../shared/bench/c_mmc.c into .build/c_mmc when missing and returns
its path; `cpu_seconds(cmd)` runs a command and returns its CPU time (user + system of the
child) and its standard output; `C_MM1` is the C loop's M/M/1 at rho 0.9, 2 M customers.
"""
import os, resource, subprocess, sys

C_MM1 = ['--lam', '0.9', '--mu', '1', '--c', '1', '--customers', '2000000', '--seed', '1']

def c_loop(root, name):
    path = os.path.join(root, '.build/c_mmc')
    if not os.path.exists(path):
        # The reference sits beside the repository (../shared/bench); a worktree is one level deeper.
        candidates = [os.path.join(root, up, 'shared/bench/c_mmc.c') for up in ('..', '../..')]
        source = next((c for c in candidates if os.path.exists(c)), None)
        if source is None:
            sys.exit(f'{name}: the C reference ../shared/bench/c_mmc.c was not found')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        subprocess.run(['cc', '-O2', '-o', path, source, '-lm'], check=True)
    return path

def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, out
