#!/usr/bin/env bash
# Prepares a Debian 12 host (as root) for gradesim's probes and test suite. Idempotent: installs
# only missing Debian packages and starts only services that are not running.
#
#   probes/host-setup.sh runtimes   container runtimes, dockerd, cgroup and config fixes
#   probes/host-setup.sh postgres   PostgreSQL server with the journal test database
#   probes/host-setup.sh report     headless Chromium and Jupyter for report and notebook tests
#   probes/host-setup.sh all        everything above
set -euo pipefail

log() { printf 'host-setup: %s\n' "$*" >&2; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    log "must run as root (it installs Debian packages and starts services)"
    exit 2
  fi
}

apt_updated=
install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# crun (and so podman) refuses to run in cgroup "hybrid mode" while the cgroup v2 hierarchy owns any
# controller ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2"). On these
# hosts /sys/fs/cgroup is a tmpfs of v1 hierarchies plus cgroup2 at /sys/fs/cgroup/unified, and
# hugetlb is the controller left to v2: mount a v1 hierarchy for every controller v2 still lists.
# (Matching "hugetlb" anywhere in /proc/mounts is wrong: a hugetlbfs mount would match too.)
bind_v2_controllers_to_v1() {
  local unified=/sys/fs/cgroup/unified/cgroup.controllers c
  [ "$(stat -f -c %T /sys/fs/cgroup 2>/dev/null)" = tmpfs ] || return 0  # pure v2 or no cgroups
  [ -r "$unified" ] || return 0                                            # pure v1
  for c in $(cat "$unified"); do
    if awk -v c="$c" '$3 == "cgroup" && ("," $4 ",") ~ ("," c ",") { found = 1 } END { exit !found }' \
        /proc/mounts; then
      continue
    fi
    log "mounting a cgroup v1 $c hierarchy (crun needs no controller left on cgroup v2)"
    mkdir -p "/sys/fs/cgroup/$c"
    mount -t cgroup -o "$c" "$c" "/sys/fs/cgroup/$c" || log "could not mount the $c cgroup"
  done
  # The kernel releases a controller from v2 asynchronously after a v1 mount: wait until it did.
  for _ in $(seq 1 50); do [ -z "$(cat "$unified")" ] && return 0; sleep 0.1; done
  log "cgroup v2 still owns controllers ($(cat "$unified")): crun and podman will fail"
}

# The live pool's grading payload (live/.../burn.c) runs inside the busybox root, so it is static.
# Built into the image cache under the name gradesim itself uses (payload-<first 16 hex digits of
# the source's SHA-256>/burn), so tests and `gradesim validate` find it; they build it if absent.
build_payload() {
  local src home dir tmp
  src="$(dirname "$0")/../live/src/main/resources/io/gradesim/live/burn.c"
  [ -r "$src" ] || return 0
  home="${GRADESIM_HOME:-$HOME/.gradesim}"
  dir="$home/images/payload-$(sha256sum "$src" | cut -c1-16)"
  [ -x "$dir/burn" ] && return 0
  mkdir -p "$home/images"
  tmp=$(mktemp -d "$home/images/.tmp-payload-XXXXXX")
  if gcc -static -O2 -o "$tmp/burn" "$src" && "$tmp/burn" 1; then
    mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
    log "built the live grading payload in $dir"
  else
    rm -rf "$tmp"
    log "gcc -static could not build the live payload (Debian packages gcc, libc6-dev)"
  fi
}

# Rootless runtimes (podman-crun-rootless, prototype) run as this unprivileged user; podman maps
# its subordinate ids (newuidmap, newgidmap) into the containers' user namespace. No home: the
# probes give it a labelled folder as HOME for each run.
rootless_user() {
  local user=gradesim-rootless f start
  if ! id -u "$user" >/dev/null 2>&1; then
    log "creating user $user for rootless runtimes"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  fi
  for f in /etc/subuid /etc/subgid; do
    touch "$f"
    grep -q "^$user:" "$f" && continue
    start=$(awk -F: 'BEGIN { m = 100000 } $2 + $3 > m { m = $2 + $3 } END { print m }' "$f")
    echo "$user:$start:65536" >>"$f"
    log "gave $user the subordinate ids $start-$((start + 65535)) in $f"
  done
}

setup_runtimes() {
  install_packages runc crun runsc bubblewrap systemd-container lxc podman docker.io \
    qemu-system-x86 busybox-static linux-image-amd64 util-linux iproute2 procps xz-utils \
    gcc libc6-dev debootstrap btrfs-progs uidmap sqlite3
  bind_v2_controllers_to_v1
  rootless_user
  build_payload
  # podman: no systemd and no CAP_SYS_RESOURCE here.
  mkdir -p /etc/containers
  if [ ! -f /etc/containers/containers.conf ] || ! grep -q gradesim /etc/containers/containers.conf; then
    cat >/etc/containers/containers.conf <<'CONF'
# written by gradesim probes/host-setup.sh
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  fi
  # dockerd with runc, crun and runsc registered as runtimes.
  mkdir -p /etc/docker
  cat >/etc/docker/daemon.json <<'CONF'
{
  "runtimes": {
    "crun": {"path": "/usr/bin/crun"},
    "runsc": {"path": "/usr/bin/runsc", "runtimeArgs": ["--platform=ptrace", "--network=none"]}
  }
}
CONF
  if ! /usr/bin/docker info >/dev/null 2>&1; then
    log "starting dockerd"
    nohup dockerd >/var/log/gradesim-dockerd.log 2>&1 &
    for _ in $(seq 1 100); do /usr/bin/docker info >/dev/null 2>&1 && break; sleep 0.2; done
    /usr/bin/docker info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/gradesim-dockerd.log"; exit 1; }
  fi
}

setup_postgres() {
  install_packages postgresql
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
  fi
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='gradesim'\"" | grep -q 1 ||
    su postgres -c "psql -q -c \"CREATE ROLE gradesim LOGIN PASSWORD 'gradesim'\""
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='gradesim_test'\"" | grep -q 1 ||
    su postgres -c "createdb -O gradesim gradesim_test"
}

setup_report() {
  install_packages chromium jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib
}

need_root
case "${1:-all}" in
  runtimes) setup_runtimes ;;
  postgres) setup_postgres ;;
  report) setup_report ;;
  all) setup_runtimes; setup_postgres; setup_report ;;
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) log "unknown section '$1' (runtimes, postgres, report, all)"; exit 2 ;;
esac
