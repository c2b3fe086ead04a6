#!/usr/bin/env bash
# Brings the Rust of Linux 6.12 from Debian's linux-source-6.12 package into a cache folder outside the repo:
# only the top Makefile and the .rs files under rust/, samples/rust/ and drivers/. Reused when already there.
# Prints the folder on stdout; progress and errors go to stderr. Exit 0 on success, 1 when it cannot be had.
# Usage: scripts/kernel-6-12.sh [DEST]   (default ${XDG_CACHE_HOME:-$HOME/.cache}/kernel-rust/linux-6.12)
set -euo pipefail
pkg=linux-source-6.12
dest=${1:-${KERNEL_RUST_612:-${XDG_CACHE_HOME:-$HOME/.cache}/kernel-rust/linux-6.12}}
marker=$dest/.kernel-rust-complete

if [ -f "$marker" ] && [ -f "$dest/Makefile" ]; then
  echo "$dest"
  exit 0
fi
for tool in apt-get dpkg-deb xz tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "kernel-6-12: '$tool' is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

download() { (cd "$work" && apt-get download "$pkg" >"$work/apt.log" 2>&1); }
if ! download; then
  # A fresh machine often has no package lists yet: refresh them once and try again.
  echo "kernel-6-12: apt-get download failed; running apt-get update and retrying" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 || true
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n apt-get update -qq >&2 || true
  fi
  if ! download; then
    echo "kernel-6-12: cannot download $pkg with apt-get:" >&2
    tail -n 5 "$work/apt.log" >&2
    exit 1
  fi
fi
deb=$(ls "$work"/*.deb)
echo "kernel-6-12: extracting Makefile and Rust files from $(basename "$deb")" >&2

# Extract into a sibling folder, then move it into place, so a half-done run is never reused.
mkdir -p "$(dirname "$dest")"
stage=$(mktemp -d "$(dirname "$dest")/.linux-6.12.XXXXXX")
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x -O --wildcards './usr/src/*.tar.xz' | xz -dc \
  | tar -x -C "$stage" --strip-components=1 --wildcards \
      "$pkg/Makefile" "$pkg/rust/*.rs" "$pkg/samples/rust/*.rs" "$pkg/drivers/*.rs"; then
  rm -rf "$stage"
  echo "kernel-6-12: extracting $pkg failed" >&2
  exit 1
fi
find "$stage" -name '*.rs' | wc -l > "$stage/.kernel-rust-complete"
rm -rf "$dest"
mv "$stage" "$dest"
echo "kernel-6-12: $(cat "$marker") Rust files in $dest" >&2
echo "$dest"
