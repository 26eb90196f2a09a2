#!/bin/sh
# Install UngeDesk from this unpacked archive.
#
#   ./install.sh               for this user: ~/.local/lib/ungedesk, ~/.local/bin/ungedesk,
#                              menu entry in ~/.local/share/applications
#   sudo ./install.sh --system for everyone: /opt/ungedesk, /usr/local/bin/ungedesk,
#                              menu entry in /usr/local/share/applications
#   ./install.sh --uninstall   (add --system for a system install) removes the program only.
#
# The encrypted case data (~/.local/share/UngeDesk) and its key in the keyring are never
# touched: they belong to the caseworker, not to the program, and survive upgrades and removal.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
MODE=user
ACTION=install
for arg in "$@"; do
    case "$arg" in
        --system) MODE=system ;;
        --uninstall) ACTION=uninstall ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$MODE" = system ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "A system install needs root: sudo $0 --system" >&2
        exit 1
    fi
    APPDIR=/opt/ungedesk
    BINDIR=/usr/local/bin
    SHARE=/usr/local/share
else
    # `sudo ./install.sh` without --system would put a program only root can update into
    # root's home; that is never what was meant.
    if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ]; then
        echo "Run without sudo for a per-user install, or use: sudo $0 --system" >&2
        exit 1
    fi
    APPDIR="$HOME/.local/lib/ungedesk"
    BINDIR="$HOME/.local/bin"
    SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
DESKTOP="$SHARE/applications/ungedesk.desktop"
ICON_PNG="$SHARE/icons/hicolor/256x256/apps/ungedesk.png"
ICON_SVG="$SHARE/icons/hicolor/scalable/apps/ungedesk.svg"

refresh_caches() {
    # Menus pick up the new entry without a log-out where these tools exist; harmless if not.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$APPDIR"
    # Only remove the command if it is ours (a link into the program folder).
    if [ -L "$BINDIR/ungedesk" ] && [ "$(readlink "$BINDIR/ungedesk")" = "$APPDIR/ungedesk" ]; then
        rm -f "$BINDIR/ungedesk"
    fi
    rm -f "$DESKTOP" "$ICON_PNG" "$ICON_SVG"
    refresh_caches
    echo "UngeDesk removed. Your data was kept (UngeDesk's data folder and its key in the keyring)."
    exit 0
fi

if [ ! -x "$HERE/UngeDesk/ungedesk" ]; then
    echo "UngeDesk/ungedesk not found next to install.sh: unpack the whole archive first." >&2
    exit 1
fi

# Copy beside the target, then swap: an upgrade never leaves old and new files mixed, and a
# failed copy leaves the old version working.
mkdir -p "$(dirname "$APPDIR")" "$BINDIR" "$SHARE/applications" \
    "$(dirname "$ICON_PNG")" "$(dirname "$ICON_SVG")"
rm -rf "$APPDIR.new" "$APPDIR.old"
cp -R "$HERE/UngeDesk" "$APPDIR.new"
if [ -e "$APPDIR" ]; then mv "$APPDIR" "$APPDIR.old"; fi
mv "$APPDIR.new" "$APPDIR"
rm -rf "$APPDIR.old"
if [ "$MODE" = system ]; then chmod -R a+rX "$APPDIR"; fi

ln -sf "$APPDIR/ungedesk" "$BINDIR/ungedesk"
cp "$HERE/ungedesk.png" "$ICON_PNG"
cp "$HERE/ungedesk.svg" "$ICON_SVG"
# Absolute paths: a desktop session may not have ~/.local/bin on PATH.
sed -e "s|^Exec=.*|Exec=\"$APPDIR/ungedesk\"|" \
    -e "s|^TryExec=.*|TryExec=$APPDIR/ungedesk|" \
    "$HERE/ungedesk.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
refresh_caches

echo "UngeDesk installed in $APPDIR"
echo "Start it from the applications menu, or run: $BINDIR/ungedesk"
case ":$PATH:" in
    *":$BINDIR:"*) ;;
    *) echo "Note: $BINDIR is not on your PATH; the menu entry works regardless." ;;
esac

# Qt's X11 platform plugin needs a few system libraries that are not part of the bundle because
# desktop distributions ship them (the .deb declares them; this archive cannot): name them all
# rather than let Qt fail with its English "xcb-cursor0" message at the first start.
if command -v ldconfig >/dev/null 2>&1 && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    for lib in libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 \
            libxcb-image.so.0 libxcb-render-util.so.0 libEGL.so.1; do
        if ! ldconfig -p 2>/dev/null | grep -q "$lib"; then
            echo "Warning: $lib is missing, so UngeDesk may not start. Install Qt's X11 libraries:"
            echo "  Debian/Ubuntu: sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libegl1"
            echo "  Fedora:        sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil libxkbcommon-x11 mesa-libEGL"
            break
        fi
    done
fi
