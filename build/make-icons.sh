#!/usr/bin/env bash
# Renders build/icon.svg to the application icons electron-builder uses:
#   build/icon.png (1024), build/icons/NxN.png (Linux), build/icon.ico (Windows), build/icon.icns (macOS).
# Needs Chromium (renders the SVG) and ImageMagick (scales, writes the .ico). Run from anywhere:
#   build/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")"
CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
CONVERT=/usr/bin/convert   # ImageMagick itself (a stand-in may come first on PATH)
[ -x "$CONVERT" ] || CONVERT="$(command -v convert)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1024,1024 --default-background-color=00000000 \
  --screenshot="$tmp/icon.png" "file://$PWD/icon.svg" 2>/dev/null
cp "$tmp/icon.png" icon.png

mkdir -p icons
for s in 16 24 32 48 64 128 256 512 1024; do
  "$CONVERT" icon.png -filter Lanczos -resize "${s}x${s}" -strip "PNG32:icons/${s}x${s}.png"
done
"$CONVERT" icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico

# ICNS: a header and one chunk per size, each holding a PNG (supported since macOS 10.7).
node - <<'JS'
const fs = require('node:fs');
const chunks = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];
const parts = chunks.map(([type, size]) => {
  const png = fs.readFileSync(`icons/${size}x${size}.png`);
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(png.length + 8, 4);
  return Buffer.concat([head, png]);
});
const body = Buffer.concat(parts);
const head = Buffer.alloc(8);
head.write('icns', 0, 'ascii');
head.writeUInt32BE(body.length + 8, 4);
fs.writeFileSync('icon.icns', Buffer.concat([head, body]));
JS
echo "icons written: icon.png icon.ico icon.icns icons/*.png" >&2
