#!/usr/bin/env bash
# Checks that dependencies between the source folders point one way only (docs/architecture.md): every
# `#include "folder/…"` in app/, ui/ and wizard_pages/ must name a folder its own folder may use.
#
#   check-include-layers.sh SOURCE_DIR
set -uo pipefail
cd "$1" || exit 2

# folder -> the folders it may include (besides itself).
declare -A allowed=(
    [common]=""
    [model]="common ssh" # the plan's validation checks its SSH public key with SshPublicKey (libssh's parser)
    [hcloud]="common"
    [ssh]="common"
    [secrets]="common"
    [provision]="common model"
    [deploy]="common model hcloud ssh secrets provision"
    [cli]="common model hcloud ssh secrets provision deploy"
    [ui]="common model hcloud ssh secrets provision deploy ui wizard_pages"
    [wizard_pages]="common model hcloud ssh secrets provision deploy ui"
)

violations=0
checked=0
while IFS= read -r file; do
    case $file in
        app/*/*) folder=${file#app/} folder=${folder%%/*} ;;
        ui/* | wizard_pages/*) folder=${file%%/*} ;;
        *) continue ;; # app/main.cpp may use everything
    esac
    if [[ ! -v "allowed[$folder]" ]]; then
        echo "unknown folder '$folder' ($file): add it to tests/support/check-include-layers.sh and docs/architecture.md"
        violations=$((violations + 1))
        continue
    fi
    while IFS= read -r included; do
        checked=$((checked + 1))
        [[ $included == "$folder" ]] && continue
        [[ " ${allowed[$folder]} " == *" $included "* ]] && continue
        echo "$file includes $included/: $folder/ may include only: ${allowed[$folder]:-nothing of ours}"
        violations=$((violations + 1))
    done < <(grep -hoE '^#include "[a-z_]+/' "$file" | sed -E 's/^#include "([a-z_]+)\//\1/' | sort -u)
done < <(find app ui wizard_pages -name '*.h' -o -name '*.cpp' | sort)

echo "include layers: $checked folder includes checked, $violations violation(s)"
[[ $violations -eq 0 ]]
