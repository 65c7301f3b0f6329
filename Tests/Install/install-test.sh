#!/usr/bin/env bash
# make install into a temporary prefix, then what a new user would try: the binary's help,
# the manual page, a completion script; then make uninstall leaves none of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make --no-print-directory install PREFIX="$prefix" >/dev/null
"$prefix/bin/smsim" --help | grep -q "USAGE: smsim" || { echo "install-test: smsim --help failed" >&2; exit 1; }
MANWIDTH=80 man -l "$prefix/share/man/man1/smsim.1" 2>/dev/null | grep -q "smsim run" || { echo "install-test: man page unreadable" >&2; exit 1; }
for f in share/bash-completion/completions/smsim share/zsh/site-functions/_smsim share/fish/vendor_completions.d/smsim.fish; do
  [ -s "$prefix/$f" ] || { echo "install-test: no $f" >&2; exit 1; }
done
grep -q "complete" "$prefix/share/bash-completion/completions/smsim" || { echo "install-test: bash completion empty" >&2; exit 1; }
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
[ -z "$(find "$prefix" -type f)" ] || { echo "install-test: uninstall left files:" >&2; find "$prefix" -type f >&2; exit 1; }
echo "install-test: make install, smsim --help, man -l and completions work; uninstall removes them"
