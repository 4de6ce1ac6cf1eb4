#!/usr/bin/env bash
# One-off, after all branches are merged: format the whole tree with Prettier (printWidth 140,
# see .prettierrc.json) and apply ESLint's safe automatic fixes, then show what is left.
# Run from the repository root; commit the result as one "Format the tree" commit.
set -euo pipefail
cd "$(dirname "$0")/.."
npx prettier --write .
npx eslint --fix . || true
npm run lint
