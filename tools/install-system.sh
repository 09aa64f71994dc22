#!/usr/bin/env bash
# System packages some tests use (Debian): Stellarium's data, to rebuild the demo atlas from source;
# chromium + chromium-driver, for the docs site test in a real headless browser.
# Needs root and apt; without them it says so and the tests that need these packages are skipped.
set -u
pkgs="stellarium-data chromium chromium-driver"
missing=$(for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "note: cannot install $missing (needs root + apt-get); tests that need them will be skipped" >&2; exit 0
fi
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing) >/dev/null 2>&1 \
  || echo "note: apt-get could not install $missing; tests that need them will be skipped" >&2
exit 0
