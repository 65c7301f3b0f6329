#!/usr/bin/env bash
# The sharded sweep on a real Slurm cluster: one node (this machine), started here and
# stopped again. Proves what examples/slurm/sweep.sbatch and the README promise:
#
#   1. the job array of 4 shards and its dependent merge give the unsharded sweep.csv, byte
#      for byte, also when Slurm requeues a running task (it resumes; still one merge);
#   2. a task cancelled while it runs and then resubmitted alone (as the script's header
#      says) resumes its shard, and the merge gives the same bytes again;
#   3. the README's GNU parallel line gives the same bytes too.
#
#   Tests/Cluster/cluster-test.sh        (make test-cluster)
#
# Installs slurm-wlm, munge and parallel when they are missing (as root; otherwise says what
# to install). Builds the release binary unless SMSIM names one. Everything the cluster needs
# (munge key and socket, slurm.conf, state, spool, logs) lives in one temporary directory;
# munged, slurmctld and slurmd run as plain background processes, and exactly those are
# stopped, and the directory removed, when the test ends, whether it passed or not. On a
# failure the daemons' and jobs' logs are printed first.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
sbatch_script=$repo/examples/slurm/sweep.sbatch
scenario=$repo/Tests/Cluster/sweep-small.yaml
# 12 points, 3 a shard; the last two points of shard 4 are the heaviest, which leaves time
# to cancel that task after its first point.
sweep=(--servers 4...9 --consoles 150,300 --replications 2)
timeout=${SMSIM_CLUSTER_TIMEOUT:-300}   # seconds any one wait may take

say() { printf '[cluster %(%H:%M:%S)T] %s\n' -1 "$*"; }
fail() { echo "cluster test: $*" >&2; exit 1; }
started=$SECONDS
stage=$SECONDS
lap() { say "$1 ($((SECONDS - stage)) s)"; stage=$SECONDS; }

# --- What the test needs on this machine ----------------------------------------------------
missing=()
command -v slurmctld >/dev/null 2>&1 || missing+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || missing+=(munge)
command -v parallel >/dev/null 2>&1 || missing+=(parallel)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing packages: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}"
  say "installing: ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null ||
    fail "apt-get install failed for: ${missing[*]}"
fi
[ "$(id -u)" = 0 ] || fail "the one-node cluster runs its daemons as root (SlurmUser=root); run as root"

if [ -z "${SMSIM:-}" ]; then
  say "swift build -c release --product smsim"
  swift build -c release --product smsim >/dev/null
  SMSIM=$repo/.build/release/smsim
fi
[ -x "$SMSIM" ] || fail "no smsim binary at $SMSIM"
SMSIM=$(cd "$(dirname "$SMSIM")" && pwd)/$(basename "$SMSIM")
export SMSIM
lap "packages and release binary ready"

# --- The temporary cluster --------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smsim-cluster.XXXXXX")
chmod 700 "$tmp"     # munged refuses a socket directory others can write to
pids=()              # munged, slurmctld, slurmd: exactly what this test started
names=()
passed=false

tails() {
  for f in "$tmp"/log/* "$tmp"/submit/*.out; do
    [ -s "$f" ] || continue
    # A daemon's stderr repeats its log file once that is open: show it only when there is none.
    [[ $f == *.stderr && -s ${f%.stderr}.log ]] && continue
    echo "----- tail of ${f#"$tmp"/}" >&2
    tail -n 25 "$f" >&2
  done
}

stop_cluster() {
  # Jobs first (their processes belong to slurmstepd, which outlives slurmd), then the daemons.
  if [ ${#pids[@]} -ge 2 ] && command -v scancel >/dev/null; then
    scancel --quiet --full --user=root 2>/dev/null || true
    for _ in $(seq 50); do
      [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || continue
    for _ in $(seq 50); do
      kill -0 "${pids[i]}" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "${pids[i]}" 2>/dev/null; then
      say "${names[i]} (pid ${pids[i]}) ignored SIGTERM; sending SIGKILL"
      kill -KILL "${pids[i]}" 2>/dev/null || true
    fi
    wait "${pids[i]}" 2>/dev/null || true
  done
}

on_exit() {
  local status=$?
  set +e
  if ! $passed; then
    echo "cluster test FAILED (exit $status); logs:" >&2
    tails
  fi
  stop_cluster
  rm -rf "$tmp"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp"/{munge,log,state,spool,submit}
host=$(hostname -s)
cpus=$(nproc)

# Two free TCP ports on the loopback address for slurmctld and slurmd.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=()
for ((p = 20000 + $$ % 20000; ${#ports[@]} < 2; p++)); do
  port_free "$p" && ports+=("$p")
done

# munge: its own key, socket, pid, log and seed files.
if command -v mungekey >/dev/null; then
  mungekey --create --keyfile="$tmp/munge/munge.key"
else
  dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
fi
chmod 400 "$tmp/munge/munge.key"
socket=$tmp/munge/munge.socket
munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$socket" \
       --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/munged.seed" \
       >"$tmp/log/munged.log" 2>&1 &
pids+=($!); names+=(munged)
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || fail "munged did not create its socket $socket"
munge --socket="$socket" -n | unmunge --socket="$socket" >/dev/null ||
  fail "munge cannot encode and decode a credential through $socket"

export SLURM_CONF=$tmp/slurm.conf
cat > "$SLURM_CONF" <<EOF
# One-node cluster for Tests/Cluster/cluster-test.sh; every path is in $tmp.
ClusterName=smsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire is also how long a requeued job waits before it may start again (default 120 s).
AuthInfo=socket=$socket,cred_expire=15
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
MailProg=/bin/true
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=smsim Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.stderr" 2>&1 &
pids+=($!); names+=(slurmctld)
slurmd -D -N "$host" -f "$SLURM_CONF" >"$tmp/log/slurmd.stderr" 2>&1 &
pids+=($!); names+=(slurmd)
say "munged ${pids[0]}, slurmctld ${pids[1]}, slurmd ${pids[2]}; ports ${ports[*]}; $cpus CPUs"

deadline=$((SECONDS + 60))
until [ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ]; do
  for i in 0 1 2; do
    kill -0 "${pids[i]}" 2>/dev/null || fail "${names[i]} exited while the cluster was starting"
  done
  [ $SECONDS -lt $deadline ] || fail "the node is not idle after 60 s: $(sinfo -h -N -o '%t %E' 2>&1)"
  sleep 0.5
done
lap "one-node cluster up: sinfo shows $host idle"

# --- Helpers for the jobs ---------------------------------------------------------------------
# Wait until the queue is empty (every task, then the merge, has ended).
drain() {
  local deadline=$((SECONDS + timeout))
  while [ -n "$(squeue -h -o %i)" ]; do
    [ $SECONDS -lt $deadline ] || { squeue >&2; fail "jobs still queued after $timeout s"; }
    sleep 0.5
  done
}
job_state() { scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2; }
same_bytes() {   # same_bytes WHAT FILE: FILE equals the unsharded sweep.csv
  [ -f "$2" ] || fail "$1: no $2"
  cmp "$tmp/unsharded/sweep.csv" "$2" >&2 || fail "$1: $2 differs from the unsharded sweep.csv"
  say "$1: sweep.csv identical to the unsharded one ($(wc -c <"$2") bytes, $(($(wc -l <"$2") - 1)) rows)"
}
submit() {       # submit OUTDIR [sbatch options]: the shipped script, run from submit/
  local out=$1; shift
  (cd "$tmp/submit" && sbatch --parsable --cpus-per-task=1 "$@" "$sbatch_script" "$scenario" "$out" "${sweep[@]}")
}

# --- The reference: the same sweep, unsharded, on this machine ---------------------------------
"$SMSIM" sweep "$scenario" "${sweep[@]}" --out "$tmp/unsharded" --quiet
lap "unsharded sweep: $(wc -c <"$tmp/unsharded/sweep.csv") bytes"

# Wait until shard I of OUTDIR has at least one finished point.
first_row() {
  local csv=$1/shard-$2-of-4/sweep.csv deadline=$((SECONDS + timeout))
  until [ -f "$csv" ] && [ "$(wc -l <"$csv")" -ge 2 ]; do
    [ $SECONDS -lt $deadline ] || fail "shard $2 of $1 wrote no row in $timeout s"
    sleep 0.1
  done
}
rows() { echo $(($(wc -l <"$1/shard-$2-of-4/sweep.csv") - 1)); }

# --- 1. Job array of 4 shards and the dependent merge; Slurm requeues one task ----------------
array=$(submit "$tmp/array" --array=1-4)
say "submitted array job $array"
first_row "$tmp/array" 1
scontrol requeue "${array}_1"
say "requeued ${array}_1 after $(rows "$tmp/array" 1) of its 3 points"
drain
for t in 1 2 3 4; do
  s=$(job_state "${array}_$t")
  [ "$s" = COMPLETED ] || fail "array task ${array}_$t ended $s"
done
restarts=$(scontrol -o show job "${array}_1" | grep -o 'Restarts=[0-9]*' | cut -d= -f2)
[ "$restarts" = 1 ] || fail "task ${array}_1 was not requeued (Restarts=$restarts; it ended before it could be)"
merge_logs=("$tmp"/submit/smsim-merge-*.out)
[ ${#merge_logs[@]} = 1 ] && [[ ${merge_logs[0]} =~ /smsim-merge-[0-9]+\.out$ ]] ||
  fail "expected one merge log smsim-merge-<job>.out, found: ${merge_logs[*]##*/}"
same_bytes "array of 4 (one requeued) + merge" "$tmp/array/sweep.csv"
lap "array, requeue and merge done; one merge, log ${merge_logs[0]##*/}"

# --- 2. Cancel a running task, resubmit it alone ---------------------------------------------
rm -f "$tmp"/submit/*.out
array=$(submit "$tmp/requeue" --array=1-4)
first_row "$tmp/requeue" 4
scancel "${array}_4"
drain
s=$(job_state "${array}_4")
[ "$s" = CANCELLED ] || fail "task ${array}_4 ended $s before it could be cancelled (the test's sweep is too short for this machine)"
[ ! -e "$tmp/requeue/sweep.csv" ] || fail "the merge ran although task ${array}_4 was cancelled"
say "cancelled ${array}_4 after $(rows "$tmp/requeue" 4) of its 3 points; its merge was cancelled (dependency never satisfied)"
resubmitted=$(SMSIM_SHARDS=4 submit "$tmp/requeue" --array=4)
say "resubmitted shard 4 alone as job $resubmitted"
drain
s=$(job_state "${resubmitted}_4")
[ "$s" = COMPLETED ] || fail "resubmitted task ${resubmitted}_4 ended $s"
same_bytes "cancel + resubmit" "$tmp/requeue/sweep.csv"
lap "cancel, resubmit and merge done"

# --- 3. The README's GNU parallel line ------------------------------------------------------
mkdir -p "$tmp/parallel-cwd"
(
  cd "$tmp/parallel-cwd"
  export PATH=$(dirname "$SMSIM"):$PATH
  grid=$tmp/parallel
  parallel -j 4 smsim sweep "$scenario" "${sweep[@]}" --shard {}/4 \
    --out "$grid" --threads 1 --quiet ::: 1 2 3 4 && smsim merge "$grid"/shard-*-of-4 --out "$grid"
) >/dev/null
same_bytes "GNU parallel, 4 shards + merge" "$tmp/parallel/sweep.csv"
lap "GNU parallel done"

passed=true
say "cluster test passed in $((SECONDS - started)) s"
