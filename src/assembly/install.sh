#!/bin/sh
# Installs dev from this unpacked archive into a prefix (default: ~/.local):
#   PREFIX/bin/dev                                 the launcher (needs a JDK 17+ at run time)
#   PREFIX/lib/dev/dev.jar                         the program
#   PREFIX/share/man/man1/dev*.1                   man dev, man dev-start, …
#   PREFIX/share/bash-completion/completions/dev   loaded on demand by bash-completion
#   PREFIX/share/zsh/site-functions/_dev           zsh (that directory must be in $fpath)
#   PREFIX/share/fish/vendor_completions.d/dev.fish
#   PREFIX/share/doc/dev/README.md
# Usage: ./install.sh [PREFIX]        e.g. ./install.sh /usr/local (as root)
# Run it again to upgrade; every file is replaced by rename, so a running dev is not disturbed.
set -eu

prefix=${1:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd -P)

# put MODE SOURCE DESTINATION: copy next to the destination, then rename over it.
put() {
    mkdir -p "${3%/*}"
    cp "$2" "$3.new.$$"
    chmod "$1" "$3.new.$$"
    mv -f "$3.new.$$" "$3"
}

put 755 "$here/bin/dev" "$prefix/bin/dev"
put 644 "$here/lib/dev/dev.jar" "$prefix/lib/dev/dev.jar"
for page in "$here"/man/man1/*.1; do
    put 644 "$page" "$prefix/share/man/man1/${page##*/}"
done
put 644 "$here/completions/dev.bash" "$prefix/share/bash-completion/completions/dev"
put 644 "$here/completions/_dev" "$prefix/share/zsh/site-functions/_dev"
put 644 "$here/completions/dev.fish" "$prefix/share/fish/vendor_completions.d/dev.fish"
put 644 "$here/README.md" "$prefix/share/doc/dev/README.md"

echo "installed dev into $prefix"
case ":${PATH:-}:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
