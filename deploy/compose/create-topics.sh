#!/bin/sh
# Creates the topics listed in $1 (compose/topics.txt) on $BOOTSTRAP_SERVERS, one node, so
# replication factor 1. Existing topics are left alone. Runs in the apache/kafka image.
set -eu
list="$1"
bootstrap="${BOOTSTRAP_SERVERS:-kafka:9092}"
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$list" | while read -r topic partitions configs; do
  set --
  for config in $(echo "$configs" | tr ',' ' '); do
    set -- "$@" --config "$config"
  done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "$@" < /dev/null
done
echo "topics:"
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
