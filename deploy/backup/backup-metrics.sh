# Sourced by backup.sh and base-backup.sh (not run on its own): each run publishes its result for Prometheus
# through node_exporter's textfile collector (--collector.textfile.directory, Debian's default
# /var/lib/prometheus/node-exporter). One file per kind of backup (dump, embedded, base), so the scripts never
# write each other's files and may run as different users:
#   ${BACKUP_METRICS_DIR:-/var/lib/prometheus/node-exporter}/sparktherapy_backup_<kind>.prom
# BACKUP_METRICS_DIR set and empty: nothing is written. A failed run keeps the time and size of the last good one.
# Alerts: deploy/prometheus/alerts.yml (SparkTherapyBackupTooOld, SparkTherapyBackupFailed); docs/deployment.md.

# backup_metrics_publish KIND OK(1|0) START_EPOCH SIZE_BYTES
backup_metrics_publish() {
  local kind="$1" ok="$2" start="$3" size="$4"
  local dir="${BACKUP_METRICS_DIR-/var/lib/prometheus/node-exporter}"
  [ -n "$dir" ] || return 0
  if [ ! -d "$dir" ] || [ ! -w "$dir" ]; then
    echo "backup: metrics not written: $dir is missing or not writable (set BACKUP_METRICS_DIR, empty for none)" >&2
    return 0
  fi
  local file="$dir/sparktherapy_backup_$kind.prom" now success_at success_size tmp
  now=$(date -u +%s)
  if [ "$ok" = 1 ]; then
    success_at="$now" success_size="$size"
  else
    # the last good run's values, from the file this script wrote last time (0 if none yet: the alert fires)
    success_at=$(sed -nE 's/^sparktherapy_backup_last_success_timestamp_seconds\{[^}]*\} ([0-9]+)$/\1/p' "$file" 2>/dev/null | tail -n 1)
    success_size=$(sed -nE 's/^sparktherapy_backup_last_success_size_bytes\{[^}]*\} ([0-9]+)$/\1/p' "$file" 2>/dev/null | tail -n 1)
  fi
  tmp=$(mktemp "$dir/.sparktherapy_backup_$kind.XXXXXX") || { echo "backup: metrics not written to $dir" >&2; return 0; }
  cat > "$tmp" <<METRICS
# HELP sparktherapy_backup_last_success_timestamp_seconds When the last good (verified) backup of this kind finished, 0 if none yet.
# TYPE sparktherapy_backup_last_success_timestamp_seconds gauge
sparktherapy_backup_last_success_timestamp_seconds{kind="$kind"} ${success_at:-0}
# HELP sparktherapy_backup_last_success_size_bytes Size of the last good backup of this kind.
# TYPE sparktherapy_backup_last_success_size_bytes gauge
sparktherapy_backup_last_success_size_bytes{kind="$kind"} ${success_size:-0}
# HELP sparktherapy_backup_last_run_timestamp_seconds When the last run of this kind finished, good or not.
# TYPE sparktherapy_backup_last_run_timestamp_seconds gauge
sparktherapy_backup_last_run_timestamp_seconds{kind="$kind"} $now
# HELP sparktherapy_backup_last_run_success 1 if the last run of this kind made a verified backup, 0 if it failed.
# TYPE sparktherapy_backup_last_run_success gauge
sparktherapy_backup_last_run_success{kind="$kind"} $ok
# HELP sparktherapy_backup_last_duration_seconds How long the last run of this kind took.
# TYPE sparktherapy_backup_last_duration_seconds gauge
sparktherapy_backup_last_duration_seconds{kind="$kind"} $(( now - start ))
METRICS
  # node_exporter reads *.prom only: the temporary name is never half read; rename is atomic
  chmod 0644 "$tmp" && mv -f -- "$tmp" "$file" || { rm -f -- "$tmp"; echo "backup: metrics not written to $file" >&2; }
  return 0
}
