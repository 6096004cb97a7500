#!/usr/bin/env bash
# A real single-node SLURM cluster on this machine, for CI and for trying the
# array jobs: Debian's slurm-wlm (22.05) and munge, one node named after
# `hostname`, run as root, with its state, spool, logs and slurm.conf in a
# temporary folder. Nothing under /etc is changed but munge's key, which the
# munge package creates.
#
#   tools/slurm/local_cluster.sh install        apt-get install slurm-wlm munge (as root)
#   tools/slurm/local_cluster.sh start DIR      write DIR/slurm.conf, start munged, slurmctld, slurmd;
#                                               prints `export SLURM_CONF=DIR/slurm.conf`
#   tools/slurm/local_cluster.sh stop DIR       stop the three daemons started in DIR
#
# Clients (sbatch, squeue, scancel, sacct) find the cluster through SLURM_CONF.
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "local_cluster.sh ${cmd}: must run as root (slurmd runs jobs as any user)" >&2
    exit 1
  fi
}

case "$cmd" in
install)
  need_root
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
  fi
  ;;
start)
  need_root
  [ -n "$dir" ] || { echo "usage: $0 start DIR" >&2; exit 2; }
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  # munged wants its socket's folders open to all (mktemp -d makes them 0700).
  chmod 755 "$dir" "$dir/munge"
  host="$(hostname)"
  cpus="$(nproc)"
  cat >"$dir/slurm.conf" <<EOF
ClusterName=framing
SlurmctldHost=${host}
AuthType=auth/munge
AuthInfo=socket=${dir}/munge/munge.socket.2
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=${dir}/state
SlurmdSpoolDir=${dir}/spool
SlurmctldPidFile=${dir}/slurmctld.pid
SlurmdPidFile=${dir}/slurmd.pid
SlurmctldLogFile=${dir}/slurmctld.log
SlurmdLogFile=${dir}/slurmd.log
MinJobAge=600
NodeName=${host} CPUs=${cpus} State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  # munged with its socket, pid and log in DIR (the key stays where the package put it).
  munged --force \
    --socket="$dir/munge/munge.socket.2" \
    --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed"
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$dir/slurm.conf"
  slurmd -f "$dir/slurm.conf"
  for _ in $(seq 1 100); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
      echo "export SLURM_CONF=${dir}/slurm.conf"
      exit 0
    fi
    sleep 0.2
  done
  echo "local_cluster.sh: the node did not come up; logs in ${dir}" >&2
  sinfo -N -l >&2 || true
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  exit 1
  ;;
stop)
  [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  ;;
*)
  echo "usage: $0 install | start DIR | stop DIR" >&2
  exit 2
  ;;
esac
