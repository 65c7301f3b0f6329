#!/usr/bin/env python3
"""The kernel's own M/M/1 as a ratio to the C reference loop, measured in the same run.

    scripts/kernel-ratio.py [SMSIM ...]      (default: .build/release/smsim)

Alternates N rounds (environment N, default 5) of the C M/M/1 loop and `smsim validate mmc`
(Validation's MMcSimulation on the kernel) on each binary given, both at rho 0.9 with 2 M
customers (about 4 M events). Events per second come from each child's CPU time (user +
system), best of the rounds, as in speed-ratio.py; the setup of the Swift side (argument
parsing, two random streams) is included, and is well under 1 % of the run.
"""
import json, os, sys

import c_reference

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binaries = sys.argv[1:] or [os.path.join(root, '.build/release/smsim')]
rounds = int(os.environ.get('N', '5'))
c_loop = c_reference.c_loop(root, 'kernel-ratio')
cpu_seconds = c_reference.cpu_seconds

best_c = 0.0
best = [0.0] * len(binaries)
for i in range(rounds):
    seconds, text = cpu_seconds([c_loop] + c_reference.C_MM1)
    best_c = max(best_c, json.loads(text)['events'] / seconds)
    for b, smsim in enumerate(binaries):
        seconds, text = cpu_seconds([smsim, 'validate', 'mmc', '--arrival-rate', '0.9', '--service-rate', '1',
                                     '--customers', '2000000', '--seed', '1', '--json'])
        best[b] = max(best[b], json.loads(text)['events'] / seconds)
    print(f'round {i + 1}/{rounds}: C {best_c:.3g} events/s, kernel M/M/1 ' + ', '.join(f'{x:.3g}' for x in best), flush=True)
for b, smsim in enumerate(binaries):
    relative = f', {best[b] / best[0]:.3f}x the first' if b > 0 else ''
    print(f'{smsim}: {best[b]:.3g} events/s, ratio to C {best[b] / best_c:.3f}{relative}')
