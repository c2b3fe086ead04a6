#!/usr/bin/env bash
# Brings the Rust of a Linux release from Debian's linux-source-X.Y package into a cache folder outside the repo:
# only the top Makefile and the .rs files under rust/, samples/rust/ and drivers/. Reused when already there.
# Releases newer than the machine's own Debian suite come from the same archive's backports suite, read through a
# private apt state folder, so the machine's apt setup is never changed.
# Prints the folder on stdout; progress and errors go to stderr. Exit 0 on success, 1 when it cannot be had.
# Usage: scripts/debian-kernel.sh RELEASE [DEST]
#   RELEASE  6.12 (the machine's own suite) or 7.2 / 7.3 (trixie-backports)
#   DEST     default ${XDG_CACHE_HOME:-$HOME/.cache}/kernel-rust/linux-RELEASE
set -euo pipefail
release=${1:?usage: debian-kernel.sh RELEASE [DEST]}
case "$release" in
  6.12) suite= ;;
  7.2 | 7.3) suite=trixie-backports ;;
  *) echo "debian-kernel: no Debian source package is known for Linux $release" >&2; exit 1 ;;
esac
pkg=linux-source-$release
dest=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/kernel-rust/linux-$release}
marker=$dest/.kernel-rust-complete
say() { echo "debian-kernel $release: $*" >&2; }

if [ -f "$marker" ] && [ -f "$dest/Makefile" ]; then
  echo "$dest"
  exit 0
fi
for tool in apt-get dpkg-deb xz tar; do
  command -v "$tool" >/dev/null 2>&1 || { say "'$tool' is not installed"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt=()
if [ -n "$suite" ]; then
  # The first Debian archive this machine's apt already uses (deb822 .sources or one-line lists), minus security.
  uri=$({ sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
          sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) .*/\2/p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
        } | tr ' ' '\n' | grep -v -- '-security' | grep . | head -1 || true)
  [ -n "$uri" ] || { say "no Debian archive in this machine's apt setup"; exit 1; }
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main" > "$work/sources.list"
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  apt=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache")
  if ! apt-get -qq "${apt[@]}" update >"$work/apt.log" 2>&1; then
    say "apt-get update of $suite failed:"; tail -n 5 "$work/apt.log" >&2; exit 1
  fi
fi

mkdir -p "$work/deb"
download() { (cd "$work/deb" && apt-get "${apt[@]}" download "$pkg" >"$work/apt.log" 2>&1); }
if ! download; then
  if [ -z "$suite" ]; then
    # A fresh machine often has no package lists yet: refresh them once and try again.
    say "apt-get download failed; running apt-get update and retrying"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >&2 || true
    elif command -v sudo >/dev/null 2>&1; then
      sudo -n apt-get update -qq >&2 || true
    fi
  fi
  if ! download; then
    say "cannot download $pkg with apt-get:"; tail -n 5 "$work/apt.log" >&2; exit 1
  fi
fi
deb=$(ls "$work"/deb/*.deb)
say "extracting Makefile and Rust files from $(basename "$deb")"

# Extract into a sibling folder, then move it into place, so a half-done run is never reused.
mkdir -p "$(dirname "$dest")"
stage=$(mktemp -d "$(dirname "$dest")/.linux-$release.XXXXXX")
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -O --wildcards './usr/src/*.tar.xz' | xz -dc \
  | tar -x -C "$stage" --strip-components=1 --wildcards \
      "$pkg/Makefile" "$pkg/rust/*.rs" "$pkg/samples/rust/*.rs" "$pkg/drivers/*.rs"; then
  rm -rf "$stage"
  say "extracting $pkg failed"
  exit 1
fi
find "$stage" -name '*.rs' | wc -l > "$stage/.kernel-rust-complete"
rm -rf "$dest"
mv "$stage" "$dest"
say "$(cat "$marker") Rust files in $dest"
echo "$dest"
