#!/usr/bin/env bash
# Compares the probe's runc/crun stage medians with the shell baseline, running the two
# alternately (ROUNDS times each, REPEAT lifecycles per run) so that the load of a shared
# machine falls on both alike. Prints median ms per runtime and stage, the ratio probe/shell,
# and the load average before and after.
#
#   probes/bench/compare.sh [ROUNDS] [REPEAT] [OUTDIR]
set -euo pipefail
rounds=${1:-3}
repeat=${2:-20}
out=${3:-$(mktemp -d /tmp/gradesim-compare.XXXX)}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runtime,stage,iteration,duration_ns" >"$out/shell.csv"
echo "runtime,stage,iteration,duration_ns" >"$out/probe.csv"
for r in $(seq 1 "$rounds"); do
  "$root/gradesim" probe --runtime runc,crun --stages create,start,exec,stop,remove \
    --repeat "$repeat" --warmup 1 --out "$out/probe-$r" >/dev/null 2>&1
  tail -n +2 "$out/probe-$r/probe.csv" | cut -d, -f1,2,5,7 >>"$out/probe.csv"
  for rt in runc crun; do
    "$here/shell-baseline.sh" "$rt" "$repeat" "$out/shell-$rt-$r.csv"
    tail -n +2 "$out/shell-$rt-$r.csv" >>"$out/shell.csv"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

medians() {  # CSV runtime,stage,iteration,duration_ns -> "runtime stage n median_ms"
  tail -n +2 "$1" | sort -t, -k1,1 -k2,2 -k4,4n | awk -F, '
    { key = $1 " " $2; v[key, ++n[key]] = $4 }
    END { for (k in n) { c = n[k]; m = (c % 2) ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2
          printf "%s %d %.2f\n", k, c, m / 1e6 } }' | sort
}
medians "$out/probe.csv" >"$out/probe.med"
medians "$out/shell.csv" >"$out/shell.med"
printf '%-6s %-7s %6s %12s %12s %8s\n' runtime stage n probe_ms shell_ms ratio
join -j1 <(awk '{print $1"/"$2, $3, $4}' "$out/probe.med") \
  <(awk '{print $1"/"$2, $3, $4}' "$out/shell.med") |
  awk '{ split($1, k, "/"); printf "%-6s %-7s %6d %12.2f %12.2f %8.2f\n", k[1], k[2], $2, $3, $5, $3 / $5 }'
echo "raw samples in $out"
