#!/usr/bin/env python3
"""The model's speed as a ratio to the C reference loop, measured in the same run.

    scripts/speed-ratio.py [SMSIM] [SCENARIO]     (defaults: .build/release/smsim, weekday-50)

Builds ../shared/bench/c_mmc.c into .build/c_mmc when missing, then alternates N rounds
(environment N, default 5) of the C M/M/1 loop (2 M customers, rho 0.9) and one replication of
the scenario with one thread. Each side's events per second are taken from its CPU time (user +
system of the child process), best of the rounds: on a machine shared with other work the CPU
time is much steadier than the wall clock, and the best round is the least disturbed one.
"""
import json, os, resource, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
smsim = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '.build/release/smsim')
scenario = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'Scenarios/weekday-50.yaml')
rounds = int(os.environ.get('N', '5'))
c_loop = os.path.join(root, '.build/c_mmc')
if not os.path.exists(c_loop):
    # The reference sits beside the repository (../shared/bench); a worktree is one level deeper.
    candidates = [os.path.join(root, up, 'shared/bench/c_mmc.c') for up in ('..', '../..')]
    source = next((c for c in candidates if os.path.exists(c)), None)
    if source is None:
        sys.exit('speed-ratio: the C reference ../shared/bench/c_mmc.c was not found')
    subprocess.run(['cc', '-O2', '-o', c_loop, source, '-lm'], check=True)

def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, out

best_c = best_model = 0.0
with tempfile.TemporaryDirectory() as out:
    for i in range(rounds):
        seconds, text = cpu_seconds([c_loop, '--lam', '0.9', '--mu', '1', '--c', '1', '--customers', '2000000', '--seed', '1'])
        best_c = max(best_c, json.loads(text)['events'] / seconds)
        seconds, _ = cpu_seconds([smsim, 'run', scenario, '--replications', '1', '--threads', '1', '--quiet', '--out', out])
        events = json.load(open(os.path.join(out, 'run.json')))['events']
        best_model = max(best_model, events / seconds)
        print(f'round {i + 1}/{rounds}: C {best_c:.3g} events/s, model {best_model:.3g} events/s '
              f'({events} events), ratio {best_model / best_c:.3f}', flush=True)
