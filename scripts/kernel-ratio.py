#!/usr/bin/env python3
"""The kernel's own M/M/1 as a ratio to the C reference loop, measured in the same run.

    scripts/kernel-ratio.py [SMSIM ...]      (default: .build/release/smsim)

Alternates N rounds (environment N, default 5) of the C M/M/1 loop and `smsim validate mmc`
(Validation's MMcSimulation on the kernel) on each binary given, both at rho 0.9 with 2 M
customers (about 4 M events). Events per second come from each child's CPU time (user +
system), best of the rounds, as in speed-ratio.py; the setup of the Swift side (argument
parsing, two random streams) is included, and is well under 1 % of the run.
"""
import json, os, resource, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binaries = sys.argv[1:] or [os.path.join(root, '.build/release/smsim')]
rounds = int(os.environ.get('N', '5'))
c_loop = os.path.join(root, '.build/c_mmc')
if not os.path.exists(c_loop):
    candidates = [os.path.join(root, up, 'shared/bench/c_mmc.c') for up in ('..', '../..')]
    source = next((c for c in candidates if os.path.exists(c)), None)
    if source is None:
        sys.exit('kernel-ratio: the C reference ../shared/bench/c_mmc.c was not found')
    os.makedirs(os.path.dirname(c_loop), exist_ok=True)
    subprocess.run(['cc', '-O2', '-o', c_loop, source, '-lm'], check=True)

def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, out

best_c = 0.0
best = [0.0] * len(binaries)
for i in range(rounds):
    seconds, text = cpu_seconds([c_loop, '--lam', '0.9', '--mu', '1', '--c', '1', '--customers', '2000000', '--seed', '1'])
    best_c = max(best_c, json.loads(text)['events'] / seconds)
    for b, smsim in enumerate(binaries):
        seconds, text = cpu_seconds([smsim, 'validate', 'mmc', '--arrival-rate', '0.9', '--service-rate', '1',
                                     '--customers', '2000000', '--seed', '1', '--json'])
        best[b] = max(best[b], json.loads(text)['events'] / seconds)
    print(f'round {i + 1}/{rounds}: C {best_c:.3g} events/s, kernel M/M/1 ' + ', '.join(f'{x:.3g}' for x in best), flush=True)
for b, smsim in enumerate(binaries):
    relative = f', {best[b] / best[0]:.3f}x the first' if b > 0 else ''
    print(f'{smsim}: {best[b]:.3g} events/s, ratio to C {best[b] / best_c:.3f}{relative}')
