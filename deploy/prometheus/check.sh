#!/usr/bin/env bash
# Checks the Prometheus files with the real promtool: the scrape config (and the rule file it names) and the alert
# rules' unit tests. Usage: deploy/prometheus/check.sh   (promtool: Debian's `prometheus` package)
set -euo pipefail
cd "$(dirname "$0")"
promtool check config prometheus.yml
promtool test rules alerts.test.yml
echo "prometheus config and alerts OK"
