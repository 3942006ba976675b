#!/usr/bin/env bash
# Times the same OCI operations the probe's runc and crun drivers perform (create, start, exec
# /bin/true, kill + wait for the init, delete), in a plain bash loop, as a baseline to check the
# Java harness against. Every command is an argument list with quoted variables; bash's
# $EPOCHREALTIME is read without forking anything.
#
#   probes/bench/shell-baseline.sh RUNTIME REPEAT OUT.csv     (RUNTIME: runc or crun)
#
# The bundle is the one the probe writes (same config.json, same cached busybox root), so both
# time the same work. Needs a root file system built by an earlier `gradesim probe` run.
set -euo pipefail

runtime=${1:?runtime (runc or crun)}
repeat=${2:?repeat}
out=${3:?output csv}
case "$runtime" in runc|crun) ;; *) echo "runtime must be runc or crun" >&2; exit 2 ;; esac

home=${GRADESIM_HOME:-$HOME/.gradesim}
rootfs=$(find "$home/images" -maxdepth 1 -type d -name 'rootfs-*' | sort | tail -n 1)
[ -n "$rootfs" ] || { echo "no cached rootfs under $home/images: run gradesim probe first" >&2; exit 2; }

work=$(mktemp -d "/tmp/gradesim-probe-$$-shell.XXXX")
trap 'for n in $(seq 0 "$repeat"); do "$runtime" delete --force "gradesim-probe-$$-s$n" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

write_config() {  # $1 bundle dir, $2 container name: the probe's OciBundle, same fields
  local json
  # read -d '' and printf are builtins: writing the file forks nothing, as in the JVM.
  IFS= read -r -d '' json <<JSON || true
{"ociVersion":"1.0.2","process":{"terminal":false,"user":{"uid":0,"gid":0},
"args":["/bin/sleep","100000"],"env":["PATH=/usr/sbin:/usr/bin:/sbin:/bin"],"cwd":"/",
"capabilities":{"bounding":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FOWNER","CAP_FSETID","CAP_KILL","CAP_SETGID","CAP_SETUID","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_AUDIT_WRITE","CAP_SETFCAP"],
"effective":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FOWNER","CAP_FSETID","CAP_KILL","CAP_SETGID","CAP_SETUID","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_AUDIT_WRITE","CAP_SETFCAP"],
"permitted":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FOWNER","CAP_FSETID","CAP_KILL","CAP_SETGID","CAP_SETUID","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_AUDIT_WRITE","CAP_SETFCAP"]},
"rlimits":[{"type":"RLIMIT_NOFILE","hard":1024,"soft":1024}],"noNewPrivileges":true},
"root":{"path":"$rootfs","readonly":false},"hostname":"gradesim",
"mounts":[{"destination":"/proc","type":"proc","source":"proc","options":["nosuid","noexec","nodev"]},
{"destination":"/dev","type":"tmpfs","source":"tmpfs","options":["nosuid","strictatime","mode=755"]},
{"destination":"/dev/pts","type":"devpts","source":"devpts","options":["nosuid","noexec","newinstance","ptmxmode=0666","mode=0620"]},
{"destination":"/dev/shm","type":"tmpfs","source":"shm","options":["nosuid","noexec","nodev","size=65536k"]},
{"destination":"/sys","type":"sysfs","source":"sysfs","options":["nosuid","noexec","nodev","ro"]},
{"destination":"/tmp","type":"tmpfs","source":"tmpfs","options":["nosuid","nodev","mode=1777"]}],
"linux":{"resources":{"devices":[{"allow":false,"access":"rwm"}]},"cgroupsPath":"/$2",
"namespaces":[{"type":"pid"},{"type":"network"},{"type":"ipc"},{"type":"uts"},{"type":"mount"}],
"maskedPaths":["/proc/kcore","/proc/keys","/proc/timer_list","/sys/firmware"],
"readonlyPaths":["/proc/bus","/proc/fs","/proc/irq","/proc/sys","/proc/sysrq-trigger"]}}
JSON
  printf '%s' "$json" >"$1/config.json"
}

# A fifo nobody writes to: `read -t` on it is a sleep without forking (bash has no builtin
# sleep), so polling yields the CPU as the Java driver's 100 us park does instead of spinning.
mkfifo "$work/idle"
exec {idle}<>"$work/idle"

await_exit() {  # $1 pid: until it is a zombie or gone, as the Java driver does
  local stat
  while read -r stat <"/proc/$1/stat" 2>/dev/null; do
    stat=${stat##*) }
    [ "${stat%% *}" = Z ] && return 0
    read -r -t 0.0001 -u "$idle" || true
  done
  return 0
}

echo "runtime,stage,iteration,duration_ns" >"$out"
for i in $(seq 0 "$repeat"); do  # iteration 0 is a warm-up, left out
  name="gradesim-probe-$$-s$i"
  bundle="$work/$name"
  mkdir "$bundle"
  t0=${EPOCHREALTIME/./}
  write_config "$bundle" "$name"
  "$runtime" create --bundle "$bundle" --pid-file "$bundle/init.pid" "$name" </dev/null >/dev/null 2>&1
  t1=${EPOCHREALTIME/./}
  "$runtime" start "$name" </dev/null >/dev/null 2>&1
  t2=${EPOCHREALTIME/./}
  read -r pid <"$bundle/init.pid" || true  # no trailing newline
  "$runtime" exec "$name" /bin/true </dev/null >/dev/null 2>&1
  t3=${EPOCHREALTIME/./}
  "$runtime" kill "$name" KILL </dev/null >/dev/null 2>&1
  await_exit "$pid"
  t4=${EPOCHREALTIME/./}
  "$runtime" delete "$name" </dev/null >/dev/null 2>&1
  t5=${EPOCHREALTIME/./}
  if [ "$i" -gt 0 ]; then  # EPOCHREALTIME has microseconds: times 1000 for ns
    {
      echo "$runtime,create,$((i - 1)),$(((t1 - t0) * 1000))"
      echo "$runtime,start,$((i - 1)),$(((t2 - t1) * 1000))"
      echo "$runtime,exec,$((i - 1)),$(((t3 - t2) * 1000))"
      echo "$runtime,stop,$((i - 1)),$(((t4 - t3) * 1000))"
      echo "$runtime,remove,$((i - 1)),$(((t5 - t4) * 1000))"
    } >>"$out"
  fi
done
