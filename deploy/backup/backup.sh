#!/usr/bin/env bash
# SPARKTherapy backup: the PostgreSQL database (pg_dump, custom format, compressed) and the data dir's files
# (message attachments, the generated token key), each encrypted with a passphrase (gpg, AES-256, integrity
# protected), with a SHA-256 manifest, verified right after writing. See docs/deployment.md, "Backups and restores".
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: backup.sh --passphrase-file FILE --out DIR [--data-dir DIR] [--dbname NAME|URL] [--keep-days N]

Writes DIR/sparktherapy-<UTC time>/ with
  database.dump.gpg   pg_dump --format=custom of the database, encrypted
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
  --keep-days N           afterwards, delete this script's backups in DIR older than N days

Exit codes: 0 done and verified, 1 failed, 2 usage or configuration error, 3 verification failed.
USAGE
}

fail() { echo "backup: $1" >&2; exit "${2:-1}"; }
# server messages may quote row values (DETAIL/CONTEXT lines): never let them into logs
redact() { sed -E '/^(pg_dump|pg_restore|psql)?:? *(DETAIL|CONTEXT|LINE [0-9]+):/d; /^(DETAIL|CONTEXT):/d' >&2; }

passphrase_file="" out="" data_dir="${SPARK_DATA_DIR:-}" dbname="${PGDATABASE:-}" keep_days=""
while [ $# -gt 0 ]; do
  case "$1" in
    --passphrase-file) passphrase_file="${2:-}"; shift 2 || fail "--passphrase-file needs a value" 2 ;;
    --out) out="${2:-}"; shift 2 || fail "--out needs a value" 2 ;;
    --data-dir) data_dir="${2:-}"; shift 2 || fail "--data-dir needs a value" 2 ;;
    --dbname) dbname="${2:-}"; shift 2 || fail "--dbname needs a value" 2 ;;
    --keep-days) keep_days="${2:-}"; shift 2 || fail "--keep-days needs a value" 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[ -n "$passphrase_file" ] && [ -n "$out" ] || { usage >&2; exit 2; }
[ -n "$dbname" ] || fail "no database: give --dbname or set PGDATABASE" 2
[ -r "$passphrase_file" ] && [ -s "$passphrase_file" ] || fail "passphrase file missing, unreadable or empty" 2
case "$(stat -c %A "$passphrase_file")" in
  *r??) fail "passphrase file is readable by others: chmod o-rwx it" 2 ;;
esac
[ -z "$data_dir" ] || [ -d "$data_dir" ] || fail "data dir $data_dir does not exist" 2
[ -z "$keep_days" ] || [[ "$keep_days" =~ ^[0-9]+$ ]] || fail "--keep-days takes a number of days" 2
for tool in pg_dump pg_restore gpg gpgconf sha256sum tar; do
  command -v "$tool" >/dev/null || fail "$tool is not installed" 2
done

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
trap cleanup EXIT

gpg_() { gpg --batch --quiet --no-tty --yes --pinentry-mode loopback --passphrase-file "$passphrase_file" "$@"; }
encrypt() { gpg_ --symmetric --cipher-algo AES256 --s2k-mode 3 --s2k-digest-algo SHA512 --s2k-count 65011712 \
  --compress-algo none --output "$1"; }

rm -rf "$partial"
mkdir "$partial"
echo "backup: dumping the database"
# custom format is compressed (zlib) and lets pg_restore list, pick and check it
pg_dump --format=custom --compress=6 --no-password --dbname="$dbname" 2> >(redact) | encrypt "$partial/database.dump.gpg" \
  || fail "pg_dump or encryption failed"

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

cat > "$partial/FORMAT" <<INFO
sparktherapy-backup 1
created $(date -u +%Y-%m-%dT%H:%M:%SZ)
database custom format, $(pg_dump --version)
files $([ -n "$data_dir" ] && echo "tar.gz of attachments/ keys/" || echo none)
encryption gpg --symmetric AES256 (MDC)
INFO
(cd "$partial" && sha256sum -- *.gpg FORMAT > SHA256SUMS)

echo "backup: verifying"
(cd "$partial" && sha256sum --quiet --check SHA256SUMS) || fail "checksums do not match what was just written" 3
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
files=0
if [ -f "$partial/files.tar.gz.gpg" ]; then
  gpg_ --output "$work/files.tar.gz" --decrypt "$partial/files.tar.gz.gpg" || fail "the files archive does not decrypt" 3
  listing=$(tar --list --gzip --file "$work/files.tar.gz") || fail "the files archive does not list" 3
  rm -f "$work/files.tar.gz"
  files=$(grep -vc -e '/$' -e '^$' <<<"$listing" || true)
fi

mv "$partial" "$out/$name"
echo "backup: wrote $out/$name ($entries database entries, $files files, $(du -sh "$out/$name" | cut -f1)), verified"

if [ -n "$keep_days" ]; then
  find "$out" -mindepth 1 -maxdepth 1 -type d -name 'sparktherapy-*' -mtime +"$keep_days" -print0 \
    | while IFS= read -r -d '' old; do rm -rf -- "$old"; echo "backup: removed $old (older than $keep_days days)"; done
fi
