#!/usr/bin/env bash
# SPARKTherapy backup: the PostgreSQL database (pg_dump, custom format, compressed) and the data dir's files
# (message attachments, the generated token key), each encrypted with a passphrase (gpg, AES-256, integrity
# protected), with a SHA-256 manifest, verified right after writing. See docs/deployment.md, "Backups and restores".
# The embedded PostgreSQL of a first run or demo (--embedded) is copied by the running server itself
# (pg_backup_start/pg_backup_stop, ADR 0042): no pg_dump of its major version is needed.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: backup.sh --passphrase-file FILE --out DIR [--data-dir DIR] [--dbname NAME|URL | --embedded] [--keep-days N]

Writes DIR/sparktherapy-<UTC time>/ with
  database.dump.gpg   pg_dump --format=custom of the database, encrypted
  postgres.tar.gz.gpg, postgres-wal.tar.gz.gpg  instead, with --embedded: the app's embedded PostgreSQL
                      (DATA_DIR/postgres) copied while it runs, and the WAL that makes the copy consistent
  files.tar.gz.gpg    attachments/ and keys/ of the data dir (if --data-dir is given), encrypted
  SHA256SUMS          checksums of both (sha256sum -c SHA256SUMS)
  FORMAT              what made the backup (no clinical data)
then checks it: checksums, decryption (to a temporary file under $TMPDIR as large as the backup), the dump's
`pg_restore --list` and a full read of its data, `tar -t` of the files.
It is written as .incomplete-* and renamed only once verified; a failed one is removed.

  --passphrase-file FILE  first line is the passphrase; must not be readable by others
  --out DIR               where backups go (created if missing)
  --data-dir DIR          SPARK_DATA_DIR of the app (default: $SPARK_DATA_DIR; none: database only)
  --dbname NAME|URL       database to dump (default: $PGDATABASE); host, port, user and password come from
                          the usual libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD or PGPASSFILE
  --embedded              the database is the app's embedded PostgreSQL in DATA_DIR/postgres (default: set
                          when $BACKUP_EMBEDDED is true); the app must be running. Needs psql (any version
                          from 10 on: only SQL is sent) and GNU tar, not pg_dump.
  --keep-days N           afterwards, delete this script's backups in DIR whose time (in their name) is more
                          than N days ago, never the one just written (default: $BACKUP_KEEP_DAYS; none: keep all)

Each run (a failed one too) writes its result for Prometheus to
$BACKUP_METRICS_DIR/sparktherapy_backup_<dump|embedded>.prom (default: /var/lib/prometheus/node-exporter, the
textfile collector's directory of node_exporter; empty: none). See backup-metrics.sh.

Exit codes: 0 done and verified, 1 failed, 2 usage or configuration error, 3 verification failed.
USAGE
}

fail() { echo "backup: $1" >&2; exit "${2:-1}"; }
# server messages may quote row values (DETAIL/CONTEXT lines): never let them into logs
redact() { sed -E '/^(pg_dump|pg_restore|psql)?:? *(DETAIL|CONTEXT|LINE [0-9]+):/d; /^(DETAIL|CONTEXT):/d' >&2; }

passphrase_file="" out="" data_dir="${SPARK_DATA_DIR:-}" dbname="${PGDATABASE:-}" keep_days="${BACKUP_KEEP_DAYS:-}"
embedded=false
case "${BACKUP_EMBEDDED:-}" in true|yes|1) embedded=true ;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --passphrase-file) passphrase_file="${2:-}"; shift 2 || fail "--passphrase-file needs a value" 2 ;;
    --out) out="${2:-}"; shift 2 || fail "--out needs a value" 2 ;;
    --data-dir) data_dir="${2:-}"; shift 2 || fail "--data-dir needs a value" 2 ;;
    --dbname) dbname="${2:-}"; shift 2 || fail "--dbname needs a value" 2 ;;
    --keep-days) [ $# -ge 2 ] || fail "--keep-days needs a value" 2; keep_days="$2"; shift 2 ;;
    --embedded) embedded=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

# From here on, every run publishes its result for Prometheus (backup-metrics.sh), a failed one too
started=$(date -u +%s) kind=dump backup_size=0
[ "$embedded" = true ] && kind=embedded
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=backup-metrics.sh
if ! . "$here/backup-metrics.sh"; then
  echo "backup: $here/backup-metrics.sh is missing: no metrics for Prometheus" >&2
  backup_metrics_publish() { :; }
fi
cleanup() { :; }
on_exit() {
  local status=$?
  cleanup
  backup_metrics_publish "$kind" "$([ "$status" = 0 ] && echo 1 || echo 0)" "$started" "$backup_size"
}
trap on_exit EXIT

[ -n "$passphrase_file" ] && [ -n "$out" ] || { usage >&2; exit 2; }
if [ "$embedded" = true ]; then
  [ -n "$data_dir" ] || fail "--embedded needs --data-dir (or SPARK_DATA_DIR): the database is in DATA_DIR/postgres" 2
else
  [ -n "$dbname" ] || fail "no database: give --dbname (or set PGDATABASE), or --embedded" 2
fi
[ -r "$passphrase_file" ] && [ -s "$passphrase_file" ] || fail "passphrase file missing, unreadable or empty" 2
case "$(stat -c %A "$passphrase_file")" in
  *r??) fail "passphrase file is readable by others: chmod o-rwx it" 2 ;;
esac
[ -z "$data_dir" ] || [ -d "$data_dir" ] || fail "data dir $data_dir does not exist" 2
[ -z "$keep_days" ] || [[ "$keep_days" =~ ^[0-9]+$ ]] || fail "--keep-days takes a number of days" 2
tools=(pg_dump pg_restore gpg gpgconf sha256sum tar)
[ "$embedded" = true ] && tools=(psql gpg gpgconf sha256sum tar)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || fail "$tool is not installed" 2
done
if [ "$embedded" = true ]; then
  pgdata="$data_dir/postgres"
  [ -f "$pgdata/PG_VERSION" ] || fail "no embedded PostgreSQL in $pgdata" 2
  [ -r "$pgdata/sparktherapy.password" ] || fail "$pgdata/sparktherapy.password is missing or unreadable (run as the app's user; an app from before ADR 0042 writes it at its next start)" 2
  pid="$(sed -n 1p "$pgdata/postmaster.pid" 2>/dev/null || true)"
  port="$(sed -n 4p "$pgdata/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$port" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
    || fail "the embedded PostgreSQL in $pgdata is not running: start the app (the backup copies the running server)" 2
fi

umask 077
mkdir -p "$out"
name="sparktherapy-$(date -u +%Y%m%dT%H%M%SZ)"
[ ! -e "$out/$name" ] || fail "$out/$name already exists" 2
partial="$out/.incomplete-$name"
work="$(mktemp -d)"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
cleanup() {
  gpgconf --kill gpg-agent >/dev/null 2>&1 || true
  rm -rf "$work" "$partial"
}

gpg_() { gpg --batch --quiet --no-tty --yes --pinentry-mode loopback --passphrase-file "$passphrase_file" "$@"; }
encrypt() { gpg_ --symmetric --cipher-algo AES256 --s2k-mode 3 --s2k-digest-algo SHA512 --s2k-count 65011712 \
  --compress-algo none --output "$1"; }

# The embedded PostgreSQL, copied while it runs with PostgreSQL's own low-level base backup (the server is the
# embedded distribution's, so every tool that reads or writes its files is of its major version): in one psql
# session, a temporary replication slot keeps the WAL from now on, pg_backup_start checkpoints, the data
# directory is archived while the server goes on writing, pg_backup_stop returns the backup label, and the WAL
# from the start to the stop segment is archived with it. A restore replays that WAL (restore.sh).
backup_embedded() {
  echo "backup: copying the embedded PostgreSQL (running, port $port)"
  mkdir -m 700 "$work/label"
  # psql runs these with sh, which knows no bash functions: they call the same gpg as encrypt()
  local encrypt_to
  encrypt_to="GNUPGHOME=$(printf %q "$GNUPGHOME") gpg --batch --quiet --no-tty --yes --pinentry-mode loopback \
--passphrase-file $(printf %q "$passphrase_file") --symmetric --cipher-algo AES256 --s2k-mode 3 --s2k-digest-algo SHA512 \
--s2k-count 65011712 --compress-algo none --output"
  # GNU tar exits 1 when a file changed or vanished while it was read: expected here, WAL replay repairs it
  cat > "$work/copy-data" <<COPY
#!/usr/bin/env bash
tar --create --gzip --directory=$(printf %q "$pgdata") --warning=no-file-changed --warning=no-file-removed \
  --warning=no-file-shrank --anchored --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./epg-lock \
  --exclude=./backup_label --exclude=./backup_label.old --exclude=./tablespace_map --exclude='./pg_wal/*' \
  --exclude='./pg_replslot/*' --exclude='./pg_dynshmem/*' --exclude='./pg_notify/*' --exclude='./pg_serial/*' \
  --exclude='./pg_snapshots/*' --exclude='./pg_stat_tmp/*' --exclude='./pg_subtrans/*' --no-anchored \
  --exclude='pgsql_tmp*' . | $encrypt_to $(printf %q "$partial/postgres.tar.gz.gpg")
status=("\${PIPESTATUS[@]}")
[ "\${status[0]}" -le 1 ] && [ "\${status[1]}" = 0 ] && touch $(printf %q "$work/data.ok")
COPY
  cat > "$work/copy-wal" <<COPY
#!/usr/bin/env bash
first=\$(sed -nE 's/^START WAL LOCATION: .*\(file ([0-9A-F]{24})\)\$/\1/p' $(printf %q "$work/label/backup_label"))
last=\$(tr -d '[:space:]' < $(printf %q "$work/stop-segment"))
[[ "\$first" =~ ^[0-9A-F]{24}\$ ]] && [[ "\$last" =~ ^[0-9A-F]{24}\$ ]] || exit 1
segments=()
for f in $(printf %q "$pgdata")/pg_wal/*; do
  n=\$(basename "\$f")
  if [[ "\$n" =~ ^[0-9A-F]{24}\$ ]] && [[ ! "\$n" < "\$first" ]] && [[ ! "\$n" > "\$last" ]] || [[ "\$n" =~ ^[0-9A-F]{8}\.history\$ ]]; then
    segments+=("pg_wal/\$n")
  fi
done
printf '%s\n' "\${segments[@]}" | grep -q "\$first" || exit 1
tar --create --gzip --directory=$(printf %q "$work/label") backup_label --directory=$(printf %q "$pgdata") "\${segments[@]}" \
  | $encrypt_to $(printf %q "$partial/postgres-wal.tar.gz.gpg")
status=("\${PIPESTATUS[@]}")
[ "\${status[0]}" = 0 ] && [ "\${status[1]}" = 0 ] && echo "\$first" > $(printf %q "$work/wal.ok")
COPY
  chmod 700 "$work/copy-data" "$work/copy-wal"
  PGPASSWORD="$(head -n 1 "$pgdata/sparktherapy.password")" PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres \
    PGDATABASE=postgres PGAPPNAME=sparktherapy-backup \
    psql --no-psqlrc --no-password --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 2> >(redact) > /dev/null <<SQL \
    || fail "the embedded PostgreSQL could not be copied (psql failed)"
select pg_create_physical_replication_slot('sparktherapy_backup_$$', true, true);
select pg_backup_start('$name', true);
\! $work/copy-data
select labelfile, pg_walfile_name(lsn) as segment from pg_backup_stop(false) \gset stop_
\o $work/label/backup_label
\qecho -n :stop_labelfile
\o $work/stop-segment
\qecho :stop_segment
\o
\! $work/copy-wal
SQL
  [ -f "$work/data.ok" ] || fail "archiving or encrypting the embedded PostgreSQL's files failed"
  [ -f "$work/wal.ok" ] || fail "archiving the WAL of the copy failed (its first segment is missing)"
  wal_start="$(cat "$work/wal.ok")"
  rm -rf "$work/label" "$work/copy-data" "$work/copy-wal" "$work/stop-segment"
}

rm -rf "$partial"
mkdir "$partial"
if [ "$embedded" = true ]; then
  backup_embedded
else
  echo "backup: dumping the database"
  # custom format is compressed (zlib) and lets pg_restore list, pick and check it
  pg_dump --format=custom --compress=6 --no-password --dbname="$dbname" 2> >(redact) | encrypt "$partial/database.dump.gpg" \
    || fail "pg_dump or encryption failed"
fi

if [ -n "$data_dir" ]; then
  echo "backup: archiving the data dir's files"
  parts=()
  for part in attachments keys; do
    [ -e "$data_dir/$part" ] && parts+=("$part")
  done
  # an empty archive when the clinic has no files yet, so a restore always finds one
  tar --create --gzip --directory="$data_dir" --exclude='.upload-*.tmp' --files-from=<(printf '%s\n' "${parts[@]+"${parts[@]}"}") \
    | encrypt "$partial/files.tar.gz.gpg" || fail "archiving or encrypting the files failed"
fi

if [ "$embedded" = true ]; then
  database_format="embedded PostgreSQL $(cat "$pgdata/PG_VERSION"), base backup (pg_backup_start/stop) from WAL $wal_start"
else
  database_format="custom format, $(pg_dump --version)"
fi
cat > "$partial/FORMAT" <<INFO
sparktherapy-backup 1
created $(date -u +%Y-%m-%dT%H:%M:%SZ)
database $database_format
files $([ -n "$data_dir" ] && echo "tar.gz of attachments/ keys/" || echo none)
encryption gpg --symmetric AES256 (MDC)
INFO
(cd "$partial" && sha256sum -- *.gpg FORMAT > SHA256SUMS)

echo "backup: verifying"
(cd "$partial" && sha256sum --quiet --check SHA256SUMS) || fail "checksums do not match what was just written" 3
if [ "$embedded" = true ]; then
  # both archives decrypt and list, hold a cluster of the same major version, the label and its first WAL
  gpg_ --output "$work/postgres.tar.gz" --decrypt "$partial/postgres.tar.gz.gpg" || fail "the copy does not decrypt" 3
  listing=$(tar --list --gzip --file "$work/postgres.tar.gz") || fail "the copy does not list" 3
  rm -f "$work/postgres.tar.gz"
  for needed in ./PG_VERSION ./global/pg_control ./sparktherapy.password; do
    grep -qxF "$needed" <<<"$listing" || fail "the copy lacks $needed" 3
  done
  entries=$(grep -c -v '/$' <<<"$listing" || true)
  gpg_ --output "$work/wal.tar.gz" --decrypt "$partial/postgres-wal.tar.gz.gpg" || fail "the WAL does not decrypt" 3
  listing=$(tar --list --gzip --file "$work/wal.tar.gz") || fail "the WAL does not list" 3
  rm -f "$work/wal.tar.gz"
  grep -qxF backup_label <<<"$listing" && grep -qxF "pg_wal/$wal_start" <<<"$listing" \
    || fail "the WAL archive lacks the backup label or its first segment" 3
else
  # decrypt to a file first, never into a pipe that a reader may close early: `pg_restore --list` stops after the
  # table of contents, and gpg writing the rest then dies of SIGPIPE (and gpg checks integrity only at the end)
  gpg_ --output "$work/database.dump" --decrypt "$partial/database.dump.gpg" \
    || fail "the dump does not decrypt" 3
  listing=$(pg_restore --list "$work/database.dump" 2> >(redact)) || fail "the decrypted dump does not list" 3
  entries=$(grep -c '^[0-9]' <<<"$listing" || true)
  [ "$entries" -gt 0 ] || fail "the dump lists no entries" 3
  # read every entry's data (decompressing it) as a restore would, into nothing
  pg_restore --file=/dev/null "$work/database.dump" 2> >(redact) || fail "the decrypted dump does not read through" 3
  rm -f "$work/database.dump"
fi
files=0
if [ -f "$partial/files.tar.gz.gpg" ]; then
  gpg_ --output "$work/files.tar.gz" --decrypt "$partial/files.tar.gz.gpg" || fail "the files archive does not decrypt" 3
  listing=$(tar --list --gzip --file "$work/files.tar.gz") || fail "the files archive does not list" 3
  rm -f "$work/files.tar.gz"
  files=$(grep -vc -e '/$' -e '^$' <<<"$listing" || true)
fi

mv "$partial" "$out/$name"
backup_size=$(du -sb "$out/$name" | cut -f1)
echo "backup: wrote $out/$name ($entries database entries, $files files, $(du -sh "$out/$name" | cut -f1)), verified"

# Retention, only after a new backup was verified: a backup's time is the one in its name (the directory's
# mtime changes when it is copied around); the one just written and the newest by name are always kept.
if [ -n "$keep_days" ]; then
  cutoff=$(( $(date -u +%s) - keep_days * 86400 ))
  newest=$(find "$out" -mindepth 1 -maxdepth 1 -type d -name 'sparktherapy-*' -printf '%f\n' | sort | tail -n 1)
  find "$out" -mindepth 1 -maxdepth 1 -type d -name 'sparktherapy-*' -printf '%f\n' | sort | while IFS= read -r old; do
    [[ "$old" =~ ^sparktherapy-([0-9]{8})T([0-9]{2})([0-9]{2})([0-9]{2})Z$ ]] || continue
    [ "$old" != "$name" ] && [ "$old" != "$newest" ] || continue
    taken=$(date -u -d "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}:${BASH_REMATCH[3]}:${BASH_REMATCH[4]}" +%s 2>/dev/null) || continue
    if [ "$taken" -lt "$cutoff" ]; then
      rm -rf -- "${out:?}/$old"
      echo "backup: removed $old (older than $keep_days days)"
    fi
  done
fi
