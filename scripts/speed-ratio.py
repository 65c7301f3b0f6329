#!/usr/bin/env python3
"""The model's speed as a ratio to the C reference loop, measured in the same run.

    scripts/speed-ratio.py [SMSIM ...] [SCENARIO.yaml]
        (defaults: .build/release/smsim, Scenarios/weekday-50.yaml)

Builds ../shared/bench/c_mmc.c into .build/c_mmc when missing, then alternates N rounds
(environment N, default 5) of the C M/M/1 loop (2 M customers, rho 0.9) and one replication of
the scenario with one thread on each smsim binary given (two or more compare builds, say the
commit before a change and after it, under the same conditions). Each side's events per second
are taken from its CPU time (user + system of the child process), best of the rounds: on a
machine shared with other work the CPU time is much steadier than the wall clock, and the best
round is the least disturbed one. The last lines give each binary's best and median, its ratio
to the C loop and, with several binaries, its speed relative to the first (best and median).
"""
import json, os, subprocess, sys, tempfile

import c_reference

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
scenarios = [a for a in args if a.endswith(('.yaml', '.yml'))]
binaries = [a for a in args if a not in scenarios] or [os.path.join(root, '.build/release/smsim')]
scenario = scenarios[0] if scenarios else os.path.join(root, 'Scenarios/weekday-50.yaml')
rounds = int(os.environ.get('N', '5'))
c_loop = c_reference.c_loop(root, 'speed-ratio')
cpu_seconds = c_reference.cpu_seconds

best_c = 0.0
best = [0.0] * len(binaries)
events = [0] * len(binaries)
samples = [[] for _ in binaries]
# Builds that name a run's bottleneck also test remedies with quick extra runs; those are not
# the replication being timed, so they are switched off where the binary has the switch.
def run_args(smsim):
    helptext = subprocess.run([smsim, 'run', '--help'], capture_output=True, text=True).stdout
    return ['--no-remedies'] if '--no-remedies' in helptext else []
extra = [run_args(b) for b in binaries]
with tempfile.TemporaryDirectory() as out:
    for i in range(rounds):
        seconds, text = cpu_seconds([c_loop] + c_reference.C_MM1)
        best_c = max(best_c, json.loads(text)['events'] / seconds)
        for b, smsim in enumerate(binaries):
            seconds, _ = cpu_seconds([smsim, 'run', scenario, '--replications', '1', '--threads', '1', '--quiet', '--out', out] + extra[b])
            events[b] = json.load(open(os.path.join(out, 'run.json')))['events']
            best[b] = max(best[b], events[b] / seconds)
            samples[b].append(events[b] / seconds)
        models = ', '.join(f'{m:.3g}' for m in best)
        print(f'round {i + 1}/{rounds}: C {best_c:.3g} events/s, model {models} events/s', flush=True)
median = [sorted(x)[len(x) // 2] for x in samples]
for b, smsim in enumerate(binaries):
    relative = f', {best[b] / best[0]:.3f}x the first (median {median[b] / median[0]:.3f}x)' if b > 0 else ''
    print(f'{smsim}: {best[b]:.3g} events/s, median {median[b]:.3g} ({events[b]} events), '
          f'ratio to C {best[b] / best_c:.3f}{relative}')
