#!/bin/sh
# Makes the demo's placeholder film: a few seconds that say PLACEHOLDER and name the holding
# archive and reference code of the goodwill-mission film, as small VP9 WebM. The captions
# beside it (goodwill-mission-1971.{en,ja,mn}.vtt) are written by hand.
# Needs Debian's ffmpeg (apt-get install ffmpeg) and the DejaVu fonts.
set -eu
cd "$(dirname "$0")/../content/demo/media"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
INK=0x3b352b
RED=0x8c2f1b
text() { # font size colour x y text
  printf "drawtext=fontfile=%s:fontsize=%s:fontcolor=%s:x=%s:y=%s:text='%s'" "$1" "$2" "$3" "$4" "$5" "$6"
}
FILTER="$(text $BOLD 54 $RED 40 36 'PLACEHOLDER'),\
$(text $FONT 18 $INK 42 104 'Not the film. The original is held by the archive below.'),\
$(text $BOLD 22 $INK 42 160 'Goodwill mission dispatched by the Japanese'),\
$(text $BOLD 22 $INK 42 190 'government to Mongolia, September 1971'),\
$(text $FONT 18 $INK 42 240 'National Central Archives of Mongolia,'),\
$(text $FONT 18 $INK 42 264 'Archive of Movie, Audio Visual and Photo Records'),\
$(text $BOLD 30 $INK 42 300 'K-19180-1'),\
$(text $FONT 16 0x8a7f6a 500 322 'FILM · Tsuzuri'),\
drawbox=x=40:y=346:w=560*t/8:h=6:color=${RED}@0.8:t=fill"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0xefe9dc:s=640x360:r=12:d=8" \
  -vf "$FILTER" \
  -c:v libvpx-vp9 -b:v 0 -crf 40 -deadline good -row-mt 1 -pix_fmt yuv420p -an \
  goodwill-mission-1971.webm
ls -l goodwill-mission-1971.webm
