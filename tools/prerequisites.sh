#!/bin/sh
# What hemicycle needs from the system, checked before anything is set up.
# On Debian or Ubuntu, as root, the missing packages are installed; as another
# user, the one command to run is printed and the setup stops. Elsewhere only
# the Python version is checked (see the README for macOS).
# Usage: tools/prerequisites.sh PYTHON PACKAGE...
set -eu
python=$1; shift

if ! command -v "$python" >/dev/null 2>&1; then
  echo "hemicycle needs Python 3.11 or newer: '$python' was not found (choose one with make PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "hemicycle needs Python 3.11 or newer; $python is $("$python" -c 'import platform; print(platform.python_version())') (choose another with make PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=
for package in "$@"; do
  dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "hemicycle needs these Debian packages:$missing" >&2
  echo "install them (as root), then run make again:" >&2
  echo "  sudo apt-get install$missing" >&2
  exit 1
fi
