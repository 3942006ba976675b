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

setup_runtimes() {
  install_packages runc crun runsc bubblewrap systemd-container lxc podman docker.io \
    qemu-system-x86 busybox-static linux-image-amd64 util-linux iproute2 procps
  # crun refuses "cgroups in hybrid mode" until a cgroup v1 hugetlb hierarchy is mounted.
  if [ ! -d /sys/fs/cgroup/unified ] && ! grep -q ' /sys/fs/cgroup ' /proc/mounts; then :; fi
  if ! grep -q 'hugetlb' /proc/mounts; then
    if grep -q '^hugetlb' /proc/cgroups 2>/dev/null && [ "$(stat -f -c %T /sys/fs/cgroup)" != cgroup2fs ]; then
      mkdir -p /sys/fs/cgroup/hugetlb
      mount -t cgroup -o hugetlb hugetlb /sys/fs/cgroup/hugetlb || log "could not mount the hugetlb cgroup"
    fi
  fi
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
