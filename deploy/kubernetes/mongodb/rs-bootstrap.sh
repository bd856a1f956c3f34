#!/bin/bash
# Runs in the "rs-bootstrap" sidecar of every MongoDB pod, next to mongod (same network namespace,
# so "localhost" is this pod's mongod). Idempotent: safe on every pod start.
#
#   pod 0, first start: initiate the replica set with itself (allowed through MongoDB's localhost
#                       exception while no user exists), then create the root user.
#   every pod:          log in as root, add this pod to the replica set if it is not a member yet,
#                       create or update one user per service (readWrite on that service's database
#                       only), as listed in APP_USERS with passwords from MONGODB_PASSWORD_<USER>.
# Then it sleeps; if anything fails it exits non-zero and the kubelet restarts it, which retries.
set -euo pipefail

: "${POD_NAME:?}" "${REPLICA_SET:?}" "${HEADLESS_SERVICE:?}" "${MONGO_ROOT_USERNAME:?}" "${MONGO_ROOT_PASSWORD:?}"
export HOME=/tmp   # mongosh keeps its history and logs under $HOME; the root filesystem is read-only
ordinal="${POD_NAME##*-}"
statefulset="${POD_NAME%-*}"
export SELF_HOST="${POD_NAME}.${HEADLESS_SERVICE}:27017"
export SEED_HOST="${statefulset}-0.${HEADLESS_SERVICE}:27017"

mongo() { mongosh --quiet --norc "$@"; }

echo "waiting for the local mongod"
until mongo --host localhost --eval 'db.adminCommand({ ping: 1 }).ok' >/dev/null 2>&1; do sleep 2; done

if [ "$ordinal" = "0" ]; then
  mongo --host localhost --eval '
    if (!db.hello().setName) {
      print("initiating replica set " + process.env.REPLICA_SET + " with " + process.env.SELF_HOST);
      rs.initiate({ _id: process.env.REPLICA_SET, members: [{ _id: 0, host: process.env.SELF_HOST }] });
    }
    for (let i = 0; i < 120; i++) {
      const hello = db.hello();
      if (hello.isWritablePrimary || hello.secondary) break;
      sleep(1000);
    }
    try {
      // Succeeds only through the localhost exception, that is while no user exists yet.
      db.getSiblingDB("admin").createUser({
        user: process.env.MONGO_ROOT_USERNAME, pwd: process.env.MONGO_ROOT_PASSWORD,
        roles: [{ role: "root", db: "admin" }] });
      print("created the root user");
    } catch (e) {
      // Unauthorized: users exist, the localhost exception is closed. 51003: the user exists.
      if (e.codeName !== "Unauthorized" && e.code !== 51003) throw e;
    }'
fi

echo "ensuring membership of ${SELF_HOST} and the service users"
until mongo "mongodb://${SEED_HOST}/?replicaSet=${REPLICA_SET}" --eval 'db.hello().ok' >/dev/null 2>&1; do sleep 3; done
mongo "mongodb://${SEED_HOST}/?replicaSet=${REPLICA_SET}" --eval '
  const admin = db.getSiblingDB("admin");
  admin.auth(process.env.MONGO_ROOT_USERNAME, process.env.MONGO_ROOT_PASSWORD);
  const self = process.env.SELF_HOST;
  if (!rs.conf().members.some(m => m.host === self)) {
    print("adding " + self + " to the replica set");
    rs.add({ host: self });
  }
  for (const entry of (process.env.APP_USERS || "").split(/\s+/).filter(s => s.length > 0)) {
    const [user, database] = entry.split("=");
    const variable = "MONGODB_PASSWORD_" + user.toUpperCase().replace(/-/g, "_");
    const pwd = process.env[variable];
    if (!pwd) throw new Error(variable + " is not set (Secret mongodb-credentials)");
    const roles = [{ role: "readWrite", db: database }];
    if (admin.getUser(user) === null) {
      print("creating user " + user + " (readWrite on " + database + ")");
      admin.createUser({ user: user, pwd: pwd, roles: roles });
    } else {
      admin.updateUser(user, { pwd: pwd, roles: roles });
    }
  }'

echo "bootstrap done"
exec sleep infinity
