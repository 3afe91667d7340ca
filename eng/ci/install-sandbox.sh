#!/usr/bin/env bash
# The grader's operating-system sandbox: bubblewrap (bwrap). Installs it where it is missing
# (Debian/Ubuntu), and where the kernel forbids unprivileged user namespaces to it (Ubuntu 24.04's
# AppArmor restriction, as on GitHub's runners) lifts that restriction. Ends by proving that a
# sandbox can be made; fails otherwise, because CI must not grade unsandboxed.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
probe() { bwrap --unshare-all --die-with-parent --uid 1000 --gid 1000 --ro-bind / / --proc /proc --dev /dev true 2>/dev/null; }
if ! command -v bwrap >/dev/null; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q bubblewrap >/dev/null \
    || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q bubblewrap >/dev/null; }
fi
if ! probe && [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null || echo 0)" = 1 ]; then
  as_root sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0
fi
probe || { echo "install-sandbox: bwrap cannot make a sandbox on this machine" >&2; exit 1; }
echo "sandbox: $(bwrap --version)"
