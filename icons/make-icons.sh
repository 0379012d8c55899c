#!/usr/bin/env bash
# Regenerates every rendered icon from the SVG masters with standard Debian tools:
#   rsvg-convert (librsvg2-bin), /usr/bin/convert (imagemagick), png2icns (icnsutils).
# 16 and 24 px come from relay-doctor-small.svg (pixel-fitted); all other sizes from relay-doctor.svg.
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert   # the real ImageMagick, not a stand-in earlier on PATH
for tool in rsvg-convert "$convert" png2icns; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

for size in 16 24 32 48 64 128 256 512 1024; do
  master=relay-doctor.svg
  [ "$size" -le 24 ] && master=relay-doctor-small.svg
  rsvg-convert -w "$size" -h "$size" "$master" -o "relay-doctor-$size.png"
done

# Windows: one .ico holding 16-256 (256 is stored PNG-compressed by ImageMagick).
"$convert" relay-doctor-{16,24,32,48,64,128,256}.png relay-doctor.ico

# macOS: .icns with 16-1024 (png2icns picks the icon type from each PNG's size; 1024 is the 512@2x slot).
png2icns relay-doctor.icns relay-doctor-{16,32,48,128,256,512,1024}.png >/dev/null

# The window loads these from the module's resources.
res=../src/main/resources/org/relaydoctor/ui/icons
mkdir -p "$res"
for size in 16 32 48 64 128 256; do cp "relay-doctor-$size.png" "$res/"; done
echo "icons regenerated in $(pwd) and $res"
