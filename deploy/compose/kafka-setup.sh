#!/bin/sh
# Prepares docker-compose.yml's Kafka, as Strimzi does in Kubernetes, as the super user
# ($ADMIN_CONFIG, on $BOOTSTRAP_SERVERS); runs in the apache/kafka image, and again at every `up`:
#   1. the topics of $1 (compose/topics.txt), replication factor 1; existing topics are left alone;
#   2. a SCRAM-SHA-512 login per service, its password from KAFKA_PASSWORD_<SERVICE> (e.g.
#      KAFKA_PASSWORD_POINTS_SERVICE), set again each time;
#   3. the ACLs of $2 (compose/kafka-acls.txt: <user> <resource type> <pattern type> <name> <operation>,...),
#      both files generated from the contracts' registry.
set -eu
topics="$1"
acls="$2"
bootstrap="${BOOTSTRAP_SERVERS:-kafka:9091}"
config="${ADMIN_CONFIG:-/patronage/kafka-admin.properties}"
bin=/opt/kafka/bin

grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$topics" | while read -r topic partitions configs; do
  set --
  for setting in $(echo "$configs" | tr ',' ' '); do
    set -- "$@" --config "$setting"
  done
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "$@" < /dev/null
done

for user in $(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$acls" | cut -d' ' -f1 | sort -u); do
  variable="KAFKA_PASSWORD_$(echo "$user" | tr 'a-z-' 'A-Z_')"
  password="$(printenv "$variable" || true)"
  [ -n "$password" ] || { echo "kafka-setup: $variable is not set" >&2; exit 1; }
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$config" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=$password]" < /dev/null
done

grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$acls" | while read -r user type pattern name operations; do
  case "$type" in
    topic) resource="--topic" ;;
    group) resource="--group" ;;
    transactionalId) resource="--transactional-id" ;;
    *) echo "kafka-setup: unknown resource type $type" >&2; exit 1 ;;
  esac
  [ "$pattern" = prefix ] && pattern=prefixed
  set --
  for operation in $(echo "$operations" | tr ',' ' '); do
    set -- "$@" --operation "$operation"
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" --add \
    --allow-principal "User:$user" "$resource" "$name" --resource-pattern-type "$pattern" "$@" < /dev/null > /dev/null
done

echo "topics:"
"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" --list
echo "kafka-setup done"
