#!/bin/sh
# Called by the package scripts (deb postinst/prerm, rpm %post/%preun).
# install: links the command into /usr/bin and the desktop entry, AppStream metainfo and icons from
#          /opt/relay-doctor/lib/desktop into /usr/share, then trains the Java AOT caches (JEP 483/514/515).
#          The caches are made here, not at build time, because the JVM only accepts one with the module path it was
#          trained with (/opt/relay-doctor/...). The window has two: one trained without saved profiles (a first start)
#          and one with a few (org.relaydoctor.app.AotTraining writes them), so that the list's and editor's classes are
#          cached for the users who have profiles, and the others do not load them at every start; the launcher picks
#          one by whether the user has a profiles file. Each training opens the main window on JavaFX's headless
#          platform and quits once it is complete. The command line's runs checks against the built-in demo servers on
#          127.0.0.1. If a training fails, that start simply goes without its cache.
# remove:  deletes exactly those links (only the ones that still point into /opt/relay-doctor) and the caches.
# train [DIR]: only trains the caches, of the app image in DIR (packaging/bench/startup.sh on a build's image).
app=${2:-/opt/relay-doctor}
cache=$app/lib/app/relay-doctor.aot
profiles_cache=$app/lib/app/relay-doctor-profiles.aot
cli_cache=$app/lib/app/relay-doctor-cli.aot
files() { (cd "$app/lib/desktop" && find . -type f -printf '%P\n'); }
window_training() { # CACHE WITH_PROFILES: one of the window's caches, trained in a configuration folder of its own
  home=$(mktemp -d)
  rm -f "$1"
  RELAY_DOCTOR_HOME="$home" timeout 300 "$app/lib/runtime/bin/java" ${installer.jvmOptions} \
    -XX:AOTCacheOutput="$1" -Xlog:aot=off -Xlog:cds=off \
    -Dglass.platform=Headless -Dprism.order=sw -Drelaydoctor.exitAfterShown=true -Drelaydoctor.aotTrainingProfiles="$2" \
    -p "$app/lib/app/mods" -m ${app.module}/${app.mainClass} >/dev/null 2>&1 || rm -f "$1"
  rm -rf "$home" "$1.config"
}
train() {
  window_training "$cache" false
  window_training "$profiles_cache" true
  home=$(mktemp -d)
  rm -f "$cli_cache"
  RELAY_DOCTOR_HOME="$home" timeout 300 "$app/lib/runtime/bin/java" ${installer.jvmOptions} \
    -XX:AOTCacheOutput="$cli_cache" -Xlog:aot=off -Xlog:cds=off -Drelaydoctor.aotTraining=true \
    -p "$app/lib/app/mods" -m ${app.module}/${app.mainClass} >/dev/null 2>&1 || rm -f "$cli_cache"
  rm -rf "$home" "$cli_cache.config"
}
case "$1" in
  install)
    ln -sf "$app/bin/relay-doctor" /usr/bin/relay-doctor
    files | while read -r f; do
      mkdir -p "$(dirname "/usr/share/$f")"
      ln -sf "$app/lib/desktop/$f" "/usr/share/$f"
    done
    train ;;
  train)
    train
    exit 0 ;;
  remove)
    [ "$(readlink /usr/bin/relay-doctor)" = "$app/bin/relay-doctor" ] && rm -f /usr/bin/relay-doctor
    files | while read -r f; do
      [ "$(readlink "/usr/share/$f")" = "$app/lib/desktop/$f" ] && rm -f "/usr/share/$f"
    done
    rm -f "$cache" "$cache.config" "$profiles_cache" "$profiles_cache.config" "$cli_cache" "$cli_cache.config" ;;
esac
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor
exit 0
