#!/usr/bin/env bash
# Grants one principal its role in the belief network's access policy: the same ACLs as
# io.beliefnet.kafka.NetworkAcls, which SecureBrokerIT checks against a real broker.
#
#   acls.sh agent agent-7             write claims, read beliefs, groups agent-7.*
#   acls.sh resolver resolver-1       write outcomes
#   acls.sh identity-service registry write agent registrations
#   acls.sh job belief-job [GROUP_ID] [TRANSACTIONAL_ID_PREFIX]
#                                     read the inputs, write the outputs in transactions
#
# GROUP_ID and TRANSACTIONAL_ID_PREFIX default to the job's defaults (kafka.group-id and
# kafka.transactional-id-prefix, both belief-job). Environment:
#   BOOTSTRAP      a SASL_SSL listener, e.g. kafka-1.example.internal:9093 (required)
#   ADMIN_CONFIG   client settings of a super user (default deploy/clients/admin.properties)
#   KAFKA_HOME     Kafka installation holding bin/kafka-acls.sh (default /opt/kafka)
#   TOPIC_<NAME>   a topic's name where the job runs with --topic.<name>, e.g. TOPIC_CLAIMS
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
role=$1
user=$2
: "${BOOTSTRAP:?set BOOTSTRAP to a SASL_SSL listener, host:port}"
here=$(cd "$(dirname "$0")" && pwd)
admin_config=${ADMIN_CONFIG:-$here/../clients/admin.properties}
kafka_home=${KAFKA_HOME:-/opt/kafka}

claims=${TOPIC_CLAIMS:-claims}
outcomes=${TOPIC_OUTCOMES:-outcomes}
agents=${TOPIC_AGENTS:-agents}
beliefs=${TOPIC_BELIEFS:-beliefs}
reliability=${TOPIC_AGENT_RELIABILITY:-agent-reliability}
settlements=${TOPIC_SETTLEMENTS:-settlements}
rejected=${TOPIC_REJECTED:-rejected}
feedback=${TOPIC_MODEL_FEEDBACK:-model-feedback}

allow() {
  "$kafka_home/bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" \
    --command-config "$admin_config" --add --allow-principal "User:$user" "$@"
}

case $role in
  agent)
    allow --operation Write --topic "$claims"
    allow --operation Read --topic "$beliefs"
    allow --operation Read --group "$user." --resource-pattern-type prefixed
    ;;
  resolver)
    allow --operation Write --topic "$outcomes"
    ;;
  identity-service)
    allow --operation Write --topic "$agents"
    ;;
  job)
    group=${3:-belief-job}
    prefix=${4:-belief-job}
    allow --operation Read --topic "$claims" --topic "$outcomes" --topic "$agents"
    allow --operation Write --topic "$beliefs" --topic "$reliability" \
      --topic "$settlements" --topic "$rejected" --topic "$feedback"
    allow --operation Read --topic "$feedback"
    allow --operation Read --group "$group"
    allow --operation Write --transactional-id "$prefix" --resource-pattern-type prefixed
    ;;
  *)
    usage
    ;;
esac
