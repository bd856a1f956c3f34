// Run by docker-compose.yml's mongodb-users (mongosh, as the root user) at every `up`: one user per
// service with readWrite on its own database only, password from MONGODB_PASSWORD_<SERVICE>; as the
// Kubernetes bootstrap sidecar does (kubernetes/mongodb/rs-bootstrap.sh).
const users = {
  "enrollment-service": "patronage-enrollment",
  "points-service": "patronage-points",
  "rewards-service": "patronage-rewards",
  "analytics-service": "patronage-analytics",
};
const admin = db.getSiblingDB("admin");
for (const [user, database] of Object.entries(users)) {
  const variable = "MONGODB_PASSWORD_" + user.toUpperCase().replace(/-/g, "_");
  const pwd = process.env[variable];
  if (!pwd) throw new Error(variable + " is not set");
  const roles = [{ role: "readWrite", db: database }];
  if (admin.getUser(user) === null) {
    admin.createUser({ user: user, pwd: pwd, roles: roles });
  } else {
    admin.updateUser(user, { pwd: pwd, roles: roles });
  }
  print("user " + user + ": readWrite on " + database);
}
