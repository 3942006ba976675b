#!/bin/bash
# The live table of VALIDATION.md: 16 validate runs (4 pools x crun, docker-crun x load 0.6, 0.9)
# on this 2-core host, then the table. Both runtimes are probed twice, placed as the live pool
# places a job of a 1-core agent (CPU 0) and of a 2-core agent (CPUs 0-1); each pool is predicted
# with the profile of its agents' placement.
#   live/matrix/run-matrix.sh OUT      (as root, on a quiet machine; about an hour)
# A run already scored in OUT is not run again (re-run the command after an interruption).
# To score the same live runs again after a model change, without replaying anything:
#   live/matrix/run-matrix.sh --rescore OUT NEW
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gradesim="$here/../../gradesim"
shapes="1x2x2 2x1x1 1x2x4 2x1x2"
if [ "${1:-}" = "--rescore" ]; then
  old=$2; new=$3; mkdir -p "$new"
  for cpus in 0 0-1; do
    "$gradesim" calibrate --from "$old/probe-$cpus" --out "$new/calibration-$cpus.json"
  done
  for d in "$old"/*/validation.json; do
    run=$(basename "$(dirname "$d")")
    shape=${run%%-*}; rest=${run#*-}; load=${rest##*-}; runtime=${rest%-*}
    [ -f "$new/$run/validation.json" ] && continue
    case $shape in ?x1x?) cpus=0 ;; *) cpus=0-1 ;; esac
    echo "== $run"
    "$gradesim" validate --trace "$old/trace-$load.csv" --scenario "$old/pool-$shape-$runtime.conf" \
      --runtime "$runtime" --calibration "$new/calibration-$cpus.json" --replications 5 \
      --rescore "$old/$run" --out "$new/$run" || true
  done
  python3 "$here/table.py" "$new"
  exit 0
fi
out=${1:?usage: run-matrix.sh OUT | run-matrix.sh --rescore OUT NEW}
mkdir -p "$out"
[ -f "$out/trace-06.csv" ] || python3 "$here/poisson-trace.py" 1.5 11 > "$out/trace-06.csv"
[ -f "$out/trace-09.csv" ] || python3 "$here/poisson-trace.py" 2.25 12 > "$out/trace-09.csv"
for shape in $shapes; do
  IFS=x read -r agents cores slots <<< "$shape"
  for runtime in crun docker-crun; do
    printf 'agents = %s\ncores = %s\nslots = %s\ncosts = profile\nruntime = %s\n' \
      "$agents" "$cores" "$slots" "$runtime" > "$out/pool-$shape-$runtime.conf"
  done
done
for cpus in 0 0-1; do
  if [ ! -f "$out/calibration-$cpus.json" ]; then
    "$gradesim" probe --runtime crun,docker-crun --concurrency 1,2,4 --payload true,cpu \
      --placement "$cpus" --out "$out/probe-$cpus"
    "$gradesim" calibrate --from "$out/probe-$cpus" --out "$out/calibration-$cpus.json"
  fi
done
for runtime in crun docker-crun; do
  for shape in $shapes; do
    for load in 06 09; do
      run="$shape-$runtime-$load"
      [ -f "$out/$run/validation.json" ] && grep -q '"scored"' "$out/$run/validation.json" && continue
      rm -rf "${out:?}/$run"
      case $shape in ?x1x?) cpus=0 ;; *) cpus=0-1 ;; esac
      echo "== $run"
      "$gradesim" validate --trace "$out/trace-$load.csv" --scenario "$out/pool-$shape-$runtime.conf" \
        --runtime "$runtime" --calibration "$out/calibration-$cpus.json" --replications 5 \
        --out "$out/$run" || true
    done
  done
done
python3 "$here/table.py" "$out"
